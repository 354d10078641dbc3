"""Font profiles: which font names to write for each role.

Font names differ between machines: 仿宋_GB2312 and 方正小标宋简体 are the standard's names
and the default; Windows 10+ and WPS ship 仿宋/楷体/宋体 instead. A custom profile is a YAML
file with the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.files.fsio import read_text
from drafter.core.files.yamlio import load_yaml


class FontProfileError(DrafterError):
    """A custom font profile that cannot be used."""

    noun = "字体方案"


@dataclass(frozen=True)
class FontProfile:
    """East Asian font names by role, plus the font for digits and Latin letters."""

    title: str
    body: str
    h1: str
    h2: str
    h3: str
    h4: str
    page_number: str
    latin: str = "Times New Roman"
    overflow_punctuation: bool = False
    """Let 。，、 hang past the right edge (some offices want it); off keeps 28 a line."""

    def names(self) -> list[str]:
        """Every font name the profile writes, for the document's font table."""
        return [
            self.title,
            self.body,
            self.h1,
            self.h2,
            self.h3,
            self.h4,
            self.page_number,
            self.latin,
        ]


PROFILES: dict[str, FontProfile] = {
    "gb2312": FontProfile(
        title="方正小标宋简体",
        body="仿宋_GB2312",
        h1="黑体",
        h2="楷体_GB2312",
        h3="仿宋_GB2312",
        h4="仿宋_GB2312",
        page_number="宋体",
    ),
    "windows": FontProfile(
        title="华文中宋",
        body="仿宋",
        h1="黑体",
        h2="楷体",
        h3="仿宋",
        h4="仿宋",
        page_number="宋体",
    ),
}


def load_profile(name_or_path: str) -> FontProfile:
    """A built-in profile by name, or a custom one from a YAML file."""
    if name_or_path in PROFILES:
        return PROFILES[name_or_path]
    path = Path(name_or_path)
    if not path.suffix:
        raise FontProfileError(
            f"没有“{name_or_path}”这个字体方案；可用 {'、'.join(PROFILES)}，或一个 .yaml 文件"
        )
    data, lines = load_yaml(read_text(path, FontProfileError), path, FontProfileError)
    if not isinstance(data, dict):
        raise FontProfileError("字体方案应写成“用途: 字体名”的映射", path, 1)
    names = {f.name for f in fields(FontProfile)}
    for key, value in data.items():
        if key not in names:
            raise FontProfileError(
                f"没有 {key} 这个用途（可用：{'、'.join(sorted(names))}）",
                path,
                lines.line((key,)),
            )
        if key == "overflow_punctuation":
            if not isinstance(value, bool):
                raise FontProfileError(f"{key} 应写 true 或 false", path, lines.line((key,)))
        elif not isinstance(value, str) or not value.strip():
            raise FontProfileError(f"{key} 应写字体名", path, lines.line((key,)))
    base = PROFILES["gb2312"]
    return FontProfile(**{f.name: data.get(f.name, getattr(base, f.name)) for f in fields(base)})

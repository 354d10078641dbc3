"""Reading an archive: which files to take, and the paragraphs of each.

Text files may be UTF-8 (with or without BOM), UTF-16, GB18030/GBK or Big5; the encoding is
chosen by BOM, then strict decoding scored by how common the decoded characters are, then
charset-normalizer. .doc and .wps go through LibreOffice when it is installed (office.py).
Only regular files are read: no FIFOs or devices, and no symlinks leading out of a folder
being harvested; a text file is read up to its size limit and no further.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from charset_normalizer import from_bytes

from drafter.core.errors import os_reason
from drafter.core.harvest.docxsafe import docx_paragraphs
from drafter.core.harvest.office import convert_and_read
from drafter.core.harvest.source import Paragraph, ReadError, read_capped

TEXT_SUFFIXES = (".txt", ".md")
SUFFIXES = (".txt", ".md", ".docx", ".doc", ".wps")
MAX_TEXT_BYTES = 64 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# The 300 most frequent characters of modern Chinese prose: a decoding that yields many of
# them is the right one (GBK bytes read as Big5, or the reverse, give rare characters).
_COMMON = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也"
    "能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实"
    "加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样"
    "与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情"
    "者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级"
    "少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色"
    "光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再"
    "采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马"
    "节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须"
    "际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准"
    "精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火"
    "住调满县局照参红细引听该铁价严們這個來對為會說時國發經當"
)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_MD_SKIP_RE = re.compile(r"^\s*+(?:```|~~~|[-*_]{3,}\s*$|\|?\s*:?-{3,})")
_MD_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")  # closing #s: _heading_text
_MD_PREFIX_RE = re.compile(r"^\s*(?:>\s*)*(?:[-*+]\s+(?:\[[ xX]\]\s+)?)?")
# No pattern may rescan the rest of a line from each position (200 KB of one character, or
# 100K spaces, must stay linear): classes exclude their own openers, spans are bounded.
_MD_INLINE = (
    (re.compile(r"!\[[^\[\]]*\]\([^()]*\)"), ""),
    (re.compile(r"\[([^\[\]]*)\]\([^()]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"([*`])(?=\S)([^*`]+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"<[^<>\n]{1,200}>"), ""),
)
# A bold point inside a paragraph ("…。**二是强化结果运用。**…") starts a paragraph of its own.
_MD_LEAD_IN_RE = re.compile(r"(?<=[。！？])\s*(?=\*\*[一二三四五六七八九十]是[^*]{2,20}[。：]\*\*)")


def collect_files(paths: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to harvest from files and folders (recursively), and arguments that cannot be."""
    files: list[Path] = []
    bad: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            root = Path(os.path.realpath(path))
            for folder, dirs, names in os.walk(path):  # never follows symlinked folders
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                        continue
                    file = Path(folder) / name
                    why = _not_harvestable(file, root)
                    if why:
                        bad.append((file, why))
                    else:
                        files.append(file)
        elif not path.exists():
            bad.append((path, "找不到这个文件或文件夹"))
        elif path.suffix.lower() not in SUFFIXES:
            bad.append((path, f"不支持 {path.suffix} 文件（可用：{'、'.join(SUFFIXES)}）"))
        elif why := _not_harvestable(path, None):
            bad.append((path, why))
        else:
            files.append(path)
    return list(dict.fromkeys(files)), bad


def _not_harvestable(path: Path, root: Path | None) -> str:
    """Why `path` is not read ("" when it is): not a regular file, or a link out of `root`."""
    if root is not None and path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(root):
            return "链接指向文件夹以外的文件：不读"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"读不出来：{os_reason(exc)}"
    if not stat.S_ISREG(mode):
        return "不是普通文件（是管道、设备或套接字）"
    return ""


def read_source(path: Path) -> list[Paragraph]:
    """The raw paragraphs of one file; ReadError says why a file cannot be read."""
    suffix = path.suffix.lower()
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise ReadError("不是普通文件（是管道、设备或套接字）")
        if suffix in TEXT_SUFFIXES:
            paragraphs = text_paragraphs(
                decode(read_capped(path, MAX_TEXT_BYTES)), markdown=suffix == ".md"
            )
        elif suffix == ".docx":
            paragraphs = docx_paragraphs(path)
        elif suffix in (".doc", ".wps"):
            paragraphs = convert_and_read(path)
        else:
            raise ReadError(f"不支持 {path.suffix} 文件")
    except PermissionError as exc:
        raise ReadError("没有权限读这个文件") from exc
    except OSError as exc:
        raise ReadError(f"读不出来：{os_reason(exc)}") from exc
    if not any(p.text.strip() for p in paragraphs):
        raise ReadError("文件里没有文字")
    return paragraphs


def decode(raw: bytes) -> str:
    """Text of a file in any common Chinese encoding; ReadError for binary data."""
    if not raw.strip():
        raise ReadError("文件里没有文字")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(raw[len(bom) :].decode(encoding, errors="replace"))
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise ReadError("是二进制数据，不是文字")
        return _checked(raw.decode(utf16, errors="replace"))
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    best = _best_chinese(raw)
    if best is not None:
        return _checked(best)
    match = from_bytes(raw[:200_000]).best()
    if match is None or match.encoding is None:
        raise ReadError("是二进制数据，或文字编码认不出")
    return _checked(raw.decode(match.encoding, errors="replace"))


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 LE or BE when one reads as plain text (common characters, ASCII, white space)."""
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            sample = raw[:20_000].decode(encoding)
        except UnicodeDecodeError:
            continue
        if not sample:
            continue
        plain = sum(1 for ch in sample if ch in _COMMON or " " <= ch <= "~" or ch in "\r\n\t，。")
        score = plain / len(sample)
        if best is None or score > best[0]:
            best = (score, encoding)
    return best[1] if best is not None and best[0] > 0.5 else None


def _best_chinese(raw: bytes) -> str | None:
    """GB18030 or Big5, whichever decodes (allowing a few bad bytes) to commoner characters."""
    scored: list[tuple[float, str]] = []
    for encoding in ("gb18030", "big5"):
        text = raw.decode(encoding, errors="replace")
        bad = text.count("\ufffd")
        if bad > max(2, len(text) // 200):
            continue
        hanzi = _CJK_RE.findall(text[:20_000])
        if not hanzi:
            continue
        common = sum(map(_COMMON.__contains__, hanzi)) / len(hanzi)
        scored.append((common - bad / max(len(text), 1), text))
    scored.sort(key=lambda item: item[0], reverse=True)
    return scored[0][1] if scored and scored[0][0] > 0.3 else None


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters (a binary file named .txt)."""
    sample = text[:100_000]
    if sample and len(_CONTROL_RE.findall(sample)) > max(8, len(sample) // 50):
        raise ReadError("是二进制数据，不是文字")
    hanzi = _CJK_RE.findall(sample[:5_000])
    if len(hanzi) > 50 and sum(map(_COMMON.__contains__, hanzi)) < 0.15 * len(hanzi):
        raise ReadError("是二进制数据，或文字编码认不出")
    return text


def text_paragraphs(text: str, *, markdown: bool = False) -> list[Paragraph]:
    """One paragraph per line; Markdown loses its markup and keeps # heading levels."""
    out: list[Paragraph] = []
    fenced = False
    for n, line in enumerate(text.splitlines(), 1):
        level = None
        if markdown:
            if line.lstrip().startswith(("```", "~~~")):
                fenced = not fenced
                continue
            if fenced or _MD_SKIP_RE.match(line):
                continue
            heading = _MD_HEADING_RE.match(line)
            if heading:
                level, line = len(heading.group(1)), _heading_text(heading.group(2))
            line = _MD_PREFIX_RE.sub("", line)
            pieces = _MD_LEAD_IN_RE.split(line)  # one paragraph per bold 二是…。 point
            for piece in pieces[:-1]:
                out.append(Paragraph(n, _md_inline(piece), None))
            line = _md_inline(pieces[-1])
        out.append(Paragraph(n, line, level))
    return out


def _heading_text(text: str) -> str:
    """A Markdown heading without its closing #s (`## 标题 ##` → 标题)."""
    return text.rstrip().rstrip("#").rstrip()


def _md_inline(text: str) -> str:
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    if "|" in text:  # table cells: `a | b` → `a b` (split, not \s*\|\s*, which is quadratic)
        cells = text.split("|")
        text = " ".join([cells[0].rstrip(), *(c.strip() for c in cells[1:-1]), cells[-1].lstrip()])
    return text

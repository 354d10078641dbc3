"""One writer per output format; all take the same block list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import OutputError
from drafter.core.files.fsio import atomic_write_bytes
from drafter.core.report.blocks import Block
from drafter.writers.fonts import FontProfile


@dataclass(frozen=True)
class OutputFormat:
    """One output format: its name (= file extension), how the export dialog names it, and
    its writer (imported when first used: python-docx is slow to import)."""

    name: str
    label: str
    write: Callable[[list[Block], FontProfile | None, bool], bytes]


def _docx(blocks: list[Block], fonts: FontProfile | None, h3_bold: bool) -> bytes:
    from drafter.writers.docx import write_docx

    title = next((b.text for b in blocks if b.kind == "title"), "")
    author = next((b.text for b in blocks if b.kind == "signature"), "")
    return write_docx(blocks, fonts=fonts, h3_bold=h3_bold, title=title, author=author)


def _markdown(blocks: list[Block], fonts: FontProfile | None, h3_bold: bool) -> bytes:
    from drafter.writers.markdown import write_markdown

    return write_markdown(blocks).encode("utf-8")


def _text(blocks: list[Block], fonts: FontProfile | None, h3_bold: bool) -> bytes:
    from drafter.writers.text import write_text

    return write_text(blocks).encode("utf-8")


WRITERS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("docx", "Word (.docx)", _docx),
        OutputFormat("md", "Markdown (.md)", _markdown),
        OutputFormat("txt", "纯文本 (.txt)", _text),
    )
}
"""The one table of output formats: `build`, `--format` and the export dialog read it."""
FORMATS = tuple(WRITERS)


def format_for(path: Path, explicit: str | None = None) -> str:
    """The output format: from the file extension, or as given; both must agree (text
    written into x.docx would be a broken Word file)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = "md" if suffix == "markdown" else suffix
    if explicit and suffix in FORMATS and explicit != suffix:
        raise OutputError(
            f"--format {explicit} 与扩展名 .{suffix} 对不上：只写其中一个，或让两者一致",
            path,
        )
    fmt = explicit or suffix
    if fmt not in FORMATS:
        raise OutputError(
            f"看不出要什么格式（扩展名：{Path(path).suffix or '无'}）；"
            f"请用 --format {'|'.join(FORMATS)}",
            path,
        )
    return fmt


def render_bytes(
    blocks: list[Block], fmt: str, *, fonts: FontProfile | None = None, h3_bold: bool = True
) -> bytes:
    """The output file's bytes in format `fmt`."""
    return WRITERS[fmt].write(blocks, fonts, h3_bold)


def export(
    blocks: list[Block],
    path: Path,
    fmt: str | None = None,
    *,
    fonts: FontProfile | None = None,
    h3_bold: bool = True,
) -> Path:
    """Write blocks to `path` atomically: a failed export never leaves a broken file."""
    fmt = format_for(path, fmt)
    atomic_write_bytes(Path(path), render_bytes(blocks, fmt, fonts=fonts, h3_bold=h3_bold))
    return Path(path)


__all__ = ["FORMATS", "WRITERS", "OutputFormat", "export", "format_for", "render_bytes"]

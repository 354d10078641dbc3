"""Reports of known shape for the layout tests: paragraphs that print on an exact number of
lines, an ending with or without seal and 附件说明, and a 版记."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drafter.core.report.blocks import Block

CAN_RENDER = bool(shutil.which("soffice") and shutil.which("pdftotext"))
if not CAN_RENDER and os.environ.get("CI"):
    raise RuntimeError("CI must install LibreOffice and poppler-utils for the render checks")
needs_render = pytest.mark.skipif(not CAN_RENDER, reason="LibreOffice/pdftotext not installed")

# Filler without punctuation, so every line holds exactly 28 characters.
FILLER = "镇党委组织调研组逐村走访座谈了解党员队伍建设和组织生活开展情况"
TITLE = "关于某镇农村基层党组织建设情况的调研报告"  # one line: 20 characters
SIGNATURE, DATE = "中共某镇委员会", "2026年11月20日"
ATTACHMENT = "某镇村党组织基本情况统计表"
IMPRINT = [
    Block("copyto", "县委组织部，县委办公室"),
    Block("issuer", "中共某镇委员会办公室"),
    Block("issuedate", "2026年11月21日"),
]


def text_of(chars: int) -> str:
    return (FILLER * (chars // len(FILLER) + 1))[:chars]


def lines_paragraph(lines: int) -> str:
    """A body paragraph that prints on exactly `lines` lines (first line indented two)."""
    return text_of(26 + 28 * (lines - 1))


def ending_lines(*, sealed: bool = False, attachment: bool = False) -> int:
    """Lines the ending prints after the closing paragraph: 空一行 (二行 for a seal),
    signature, date; 附件说明 adds a blank line and its own."""
    return (2 if sealed else 1) + 2 + (2 if attachment else 0)


def ending_blocks(
    closing_lines: int,
    filler_lines: int = 0,
    *,
    sealed: bool = False,
    attachment: bool = False,
    imprint: bool = False,
) -> list[Block]:
    """A report whose closing paragraph has `closing_lines` lines after a filler paragraph:
    the title and the blank line under it take the first two lines of page 1."""
    filler = [Block("body", lines_paragraph(filler_lines))] if filler_lines else []
    return [
        Block("title", TITLE),
        *filler,
        Block("body", lines_paragraph(closing_lines)),
        *([Block("attachment", ATTACHMENT)] if attachment else []),
        Block("signature", SIGNATURE, 1 if sealed else 0),
        Block("date", DATE),
        *(IMPRINT if imprint else []),
    ]


def save(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path

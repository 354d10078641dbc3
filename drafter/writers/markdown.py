"""Markdown output: the same blocks, headings as #-levels, for wikis and review by mail."""

from __future__ import annotations

import re

from drafter.core.blocks import Block

# Characters that would start Markdown syntax at the beginning of a line.
_LEADING_RE = re.compile(r"^([#>+\-*=|]|\d+[.)])")
_INLINE_RE = re.compile(r"([\\`*_\[\]<>])")


def _escape(text: str) -> str:
    text = _INLINE_RE.sub(r"\\\1", text)
    return _LEADING_RE.sub(lambda m: "\\" + m.group(1), text)


def write_markdown(blocks: list[Block]) -> str:
    """Title as #, 一、 as ##, （一） as ###, 1. as ####, （1） as #####; paragraphs apart."""
    lines: list[str] = []
    closing: list[str] = []
    for block in blocks:
        text = _escape(block.full_text)
        if block.kind == "title":
            lines.append(f"# {text}")
        elif block.kind == "subtitle":
            lines.append(f"*{text}*")
        elif block.kind == "heading":
            lines.append(f"{'#' * (block.level + 1)} {text}")
        elif block.kind in ("signature", "date"):
            closing.append(text)
        else:
            lines.append(text)
    if closing:
        lines.append('<div align="right">\n\n' + "  \n".join(closing) + "\n\n</div>")
    return "\n\n".join(lines) + "\n"

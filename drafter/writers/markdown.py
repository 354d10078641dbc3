"""Markdown output: the same blocks, headings as #-levels, for wikis and review by mail.

Escapes only what CommonMark would read as syntax, so the text shows as typed in every
renderer (tests/writers/test_markdown.py renders it with markdown-it-py): inline markers
(\\ ` * _ [ ] < > ~ and & before an entity) anywhere, and a line start that would open a
block (a heading, quote, list item, rule or setext underline) in a paragraph. A heading's
text needs no line-start escape: it already follows the '#'. A line break typed inside a
paragraph stays a line break.
"""

from __future__ import annotations

import re

from drafter.core.report.blocks import IMPRINT_KINDS, Block
from drafter.writers.labels import attachment_lines, labelled

_LINE_END_RE = re.compile(r"\r\n|[\r\n]")  # CommonMark's line endings
# A line start that opens a block: an ATX heading, a quote, a list item (- + 1. 1)), a
# thematic break or a setext underline (a line of - or =). "#标题" and "1.5倍" open nothing.
_LEADING_RE = re.compile(
    r"^(#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|-+[ \t-]*$|=+[ \t]*$|\d{1,9}(?=[.)](?:[ \t]|$)))"
)
_INLINE_RE = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w+;))")
_TRAILING_HASHES_RE = re.compile(r"(^|\s)(#+)\s*$")
_HARD_BREAK = "\\\n"
_CLOSING = ("signature", "date")


def _inline(text: str) -> str:
    return _INLINE_RE.sub(r"\\\1", text)


def _line(text: str) -> str:
    """One line of a paragraph: inline escapes, and a block-opening start escaped."""
    text = _inline(text.lstrip(" \t"))  # leading spaces would make an indented code block
    match = _LEADING_RE.match(text)
    if match is None:
        return text
    if match.group(1).isdigit():  # "1. " or "1) ": escape the punctuation after the number
        return text[: match.end()] + "\\" + text[match.end() :]
    return "\\" + text


def _paragraph(*texts: str) -> str:
    """Lines of one paragraph, each escaped, kept apart by hard line breaks."""
    return _HARD_BREAK.join(_line(line) for text in texts for line in _LINE_END_RE.split(text))


def _heading(text: str) -> str:
    """Heading text on one line: inline escapes, and a closing run of # kept as text."""
    text = " ".join(line.strip(" \t") for line in _LINE_END_RE.split(text))
    return _TRAILING_HASHES_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(text))


def _run(blocks: list[Block], kinds: tuple[str, ...]) -> list[Block]:
    """The blocks at the start of `blocks` whose kind is one of `kinds`."""
    end = next((n for n, b in enumerate(blocks) if b.kind not in kinds), len(blocks))
    return blocks[:end]


def write_markdown(blocks: list[Block]) -> str:
    """Title as #, 一、 as ##, （一） as ###, 1. as ####, （1） as #####; paragraphs apart;
    signature and date right-aligned; the 版记 under a rule at the end."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        previous = blocks[i - 1].kind if i else None
        if block.kind in IMPRINT_KINDS:
            continue
        if block.kind == "title":
            out.append("# " + _heading(block.text.replace("\n", "")))
        elif block.kind == "subtitle":
            out.append(f"*{_paragraph(block.text)}*")
        elif block.kind == "heading":
            out.append(f"{'#' * (block.level + 1)} {_heading(block.full_text)}")
        elif block.kind == "attachment" and previous != "attachment":
            titles = [b.text for b in _run(blocks[i:], ("attachment",))]
            out.append(_paragraph(*attachment_lines(titles)))
        elif block.kind in _CLOSING and previous not in _CLOSING:
            lines = _paragraph(*(b.text for b in _run(blocks[i:], _CLOSING)))
            out.append(f'<div align="right">\n\n{lines}\n\n</div>')
        elif block.kind not in ("attachment", *_CLOSING):
            out.append(_paragraph(labelled(block)))
    imprint = [labelled(b) for b in blocks if b.kind in IMPRINT_KINDS]
    if imprint:
        out.append("---\n\n" + _paragraph(*imprint))
    return "\n\n".join(out) + "\n"

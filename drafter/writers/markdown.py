"""Markdown output: the same blocks, headings as #-levels, for wikis and review by mail.

Escapes only what CommonMark would read as syntax, so the text shows as typed in every
renderer: inline markers (\\ ` * _ [ ] < > and & before an entity) anywhere, and a line
start that would open a block (# > - + = | or 1. / 1)) in a paragraph. A heading's text
needs no line-start escape: it already follows the '#'.
"""

from __future__ import annotations

import re

from drafter.core.blocks import Block

_LEADING_RE = re.compile(r"^(\s*)([#>+\-*=|]|\d{1,9}(?=[.)]))")
_INLINE_RE = re.compile(r"([\\`*_\[\]<>~]|&(?=#?\w+;))")
_TRAILING_HASHES_RE = re.compile(r"(\s)(#+)\s*$")
# How the 版记's parts print (shared with the plain-text writer).
_IMPRINT_FORMS = {"copyto": "抄送：{}", "issuer": "{}", "issuedate": "{}印发"}


def _inline(text: str) -> str:
    return _INLINE_RE.sub(r"\\\1", text)


def _paragraph(text: str) -> str:
    """A paragraph's text: inline escapes, and a block-opening line start escaped."""
    text = _inline(text)
    match = _LEADING_RE.match(text)
    if match is None:
        return text
    lead, mark = match.groups()
    if mark.isdigit():  # "1." or "1)": escape the punctuation after the number
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return text[: len(lead)] + "\\" + text[len(lead) :]


def _heading(text: str) -> str:
    """Heading text: inline escapes, and a closing run of # kept as text."""
    return _TRAILING_HASHES_RE.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(text))


def write_markdown(blocks: list[Block]) -> str:
    """Title as #, 一、 as ##, （一） as ###, 1. as ####, （1） as #####; paragraphs apart."""
    lines: list[str] = []
    closing: list[str] = []
    imprint: list[str] = []
    for block in blocks:
        text = block.full_text
        if block.kind == "title":
            lines.append("# " + _heading(text.replace("\n", "")))
        elif block.kind == "subtitle":
            lines.append(f"*{_inline(text)}*")
        elif block.kind == "heading":
            lines.append(f"{'#' * (block.level + 1)} {_heading(text)}")
        elif block.kind in ("signature", "date"):
            closing.append(_inline(text))
        elif block.kind == "attachment":
            lines.append("附件：" + _paragraph(text))
        elif block.kind == "signer":
            lines.append("签发人：" + _inline(text))
        elif block.kind in ("copyto", "issuer", "issuedate"):
            imprint.append(_inline(_IMPRINT_FORMS[block.kind].format(text)))
        else:
            lines.append(_paragraph(text))
    if closing:
        lines.append('<div align="right">\n\n' + "  \n".join(closing) + "\n\n</div>")
    if imprint:
        lines.append("---\n\n" + "  \n".join(imprint))
    return "\n\n".join(lines) + "\n"

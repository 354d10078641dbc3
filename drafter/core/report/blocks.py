"""The neutral block list every writer consumes.

A jinja2 template renders a line-oriented markup, one block per line:

    @title 关于……的调研报告
    @recipient 县委组织部
    @h1 存在的问题
    @body 主要表现在以下几个方面：
    @signature 中共某镇委员会
    @date 2026年11月22日

Every user string is escaped before it enters the template context (newlines, backslashes
and @), so user text can never start a line or add a block: structure comes from the
template source alone.
Heading numbers are not in the markup; `number_headings` adds them in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from drafter.core.text.numbering import heading_label

BlockKind = Literal[
    "masthead",
    "docnumber",
    "signer",
    "title",
    "subtitle",
    "recipient",
    "heading",
    "body",
    "attachment",
    "signature",
    "date",
    "note",
    "copyto",
    "issuer",
    "issuedate",
]
# directive → (kind, level). A signature's level is 1 when it is laid out for a seal.
BLOCK_DIRECTIVES: dict[str, tuple[BlockKind, int]] = {
    "masthead": ("masthead", 0),  # 发文机关标志
    "docnumber": ("docnumber", 0),  # 发文字号
    "signer": ("signer", 0),  # 签发人
    "title": ("title", 0),
    "subtitle": ("subtitle", 0),
    "recipient": ("recipient", 0),  # 主送机关
    "h1": ("heading", 1),
    "h2": ("heading", 2),
    "h3": ("heading", 3),
    "h4": ("heading", 4),
    "body": ("body", 0),
    "attachment": ("attachment", 0),  # one attachment's title (附件说明)
    "signature": ("signature", 0),
    "sealedsignature": ("signature", 1),
    "date": ("date", 0),
    "note": ("note", 0),  # 附注
    "copyto": ("copyto", 0),  # 抄送机关 (版记)
    "issuer": ("issuer", 0),  # 印发机关 (版记)
    "issuedate": ("issuedate", 0),  # 印发日期 (版记)
}
HEADER_KINDS = frozenset({"masthead", "docnumber", "signer"})
"""The 版头: above the red line."""
IMPRINT_KINDS = frozenset({"copyto", "issuer", "issuedate"})
"""The 版记: at the foot of the last page."""
_LINE_RE = re.compile(r"^@([a-z0-9]+)(?: (.*))?$")
# Every character str.splitlines() breaks on is escaped, so a value can never end its line
# of markup early (U+2028 in a title once split it and could start a block of its own);
# each comes back unchanged in the block's text.
_ESCAPES = {
    "\\": "\\\\",
    "\n": "\\n",
    "\r": "\\r",
    "@": "\\a",
    "\x0b": "\\v",
    "\x0c": "\\f",
    "\x1c": "\\1",
    "\x1d": "\\2",
    "\x1e": "\\3",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
}
_UNESCAPE_RE = re.compile(r"\\(.)")
_UNESCAPES = {code[1]: char for char, code in _ESCAPES.items()}


@dataclass(frozen=True)
class Block:
    """One paragraph of output: its role, its text and, for headings, level and number."""

    kind: BlockKind
    text: str
    level: int = 0
    label: str = ""

    @property
    def full_text(self) -> str:
        return self.label + self.text


def escape(value: Any) -> str:
    """A context value as one safe line fragment (undone by `parse_markup`)."""
    text = "" if value is None else str(value)
    return "".join(_ESCAPES.get(c, c) for c in text)


def _unescape(text: str) -> str:
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPES.get(m.group(1), m.group(1)), text)


def parse_markup(markup: str) -> list[Block]:
    """Blocks from rendered template output; a bare line is a body paragraph."""
    blocks: list[Block] = []
    for raw in markup.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = _LINE_RE.match(line)
        if match and match.group(1) in BLOCK_DIRECTIVES:
            kind, level = BLOCK_DIRECTIVES[match.group(1)]
            text = _unescape((match.group(2) or "").strip())
        else:
            kind, level, text = "body", 0, _unescape(line)
        if text.strip():
            blocks.append(Block(kind, text, level))
    return blocks


def number_headings(blocks: list[Block]) -> list[Block]:
    """Give each heading its number: 一、 （一） 1. （1）, restarting under each parent."""
    counters = [0, 0, 0, 0, 0]
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            counters[block.level] += 1
            for deeper in range(block.level + 1, 5):
                counters[deeper] = 0
            block = replace(block, label=heading_label(block.level, counters[block.level]))
        out.append(block)
    return out

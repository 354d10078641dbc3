"""Plain text output: paragraphs indented by two ideographic spaces, as typed in the genre."""

from __future__ import annotations

from drafter.core.report.blocks import IMPRINT_KINDS, Block
from drafter.writers.labels import attachment_lines, labelled

INDENT = "\u3000\u3000"
# Blocks printed flush, without the paragraph indent.
_FLUSH = frozenset(
    {"masthead", "docnumber", "signer", "title", "subtitle", "recipient", "signature", "date"}
    | IMPRINT_KINDS
)


def write_text(blocks: list[Block]) -> str:
    """One paragraph a line; a blank line after the title and before the signature."""
    lines: list[str] = []
    previous: Block | None = None
    attachments = attachment_lines([b.text for b in blocks if b.kind == "attachment"])
    for block in blocks:
        kind = previous.kind if previous else None
        if block.kind in ("signature", "attachment") and kind != block.kind:
            lines.append("")
        if block.kind in IMPRINT_KINDS and kind not in IMPRINT_KINDS:
            lines.append("")
        if block.kind == "attachment":
            lines.append(INDENT + attachments.pop(0))
        elif block.kind in _FLUSH:
            lines.append(labelled(block))
        else:
            lines.append(INDENT + block.full_text)
        if block.kind == "title":
            lines.append("")
        previous = block
    return "\n".join(lines) + "\n"

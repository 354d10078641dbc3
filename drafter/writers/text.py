"""Plain text output: paragraphs indented by two ideographic spaces, as typed in the genre."""

from __future__ import annotations

from drafter.core.blocks import Block

INDENT = "\u3000\u3000"


def write_text(blocks: list[Block]) -> str:
    """One paragraph a line; a blank line after the title and before the signature."""
    lines: list[str] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind == "signature" and (previous is None or previous.kind != "signature"):
            lines.append("")
        if block.kind in ("title", "subtitle", "signature", "date"):
            lines.append(block.full_text)
        else:
            lines.append(INDENT + block.full_text)
        if block.kind == "title" and previous is None:
            lines.append("")
        previous = block
    return "\n".join(lines) + "\n"

"""Plain text output: paragraphs indented by two ideographic spaces, as typed in the genre."""

from __future__ import annotations

from drafter.core.blocks import IMPRINT_KINDS, Block

INDENT = "\u3000\u3000"
# Blocks printed flush (no paragraph indent), each with the words the layout adds to it.
_FLUSH = {
    "masthead": "{}",
    "docnumber": "{}",
    "signer": "签发人：{}",
    "title": "{}",
    "subtitle": "{}",
    "recipient": "{}",
    "signature": "{}",
    "date": "{}",
    "copyto": "抄送：{}",
    "issuer": "{}",
    "issuedate": "{}印发",
}


def write_text(blocks: list[Block]) -> str:
    """One paragraph a line; a blank line after the title and before the signature."""
    lines: list[str] = []
    previous: Block | None = None
    attachments = [b for b in blocks if b.kind == "attachment"]
    for block in blocks:
        kind = previous.kind if previous else None
        if block.kind in ("signature", "attachment") and kind != block.kind:
            lines.append("")
        if block.kind in IMPRINT_KINDS and kind not in IMPRINT_KINDS:
            lines.append("")
        if block.kind == "attachment":
            number = f"{attachments.index(block) + 1}." if len(attachments) > 1 else ""
            lead = "附件：" if block is attachments[0] else "\u3000" * 3
            lines.append(INDENT + lead + number + block.text)
        elif block.kind in _FLUSH:
            lines.append(_FLUSH[block.kind].format(block.full_text))
        else:
            lines.append(INDENT + block.full_text)
        if block.kind == "title":
            lines.append("")
        previous = block
    return "\n".join(lines) + "\n"

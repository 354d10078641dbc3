"""The words the layout adds around a 公文 element's text (GB/T 9704 §7.2–7.4).

The Word writer sets these elements in a layout of its own but prints the same words; the
plain-text and Markdown writers take them from here, so the three never disagree.
"""

from __future__ import annotations

from drafter.core.report.blocks import Block

ATTACHMENT_LEAD = "附件："
# 签发人：name; 抄送：A，B。 (one closing full stop); the 印发日期 followed by 印发.
_FORMS = {"signer": "签发人：{}", "copyto": "抄送：{}。", "issuedate": "{}印发"}


def labelled(block: Block) -> str:
    """A block's text with the words its layout adds (heading numbers included)."""
    text = block.full_text
    if block.kind == "copyto":
        text = text.rstrip("。")
    return _FORMS.get(block.kind, "{}").format(text)


def attachment_lines(titles: list[str]) -> list[str]:
    """附件说明 (§7.3.4): 附件：1.… with each further title under the first one's number;
    a single attachment is not numbered."""
    numbered = len(titles) > 1
    lines = []
    for n, title in enumerate(titles, 1):
        lead = ATTACHMENT_LEAD if n == 1 else "\u3000" * len(ATTACHMENT_LEAD)
        lines.append(lead + (f"{n}." if numbered else "") + title)
    return lines

"""The review step's display parts: the report laid out roughly as on paper, and the review
findings as listed (marks by severity, where each finding is)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from drafter.core.report.blocks import Block
from drafter.core.text.linebreak import break_lines
from drafter.core.text.titlebreak import break_title
from drafter.writers.labels import attachment_lines, labelled

SEVERITY_MARKS = {
    "error": ("✖", "$text-error"),
    "warning": ("▲", "$text-warning"),
    "info": ("•", "$text-muted"),
}


@dataclass(frozen=True)
class FindingRow:
    """A review finding as listed: severity, message, hint and where it is."""

    severity: str
    message: str
    hint: str = ""
    where: str = ""


def finding_prompt(row: FindingRow) -> Content:
    mark, style = SEVERITY_MARKS.get(row.severity, ("•", "$text-muted"))
    # No space after the mark: Textual breaks lines at any space (even a no-break one), and a
    # space-free Chinese message would then leave the mark alone on its line.
    out = Content.styled(mark, style) + Content(row.message)
    if row.where:
        out += Content.styled(f"  〔{row.where}〕", "$text-muted")
    if row.hint:
        out += Content.styled(f"\n  {row.hint}", "$text-muted")
    return out


class ChineseText(Static):
    """A paragraph broken into lines by Chinese rules (避头尾, numbers whole) at whatever
    width it gets, rather than by Textual's wrapping, which starts lines with ，and 。."""

    def __init__(self, text: str, *, classes: str | None = None) -> None:
        super().__init__(text, classes=classes)
        self.text = text

    def render(self) -> Content:
        width = self.content_size.width
        return Content("\n".join(break_lines(self.text, width)) if width else self.text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(break_lines(self.text, width))


def block_widget(block: Block) -> Static:
    """One paragraph of the preview, laid out roughly as on paper: the title in the Word
    file's balanced lines, the 公文 elements with the words the layout adds."""
    if block.kind == "body":
        return ChineseText("\u3000\u3000" + block.text, classes="pv-body")
    if block.kind == "heading":
        return ChineseText(block.full_text, classes=f"pv-heading pv-h{block.level}")
    if block.kind == "title":
        return Static("\n".join(break_title(block.text)), classes="pv-title")
    return Static(labelled(block), classes=f"pv-{block.kind}")


def preview_widgets(blocks: list[Block]) -> list[Static]:
    """The whole preview; attachments numbered under one 附件： as in the Word file."""
    attachments = iter(attachment_lines([b.text for b in blocks if b.kind == "attachment"]))
    return [
        ChineseText("\u3000\u3000" + next(attachments), classes="pv-body")
        if b.kind == "attachment"
        else block_widget(b)
        for b in blocks
    ]

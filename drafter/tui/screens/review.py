"""The review step: the report as it will read, the review findings, and export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from drafter.core.blocks import Block
from drafter.core.titlebreak import break_title
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


def block_widget(block: Block) -> Static:
    """One paragraph of the preview, laid out roughly as on paper: the title in the Word
    file's balanced lines, the 公文 elements with the words the layout adds."""
    if block.kind == "body":
        return Static("\u3000\u3000" + block.text, classes="pv-body")
    if block.kind == "heading":
        return Static(block.full_text, classes=f"pv-heading pv-h{block.level}")
    if block.kind == "title":
        return Static("\n".join(break_title(block.text)), classes="pv-title")
    return Static(labelled(block), classes=f"pv-{block.kind}")


def preview_widgets(blocks: list[Block]) -> list[Static]:
    """The whole preview; attachments numbered under one 附件： as in the Word file."""
    attachments = iter(attachment_lines([b.text for b in blocks if b.kind == "attachment"]))
    return [
        Static("\u3000\u3000" + next(attachments), classes="pv-body")
        if b.kind == "attachment"
        else block_widget(b)
        for b in blocks
    ]


class ReviewStep(Vertical):
    """Preview, findings and the export button."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+e", "export", "导出")]

    @dataclass
    class FindingChosen(Message):
        index: int

    class ExportPressed(Message):
        """The user asked to export."""

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="preview")
        with Vertical(id="review-side"):
            yield Static("审阅意见", classes="review-title")
            yield Static("", id="to-fill")
            yield OptionList(id="findings")
            with Horizontal(id="export-row"):
                yield Button("导出 Word ctrl+e", variant="primary", id="export", compact=True)
            yield Static("", id="exported")

    def show(
        self, blocks: list[Block], findings: list[FindingRow], notes: list[str], to_fill: str = ""
    ) -> None:
        """Fill the preview and the findings (notes: render warnings and failures; to_fill:
        the 【待补】 left per section, work to do rather than a fault)."""
        self.query_one("#to-fill", Static).update(to_fill)
        self.query_one("#to-fill").display = bool(to_fill)
        preview = self.query_one("#preview", VerticalScroll)
        preview.remove_children()
        widgets = preview_widgets(blocks)
        if not blocks:
            widgets = [Static("（还没有内容）", classes="pv-body")]
        preview.mount_all(widgets)
        options = self.query_one("#findings", OptionList)
        options.clear_options()
        rows = [FindingRow("warning", note) for note in notes] + findings
        options.add_options(
            [Option(finding_prompt(r), id=f"f{i - len(notes)}") for i, r in enumerate(rows)]
        )
        if not rows:
            options.add_option(
                Option(Content.styled("没有发现问题。", "$text-success"), disabled=True)
            )

    def show_exported(self, message: str) -> None:
        self.query_one("#exported", Static).update(message)

    @on(OptionList.OptionSelected, "#findings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int((event.option.id or "f-1")[1:])
        if index >= 0:
            self.post_message(self.FindingChosen(index))

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        self.post_message(self.ExportPressed())

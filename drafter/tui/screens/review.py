"""The review step: the report as it will read, the review findings, and export.

It renders and checks the draft itself, writes the report in its own worker with the report
kind the app holds, and posts FindingChosen up for the screen to go to the finding's step.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from drafter.core import project
from drafter.core.errors import DrafterError
from drafter.core.files import draftfile
from drafter.core.model import Draft, PointPath
from drafter.core.report.render import RenderOptions, check_structure, render_draft
from drafter.core.text.numbering import heading_label
from drafter.core.text.slots import pending_by_section
from drafter.tui.screens.dialogs import ConfirmDialog, ExportDialog
from drafter.tui.screens.wizard_state import WizardState
from drafter.tui.widgets.preview import FindingRow, finding_prompt, preview_widgets

WIZARD_HINTS = {"C002": "按 ctrl+l 逐项填写待补项，或把数字直接写进正文"}
"""Hints a check words for a draft file (`slots:`), said the wizard's way."""

if TYPE_CHECKING:
    from drafter.core.checks.base import Finding
    from drafter.services import BuildResult


def run_checks(state: WizardState) -> tuple[list[Finding], str]:
    """The review checks' findings (with the user's config.yaml settings), or why none."""
    from drafter.core.checks import run_checks as run
    from drafter.core.config import load_config

    try:
        settings = load_config().checks
        return list(run(state.draft, state.kind, state.library.bank, settings=settings)), ""
    except DrafterError as exc:
        return [], f"审阅检查出错：{exc}"
    except Exception as exc:  # a bug in a check must not close the editor with the draft
        return [], f"审阅检查出错（程序问题）：{type(exc).__name__}: {exc}"


class ReviewStep(Vertical):
    """Preview, findings and the export button."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+e", "export", "导出")]

    @dataclass
    class FindingChosen(Message):
        """Go to where a finding is: a section, a point in it (or None) and which part."""

        section: str
        point: PointPath | None
        """The point or sub-point (None: the section's own paragraphs)."""
        part: str

    def __init__(self, state: WizardState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state
        self.findings: list[Finding] = []
        """The review checks' findings as last shown."""
        self.last_export: Path | None = None

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="preview")
        with Vertical(id="review-side"):
            yield Static("审阅意见", classes="review-title")
            yield Static("", id="to-fill")
            yield OptionList(id="findings")
            with Horizontal(id="export-row"):
                yield Button("导出 Word ctrl+e", variant="primary", id="export", compact=True)
            yield Static("", id="exported")

    def refresh_review(self) -> None:
        """Render the draft as it will read, run the checks, and show both."""
        state = self.state
        try:
            rendered = render_draft(state.draft, state.kind, RenderOptions(allow_incomplete=True))
            blocks, notes = rendered.blocks, list(rendered.warnings)
        except DrafterError as exc:
            blocks, notes = [], [str(exc)]
        self.findings, note = run_checks(state)
        notes += [note] if note else []
        rows = [
            FindingRow(f.severity, f.message, WIZARD_HINTS.get(f.code, f.hint), self.where(f))
            for f in self.findings
        ]
        to_fill = self.to_fill()
        self.query_one("#to-fill", Static).update(to_fill)
        self.query_one("#to-fill").display = bool(to_fill)
        preview = self.query_one("#preview", VerticalScroll)
        preview.remove_children()
        preview.mount_all(preview_widgets(blocks) or [Static("（还没有内容）", classes="pv-body")])
        options = self.query_one("#findings", OptionList)
        options.clear_options()
        shown = [FindingRow("warning", n) for n in notes] + rows
        options.add_options(
            [Option(finding_prompt(r), id=f"f{i - len(notes)}") for i, r in enumerate(shown)]
        )
        if not shown:
            options.add_option(
                Option(Content.styled("没有发现问题。", "$text-success"), disabled=True)
            )
        options.focus()

    def to_fill(self) -> str:
        """待补 7 处：存在的问题 4 · 对策建议 3 (empty when nothing is left to fill)."""
        pending = pending_by_section(self.state.draft)
        if not pending:
            return ""
        parts = " · ".join(f"{self.state.label(k)} {len(v)}" for k, v in pending.items())
        return f"待补 {sum(map(len, pending.values()))} 处：{parts}（ctrl+l 逐项填写）"

    def where(self, finding: Finding) -> str:
        """存在的问题（二）1. — the step and the point a finding is about."""
        spec = self.state.kind.section_spec(finding.section) if finding.section else None
        if spec is None:
            return "全文" if finding.section is None else str(finding.section)
        label = spec.label
        for level, index in enumerate(finding.path, 2):
            label += heading_label(min(level, 4), index + 1)
        return label

    @on(OptionList.OptionSelected, "#findings")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int((event.option.id or "f-1")[1:])
        if index < 0 or (finding := self.findings[index]).section is None:
            return
        point = finding.path or None
        self.post_message(self.FindingChosen(finding.section, point, finding.part or ""))

    # -- export ---------------------------------------------------------------------------

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        default = self.last_export or project.default_output(self.state.session.path)
        self.app.push_screen(ExportDialog(default, default.suffix.lstrip(".")), self.export_to)

    def export_to(self, choice: tuple[Path, str] | None) -> None:
        """Export after asking about an existing file and an incomplete report."""
        if choice is None:
            return
        path, fmt = choice
        incomplete = ""
        try:
            check_structure(self.state.draft, self.state.kind, RenderOptions())
        except DrafterError as exc:
            incomplete = exc.message

        def write(confirmed: bool | None = True) -> None:
            if confirmed:
                self.write_export(path, fmt, bool(incomplete))

        def check_incomplete(confirmed: bool | None = True) -> None:
            if not confirmed:
                return
            if incomplete:
                question = f"报告还不完整：{incomplete}。仍要导出吗？"
                self.app.push_screen(ConfirmDialog(question, "仍要导出"), write)
            else:
                write()

        if path.exists():
            question = f"{path} 已存在，覆盖它吗？"
            self.app.push_screen(ConfirmDialog(question, "覆盖"), check_incomplete)
        else:
            check_incomplete()

    def write_export(self, path: Path, fmt: str, incomplete: bool) -> None:
        """Write the report in a thread (Word files take a moment) from a copy of the draft."""
        snapshot = draftfile.loads(draftfile.dumps(self.state.draft))  # the user may type on
        self.show_exported("正在导出…")
        self.export_in_thread(snapshot, path, fmt, RenderOptions(allow_incomplete=incomplete))

    @work(thread=True, exclusive=True, group="export")
    def export_in_thread(self, draft: Draft, path: Path, fmt: str, options: RenderOptions) -> None:
        from drafter.services import build

        try:
            result = build(draft, path, kind=self.state.kind, fmt=fmt, options=options)
        except DrafterError as exc:
            self.app.call_from_thread(self.export_failed, str(exc))
        except Exception as exc:  # a writer bug must not close the editor with the draft
            self.app.call_from_thread(self.export_failed, f"{type(exc).__name__}: {exc}")
        else:
            self.app.call_from_thread(self.exported, result)

    def show_exported(self, message: str) -> None:
        self.query_one("#exported", Static).update(message)

    def export_failed(self, message: str) -> None:
        self.show_exported("")
        self.notify(message, title="导出失败", severity="error", timeout=10)

    def exported(self, result: BuildResult) -> None:
        self.last_export = result.path
        where = result.path.resolve()
        self.show_exported(f"已导出：{where}")
        self.notify(f"已导出到 {where}", title="导出完成", timeout=8)
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=8)
        if self.app.is_web:  # `drafter serve`: the browser downloads a copy as well
            self.app.deliver_binary(result.path, open_method="download")
            # The download opens as a pop-up; a slow export can outlast the key press that
            # lets a page open one, and the browser then holds it back.
            self.notify(
                f"{result.path.name} 已交给浏览器下载；浏览器若拦下了弹出窗口，请允许本页弹出。",
                timeout=10,
            )

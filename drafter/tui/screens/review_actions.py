"""The wizard's review side: preview and findings, jumping to a finding, and export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import work

from drafter.core import draftfile, project
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.numbering import heading_label
from drafter.core.render import RenderOptions, check_structure, render_draft
from drafter.core.slots import pending_by_section
from drafter.tui.screens.dialogs import ConfirmDialog, ExportDialog, SlotValuesDialog
from drafter.tui.screens.review import FindingRow, ReviewStep
from drafter.tui.screens.wizard_base import WizardBase


def run_checks(wizard: WizardBase) -> tuple[list[Any], str]:
    """The review checks' findings, or a note when the checks cannot run."""
    try:
        from drafter.core.checks import run_checks as run
    except ImportError:
        return [], "审阅检查模块尚未安装，只显示预览。"
    try:
        from drafter.core.config import load_config

        settings = load_config().checks  # the user's config.yaml checks: (disable, severity)
        return list(run(wizard.draft, wizard.kind, wizard.library.bank, settings=settings)), ""
    except DrafterError as exc:
        return [], f"审阅检查出错：{exc}"
    except Exception as exc:  # a bug in a check must not close the editor with the draft
        return [], f"审阅检查出错（程序问题）：{type(exc).__name__}: {exc}"


class ReviewActions(WizardBase):
    """The wizard's review step: preview, findings and export."""

    def refresh_review(self) -> None:
        """Render the draft as it will read and run the checks."""
        notes: list[str] = []
        try:
            rendered = render_draft(self.draft, self.kind, RenderOptions(allow_incomplete=True))
            blocks, notes = rendered.blocks, list(rendered.warnings)
        except DrafterError as exc:
            blocks, notes = [], [str(exc)]
        findings, note = run_checks(self)
        if note:
            notes.append(note)
        self.findings = findings
        rows = [FindingRow(f.severity, f.message, f.hint, self.where(f)) for f in findings]
        self.query_one(ReviewStep).show(blocks, rows, notes, self.to_fill())
        self.query_one("#findings").focus()

    def to_fill(self) -> str:
        """待补 7 处：存在的问题 4 · 对策建议 3 (empty when nothing is left to fill)."""
        pending = pending_by_section(self.draft)
        if not pending:
            return ""
        labels = {s.id: s.label for s in self.specs}
        parts = " · ".join(f"{labels.get(k, k)} {len(v)}" for k, v in pending.items())
        return f"待补 {sum(map(len, pending.values()))} 处：{parts}（ctrl+l 逐项填写）"

    def action_fill_slots(self) -> None:
        """Ask for every 【待补】 value at once; what is left empty stays to fill."""
        from drafter.core import editing

        names = list(dict.fromkeys(n for v in pending_by_section(self.draft).values() for n in v))
        if not names:
            self.notify("没有待补项了", timeout=3)
            return
        if not self.editable():
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                editing.store_slots(self.draft, values)
                self.session.changed()
                if self.spec is None:
                    self.refresh_review()
                left = sum(map(len, pending_by_section(self.draft).values()))
                self.notify(f"还有 {left} 处待补" if left else "待补项都已填好", timeout=4)

        title = f"填写待补项（共{len(names)}项，留空的以后再补）："
        self.app.push_screen(SlotValuesDialog(names, "", title=title, ok="填好"), done)

    def where(self, finding: Any) -> str:
        spec = self.kind.section_spec(finding.section) if finding.section else None
        if spec is None:
            return "全文" if finding.section is None else str(finding.section)
        label = spec.label
        for level, index in enumerate(finding.path, 2):
            label += heading_label(min(level, 4), index + 1)
        return label

    def on_review_step_finding_chosen(self, message: ReviewStep.FindingChosen) -> None:
        """Jump to the step and point a finding names."""
        finding = self.findings[message.index]
        index = next((i for i, s in enumerate(self.specs) if s.id == finding.section), None)
        if index is None:
            return
        key = self.specs[index].id
        point = finding.path[0] if finding.path else None
        if point is not None and point >= len(self.draft.section(key).points):
            point = None
        self.selected[key] = point
        self.jump_focus[key] = (
            "heading" if point is not None and finding.part == "heading" else "body"
        )
        self.step = index

    def on_review_step_export_pressed(self, message: ReviewStep.ExportPressed) -> None:
        self.action_export()

    def action_export(self) -> None:
        default = self.last_export or project.default_output(self.session.path)
        self.app.push_screen(ExportDialog(default, default.suffix.lstrip(".")), self.export_to)

    def export_to(self, choice: tuple[Path, str] | None) -> None:
        """Export after asking about an existing file and an incomplete report."""
        if choice is None:
            return
        path, fmt = choice
        incomplete = ""
        try:
            check_structure(self.draft, self.kind, RenderOptions())
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
            self.app.push_screen(
                ConfirmDialog(f"{path} 已存在，覆盖它吗？", "覆盖"), check_incomplete
            )
        else:
            check_incomplete()

    def write_export(self, path: Path, fmt: str, incomplete: bool) -> None:
        """Write the report in a thread (Word files take a moment) from a copy of the draft."""
        snapshot = draftfile.loads(draftfile.dumps(self.draft))  # the user may type on
        self.query_one(ReviewStep).show_exported("正在导出…")
        self.export_in_thread(snapshot, path, fmt, RenderOptions(allow_incomplete=incomplete))

    @work(thread=True, exclusive=True, group="export")
    def export_in_thread(self, draft: Draft, path: Path, fmt: str, options: RenderOptions) -> None:
        try:
            result = project.build(draft, path, fmt=fmt, options=options)
        except DrafterError as exc:
            self.app.call_from_thread(self.export_failed, str(exc))
        except Exception as exc:  # a writer bug must not close the editor with the draft
            self.app.call_from_thread(self.export_failed, f"{type(exc).__name__}: {exc}")
        else:
            self.app.call_from_thread(self.exported, result)

    def export_failed(self, message: str) -> None:
        self.query_one(ReviewStep).show_exported("")
        self.notify(message, title="导出失败", severity="error", timeout=10)

    def exported(self, result: project.BuildResult) -> None:
        self.last_export = result.path
        where = result.path.resolve()
        self.query_one(ReviewStep).show_exported(f"已导出：{where}")
        self.notify(f"已导出到 {where}", title="导出完成", timeout=8)
        for warning in result.warnings:
            self.notify(warning, severity="warning", timeout=8)
        if self.app.is_web:  # `drafter serve`: the browser downloads a copy as well
            self.app.deliver_binary(result.path, open_method="download")
            self.notify(f"{result.path.name} 已交给浏览器下载", timeout=8)

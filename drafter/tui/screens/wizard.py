"""The wizard: one step per section of the report kind, then review and export.

Widgets post what the user did; this screen applies it to the Draft through
drafter.core.editing and tells the session, which autosaves. The phrase search and the
insertion of phrases live in PhraseSteps, the review step in ReviewActions.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher, Footer, Header, Static

from drafter.core import editing
from drafter.core.kinds import ReportKind, SectionSpec
from drafter.core.session import Session
from drafter.core.skeleton import Placed
from drafter.core.vocab import SCENES
from drafter.tui.library import Library
from drafter.tui.screens.dialogs import ConfirmDialog, MetaDialog
from drafter.tui.screens.review import ReviewStep
from drafter.tui.screens.review_actions import ReviewActions
from drafter.tui.screens.wizard_base import REVIEW_LABEL, outline_rows
from drafter.tui.screens.wizard_phrases import PhraseSteps, filter_choices, initial_filters
from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.phrase_panel import PhrasePanel
from drafter.tui.widgets.step_indicator import StepIndicator


class WizardScreen(PhraseSteps, ReviewActions):
    """Steps over the sections of a draft, with an outline editor and a phrase panel each."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "下一步", priority=True),
        Binding("ctrl+b", "back", "上一步", priority=True),
        Binding("ctrl+f", "find", "找短语", priority=True),
        Binding("ctrl+o", "add_point", "新要点", priority=True),
        Binding("ctrl+t", "add_thread", "连同原因对策", priority=True),
        Binding("ctrl+l", "fill_slots", "填待补", priority=True, show=False),
        Binding("ctrl+r", "review", "审阅导出", priority=True, show=False),
    ]

    def __init__(self, session: Session, kind: ReportKind, library: Library) -> None:
        super().__init__(session, kind, library)
        self.choices = filter_choices()

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepIndicator([s.label for s in self.specs] + [REVIEW_LABEL], id="steps-bar")
        with ContentSwitcher(initial=f"step-{self.specs[0].id}", id="steps"):
            for spec in self.specs:
                yield Horizontal(id=f"step-{spec.id}", classes="section-step")
            yield ReviewStep(id="step-review")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.title = self.draft.meta.title or "（无标题）"
        self.sub_title = self.session.path.name + ("  [只读]" if self.session.read_only else "")
        self.mark_done()
        self.ready = True
        await self.watch_step(self.step)

    async def build_step(self, spec: SectionSpec) -> None:
        """Mount a step's editor and phrase panel when it is first shown (fast start-up)."""
        if spec.id in self.built:
            await self.built[spec.id].wait()
            return
        done = self.built[spec.id] = asyncio.Event()
        editor = OutlineEditor(spec.id, id=f"outline-{spec.id}")
        column = Vertical(Static(spec.hint, classes="step-hint"), editor, classes="editor-column")
        filters = initial_filters(spec, self.draft)
        panel = PhrasePanel(spec.id, self.choices, filters, id=f"phrases-{spec.id}")
        await self.query_one(f"#step-{spec.id}").mount_all([column, panel])
        editor.show(outline_rows(self.draft.section(spec.id)), self.selected[spec.id])
        editor.set_read_only(self.session.read_only)
        panel.show_review_filter(self.has_pending())
        done.set()

    # -- steps ----------------------------------------------------------------------------

    async def watch_step(self, step: int) -> None:
        if not self.ready:
            return
        self.query_one(StepIndicator).current = step
        spec = self.spec
        if spec is not None:
            await self.build_step(spec)
            if self.step != step:
                return  # the user moved on while the step was being built
        switcher = self.query_one("#steps", ContentSwitcher)
        switcher.current = f"step-{spec.id}" if spec else "step-review"
        if spec is None:
            self.refresh_review()
            return
        editor = self.editor(spec.id)
        focus = self.jump_focus.pop(spec.id, None)
        if focus is not None:
            editor.show(
                outline_rows(self.draft.section(spec.id)), self.selected[spec.id], focus=focus
            )
        else:
            editor.query_one("#points").focus()
        self.step_entered(spec)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next" and self.step >= self.last_step:
            return None
        if action == "back" and self.step <= 0:
            return None
        if action in ("find", "add_point") and self.spec is None:
            return None
        if action == "add_thread":  # only the problem step has whole threads to add
            return self.spec is not None and self.spec.bank_section == "problem"
        return True

    def action_next(self) -> None:
        self.step = min(self.step + 1, self.last_step)

    def action_back(self) -> None:
        self.step = max(self.step - 1, 0)

    def action_review(self) -> None:
        self.step = self.last_step

    def action_goto(self, index: int) -> None:
        self.step = max(0, min(index, self.last_step))

    def action_edit_meta(self) -> None:
        if not self.editable():
            return
        meta = self.draft.meta
        values = {
            "title": meta.title,
            "unit": meta.unit,
            "signature": meta.signature,
            "date": meta.date,
            "scene": meta.scene,
        }
        self.app.push_screen(MetaDialog(values, SCENES), self.apply_meta)

    def apply_meta(self, values: dict[str, str] | None) -> None:
        """Take the edited report information; a bad date is refused with a note."""
        if values is None:
            return
        try:
            editing.set_meta(self.draft, values)
        except ValueError as exc:
            self.notify(str(exc), title="报告信息没有改", severity="error")
            return
        self.title = self.draft.meta.title or "（无标题）"
        self.session.changed()
        self.notify("报告信息已更新", timeout=3)

    def action_find(self) -> None:
        if self.spec is not None:
            self.panel(self.spec.id).focus_query()

    def action_add_point(self) -> None:
        if self.spec is not None:
            self._add_point(self.spec.id, self.editor(self.spec.id).point)

    def action_add_thread(self) -> None:
        """Add the highlighted bank problem with a linked cause and countermeasure."""
        from drafter.core.skeleton import add_thread

        spec, bank = self.spec, self.library.bank
        if spec is None or bank is None or not self.editable():
            return
        entry = bank.get(self.panel(spec.id).highlighted_entry or "")
        if entry is None or entry.section != "problem" or entry.kind != "heading":
            self.notify("先在右边选中一个问题标题，再按 ctrl+t", severity="warning")
            return
        try:
            placed = add_thread(
                self.draft, self.kind, bank, entry, after=self.editor(spec.id).point
            )
        except ValueError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.refresh_sections(placed, current=spec.id)
        labels = {s.id: s.label for s in self.specs}
        added = "、".join(labels[p.section] for p in placed[1:])
        self.notify(f"已加入“{entry.text}”" + (f"，并在{added}加入对应条目" if added else ""))

    def refresh_sections(self, placed: list[Placed], current: str) -> None:
        """After points were added to or removed from several sections at once."""
        here = next((p.index for p in placed if p.section == current), None)
        for section in dict.fromkeys(p.section for p in placed):
            if section == current:
                self.changed(section, reload=here)
            elif self.is_built(section):  # other steps show it when they are entered
                self.changed(section, reload=self.selected.get(section))
        if current not in {p.section for p in placed}:
            self.changed(current, reload=self.selected.get(current))

    @on(StepIndicator.StepClicked)
    def _step_clicked(self, message: StepIndicator.StepClicked) -> None:
        self.step = message.index

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """The wizard's actions for the command palette: (title, action, help)."""
        steps = [(f"转到：{s.label}", f"goto({i})", "") for i, s in enumerate(self.specs)]
        return [
            ("下一步", "next", "ctrl+n"),
            ("上一步", "back", "ctrl+b"),
            (f"转到：{REVIEW_LABEL}", "review", "ctrl+r"),
            *steps,
            ("搜索短语", "find", "ctrl+f"),
            ("修改报告信息（标题、单位、日期、场景）", "edit_meta", ""),
            ("新增要点", "add_point", "ctrl+o"),
            ("加入选中的问题，连同关联原因和对策", "add_thread", "ctrl+t"),
            ("填写待补项", "fill_slots", "ctrl+l"),
            ("导出报告", "export", "docx / md / txt"),
        ]

    # -- outline edits --------------------------------------------------------------------

    def _add_point(self, key: str, after: int | None) -> None:
        if self.editable():
            index = editing.add_point(self.draft.section(key), after)
            self.changed(key, reload=index, focus="heading")

    @on(OutlineEditor.RowSelected)
    def _row_selected(self, message: OutlineEditor.RowSelected) -> None:
        self.selected[message.editor.key] = message.index
        self.refresh_info()

    @on(OutlineEditor.PointAdded)
    def _point_added(self, message: OutlineEditor.PointAdded) -> None:
        self._add_point(message.editor.key, message.after)

    @on(OutlineEditor.PointDeleted)
    def _point_deleted(self, message: OutlineEditor.PointDeleted) -> None:
        if not self.editable():
            return
        key, index = message.editor.key, message.index
        point = self.draft.section(key).points[index]

        def delete(confirmed: bool | None = True) -> None:
            if confirmed:
                orphans = self.orphans_of(key, index)
                after = editing.delete_point(self.draft.section(key), index)
                self.changed(key, reload=after, focus="points")
                if orphans:
                    self.offer_removal(orphans, key)

        if point.heading.strip() or point.body or point.points:
            name = point.heading or "（无标题）"
            question = f"删除要点“{name}”及其 {len(point.body)} 段正文？"
            self.app.push_screen(ConfirmDialog(question, "删除"), delete)
        else:
            delete()

    def orphans_of(self, key: str, index: int) -> list[Placed]:
        """Causes and countermeasures only this problem needed (none for other steps)."""
        from drafter.core.skeleton import dependents

        spec = next((s for s in self.specs if s.id == key), None)
        bank = self.library.bank
        if spec is None or spec.bank_section != "problem" or bank is None:
            return []
        return dependents(self.draft, self.kind, bank, index)

    def offer_removal(self, orphans: list[Placed], current: str) -> None:
        from drafter.core.skeleton import remove

        labels = {s.id: s.label for s in self.specs}
        names = "；".join(f"{labels[p.section]}“{p.heading}”" for p in orphans)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                remove(self.draft, orphans)
                self.refresh_sections(orphans, current=current)

        question = f"这些条目只对应刚删去的问题：{names}。一并删除？"
        self.app.push_screen(ConfirmDialog(question, "一并删除"), answer)

    @on(OutlineEditor.PointMoved)
    def _point_moved(self, message: OutlineEditor.PointMoved) -> None:
        if self.editable():
            key = message.editor.key
            index = editing.move_point(self.draft.section(key), message.index, message.offset)
            self.changed(key, reload=index, focus="points")

    @on(OutlineEditor.HeadingEdited)
    def _heading_edited(self, message: OutlineEditor.HeadingEdited) -> None:
        section = self.draft.section(message.editor.key)
        if (
            message.index < len(section.points)
            and not self.session.read_only
            and section.points[message.index].heading != message.heading.strip()
        ):
            editing.set_heading(section, message.index, message.heading)
            self.changed(message.editor.key)

    @on(OutlineEditor.BodyEdited)
    def _body_edited(self, message: OutlineEditor.BodyEdited) -> None:
        section = self.draft.section(message.editor.key)
        if self.session.read_only or (
            message.index is not None and message.index >= len(section.points)
        ):
            return
        body = section.body if message.index is None else section.points[message.index].body
        if editing.body_text(body) != message.text:
            editing.set_body(section, message.index, message.text)
            self.changed(message.editor.key)

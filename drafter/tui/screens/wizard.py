"""The wizard: one step per section of the report kind, then review and export.

The screen mediates between self-contained steps: each SectionStep edits its own section
and posts Changed; the ReviewStep renders, checks and exports. The screen moves between
steps, autosaves through the session and carries out what spans sections (a problem with
its linked cause and countermeasure, the report information, every 【待补】 at once).
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header

from drafter.core import editing
from drafter.core.checks.base import Finding
from drafter.core.kinds import ReportKind, SectionSpec
from drafter.core.model import Draft
from drafter.core.session import Session
from drafter.core.skeleton import Placed
from drafter.core.slots import fill, known_values, pending_by_section
from drafter.core.vocab import SCENES
from drafter.tui.library import Library, LibraryLoaded
from drafter.tui.screens.dialogs import ConfirmDialog, MetaDialog, SlotValuesDialog
from drafter.tui.screens.phrase_search import filter_choices
from drafter.tui.screens.review import ReviewStep
from drafter.tui.screens.section_step import SectionStep
from drafter.tui.screens.wizard_state import WizardState
from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.phrase_panel import PhrasePanel
from drafter.tui.widgets.step_indicator import StepIndicator

REVIEW_LABEL = "审阅导出"


class WizardScreen(Screen[None]):
    """Steps over the sections of a draft, then the review step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "下一步", priority=True),
        Binding("ctrl+b", "back", "上一步", priority=True),
        Binding("ctrl+f", "find", "找短语", priority=True),
        Binding("ctrl+o", "add_point", "新要点", priority=True),
        Binding("ctrl+t", "add_thread", "连同原因对策", priority=True),
        Binding("ctrl+l", "fill_slots", "填待补", priority=True, show=False),
        Binding("ctrl+r", "review", "审阅导出", priority=True, show=False),
    ]

    step: reactive[int] = reactive(0, bindings=True, init=False)

    def __init__(self, session: Session, kind: ReportKind, library: Library) -> None:
        super().__init__()
        self.state = WizardState(session, kind, library)
        self.specs: list[SectionSpec] = list(kind.sections)
        self.ready = False
        """Set once mounted: steps are built from then on."""

    @property
    def session(self) -> Session:
        return self.state.session

    @property
    def kind(self) -> ReportKind:
        return self.state.kind

    @property
    def library(self) -> Library:
        return self.state.library

    @property
    def draft(self) -> Draft:
        return self.state.draft

    @property
    def last_step(self) -> int:
        return len(self.specs)

    @property
    def spec(self) -> SectionSpec | None:
        return self.specs[self.step] if self.step < len(self.specs) else None

    @property
    def findings(self) -> list[Finding]:
        return self.query_one(ReviewStep).findings

    def section_step(self, key: str) -> SectionStep:
        return self.query_one(f"#step-{key}", SectionStep)

    def editor(self, key: str) -> OutlineEditor:
        return self.section_step(key).editor

    def panel(self, key: str) -> PhrasePanel:
        return self.section_step(key).panel

    def compose(self) -> ComposeResult:
        yield Header()
        yield StepIndicator([s.label for s in self.specs] + [REVIEW_LABEL], id="steps-bar")
        choices = filter_choices()
        with ContentSwitcher(initial=f"step-{self.specs[0].id}", id="steps"):
            for spec in self.specs:
                section = self.draft.section(spec.id)
                point = 0 if section.points and spec.title else None
                yield SectionStep(spec, self.state, choices, point)
            yield ReviewStep(self.state, id="step-review")
        yield Footer(compact=True)

    async def on_mount(self) -> None:
        self.show_title()
        self.sub_title = self.session.path.name + ("  [只读]" if self.session.read_only else "")
        self.mark_done()
        self.ready = True
        await self.watch_step(self.step)

    async def show_step(
        self, step: int, point: int | None = None, focus: str | None = None
    ) -> None:
        """Show a step (building it first), at `point` with the focus on `focus`."""
        self.query_one(StepIndicator).current = step
        spec = self.specs[step] if step < len(self.specs) else None
        if spec is not None:
            await self.section_step(spec.id).build()
            if self.step != step:
                return  # the user moved on while the step was being built
        self.query_one("#steps", ContentSwitcher).current = f"step-{spec.id if spec else 'review'}"
        if spec is None:
            self.query_one(ReviewStep).refresh_review()
        else:
            self.section_step(spec.id).enter(point, focus)

    async def watch_step(self, step: int) -> None:
        if self.ready:
            await self.show_step(step)

    def show_title(self) -> None:
        """The title as the report will print it: slots filled, the rest 【待补：单位】."""
        title, _ = fill(self.draft.meta.title, known_values(self.draft))
        self.title = title or "（无标题）"

    def mark_done(self) -> None:
        done = {
            i
            for i, spec in enumerate(self.specs)
            if (s := self.draft.find_section(spec.id)) and (s.body or s.points)
        }
        self.query_one(StepIndicator).mark_done(done)

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

    # -- what the steps and the app report ------------------------------------------------

    @on(SectionStep.Changed)
    def _step_changed(self, message: SectionStep.Changed) -> None:
        self.session.changed()
        self.mark_done()
        if message.phrases:  # the ✓ and ↳ marks of the other steps are out of date
            for step in self.query(SectionStep):
                step.fresh = step.fresh and step is message.step

    @on(SectionStep.ThreadOrphaned)
    def _orphaned(self, message: SectionStep.ThreadOrphaned) -> None:
        from drafter.core.skeleton import remove

        orphans = message.orphans
        names = "；".join(f"{self.state.label(p.section)}“{p.heading}”" for p in orphans)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                remove(self.draft, orphans)
                self.refresh_sections(orphans, current=message.step.key)

        question = f"这些条目只对应刚删去的问题：{names}。一并删除？"
        self.app.push_screen(ConfirmDialog(question, "一并删除"), answer)

    @on(ReviewStep.FindingChosen)
    async def _finding_chosen(self, message: ReviewStep.FindingChosen) -> None:
        """Go to the step and point a finding names."""
        index = next((i for i, s in enumerate(self.specs) if s.id == message.section), None)
        if index is None:
            return
        point = message.point
        if point is not None and point >= len(self.draft.section(message.section).points):
            point = None
        focus = "heading" if point is not None and message.part == "heading" else "body"
        self.set_reactive(WizardScreen.step, index)  # show_step puts the focus, not watch_step
        self.refresh_bindings()
        await self.show_step(index, point, focus)

    @on(LibraryLoaded)
    def _library_loaded(self) -> None:
        for step in self.query(SectionStep):
            step.library_loaded(current=step.spec is self.spec)

    @on(StepIndicator.StepClicked)
    def _step_clicked(self, message: StepIndicator.StepClicked) -> None:
        self.step = message.index

    def refresh_sections(self, placed: list[Placed], current: str) -> None:
        """After points were added to or removed from several sections at once."""
        self.session.changed()
        self.mark_done()
        for key in dict.fromkeys([*(p.section for p in placed), current]):
            step = self.section_step(key)
            step.fresh = False
            if step.is_built:  # (a step built later shows the outline as it is then)
                here = next((p.index for p in placed if p.section == key == current), None)
                step.reload(here if here is not None else step.editor.point)
        self.section_step(current).start_search()

    # -- actions --------------------------------------------------------------------------

    def action_next(self) -> None:
        self.step = min(self.step + 1, self.last_step)

    def action_back(self) -> None:
        self.step = max(self.step - 1, 0)

    def action_review(self) -> None:
        self.step = self.last_step

    def action_goto(self, index: int) -> None:
        self.step = max(0, min(index, self.last_step))

    def action_find(self) -> None:
        if self.spec is not None:
            self.panel(self.spec.id).focus_query()

    def action_add_point(self) -> None:
        if self.spec is not None:
            self.section_step(self.spec.id).add_point()

    def action_export(self) -> None:
        self.query_one(ReviewStep).action_export()

    def action_edit_meta(self) -> None:
        if not self.state.editable(self):
            return
        meta = self.draft.meta
        names = ("title", "unit", "signature", "date", "scene")
        values = {name: getattr(meta, name) for name in names}
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
        self.show_title()
        self.session.changed()
        self.notify("报告信息已更新", timeout=3)

    def action_add_thread(self) -> None:
        """Add the highlighted bank problem with a linked cause and countermeasure."""
        from drafter.core.skeleton import add_thread

        spec, bank = self.spec, self.library.bank
        if spec is None or bank is None or not self.state.editable(self):
            return
        entry = bank.get(self.panel(spec.id).highlighted_entry or "")
        if entry is None or entry.section != "problem" or entry.kind != "heading":
            self.notify("先在右边选中一个问题标题，再按 ctrl+t", severity="warning")
            return
        after = self.editor(spec.id).point
        try:
            placed = add_thread(self.draft, self.kind, bank, entry, after=after)
        except ValueError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.refresh_sections(placed, current=spec.id)
        added = "、".join(self.state.label(p.section) for p in placed[1:])
        self.notify(f"已加入“{entry.text}”" + (f"，并在{added}加入对应条目" if added else ""))

    def action_fill_slots(self) -> None:
        """Ask for every 【待补】 value at once; what is left empty stays to fill."""
        names = list(dict.fromkeys(n for v in pending_by_section(self.draft).values() for n in v))
        if not names:
            self.notify("没有待补项了", timeout=3)
            return
        if not self.state.editable(self):
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                editing.store_slots(self.draft, values)
                self.session.changed()
                if self.spec is None:
                    self.query_one(ReviewStep).refresh_review()
                left = sum(map(len, pending_by_section(self.draft).values()))
                self.notify(f"还有 {left} 处待补" if left else "待补项都已填好", timeout=4)

        title = f"填写待补项（共{len(names)}项，留空的以后再补）："
        self.app.push_screen(SlotValuesDialog(names, "", title=title, ok="填好"), done)

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

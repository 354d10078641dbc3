"""The wizard: one step per section of the report kind, then review and export.

The screen mediates between self-contained steps: each SectionStep edits its own section
and posts Changed; the ReviewStep renders, checks and exports. The screen moves between
steps, autosaves through the session and carries out what spans sections (a problem with
its linked cause and countermeasure, the report information, every 【待补】 at once).
"""

from __future__ import annotations

import contextlib
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header

from drafter.core.checks.base import Finding
from drafter.core.errors import DrafterError
from drafter.core.files import resume
from drafter.core.model import Draft, PointPath, point_at
from drafter.core.report.kinds import ReportKind, SectionSpec
from drafter.core.session import Session
from drafter.core.skeleton import Placed
from drafter.core.text.slots import fill, known_values
from drafter.tui.library import Library, LibraryLoaded
from drafter.tui.screens.draft_actions import REVIEW_LABEL, DraftActions, palette_commands
from drafter.tui.screens.phrase_search import filter_choices
from drafter.tui.screens.review import ReviewStep
from drafter.tui.screens.section_step import SectionStep
from drafter.tui.screens.wizard_state import WizardState, start_point
from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.phrase_panel import PhrasePanel
from drafter.tui.widgets.step_indicator import StepIndicator


class WizardScreen(Screen[None]):
    """Steps over the sections of a draft, then the review step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "next", "下一步", priority=True),
        Binding("ctrl+b", "back", "上一步", priority=True),
        Binding("ctrl+f", "find", "找短语", priority=True),
        Binding("ctrl+o", "add_point", "新要点", priority=True),
        Binding("ctrl+t", "add_thread", "连原因对策", priority=True),
        Binding("ctrl+l", "fill_slots", "填待补", priority=True, show=False),
        Binding("ctrl+r", "review", "审阅导出", priority=True, show=False),
    ]

    # Under 30 rows (-short) the step hint and the heading take one row each: drafter.tcss.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012

    step: reactive[int] = reactive(0, bindings=True, init=False)

    def __init__(
        self,
        session: Session,
        kind: ReportKind,
        library: Library,
        kinds: dict[str, ReportKind] | None = None,
    ) -> None:
        super().__init__()
        self.state = WizardState(session, kind, library, kinds or {kind.id: kind})
        self.specs: list[SectionSpec] = list(kind.sections)
        self.ready = False
        """Set once mounted: steps are built from then on."""
        self.actions = DraftActions(self)

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
        left = self.left_at()
        with ContentSwitcher(initial=f"step-{self.specs[0].id}", id="steps"):
            for spec in self.specs:
                point = start_point(self.draft.section(spec.id), spec, left)
                yield SectionStep(spec, self.state, choices, point)
            yield ReviewStep(self.state, id="step-review")
        yield Footer(compact=True)

    def left_at(self) -> resume.Position | None:
        """Where the user left this draft last time (None: start at ①)."""
        try:
            return resume.position(self.session.path)
        except OSError:
            return None

    def remember_position(self) -> None:
        """Note the step and point, so the draft reopens here."""
        spec = self.spec
        path = self.editor(spec.id).path if spec is not None else None
        where = resume.Position.of(spec.id if spec else resume.REVIEW, path)
        with contextlib.suppress(DrafterError, OSError):  # only a convenience
            resume.remember(self.session.path, where)

    async def on_mount(self) -> None:
        left = self.left_at()
        ids = [s.id for s in self.specs]
        if left is not None and (left.step in ids or left.step == resume.REVIEW):
            step = ids.index(left.step) if left.step in ids else self.last_step
            self.set_reactive(WizardScreen.step, step)
        self.show_title()
        self.sub_title = self.session.path.name + ("  [只读]" if self.session.read_only else "")
        self.mark_done()
        self.ready = True
        await self.watch_step(self.step)

    async def show_step(
        self, step: int, point: PointPath | None = None, focus: str | None = None
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
        self.remember_position()

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
        if action in ("find", "add_point", "add_subpoint", "level") and self.spec is None:
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

    @on(OutlineEditor.RowSelected)
    def _row_selected(self) -> None:
        self.remember_position()

    @on(SectionStep.ThreadOrphaned)
    def _orphaned(self, message: SectionStep.ThreadOrphaned) -> None:
        self.actions.offer_removal(message.orphans, message.step.key)

    @on(ReviewStep.FindingChosen)
    async def _finding_chosen(self, message: ReviewStep.FindingChosen) -> None:
        """Go to the step and point a finding names."""
        index = next((i for i, s in enumerate(self.specs) if s.id == message.section), None)
        if index is None:
            return
        point = message.point
        try:
            if point is not None:
                point_at(self.draft.section(message.section).points, point)
        except IndexError:  # the draft changed since the review
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
                step.reload((here,) if here is not None else step.editor.path)
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

    def action_add_subpoint(self) -> None:
        if self.spec is not None:
            self.section_step(self.spec.id).add_point(sub=True)

    def action_level(self, step: int) -> None:
        """Indent (1) or outdent (-1) the selected point (the palette's way; alt+→ / alt+←)."""
        if self.spec is not None:
            self.section_step(self.spec.id).change_level(deeper=step > 0)

    def action_export(self) -> None:
        self.query_one(ReviewStep).action_export()

    def action_edit_meta(self) -> None:
        self.actions.edit_meta()

    def apply_meta(self, values: dict[str, str] | None) -> None:
        self.actions.apply_meta(values)

    def action_add_thread(self) -> None:
        self.actions.add_thread()

    def action_fill_slots(self) -> None:
        self.actions.fill_slots()

    def action_link_problems(self) -> None:
        self.actions.link_problems()

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """The wizard's actions for the command palette: (title, action, help)."""
        return palette_commands(self.specs)

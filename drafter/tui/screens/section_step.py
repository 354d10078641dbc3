"""One step of the wizard: the outline of one section beside its phrase panel.

A SectionStep owns its editor, its panel, its search worker and when its results are fresh.
It applies the user's outline edits and inserted phrases to its own section through
drafter.core.editing and posts Changed up; the screen autosaves and tells the other steps.
Edits that reach other sections (a problem's linked cause and remedy) go up as messages.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from textual import on, work
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from drafter.core import editing, stepinfo
from drafter.core.bank.loading import Entry
from drafter.core.model import PointPath, Section
from drafter.core.report.kinds import SectionSpec
from drafter.core.skeleton import Placed
from drafter.core.text.slots import known_values
from drafter.tui.screens.dialogs import SlotValuesDialog
from drafter.tui.screens.phrase_search import draft_day, initial_filters, search_rows
from drafter.tui.screens.step_edits import OutlineEdits, outline_rows
from drafter.tui.screens.wizard_state import WizardState
from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.outline_row import OutlineRow
from drafter.tui.widgets.phrase_panel import FilterChoice, Filters, PhrasePanel, ResultRow

INFO_DELAY = 0.3
"""Seconds of quiet typing before the linked suggestions and unanswered problems update."""


class SectionStep(Horizontal):
    """The outline editor and phrase panel of one section (mounted when first shown)."""

    @dataclass
    class Changed(Message):
        """This step changed the draft; `phrases`: the phrases used changed as well."""

        step: SectionStep
        phrases: bool = False

    @dataclass
    class ThreadOrphaned(Message):
        """A deleted problem leaves causes and countermeasures only it needed."""

        step: SectionStep
        orphans: list[Placed]

    @dataclass
    class SearchDone(Message):
        """A search finished (posted from the worker thread)."""

        query: str
        filters: Filters
        rows: list[ResultRow]
        note: str = ""

    def __init__(
        self,
        spec: SectionSpec,
        state: WizardState,
        choices: list[FilterChoice],
        point: PointPath | None,
    ) -> None:
        super().__init__(id=f"step-{spec.id}", classes="section-step")
        self.spec = spec
        self.state = state
        self.choices = choices
        self.start_point = point
        """The point selected when the step is first built."""
        self.fresh = False
        """Whether the panel shows results for its current query, filters and marks."""
        self.keep_highlight = False
        """Whether the next results keep the highlighted phrase (a refresh after inserting)."""
        self.info_timer: Timer | None = None
        self._built: asyncio.Event | None = None
        self.edits = OutlineEdits(self)
        self.cues = stepinfo.kind_cues(state.kind, state.kinds, spec.bank_section)
        """Words that mark this step's phrases as suiting the draft's kind, or another's."""

    @property
    def key(self) -> str:
        return self.spec.id

    @property
    def section(self) -> Section:
        return self.state.draft.section(self.spec.id)

    @property
    def editor(self) -> OutlineEditor:
        return self.query_one(OutlineEditor)

    @property
    def panel(self) -> PhrasePanel:
        return self.query_one(PhrasePanel)

    def rows(self) -> list[OutlineRow]:
        return outline_rows(self.section, known_values(self.state.draft))

    @property
    def is_built(self) -> bool:
        return self._built is not None and self._built.is_set()

    async def build(self) -> None:
        """Mount the editor and the panel (each step on first showing: a fast start)."""
        if self._built is not None:
            await self._built.wait()
            return
        self._built = asyncio.Event()
        editor = OutlineEditor(self.key, id=f"outline-{self.key}")
        column = Vertical(Static(self.spec.hint, classes="step-hint"), editor)
        column.add_class("editor-column")
        filters = initial_filters(self.spec, self.state.draft)
        panel = PhrasePanel(self.key, self.choices, filters, id=f"phrases-{self.key}")
        await self.mount_all([column, panel])
        editor.show(self.rows(), self.start_point)
        editor.set_read_only(self.state.read_only)
        panel.show_on_demand(self.state.library.has_pending)
        self._built.set()

    def enter(self, point: PointPath | None = None, focus: str | None = None) -> None:
        """The step is shown: put the focus (at `point` when a finding jumped here), search."""
        if focus is not None:
            self.editor.show(self.rows(), point, focus=focus)
        else:
            self.editor.query_one("#points").focus()
        if not self.fresh:
            self.start_search()
        self.refresh_info()

    def library_loaded(self, current: bool) -> None:
        """The bank is loaded: offer its filters; search now if this step is shown."""
        self.fresh = False
        if self.is_built:
            self.panel.show_on_demand(self.state.library.has_pending)
            if current:
                self.start_search()
                self.refresh_info()

    def reload(self, point: PointPath | None, focus: str | None = None) -> None:
        """Show the section's outline anew, selecting `point`."""
        if self.is_built:
            self.editor.show(self.rows(), point, focus=focus)
            self.refresh_info()

    def refresh_row(self) -> None:
        """Refresh the selected row's label and slot values (the fields are left alone)."""
        path = self.editor.path
        row = next((r for r in self.rows() if r.path == path), None)
        if row is not None:
            self.editor.update_row(row)

    def changed(self, *, reload: PointPath | bool | None = False, focus: str | None = None) -> None:
        """After an edit: reload the outline (selecting `reload`) or just refresh a label."""
        if reload is not False:
            self.reload(None if isinstance(reload, bool) else reload, focus)
        else:
            self.refresh_row()
            if self.info_timer is not None:  # typing: the notes can wait for a pause
                self.info_timer.stop()
            self.info_timer = self.set_timer(INFO_DELAY, self.refresh_info)
        self.post_message(self.Changed(self))

    # -- search ---------------------------------------------------------------------------

    def start_search(self) -> None:
        library = self.state.library
        if not self.is_built:
            return
        if library.engine is None:
            self.panel.show_results([], note=library.error or "正在载入短语库…")
            return
        draft = self.state.draft
        linked = stepinfo.linked_entries(
            draft, self.state.kind, library.bank, self.spec.bank_section
        )
        panel = self.panel
        self.run_search(panel.query_text, panel.filters, linked, stepinfo.used_phrases(draft))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, filters: Filters, linked: list[Entry], used: set[str]) -> None:
        """Search in a thread; a newer search cancels this one and its result is dropped."""
        engine = self.state.library.engine
        assert engine is not None
        draft = self.state.draft
        rows, note = search_rows(
            engine,
            query,
            filters,
            section=self.spec.bank_section,
            scene=draft.meta.scene,
            day=draft_day(draft),
            linked=linked,
            used=used,
            cues=self.cues,
        )
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(query, filters, rows, note))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        message.stop()
        panel = self.panel
        if message.query != panel.query_text or message.filters != panel.filters:
            return  # stale: the user typed on
        keep, self.keep_highlight = self.keep_highlight, False
        panel.show_results(message.rows, note=message.note, keep=keep)
        self.fresh = True

    @on(PhrasePanel.QueryChanged)
    def _query_changed(self, message: PhrasePanel.QueryChanged) -> None:
        message.stop()
        self.fresh = False
        self.start_search()

    @on(PhrasePanel.QueryLeft)
    def _query_left(self, message: PhrasePanel.QueryLeft) -> None:
        message.stop()
        self.editor.focus_body()

    def refresh_info(self) -> None:
        """The note under the results: links of a problem, or the problems not yet answered."""
        if not self.is_built:
            return
        note = stepinfo.step_note(
            self.state.draft,
            self.state.kind,
            self.state.library.bank,
            self.spec.bank_section,
            self.editor.point,
            self.key,
        )
        self.panel.show_info(note)

    # -- phrases --------------------------------------------------------------------------

    @on(PhrasePanel.PhraseChosen)
    def _phrase_chosen(self, message: PhrasePanel.PhraseChosen) -> None:
        message.stop()
        bank = self.state.library.bank
        entry = bank.get(message.entry_id) if bank else None
        if entry is None or not self.state.editable(self):
            return
        missing = editing.missing_slots(self.state.draft, entry.text)
        if not missing:
            self.insert_entry(entry, {})
            return

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.insert_entry(entry, values)

        self.app.push_screen(SlotValuesDialog(missing, entry.text), done)

    def insert_entry(self, entry: Entry, values: dict[str, str]) -> None:
        """Insert a phrase at the selected point (see editing.insert_phrase)."""
        editing.store_slots(self.state.draft, values)
        result = editing.insert_phrase(self.section, self.editor.path, entry)
        self.reload(result.path)
        self.post_message(self.Changed(self, phrases=True))
        self.keep_highlight = True  # refresh the ✓ and ↳ marks, staying on the same phrase
        self.start_search()

    # -- outline edits --------------------------------------------------------------------

    def add_point(self, *, sub: bool = False) -> None:
        """A new point after the selected one at its level, or (sub) as its sub-point."""
        self.edits.add_point(self.editor.path, sub=sub)

    def change_level(self, *, deeper: bool) -> None:
        path = self.editor.path
        if path is None:
            self.notify("先在要点列表中选中一个要点", severity="warning", timeout=3)
        else:
            self.edits.change_level(path, deeper=deeper)

    @on(OutlineEditor.RowSelected)
    def _row_selected(self) -> None:
        self.refresh_info()  # (the message goes on up: the screen notes the position)

    @on(OutlineEditor.PointAdded)
    @on(OutlineEditor.PointDeleted)
    @on(OutlineEditor.PointMoved)
    @on(OutlineEditor.LevelChanged)
    @on(OutlineEditor.HeadingEdited)
    @on(OutlineEditor.BodyEdited)
    def _outline_edited(self, message: Message) -> None:
        message.stop()
        self.edits.apply(message)

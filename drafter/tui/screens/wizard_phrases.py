"""The wizard's phrase side: search off the UI thread, insertion with slot values, and
linked suggestions (causes and countermeasures of the problems' phrases).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import work
from textual.message import Message
from textual.worker import get_current_worker

from drafter.core import editing
from drafter.core.bank import Entry
from drafter.core.errors import DrafterError
from drafter.core.kinds import SectionSpec
from drafter.core.model import Draft, iter_points
from drafter.core.numbering import heading_label
from drafter.core.vocab import ENTRY_KINDS, GENERAL_SCENE, SCENES, SECTIONS, TOPICS
from drafter.tui.library import make_filters
from drafter.tui.screens.dialogs import SlotValuesDialog
from drafter.tui.screens.wizard_base import WizardBase
from drafter.tui.widgets.phrase_panel import ALL, FilterChoices, Filters, PhrasePanel, ResultRow

RESULT_LIMIT = 40
LINKED_MARK = "↳"  # no space after it: the text (one long CJK "word") then wraps with it
USED_MARK = "✓"


def filter_choices() -> FilterChoices:
    """Every filter offers 全部 and the vocabulary's labels."""
    every = [("全部", ALL)]
    return FilterChoices(
        sections=every + [(label, key) for key, label in SECTIONS.items()],
        topics=every + [(label.split("（")[0], key) for key, label in TOPICS.items()],
        scenes=every + [(s, s) for s in SCENES],
        kinds=every + [(label, key) for key, label in ENTRY_KINDS.items()],
    )


def initial_filters(spec: SectionSpec, draft: Draft) -> Filters:
    """By default: the step's section and the draft's scene."""
    scene = draft.meta.scene if draft.meta.scene != GENERAL_SCENE else ALL
    return Filters(section=spec.bank_section, scene=scene)


ANY_SECTION_TAG = "各部分通用"
"""Tag of a phrase without a section (a .txt bank's), which every step offers."""


def entry_tags(entry: Entry) -> str:
    """标题·组织生活·农村 (and the years a dated entry is for, and the bank's name when it is
    not the built-in one)."""
    parts = [entry.kind_label, "/".join(entry.topic_labels), "/".join(entry.scenes)]
    if not entry.section:  # a .txt bank's phrase: offered in every step
        parts.insert(0, ANY_SECTION_TAG)
    tags = "·".join(p for p in [*parts, window_label(entry)] if p)
    return tags if entry.bank == "built-in" else f"{tags}·{entry.bank}"


def window_label(entry: Entry) -> str:
    """When a dated entry reads as current: 2024—2025年, 2025年起, 至2025年 ('' if undated)."""
    first, last = entry.valid_from, entry.until
    if first and last:
        return f"{first[:4]}—{last[:4]}年" if first[:4] != last[:4] else f"{first[:4]}年"
    if first:
        return f"{first[:4]}年起"
    return f"至{last[:4]}年" if last else ""


def draft_day(draft: Draft) -> str:
    """The day whose phrases the draft is offered: its meta.date, or today without one."""
    from drafter.core.tifa import iso_day

    return iso_day(draft.meta.date) or date.today().isoformat()


def short(text: str, width: int = 18) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class PhraseSteps(WizardBase):
    """The wizard's phrase side: search, insertion, linked suggestions."""

    @dataclass
    class SearchDone(Message):
        """A search finished (posted from the worker thread)."""

        key: str
        query: str
        filters: Filters
        rows: list[ResultRow]
        note: str = ""

    def step_entered(self, spec: SectionSpec) -> None:
        if spec.id not in self.fresh:
            self.start_search(spec.id)
        self.refresh_info()

    def library_ready(self) -> None:
        self.fresh.clear()
        for spec in self.specs:
            if self.is_built(spec.id):
                self.panel(spec.id).show_review_filter(self.has_pending())
        if self.spec is not None and self.is_built(self.spec.id):
            self.start_search(self.spec.id)
            self.refresh_info()  # (a step built later searches when it is entered)

    def on_phrase_panel_query_changed(self, message: PhrasePanel.QueryChanged) -> None:
        self.fresh.discard(message.panel.key)
        if self.spec is not None and message.panel.key == self.spec.id:
            self.start_search(message.panel.key)

    def has_pending(self) -> bool:
        """Whether the loaded bank holds harvested entries still pending review."""
        return getattr(self.library.engine, "has_pending", False) is True

    def start_search(self, key: str) -> None:
        panel = self.panel(key)
        if self.library.engine is None:
            panel.show_results([], note=self.library.error or "正在载入短语库…")
            return
        spec = next(s for s in self.specs if s.id == key)
        linked = self.linked_entries(spec)
        used = {
            phrase
            for section in self.draft.sections
            for point in iter_points(section.points)
            for phrase in point.phrases
        }
        self.run_search(key, panel.query_text, panel.filters, spec.bank_section, linked, used)

    @work(thread=True, exclusive=True, group="search")
    def run_search(
        self,
        key: str,
        query: str,
        filters: Filters,
        section: str,
        linked: list[Entry],
        used: set[str],
    ) -> None:
        """Search in a thread; a newer search cancels this one and its result is dropped."""
        engine = self.library.engine
        assert engine is not None
        note = ""
        try:
            hits = engine.search(
                query,
                filters=make_filters(
                    filters.section,
                    filters.topic,
                    filters.scene,
                    filters.kind,
                    filters.review,
                    draft_day(self.draft),
                ),
                prefer_section=section,
                prefer_scene=self.draft.meta.scene,
                limit=RESULT_LIMIT,
            )
        except DrafterError as exc:
            hits, note = [], str(exc)
        except Exception as exc:  # a bug in the engine must not close the editor
            hits, note = [], f"搜索出错（程序问题）：{type(exc).__name__}: {exc}"
        linked_ids = {e.id for e in linked}

        def mark(entry_id: str) -> str:
            return LINKED_MARK if entry_id in linked_ids else USED_MARK if entry_id in used else ""

        rows = [
            ResultRow(
                h.entry.id, h.entry.text, tuple(h.spans), entry_tags(h.entry), mark(h.entry.id)
            )
            for h in hits
        ]
        if not query.strip() and linked:
            top = [ResultRow(e.id, e.text, (), entry_tags(e), LINKED_MARK) for e in linked]
            rows = top + [r for r in rows if r.entry_id not in linked_ids]
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(key, query, filters, rows[:RESULT_LIMIT], note))

    def on_phrase_steps_search_done(self, message: PhraseSteps.SearchDone) -> None:
        panel = self.panel(message.key)
        if message.query != panel.query_text or message.filters != panel.filters:
            return  # stale: the user typed on
        keep = message.key in self.keep_highlight
        self.keep_highlight.discard(message.key)
        panel.show_results(message.rows, note=message.note, keep=keep)
        self.fresh.add(message.key)

    # -- insertion ------------------------------------------------------------------------

    def on_phrase_panel_phrase_chosen(self, message: PhrasePanel.PhraseChosen) -> None:
        bank = self.library.bank
        entry = bank.get(message.entry_id) if bank else None
        if entry is None or not self.editable():
            return
        key = message.panel.key
        missing = editing.missing_slots(self.draft, entry.text)
        if not missing:
            self.insert_entry(key, entry, {})
            return

        def done(values: dict[str, str] | None) -> None:
            if values is not None:
                self.insert_entry(key, entry, values)

        self.app.push_screen(SlotValuesDialog(missing, entry.text), done)

    def insert_entry(self, key: str, entry: Entry, values: dict[str, str]) -> None:
        """Insert a phrase at the selected point (see editing.insert_phrase)."""
        editing.store_slots(self.draft, values)
        section = self.draft.section(key)
        result = editing.insert_phrase(section, self.editor(key).point, entry)
        self.changed(key, reload=result.index)
        self.keep_highlight.add(key)  # refresh the ✓ and ↳ marks, staying on the same phrase
        self.start_search(key)

    # -- linked suggestions ---------------------------------------------------------------

    def linked_entries(self, spec: SectionSpec) -> list[Entry]:
        """Phrases of this step that would answer a problem not yet answered."""
        bank = self.library.bank
        if bank is None or spec.bank_section not in editing.ANSWERING_ROLES:
            return []
        seen: dict[str, Entry] = {}
        for item in editing.unanswered(self.draft, self.kind, bank, spec.bank_section):
            for entry in item.suggestions:
                seen.setdefault(entry.id, entry)
        return list(seen.values())

    def refresh_info(self) -> None:
        """The note under the results: links of a problem, or the problems not yet answered."""
        spec = self.spec
        bank = self.library.bank
        if spec is None or not self.is_built(spec.id):
            return
        panel = self.panel(spec.id)
        role = spec.bank_section
        info = ""
        if bank is not None and role == "problem":
            index = self.editor(spec.id).point
            points = self.draft.section(spec.id).points
            if index is not None and index < len(points):
                links = editing.linked_suggestions(bank, points[index])
                names = {"cause": "关联原因", "countermeasure": "关联对策"}
                info = "\n".join(
                    f"{names[r]}：" + "；".join(short(e.text) for e in entries[:3])
                    for r, entries in links.items()
                    if entries
                )
        elif bank is not None and role in editing.ANSWERING_ROLES:
            items = self.unanswered_problems(role)
            if items:
                heads = "；".join(label + short(heading, 12) for label, heading in items)
                info = f"尚未回应的问题：{heads}"
                if self.linked_entries(spec):
                    info += f"\n{LINKED_MARK}标出的短语可回应它们"
        panel.show_info(info)

    def unanswered_problems(self, role: str) -> list[tuple[str, str]]:
        """(（一）, heading) of the problems no point of `role` answers yet.

        The review checks' answer matrix decides when it is installed (phrase links, then
        the wording of headings); otherwise the phrase links alone.
        """
        bank = self.library.bank
        try:
            from drafter.core.checks import answer_matrix
        except ImportError:
            assert bank is not None
            items = editing.unanswered(self.draft, self.kind, bank, role)
            return [(heading_label(2, u.index + 1), u.heading or "（无标题）") for u in items]
        matrix = answer_matrix(self.draft, self.kind, bank)
        if role == "cause":
            explained = {problem for _, problem in matrix.cause_cells}
            open_ = [i for i in range(len(matrix.problems)) if i not in explained]
        else:
            open_ = matrix.unanswered()
        return [
            (matrix.problems[i].label, matrix.problems[i].heading or "（无标题）") for i in open_
        ]

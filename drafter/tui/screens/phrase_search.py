"""A wizard step's phrase search: the filters it offers, the tags and marks of its results.

`search_rows` runs in the step's worker thread; everything here is plain functions, so the
step widget only starts the worker and shows what comes back.
"""

from __future__ import annotations

from datetime import date

from drafter.core.bank.loading import Entry
from drafter.core.errors import DrafterError
from drafter.core.model import Draft
from drafter.core.report.kinds import SectionSpec
from drafter.core.search.filters import FILTERS
from drafter.core.stepinfo import LINKED_MARK, kind_rank, mark
from drafter.core.vocab import GENERAL_SCENE
from drafter.tui.library import PhraseSearch, make_filters
from drafter.tui.widgets.phrase_panel import ALL, FilterChoice, Filters, ResultRow

RESULT_LIMIT = 40
ANY_SECTION_TAG = "各部分通用"
"""Tag of a phrase without a section (a .txt bank's), which every step offers."""


def filter_choices() -> list[FilterChoice]:
    """The panel's selects, from the filter table: 全部 and each filter's labels."""
    return [
        FilterChoice(
            spec.name,
            spec.label,
            [("全部", ALL), *((label, value) for value, label in spec.choices().items())],
            on_demand=spec.on_demand,
        )
        for spec in FILTERS
        if spec.choices is not None
    ]


def initial_filters(spec: SectionSpec, draft: Draft) -> Filters:
    """By default: the step's section and the draft's scene."""
    scene = draft.meta.scene if draft.meta.scene != GENERAL_SCENE else ALL
    return Filters.of(section=spec.bank_section, scene=scene)


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
    from drafter.core.tifa.table import iso_day

    return iso_day(draft.meta.date) or date.today().isoformat()


def search_rows(
    engine: PhraseSearch,
    query: str,
    filters: Filters,
    *,
    section: str,
    scene: str,
    day: str,
    linked: list[Entry],
    used: set[str],
    cues: tuple[set[str], set[str]] = (set(), set()),
) -> tuple[list[ResultRow], str]:
    """The results to show and a note (why there are none). Phrases worded for the
    draft's report kind come first, another kind's last (`cues`: stepinfo.kind_cues);
    with an empty query the phrases that answer an open problem (↳) come before all."""
    note = ""
    try:
        hits = engine.search(
            query,
            filters=make_filters(dict(filters.values), day),
            prefer_section=section,
            prefer_scene=scene,
            limit=RESULT_LIMIT,
        )
    except DrafterError as exc:
        hits, note = [], str(exc)
    except Exception as exc:  # a bug in the engine must not close the editor
        hits, note = [], f"搜索出错（程序问题）：{type(exc).__name__}: {exc}"
    linked_ids = {e.id for e in linked}
    rows = [
        ResultRow(
            h.entry.id,
            h.entry.text,
            tuple(h.spans),
            entry_tags(h.entry),
            mark(h.entry.id, linked_ids, used),
        )
        for h in hits
    ]
    if any(cues):  # the kind's own wording first, another kind's last (a stable sort)
        rows.sort(key=lambda r: kind_rank(r.text, cues))
    if not query.strip() and linked:
        top = [ResultRow(e.id, e.text, (), entry_tags(e), LINKED_MARK) for e in linked]
        rows = top + [r for r in rows if r.entry_id not in linked_ids]
    return rows[:RESULT_LIMIT], note

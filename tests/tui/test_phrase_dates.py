"""The wizard offers phrases valid at the draft's date (today when it has none)."""

from __future__ import annotations

import datetime as _dt

from drafter.core.bank.loading import Entry
from drafter.core.model import Draft, Meta
from drafter.tui.library import make_filters
from drafter.tui.screens.phrase_search import draft_day, entry_tags


def test_the_draft_date_decides_which_dated_phrases_are_offered() -> None:
    dated = Draft(kind="rectification", meta=Meta(title="对照检查材料", date="2024-3-5"))
    assert draft_day(dated) == "2024-03-05"
    assert make_filters({"section": "problem"}, draft_day(dated)).date == "2024-03-05"


def test_a_draft_without_a_date_is_offered_todays_phrases() -> None:
    undated = Draft(kind="rectification", meta=Meta(title="对照检查材料"))
    assert draft_day(undated) == _dt.date.today().isoformat()
    assert make_filters({"section": "problem"}).date is None


def test_a_dated_phrase_shows_the_years_it_is_for() -> None:
    def tags(valid_from: str | None = None, until: str | None = None) -> str:
        entry = Entry("c.problem.01", "problem", "sentence", "示例。", ("discipline",))
        return entry_tags(entry._replace(valid_from=valid_from, until=until))

    assert tags(valid_from="2024-04-01", until="2025-12-31").endswith("·2024—2025年")
    assert tags(valid_from="2024-07-15").endswith("·2024年起")
    assert tags(until="2023-12-31").endswith("·至2023年")
    assert tags() == "句子·监督与纪律·通用"

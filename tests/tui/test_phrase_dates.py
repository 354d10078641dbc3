"""The wizard offers phrases valid at the draft's date (today when it has none)."""

from __future__ import annotations

import datetime as _dt

from drafter.core.model import Draft, Meta
from drafter.tui.library import make_filters
from drafter.tui.screens.wizard_phrases import draft_day


def test_the_draft_date_decides_which_dated_phrases_are_offered() -> None:
    dated = Draft(kind="rectification", meta=Meta(title="对照检查材料", date="2024-3-5"))
    assert draft_day(dated) == "2024-03-05"
    assert make_filters("problem", "", "", "", "", draft_day(dated)).date == "2024-03-05"


def test_a_draft_without_a_date_is_offered_todays_phrases() -> None:
    undated = Draft(kind="rectification", meta=Meta(title="对照检查材料"))
    assert draft_day(undated) == _dt.date.today().isoformat()
    assert make_filters("problem", "", "", "").date is None

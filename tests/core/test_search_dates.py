"""Dated entries: search offers an entry only on the days between its valid_from and until."""

from __future__ import annotations

import pytest

from drafter.core.bank.loading import Entry
from drafter.core.errors import QueryError
from drafter.core.search.engine import SearchEngine, SearchFilters


def entry(n: int, text: str, valid_from: str | None = None, until: str | None = None) -> Entry:
    entry_id = f"t.problem.{n:02d}"
    return Entry(
        entry_id, "problem", "sentence", text, ("theory",), valid_from=valid_from, until=until
    )


ENTRIES = [
    entry(
        1, "党纪学习教育中逐章逐条学习条例不够深入。", valid_from="2024-04-01", until="2025-12-31"
    ),
    entry(2, "学习教育中查摆作风问题不够具体。", valid_from="2025-03-01", until="2026-12-31"),
    entry(3, "理论学习中心组学习研讨不够深入。"),
    entry(4, "学习教育以来整改清单销号不及时。", until="2023-12-31"),
]


@pytest.fixture(scope="module")
def engine() -> SearchEngine:
    return SearchEngine(ENTRIES)


def ids(engine: SearchEngine, query: str, day: str | None) -> set[str]:
    hits = engine.search(query, filters=SearchFilters(date=day), limit=10)
    return {h.entry.id[-2:] for h in hits}


@pytest.mark.parametrize(
    ("day", "offered"),
    [
        ("2023-06-30", {"03", "04"}),
        ("2024-06-30", {"01", "03"}),
        ("2025-06-30", {"01", "02", "03"}),
        ("2026-06-30", {"02", "03"}),
        ("2025-12-31", {"01", "02", "03"}),  # the last day is still inside
        (None, {"01", "02", "03", "04"}),  # no date: every entry
    ],
)
def test_a_day_offers_undated_entries_and_those_in_window(
    engine: SearchEngine, day: str | None, offered: set[str]
) -> None:
    assert ids(engine, "学习", day) == offered
    assert ids(engine, "", day) == offered  # listing the bank, too


def test_the_date_combines_with_the_other_filters(engine: SearchEngine) -> None:
    hits = engine.search("学习", SearchFilters(section="cause", date="2025-06-30"))
    assert hits == []


def test_a_malformed_date_is_a_query_error(engine: SearchEngine) -> None:
    with pytest.raises(QueryError, match="年-月-日"):
        engine.search("学习", SearchFilters(date="2025-6-30"))

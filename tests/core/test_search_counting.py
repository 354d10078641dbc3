"""A large bank's postings are counted with numpy: the candidates, their slot scores and the
hits must be those of counting in Python."""

from __future__ import annotations

import pytest

from drafter.core.search import candidates, counting
from drafter.core.search.engine import SearchEngine, SearchFilters
from drafter.core.search.query import parse_query
from tests.core.test_search import ROWS, make_entries

# bigrams that sound alike both in the bank (形式 / 形势): counted as one union
MORE = [
    ("t.more.01", "situation", "sentence", ("conduct",), ("通用",), "当前形势复杂，基层任务繁重。"),
    ("t.more.02", "problem", "sentence", ("conduct",), ("农村",), "检查重形式、轻实效。"),
]

QUERIES = [
    "活动阵地严重缺乏",  # bigrams, an extra word
    "形势主义",  # a homophone slip: unions of same-sounding bigrams
    "dangyuan jiaoyu",  # syllable pairs: every bigram that reads so
    "xingshi zhuyi",  # … 形式 and 形势
    "形式",
    "组织生活 pingheng",
    "sjhyk",  # initials with one slip
    "党员 教育",
    "活动场所",  # an equivalent term of the genre
]
FILTERS = [None, SearchFilters(section="problem"), SearchFilters(scene="农村")]


@pytest.mark.parametrize("filters", FILTERS)
def test_counting_with_numpy_finds_what_counting_in_python_finds(
    monkeypatch: pytest.MonkeyPatch, filters: SearchFilters | None
) -> None:
    engine = SearchEngine(make_entries([*ROWS, *MORE]))
    index = engine.index
    mask = engine._masks.combine(filters or SearchFilters())

    def found() -> list[object]:
        return [candidates.candidates(index, parse_query(q, index.table), mask) for q in QUERIES]

    def hits() -> list[object]:
        return [engine.search(q, filters, limit=50) for q in QUERIES]

    in_python, hits_in_python = found(), hits()
    assert sum(map(bool, hits_in_python)) >= 3
    monkeypatch.setattr(counting, "BULK", 0)  # every query past the bound
    assert found() == in_python
    assert hits() == hits_in_python

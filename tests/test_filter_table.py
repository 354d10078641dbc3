"""One table of search filters drives the engine, the phrase panel and `drafter search`."""

from __future__ import annotations

from click.testing import CliRunner

from drafter.cli.group import main
from drafter.core.bank.loading import Entry
from drafter.core.search.engine import SearchEngine, SearchFilters
from drafter.core.search.filters import FILTERS
from drafter.tui.screens.phrase_search import filter_choices


def test_every_filter_is_a_search_field_a_panel_select_and_a_cli_option() -> None:
    names = set(SearchFilters._fields)
    assert {spec.name for spec in FILTERS} <= names
    panel = [choice.name for choice in filter_choices()]
    assert panel == [spec.name for spec in FILTERS if spec.choices is not None]
    help_text = CliRunner().invoke(main, ["search", "--help"]).output
    assert all(spec.option in help_text for spec in FILTERS)


def test_each_filter_narrows_the_engine_by_its_table_row() -> None:
    entries = [
        Entry(
            "a.problem.01",
            "problem",
            "heading",
            "组织生活不规范",
            topics=("org-life",),
            scenes=("农村",),
        ),
        Entry("a.cause.01", "cause", "sentence", "组织生活制度落实不严", review="pending"),
    ]
    engine = SearchEngine(entries)
    for spec in FILTERS:
        value = spec.keys(entries[0])[0]
        hits = engine.search("", SearchFilters(**{spec.name: value}))
        assert "a.problem.01" in [h.entry.id for h in hits], spec.name

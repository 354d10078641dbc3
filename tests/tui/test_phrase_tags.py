"""A phrase without a section (from a .txt bank) says in its tags that every step offers it."""

from __future__ import annotations

from drafter.core.bank import Entry
from drafter.tui.screens.phrase_search import ANY_SECTION_TAG, entry_tags


def test_a_sectionless_phrase_is_marked_and_a_sectioned_one_is_not() -> None:
    plain = Entry(id="notes.3", section="", kind="sentence", text="党员教育形式单一。", bank="摘抄")
    placed = Entry(id="a.problem.01", section="problem", kind="sentence", text="党员教育形式单一。")
    assert entry_tags(plain).startswith(ANY_SECTION_TAG) and entry_tags(plain).endswith("摘抄")
    assert ANY_SECTION_TAG not in entry_tags(placed)

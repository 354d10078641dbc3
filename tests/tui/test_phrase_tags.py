"""A phrase without a section (from a .txt bank) says in its tags that every step offers it."""

from __future__ import annotations

from drafter.core.bank.loading import Entry
from drafter.tui.screens.phrase_search import ANY_SECTION_TAG, entry_tags


def test_a_sectionless_phrase_is_marked_and_a_sectioned_one_is_not() -> None:
    plain = Entry(id="notes.3", section="", kind="sentence", text="党员教育形式单一。", bank="摘抄")
    placed = Entry(id="a.problem.01", section="problem", kind="sentence", text="党员教育形式单一。")
    assert entry_tags(plain).startswith(ANY_SECTION_TAG) and entry_tags(plain).endswith("摘抄")
    assert ANY_SECTION_TAG not in entry_tags(placed)


def test_phrases_worded_for_another_report_kind_come_last() -> None:
    from dataclasses import dataclass

    from drafter.core.bank.loading import Entry
    from drafter.tui.screens.phrase_search import search_rows
    from drafter.tui.widgets.phrase_panel import Filters

    @dataclass
    class FoundHit:
        entry: Entry
        spans: tuple[tuple[int, int], ...] = ()

    texts = ["以整改为契机，整改不到位不收兵。", "把调研成果转化为具体举措。", "请批评指正。"]
    entries = [Entry(f"t.closing.0{i}", "closing", "sentence", t) for i, t in enumerate(texts)]

    class Engine:
        has_pending = False

        def search(self, query, **kwargs):  # type: ignore[no-untyped-def]
            return [FoundHit(e) for e in entries]

    cues = ({"调研"}, {"整改", "监督"})
    rows, _ = search_rows(
        Engine(), "", Filters(), section="closing", scene="通用", day="2026-11-22",
        linked=[], used=set(), cues=cues,
    )  # fmt: skip
    assert [r.text for r in rows] == [texts[1], texts[2], texts[0]]

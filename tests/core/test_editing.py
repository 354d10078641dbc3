"""Outline edits the wizard applies: points, paragraphs, inserted phrases, slot values."""

from __future__ import annotations

import pytest

from drafter.core.bank.loading import Bank, Entry
from drafter.core.editing import (
    add_point,
    body_text,
    delete_point,
    insert_phrase,
    missing_slots,
    move_point,
    set_body,
    set_heading,
    set_meta,
    store_slots,
)
from drafter.core.model import Draft, Enumeration, Meta, Point, Section
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import RenderOptions, render_draft

BANK = Bank(
    [
        Entry(
            "t.problem.01",
            "problem",
            "heading",
            "谈心谈话开展不经常",
            links=("t.cause.01", "t.countermeasure.01"),
        ),
        Entry(
            "t.problem.02",
            "problem",
            "sentence",
            "有的支部一年只在年底集中谈一次心。",
            links=("t.cause.02",),
        ),
        Entry(
            "t.cause.01",
            "cause",
            "heading",
            "对谈心谈话的作用认识不足",
            links=("t.countermeasure.02",),
        ),
        Entry("t.cause.02", "cause", "sentence", "支部书记忙于业务，抽不出时间。"),
        Entry("t.countermeasure.01", "countermeasure", "heading", "建立经常性谈心谈话机制"),
        Entry(
            "t.countermeasure.02", "countermeasure", "sentence", "每季度至少同每名党员谈心一次。"
        ),
        Entry("t.situation.01", "situation", "sentence", "全{单位}共有党员{党员数}名。"),
    ]
)


def section(*headings: str) -> Section:
    return Section(id="problem", points=[Point(heading=h) for h in headings])


def test_points_are_added_after_the_selected_one_or_at_the_end() -> None:
    s = section("甲", "乙")
    assert add_point(s, (0,)) == (1,)
    assert add_point(s) == (3,)
    assert [p.heading for p in s.points] == ["甲", "", "乙", ""]


def test_moving_a_point_keeps_it_within_the_section() -> None:
    s = section("甲", "乙", "丙")
    assert move_point(s, (2,), -1) == (1,)
    assert [p.heading for p in s.points] == ["甲", "丙", "乙"]
    assert move_point(s, (0,), -1) == (0,)
    assert move_point(s, (2,), 1) == (2,)
    assert [p.heading for p in s.points] == ["甲", "丙", "乙"]


def test_deleting_selects_the_neighbour_and_none_when_empty() -> None:
    s = section("甲", "乙")
    assert delete_point(s, (1,)) == (0,)
    assert delete_point(s, (0,)) is None
    assert s.points == []


def test_body_is_edited_one_paragraph_a_line_and_unchanged_enumerations_stay() -> None:
    enum = Enumeration(enum=["会前准备不足", "会后落实不够"], lead="具体看：")
    s = Section(id="problem", points=[Point(heading="甲", body=["第一段。", enum])])
    text = body_text(s.points[0].body)
    assert text.splitlines()[0] == "第一段。"
    set_body(s, (0,), "新的一段。\n\n" + text.splitlines()[1] + "\n")
    assert s.points[0].body == ["新的一段。", enum]
    set_body(s, None, "不编号的段落。")
    assert s.body == ["不编号的段落。"]


def test_headings_are_trimmed() -> None:
    s = section("甲")
    set_heading(s, (0,), "  学习不够深入 ")
    assert s.points[0].heading == "学习不够深入"


def test_a_heading_phrase_fills_an_empty_heading_or_starts_a_new_point() -> None:
    s = section("")
    result = insert_phrase(s, (0,), BANK.by_id["t.problem.01"])
    assert (result.path, result.new_point) == ((0,), False)
    assert s.points[0].heading == "谈心谈话开展不经常"
    result = insert_phrase(s, (0,), BANK.by_id["t.problem.01"])
    assert (result.path, result.new_point) == ((1,), True)
    assert s.points[1].phrases == ["t.problem.01"]


def test_a_sentence_goes_to_the_selected_point_or_the_sections_own_paragraphs() -> None:
    s = section("谈心谈话开展不经常")
    insert_phrase(s, (0,), BANK.by_id["t.problem.02"])
    insert_phrase(s, (0,), BANK.by_id["t.problem.02"])
    assert s.points[0].body == ["有的支部一年只在年底集中谈一次心。"] * 2
    assert s.points[0].phrases == ["t.problem.02"]  # recorded once
    insert_phrase(s, None, BANK.by_id["t.problem.02"])
    assert s.body == ["有的支部一年只在年底集中谈一次心。"]


def test_only_slots_the_draft_does_not_know_are_asked_and_empty_answers_stay_pending() -> None:
    draft = Draft(kind="survey", meta=Meta(title="题", unit="某镇党委"))
    text = BANK.by_id["t.situation.01"].text
    assert missing_slots(draft, text) == ["党员数"]
    store_slots(draft, {"党员数": " 320 "})
    assert missing_slots(draft, text) == []
    store_slots(draft, {"支部数": "  "})
    assert "支部数" not in draft.slots
    draft.section("situation").body.append(text)
    rendered = render_draft(draft, get_kind("survey"), RenderOptions(allow_incomplete=True))
    assert "全某镇党委共有党员320名。" in [b.text for b in rendered.blocks]


def test_report_information_is_edited_and_a_bad_date_changes_nothing() -> None:
    draft = Draft(kind="survey", meta=Meta(title="旧题", unit="某镇党委", date="2026-11-22"))
    set_meta(draft, {"title": " 关于某村党建的调研报告 ", "date": "2026-12-01", "scene": "农村"})
    assert (draft.meta.title, draft.meta.unit, draft.meta.date, draft.meta.scene) == (
        "关于某村党建的调研报告",
        "某镇党委",
        "2026-12-01",
        "农村",
    )
    for bad in ({"date": "2026-13-01"}, {"scene": "城市"}):
        with pytest.raises(ValueError):
            set_meta(draft, {"title": "不该生效", **bad})
        assert draft.meta.title == "关于某村党建的调研报告"

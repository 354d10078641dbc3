"""Sub-points in the outline: added, indented, outdented, moved and deleted by path, saved in
the draft file and printed one level down (（一） → 1. → （1）)."""

from __future__ import annotations

import pytest

from drafter.core.bank.loading import Entry
from drafter.core.editing import (
    add_point,
    add_subpoint,
    delete_point,
    indent_point,
    insert_phrase,
    move_point,
    outdent_point,
    set_body,
    set_heading,
)
from drafter.core.files import draftfile
from drafter.core.model import Draft, Meta, Point, Section, point_at, walk_points
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import RenderOptions, render_draft


def outline(section: Section) -> list[tuple[tuple[int, ...], str]]:
    """(path, heading) of every point, depth first: the shape a user sees in the outline."""
    return [(path, p.heading) for path, p in walk_points(section.points)]


def section(*headings: str) -> Section:
    return Section(id="problem", points=[Point(heading=h) for h in headings])


def test_a_sub_point_goes_under_its_parent_and_no_deeper_than_the_fourth_level() -> None:
    s = section("甲", "乙")
    assert add_subpoint(s, (0,), "甲一") == (0, 0)
    assert add_subpoint(s, (0,), "甲二") == (0, 1)
    assert add_subpoint(s, (0, 1), "甲二之一") == (0, 1, 0)
    with pytest.raises(ValueError, match="最低一级"):
        add_subpoint(s, (0, 1, 0))
    assert add_point(s, (0, 0), "甲一后") == (0, 1)  # a new point at the selected one's level
    assert outline(s) == [
        ((0,), "甲"),
        ((0, 0), "甲一"),
        ((0, 1), "甲一后"),
        ((0, 2), "甲二"),
        ((0, 2, 0), "甲二之一"),
        ((1,), "乙"),
    ]


def test_indent_makes_a_point_the_last_sub_point_of_the_one_above_and_outdent_undoes_it() -> None:
    s = section("甲", "乙", "丙")
    add_subpoint(s, (0,), "甲一")
    add_subpoint(s, (1,), "乙一")
    before = outline(s)
    assert indent_point(s, (1,)) == (0, 1)  # 乙 takes its own sub-point along
    assert outline(s) == [
        ((0,), "甲"),
        ((0, 0), "甲一"),
        ((0, 1), "乙"),
        ((0, 1, 0), "乙一"),
        ((1,), "丙"),
    ]
    assert outdent_point(s, (0, 1)) == (1,)
    assert outline(s) == before


def test_indent_and_outdent_refuse_what_has_no_place() -> None:
    s = section("甲", "乙")
    with pytest.raises(ValueError, match="上面没有"):
        indent_point(s, (0,))
    with pytest.raises(ValueError, match="最高一级"):
        outdent_point(s, (1,))
    add_subpoint(s, (0,), "甲一")
    add_subpoint(s, (1,), "乙一")
    add_subpoint(s, (1, 0), "乙一之一")
    with pytest.raises(ValueError, match="不能再降级"):
        indent_point(s, (1,))  # 乙一之一 would land below （1）
    assert [h for _, h in outline(s)] == ["甲", "甲一", "乙", "乙一", "乙一之一"]


def test_a_sub_point_moves_among_its_siblings_only() -> None:
    s = section("甲", "乙")
    for heading in ("一", "二", "三"):
        add_subpoint(s, (0,), heading)
    assert move_point(s, (0, 2), -1) == (0, 1)
    assert [p.heading for p in s.points[0].points] == ["一", "三", "二"]
    assert move_point(s, (0, 0), -1) == (0, 0)  # never out of its parent
    assert move_point(s, (0, 2), 1) == (0, 2)
    assert [p.heading for p in s.points] == ["甲", "乙"]


def test_deleting_a_sub_point_selects_a_sibling_then_the_parent() -> None:
    s = section("甲")
    add_subpoint(s, (0,), "一")
    add_subpoint(s, (0,), "二")
    assert delete_point(s, (0, 1)) == (0, 0)
    assert delete_point(s, (0, 0)) == (0,)
    assert outline(s) == [((0,), "甲")]


def test_a_sub_points_heading_body_and_phrases_are_its_own() -> None:
    s = section("甲")
    add_subpoint(s, (0,))
    set_heading(s, (0, 0), " 会前准备不充分 ")
    set_body(s, (0, 0), "有的支部临时通知开会。")
    sentence = Entry("t.problem.09", "problem", "sentence", "议题常常临时确定。")
    heading = Entry("t.problem.08", "problem", "heading", "会后跟踪不够")
    assert insert_phrase(s, (0, 0), sentence).path == (0, 0)
    result = insert_phrase(s, (0, 0), heading)
    assert (result.path, result.new_point) == ((0, 1), True)
    sub = point_at(s.points, (0, 0))
    assert (sub.heading, sub.body, sub.phrases) == (
        "会前准备不充分",
        ["有的支部临时通知开会。", "议题常常临时确定。"],
        ["t.problem.09"],
    )
    assert s.points[0].body == [] and s.points[0].phrases == []


def test_sub_points_made_by_editing_are_saved_and_printed_one_level_down() -> None:
    draft = Draft(kind="survey", meta=Meta(title="关于某村组织生活的调研报告", unit="某村党支部"))
    s = draft.section("problem")
    s.points = [Point(heading="组织生活不够规范"), Point(heading="会前准备不充分")]
    add_subpoint(s, (0,), "会后跟踪不够")
    indent_point(s, (1,))  # 会前准备不充分 becomes 1. … of the first point
    move_point(s, (0, 1), -1)
    add_subpoint(s, (0, 0), "议题临时确定")
    again = draftfile.loads(draftfile.dumps(draft))
    assert outline(again.section("problem")) == outline(s)
    rendered = render_draft(again, get_kind("survey"), RenderOptions(allow_incomplete=True))
    headings = [(b.label, b.text) for b in rendered.blocks if b.kind == "heading" and b.level > 1]
    assert headings == [
        ("（一）", "组织生活不够规范"),
        ("1.", "会前准备不充分"),
        ("（1）", "议题临时确定"),
        ("2.", "会后跟踪不够"),
    ]

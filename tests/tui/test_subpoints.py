"""Sub-points in the wizard: added, indented, outdented, moved and deleted with the keys the
help lists, saved to the draft file and exported one level down; and an outline with room
for them at 80×24."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from drafter.core.files import draftfile
from drafter.core.model import Point, walk_points
from drafter.services.build import build
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ConfirmDialog
from drafter.tui.screens.review import ReviewStep
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import open_at, paste, settle


def outline_on_disk(path: Path) -> list[tuple[tuple[int, ...], str]]:
    points = draftfile.load(path).section("problem").points
    return [(p, point.heading) for p, point in walk_points(points)]


def selected(wizard: WizardScreen) -> tuple[int, ...] | None:
    """The path of the point selected in the problem step's outline."""
    return wizard.editor("problem").path


def labels(wizard: WizardScreen) -> list[str]:
    """The outline list as the user reads it (row 0 is the section's own paragraphs)."""
    points = wizard.editor("problem").query_one("#points", OptionList)
    return [str(points.get_option_at_index(i).prompt) for i in range(points.option_count)][1:]


async def test_a_new_point_becomes_a_sub_point_with_alt_right_and_back_with_alt_left(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(80, 24)) as pilot:
        wizard = await open_at(pilot, "problem")
        editor = wizard.editor("problem")
        assert selected(wizard) == (0,)
        await pilot.press("ctrl+o", *"会前准备不充分")  # a new point after (一), its heading
        await pilot.press("alt+right")
        await pilot.pause()
        assert selected(wizard) == (0, 0)
        assert wizard.focused is editor.query_one("#heading")  # typing goes on where it was
        assert labels(wizard)[:2] == ["（一）谈心谈话开展不经常 · 1段", "  1.会前准备不充分"]
        await pilot.press("enter")
        await paste(pilot, "有的支部临时通知开会。")
        await pilot.press("ctrl+o", *"会后跟踪不够")  # a new point at the sub-point's level
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert outline_on_disk(draft_file) == [
            ((0,), "谈心谈话开展不经常"),
            ((0, 0), "会前准备不充分"),
            ((0, 1), "会后跟踪不够"),
            ((1,), "党员活动阵地利用率低"),
        ]
        sub = draftfile.load(draft_file).section("problem").points[0].points[0]
        assert sub.body == ["有的支部临时通知开会。"]
        await pilot.press("alt+left")  # 会后跟踪不够 becomes （二）, after its old parent
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [h for _, h in outline_on_disk(draft_file)] == [
            "谈心谈话开展不经常",
            "会前准备不充分",
            "会后跟踪不够",
            "党员活动阵地利用率低",
        ]
        assert outline_on_disk(draft_file)[2][0] == (1,)
        assert labels(wizard)[2] == "（二）会后跟踪不够"


async def test_the_sub_point_button_adds_under_the_selected_point_and_the_fields_edit_it(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        wizard = await open_at(pilot, "problem")
        await pilot.click("#outline-problem #add-sub")
        await pilot.pause()
        editor = wizard.editor("problem")
        assert selected(wizard) == (0, 0)
        assert editor.query_one("#heading", Input).value == ""
        await pilot.press(*"议题临时确定", "enter")
        await paste(pilot, "有的支部会前没有征求意见。")
        await pilot.click("#outline-problem #add-sub")  # under the sub-point: （1）
        await pilot.pause()
        assert selected(wizard) == (0, 0, 0)
        await pilot.press(*"未征求党员意见")
        await pilot.pause()
        problem = wizard.draft.section("problem")
        parent, sub = problem.points[0], problem.points[0].points[0]
        assert (parent.heading, parent.body) == (
            "谈心谈话开展不经常",
            ["有的支部一年只在年底集中谈一次心，平时交流很少。"],
        )
        assert (sub.heading, sub.body) == ("议题临时确定", ["有的支部会前没有征求意见。"])
        assert sub.points[0].heading == "未征求党员意见"
        await pilot.click("#outline-problem #add-sub")  # no level below （1）
        await pilot.pause()
        assert any("最低一级" in n.message for n in pilot.app._notifications)
        assert len(sub.points) == 1


async def test_a_sub_point_moves_among_its_siblings_and_is_deleted_alone(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        await pilot.click("#outline-problem #add-sub")
        await pilot.press("甲", "ctrl+o", "乙")
        await pilot.pause()
        parent = wizard.draft.section("problem").points[0]
        assert [p.heading for p in parent.points] == ["甲", "乙"]
        editor = wizard.editor("problem")
        editor.query_one("#points").focus()
        await pilot.press("alt+up")
        await pilot.pause()
        assert [p.heading for p in parent.points] == ["乙", "甲"]
        await pilot.press("alt+up")  # the first of its level: it stays under its parent
        await pilot.pause()
        assert selected(wizard) == (0, 0)
        assert [p.heading for p in parent.points] == ["乙", "甲"]
        await pilot.press("delete")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question == "删除要点“乙”？"  # no text, no sub-points: nothing else goes
        await pilot.press("y")
        await pilot.pause()
        assert [p.heading for p in parent.points] == ["甲"]
        assert parent.heading == "谈心谈话开展不经常"
        assert selected(wizard) == (0, 0)
        await pilot.press("up", "delete")  # the parent: its paragraph and 甲 go with it
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.endswith("及其 1 段正文和 1 个子项？")
        await pilot.press("escape")


async def test_a_point_with_nothing_above_it_is_not_indented_and_the_user_is_told(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        wizard.editor("problem").query_one("#points").focus()
        await pilot.press("alt+right")
        await pilot.pause()
        assert any("上面没有同级要点" in n.message for n in pilot.app._notifications)
        assert [p.points for p in wizard.draft.section("problem").points] == [[], []]
        await pilot.press("alt+left")
        await pilot.pause()
        assert any("最高一级" in n.message for n in pilot.app._notifications)


async def test_a_sub_point_made_in_the_wizard_exports_one_level_down(
    make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        await pilot.press("down", "ctrl+o", *"阵地开放时间短", "alt+right")  # under （二）
        await pilot.press("ctrl+o", *"有的阵地常年锁门", "alt+right")  # under that: （1）
        await pilot.press("ctrl+s")
        await pilot.pause()
        kind = wizard.kind
    out = tmp_path / "报告.md"
    build(draftfile.load(draft_file), out, kind=kind, fmt="md")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line.startswith("#") and "阵地" in line] == [
        "### （二）党员活动阵地利用率低",
        "#### 1.阵地开放时间短",
        "##### （1）有的阵地常年锁门",
    ]


@pytest.mark.parametrize(
    ("size", "points", "lines"), [((80, 24), 8, 6), ((120, 40), 10, 14)], ids=["80x24", "120x40"]
)
async def test_the_outline_and_the_body_both_have_room(
    make: Callable[..., DrafterApp],
    draft_file: Path,
    size: tuple[int, int],
    points: int,
    lines: int,
) -> None:
    """Snag 8: at 80×24 the outline list showed 4 points; sub-points need rows of their own,
    and the body must stay a place to write."""
    async with make(draft_file).run_test(size=size) as pilot:
        wizard = await open_at(pilot, "problem")
        editor = wizard.editor("problem")
        assert editor.query_one("#points").content_region.height >= points
        assert editor.body.content_region.height >= lines
        assert editor.query_one("#heading").content_region.height == 1


async def test_a_reopened_draft_resumes_at_the_sub_point_left(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        await pilot.press("down", "ctrl+o", *"阵地开放时间短", "alt+right")
        await pilot.press("ctrl+o", *"阵地设施陈旧")
        await pilot.pause()
        assert selected(wizard) == (1, 1)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        reopened = await open_at(pilot, "problem")
        assert selected(reopened) == (1, 1)
        assert reopened.editor("problem").query_one("#heading", Input).value == "阵地设施陈旧"


async def test_a_review_finding_in_a_sub_point_opens_that_sub_point(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    draft = draftfile.load(draft_file)
    draft.section("problem").points[1].points = [Point(heading="阵地开放时间短")]
    draftfile.save(draft, draft_file, backup=False)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        wizard.post_message(ReviewStep.FindingChosen("problem", (1, 0), "heading"))
        await settle(pilot)
        assert wizard.spec is not None and wizard.spec.id == "problem"
        assert selected(wizard) == (1, 0)
        assert wizard.focused is wizard.editor("problem").query_one("#heading")

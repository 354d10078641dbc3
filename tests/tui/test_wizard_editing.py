"""Editing the outline with keys and mouse, autosave, read-only, linked suggestions."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from drafter.core.files import draftfile
from drafter.core.session import Session
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ConfirmDialog
from tests.tui.conftest import open_at, paste, settle


def headings(path: Path, section: str = "problem") -> list[str]:
    return [p.heading for p in draftfile.load(path).section(section).points]


async def test_typing_a_heading_and_paragraphs_is_on_disk_within_a_second(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        await pilot.press("ctrl+o")  # a new point after the selected first one
        await pilot.pause()
        assert wizard.focused is wizard.editor("problem").query_one("#heading")
        await pilot.press(*"学习教育针对性不强", "enter")
        await paste(pilot, "有的支部学习内容与实际工作脱节。\n部分党员学用脱节。")
        typed_at = time.monotonic()
        while (
            headings(draft_file)[1:2] != ["学习教育针对性不强"] and time.monotonic() - typed_at < 2
        ):
            await pilot.pause(0.05)
        assert time.monotonic() - typed_at <= 1.0
        await pilot.pause(0.8)
        point = draftfile.load(draft_file).section("problem").points[1]
        assert point.body == ["有的支部学习内容与实际工作脱节。", "部分党员学用脱节。"]


async def test_paragraphs_move_with_alt_arrows_in_the_body(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        body = wizard.editor("problem").body
        body.load_text("第一段。\n第二段。")
        body.focus()
        body.move_cursor((1, 0))
        await pilot.press("alt+up")
        await pilot.pause()
        assert wizard.draft.section("problem").points[0].body == ["第二段。", "第一段。"]


async def test_points_move_and_are_added_with_the_mouse(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        editor = wizard.editor("problem")
        assert editor.point == 0
        await pilot.click("#outline-problem #down")
        await pilot.pause()
        assert [p.heading for p in wizard.draft.section("problem").points] == [
            "党员活动阵地利用率低",
            "谈心谈话开展不经常",
        ]
        assert editor.point == 1  # the moved point stays selected
        await pilot.click("#outline-problem #add")
        await pilot.pause()
        assert len(wizard.draft.section("problem").points) == 3
        assert editor.point == 2


async def test_deleting_a_point_with_content_asks_first(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        wizard.editor("problem").query_one("#points").focus()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert len(wizard.draft.section("problem").points) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [p.heading for p in wizard.draft.section("problem").points] == [
            "党员活动阵地利用率低"
        ]


async def test_step_keys_stop_at_the_ends_and_the_indicator_follows(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "opening")
        await pilot.press("ctrl+b")
        assert wizard.step == 0
        assert wizard.check_action("back", ()) is None  # dimmed in the footer
        for _ in range(10):
            await pilot.press("ctrl+n")
        assert wizard.step == wizard.last_step
        assert wizard.check_action("next", ()) is None
        await pilot.click("StepLabel", offset=(2, 0))  # the first step
        await pilot.pause()
        assert wizard.step == 0


async def test_a_second_window_on_the_same_draft_is_read_only(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    holder = Session.open(draft_file)  # the first window
    try:
        before = draft_file.read_bytes()
        app = make(draft_file)
        async with app.run_test(size=(100, 30)) as pilot:
            wizard = await open_at(pilot, "problem")
            assert app.session.read_only
            assert "只读" in wizard.sub_title
            assert any("只读" in n.title for n in app._notifications)
            await pilot.press("ctrl+o")
            await pilot.pause(0.8)
            assert len(wizard.draft.section("problem").points) == 2
        assert draft_file.read_bytes() == before
    finally:
        holder.close()


async def test_problem_points_show_their_links_and_later_steps_the_unanswered_problems(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        wizard = await open_at(pilot, "problem")
        info = str(wizard.panel("problem").query_one("#info").render())
        assert "对谈心谈话的作用认识不足" in info and "建立经常性谈心谈话机制" in info
        wizard.step = 3  # cause
        await settle(pilot)
        panel = wizard.panel("cause")
        info = str(panel.query_one("#info").render())
        assert "党员活动阵地利用率低" in info and "谈心谈话开展不经常" not in info
        first = panel.query_one("#results").get_option_at_index(0)
        assert first.id == "tb.cause.02"  # the cause linked from the unanswered problem
        wizard.editor("cause").query_one("#points").focus()
        panel.query_one("#results").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert wizard.draft.section("cause").points[-1].phrases == ["tb.cause.02"]
        assert not panel.query_one("#info").display  # every problem has an answer now


async def test_filled_slots_show_their_values_beside_the_text(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    draft = draftfile.load(draft_file)
    draft.section("problem").points[0].body = ["全镇{村数}个村中，有{支部数}个支部谈心不经常。"]
    draft.slots = {"村数": "12"}
    draftfile.save(draft, draft_file, backup=False)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        shown = wizard.editor("problem").query_one("#slot-values")
        assert shown.display
        assert "村数＝12" in str(shown.render()) and "支部数＝【待补】" in str(shown.render())
        wizard.editor("problem").query_one("#points").highlighted = 2  # a point without slots
        await pilot.pause()
        assert not shown.display


async def test_a_cause_in_ones_own_words_is_linked_to_a_problem(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    from textual.widgets import SelectionList

    from drafter.core.model import Point
    from drafter.tui.screens.dialogs import ProblemsDialog

    draft = draftfile.load(draft_file)
    draft.section("cause").points.append(Point(heading="活动经费保障跟不上"))  # own words
    draftfile.save(draft, draft_file, backup=False)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "cause")
        info = wizard.panel("cause").query_one("#info")
        assert "党员活动阵地利用率低" in str(info.render())  # not answered yet
        wizard.editor("cause").query_one("#points").highlighted = 2  # the own-words cause
        await pilot.pause()
        wizard.action_link_problems()
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ProblemsDialog)
        dialog.query_one(SelectionList).select("党员活动阵地利用率低")
        await pilot.click("#ok")
        await settle(pilot)
        assert wizard.draft.section("cause").points[1].answers == ["党员活动阵地利用率低"]
        assert "党员活动阵地利用率低" not in str(info.render())
    assert draftfile.load(draft_file).section("cause").points[1].answers == ["党员活动阵地利用率低"]

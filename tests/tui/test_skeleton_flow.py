"""从提纲开始 in the wizard: choose matters, accept the outline, grow and prune it by
whole problem–cause–countermeasure threads, and see what is left to fill at review."""

from __future__ import annotations

from collections.abc import Callable

from drafter.core.bank.loading import load_banks
from drafter.core.files import draftfile
from drafter.core.text.slots import pending_by_section
from drafter.core.vocab import ASPECTS
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ConfirmDialog, SlotValuesDialog
from drafter.tui.screens.review import ReviewStep
from drafter.tui.screens.skeleton_dialog import SkeletonDialog
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle


def headings(app: DrafterApp, section: str) -> list[str]:
    assert app.session is not None
    return [p.heading for p in app.session.draft.section(section).points]


async def test_outline_start_grow_by_thread_prune_and_review(
    make: Callable[..., DrafterApp],
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press(*"关于某社区党建工作的调研报告")
        await pilot.press("ctrl+t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SkeletonDialog)
        outline = str(dialog.query_one("#outline").render())
        assert "存在的问题" in outline and "待补" in outline
        await pilot.press("ctrl+n")  # accept the suggested matters
        await settle(pilot)

        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        problems = headings(app, "problem")
        assert len(problems) == 1
        assert len(headings(app, "cause")) == len(headings(app, "countermeasure")) == 1
        on_disk = draftfile.load(app.session.path)  # type: ignore[union-attr]
        assert [p.heading for p in on_disk.section("problem").points] == problems

        # the other bank problem, with its linked cause and countermeasure, in one key
        wizard.step = 2
        await settle(pilot)
        assert wizard.spec is not None and wizard.spec.id == "problem"
        await pilot.press("ctrl+f")
        panel = wizard.panel("problem")
        panel.query_one("#query").value = ""
        other = (
            "党员活动阵地利用率低"
            if problems[0] != "党员活动阵地利用率低"
            else "谈心谈话开展不经常"
        )
        await pilot.press(*other[:4])
        await settle(pilot)
        while (
            panel.highlighted_entry and app.library.bank.get(panel.highlighted_entry).text != other
        ):  # type: ignore[union-attr]
            await pilot.press("down")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert other in headings(app, "problem")
        assert len(headings(app, "cause")) == len(headings(app, "countermeasure")) == 2

        # deleting that problem offers to remove what only it needed
        index = headings(app, "problem").index(other)
        editor = wizard.editor("problem")
        editor.post_message(editor.PointDeleted(editor, (index,)))
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)  # 一并删除？
        assert "一并删除" in app.screen.question
        await pilot.press("y")
        await settle(pilot)
        assert headings(app, "problem") == problems
        assert len(headings(app, "cause")) == len(headings(app, "countermeasure")) == 1

        # review lists what is left to fill, apart from the findings
        await pilot.press("ctrl+r")
        await settle(pilot)
        to_fill = str(app.screen.query_one(ReviewStep).query_one("#to-fill").render())
        assert to_fill.startswith("待补")
        assert "存在的问题" in to_fill

        # filling one 【待补】 takes it off the count
        before = sum(map(len, pending_by_section(app.session.draft).values()))  # type: ignore[union-attr]
        await pilot.press("ctrl+l")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SlotValuesDialog)
        name = dialog.names[0]
        dialog.query_one("#slot-0").value = "3个支部全年只开过一次组织生活会"
        dialog.query_one("#ok").press()
        await settle(pilot)
        after = pending_by_section(app.session.draft)  # type: ignore[union-attr]
        assert all(name not in names for names in after.values())
        assert sum(map(len, after.values())) < before
        assert app.session.draft.slots[name].startswith("3个支部")  # type: ignore[union-attr]
        left = str(app.screen.query_one(ReviewStep).query_one("#to-fill").render())
        assert left != to_fill


async def test_a_first_person_material_asks_whose_it_is_first(
    make: Callable[..., DrafterApp],
) -> None:
    app = make(bank=load_banks(user=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.query_one("#kind").value = "rectification"
        await pilot.press("ctrl+t")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SkeletonDialog)
        assert app.focused is dialog.query_one("#voice")  # 单位、班子 or 个人 first
        await pilot.press("enter", "down", "down", "enter")  # 个人对照检查（按方面）
        await settle(pilot)
        assert dialog.person == "individual"
        ticked = dialog.query_one("#matters").selected
        assert ticked and set(ticked) <= set(ASPECTS)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        draft = app.session.draft  # type: ignore[union-attr]
        assert draft.meta.person == "individual"
        assert "个人对照检查材料" in draft.meta.title
        assert len(draft.section("problem").points) == len(ticked)

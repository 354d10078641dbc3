"""At 80×24 a note (toast) never covers a dialog's buttons (issue 21.8)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Button

from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import SlotValuesDialog
from tests.tui.conftest import settle

SLOTS = ["村数", "支部数", "党员数", "流动党员数"]


async def test_the_draft_saved_note_leaves_the_slot_dialogs_buttons_free(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify(f"草稿保存在 {draft_file}，之后每次改动自动保存。", timeout=6)
        app.push_screen(
            SlotValuesDialog(
                SLOTS,
                "全镇共有{村数}个村，{支部数}个支部，党员{党员数}名，其中流动党员{流动党员数}名。",
            )
        )
        await pilot.pause(0.5)
        dialog = app.screen
        assert isinstance(dialog, SlotValuesDialog)
        toasts = [t.region for t in dialog.query("Toast")]
        assert toasts  # the note is shown over the dialog as well
        for button in dialog.query(Button):
            assert not any(button.region.overlaps(t) for t in toasts), button.label


async def test_a_note_wraps_chinese_by_bitouwei(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    """A toast (like every label) breaks Chinese by 避头尾: no line opens with 。，; ."""
    app = make(draft_file)
    sentence = "之后每次改动都会自动保存到草稿文件里面不用另外再点保存按钮也不会丢失任何内容"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        # One of these lengths puts the closing 。 just past a line's last cell.
        for n in range(12, len(sentence)):
            app.clear_notifications()
            app.notify(sentence[:n] + "。", timeout=6)
            await pilot.pause(0.05)
            [toast] = app.screen.query("Toast")
            lines = [s.text.strip(" ▌▐") for s in toast.render_lines(toast.region.reset_offset)]
            text = [line for line in lines if line.strip()]
            assert "".join(text) == sentence[:n] + "。"
            assert not any(line.startswith(("。", "，", "；")) for line in text), text


async def test_long_slot_names_are_shown_whole_beside_their_fields(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    """A skeleton's fact slots run to 6–8 characters (政治建设表现): none is cut."""
    from rich.cells import cell_len
    from textual.widgets import Input, Label

    app = make(draft_file)
    names = ["上级单位", "政治建设表现", "阵地经费保障表现"]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(SlotValuesDialog(names, ""))
        await pilot.pause(0.3)
        labels = list(app.screen.query(".slot-grid Label").results(Label))
        fields = list(app.screen.query(".slot-grid Input").results(Input))
        for name, label, field in zip(names, labels, fields, strict=True):
            assert label.region.width >= cell_len(name), name
            assert label.region.right <= field.region.x, name

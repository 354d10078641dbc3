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

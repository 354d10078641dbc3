"""Snapshots of every screen and step at 80×24 and 120×40 (update: pytest --snapshot-update)."""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from drafter.core.files import draftfile
from drafter.core.files.recent import remember
from drafter.tui.app import DrafterApp
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import sample_draft, settle

SIZES = [(80, 24), (120, 40)]
STEPS = ["opening", "situation", "problem", "cause", "countermeasure", "closing", "review"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_start_screen(
    snap_compare: Any, make: Callable[..., DrafterApp], tmp_path: Path, size: tuple[int, int]
) -> None:
    draft = tmp_path / "社区调研.draft.yaml"
    draftfile.save(sample_draft(), draft, backup=False)
    when = datetime.datetime(2026, 11, 18, 9, 30).timestamp()  # four days before TODAY
    os.utime(draft, (when, when))
    remember(draft)

    async def still(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # the title field has focus: a blinking cursor

    assert snap_compare(make(), terminal_size=size, run_before=still)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("step", STEPS)
def test_wizard_step(
    snap_compare: Any,
    make: Callable[..., DrafterApp],
    draft_file: Path,
    step: str,
    size: tuple[int, int],
) -> None:
    async def go(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        wizard.step = STEPS.index(step)
        await settle(pilot)

    assert snap_compare(make(draft_file), terminal_size=size, run_before=go)


def test_help_screen(snap_compare: Any, make: Callable[..., DrafterApp], draft_file: Path) -> None:
    async def show_help(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make(draft_file), terminal_size=(80, 24), run_before=show_help)


def test_slot_dialog_in_light_theme(
    snap_compare: Any, make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async def ask(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f2", "ctrl+n", "ctrl+f", *"dangzhibu")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    assert snap_compare(make(draft_file), terminal_size=(80, 24), run_before=ask)

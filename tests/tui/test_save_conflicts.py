"""The wizard never overwrites a hand edit silently and never quits losing text."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from drafter.core.files import draftfile
from drafter.core.session import Session
from drafter.tui.app import DrafterApp
from drafter.tui.screens.save_dialogs import DiskChangedDialog, SaveElsewhereDialog
from tests.tui.conftest import settle


def session(app: DrafterApp) -> Session:
    assert app.session is not None
    return app.session


def hand_edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("某街道党工委", "某镇党委"), encoding="utf-8")
    later = time.time() + 5
    os.utime(path, (later, later))


async def test_a_hand_edit_is_noticed_and_the_user_keeps_both(
    make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hand_edit(draft_file)
        session(app).draft.meta.title = "关于农村党建的调研报告"
        session(app).changed()
        await pilot.pause(0.9)  # past the autosave delay
        assert isinstance(app.screen, DiskChangedDialog)
        assert draftfile.load(draft_file).meta.unit == "某镇党委"  # not overwritten
        await pilot.click("#elsewhere")
        await pilot.pause()
        assert isinstance(app.screen, SaveElsewhereDialog)
        app.screen.query_one("#path", Input).value = str(tmp_path / "mine.draft.yaml")
        await pilot.click("#ok")
        await pilot.pause()
        assert session(app).path == tmp_path / "mine.draft.yaml"
    assert draftfile.load(tmp_path / "mine.draft.yaml").meta.title == "关于农村党建的调研报告"
    assert draftfile.load(draft_file).meta.unit == "某镇党委"


async def test_keeping_this_windows_version_overwrites_only_when_chosen(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hand_edit(draft_file)
        session(app).draft.meta.title = "关于农村党建的调研报告"
        session(app).changed()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.click("#mine")
        await pilot.pause()
    saved = draftfile.load(draft_file)
    assert saved.meta.title == "关于农村党建的调研报告"


async def test_quit_after_a_failed_save_keeps_the_app_open(
    make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        draft_file.unlink()
        draft_file.mkdir()  # the draft's path became a folder: saving there fails
        session(app).draft.meta.title = "关于农村党建的调研报告"
        session(app).changed()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and app.session is not None  # the text is still here
        assert isinstance(app.screen, SaveElsewhereDialog)
        app.screen.query_one("#path", Input).value = str(tmp_path / "rescued.draft.yaml")
        await pilot.click("#ok")
        await pilot.pause(0.3)
    assert app.return_code == 0
    assert draftfile.load(tmp_path / "rescued.draft.yaml").meta.title == "关于农村党建的调研报告"


async def test_quitting_without_saving_is_a_choice_and_not_a_success(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        draft_file.unlink()
        draft_file.mkdir()
        session(app).changed()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert app.return_code == 1


async def test_a_read_only_file_opens_read_only(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    before = draft_file.read_bytes()
    draft_file.chmod(0o444)
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert session(app).read_only
        assert any("只读" in n.message for n in app._notifications)
        session(app).changed()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert draft_file.read_bytes() == before


async def test_putting_the_question_off_keeps_both_and_stops_the_nagging(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hand_edit(draft_file)
        session(app).changed()
        await pilot.pause(0.9)
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.press("escape")
        await pilot.pause(0.9)  # several autosave ticks: no new dialog for a while
        assert not isinstance(app.screen, DiskChangedDialog)
        assert session(app).dirty
        assert draftfile.load(draft_file).meta.unit == "某镇党委"
        await pilot.press("ctrl+s")  # asking explicitly asks at once
        await pilot.pause()
        assert isinstance(app.screen, DiskChangedDialog)
        await pilot.click("#disk")
        await pilot.pause()
        assert session(app).draft.meta.unit == "某镇党委" and not session(app).dirty

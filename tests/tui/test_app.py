"""The app around the wizard: start screen, resume, help, palette, theme, save and quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.core.files import draftfile
from drafter.core.files.draftlock import DraftLock
from drafter.core.files.recent import remember
from drafter.tui.app import DrafterApp
from drafter.tui.screens.help import KEYS, HelpScreen
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle


async def test_a_recent_draft_is_listed_and_resumed(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    remember(draft_file)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        start = app.screen
        assert isinstance(start, StartScreen)
        recent = start.query_one("#recent")
        assert "关于某街道社区党建工作的调研报告" in str(recent.get_option_at_index(0).prompt)
        recent.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert app.session.path == draft_file


async def test_a_new_draft_goes_where_the_user_says_but_never_over_a_file(
    make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#path").value = str(draft_file)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("已存在" in n.message for n in app._notifications)
        app.screen.query_one("#path").value = str(tmp_path / "mine")
        app.screen.query_one("#date").value = "2026-02-30"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)  # an impossible date is refused
        app.screen.query_one("#date").value = "2026-03-01"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert app.session.path == tmp_path / "mine.draft.yaml"
        assert draftfile.load(tmp_path / "mine.draft.yaml").meta.date == "2026-03-01"


KEY_NAMES = {
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "escape": "esc",
    "question_mark": "?",
    "f1": "F1",
    "f2": "F2",
}


def bound_keys() -> set[str]:
    """Every key the wizard binds, written as the help screen writes it."""
    from drafter.tui.screens.review import ReviewStep
    from drafter.tui.widgets.outline_editor import OutlineEditor

    keys = set()
    for owner in (DrafterApp, WizardScreen, OutlineEditor, ReviewStep):
        for binding in owner.BINDINGS:
            for key in binding.key.split(","):  # type: ignore[union-attr]
                mod, _, name = key.rpartition("+")
                keys.add((mod + "+" if mod else "") + KEY_NAMES.get(name, name))
    return keys


async def test_help_lists_every_bound_key_and_closes_with_escape(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    help_text = " ".join(key for _, rows in KEYS for key, _ in rows)
    missing = {key for key in bound_keys() if key not in help_text}
    assert not missing
    app = make(draft_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("question_mark")  # focus is in the outline list, not in a text field
        assert isinstance(app.screen, HelpScreen)


async def test_the_palette_offers_the_wizards_actions(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"审阅导出")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(wizard, WizardScreen) and wizard.step == wizard.last_step


async def test_the_palette_asks_and_lists_in_chinese(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    from textual.command import CommandInput, CommandPalette

    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder.startswith("搜索命令")
        commands = app.screen.query_one("CommandList")
        titles = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert titles and not [t for t in titles if t[:1].isascii()]  # no "Change theme"


async def test_f2_switches_between_dark_and_light(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.current_theme.dark
        await pilot.press("f2")
        assert not app.current_theme.dark
        await pilot.press("f2")
        assert app.current_theme.dark


async def test_quitting_saves_without_asking_and_frees_the_draft(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert DraftLock.path_for(draft_file).exists()
        app.session.draft.meta.unit = "某社区党委"
        app.session.changed()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert draftfile.load(draft_file).meta.unit == "某社区党委"
    assert not DraftLock.path_for(draft_file).exists()


async def test_ctrl_s_saves_at_once(make: Callable[..., DrafterApp], draft_file: Path) -> None:
    app = make(draft_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.session.draft.meta.unit = "某镇党委"
        app.session.changed()
        await pilot.press("ctrl+s")
        assert draftfile.load(draft_file).meta.unit == "某镇党委"


async def test_edit_on_a_missing_file_starts_a_new_draft_there(
    make: Callable[..., DrafterApp], tmp_path: Path
) -> None:
    target = tmp_path / "新稿.draft.yaml"
    app = make(target)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        assert app.screen.query_one("#path").value == str(target)
        app.screen.query_one("#title").focus()
        await pilot.press(*"关于某村党建工作的调研报告", "ctrl+n")
        await settle(pilot)
        assert app.session.path == target
        assert draftfile.load(target).meta.title == "关于某村党建工作的调研报告"


async def test_a_failing_autosave_is_reported_once_and_retried(
    make: Callable[..., DrafterApp], draft_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drafter.core import session as session_module
    from drafter.core.errors import OutputError

    def full_disk(draft: object, path: Path, **kwargs: object) -> None:
        raise OutputError("cannot write: No space left on device", path)

    app = make(draft_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(session_module.draftfile, "save", full_disk)
        app.session.draft.meta.unit = "某社区党委"
        app.session.changed()
        await pilot.pause(1.2)
        failures = [n for n in app._notifications if "自动保存失败" in n.message]
        assert len(failures) == 1 and "No space left" in failures[0].message
        assert app.session.dirty  # kept for the next try
        monkeypatch.undo()
        await pilot.pause(1.0)
        assert not app.session.dirty
    assert draftfile.load(draft_file).meta.unit == "某社区党委"


async def test_report_information_is_edited_from_the_palette(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = app.screen
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"修改报告信息")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#meta-date").value = "2026-12-01"
        dialog.query_one("#meta-title").value = "关于某街道党建工作的调研报告"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is wizard and wizard.title == "关于某街道党建工作的调研报告"
        await pilot.press("ctrl+s")
    saved = draftfile.load(draft_file).meta
    assert (saved.title, saved.date) == ("关于某街道党建工作的调研报告", "2026-12-01")


async def test_the_title_reads_as_printed_never_with_a_raw_slot(
    make: Callable[..., DrafterApp], tmp_path: Path
) -> None:
    from drafter.core.files import draftfile
    from drafter.core.project import new_draft
    from drafter.core.report.kinds import get_kind

    draft = new_draft(get_kind("survey"))  # no unit: the title keeps its {单位} slot
    assert "{单位}" in draft.meta.title
    path = tmp_path / "无单位.draft.yaml"
    draftfile.save(draft, path, backup=False)
    app = make(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        assert "{" not in wizard.title and "【待补：单位】" in wizard.title
        wizard.apply_meta({"unit": "某镇党委"})
        assert wizard.title.startswith("关于某镇党委")


async def test_a_reopened_draft_resumes_at_the_step_and_point_left(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    from drafter.core.files import draftfile, resume

    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        wizard.step = 2  # 存在的问题
        await settle(pilot)
        wizard.editor("problem").query_one("#points").highlighted = 2  # its second point
        await pilot.pause()
        assert wizard.editor("problem").point == 1
    assert "positions" not in draftfile.dumps(draftfile.load(draft_file))  # not in the draft
    assert resume.position(draft_file) == resume.Position("problem", 1)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        assert wizard.spec is not None and wizard.spec.id == "problem"
        assert wizard.editor("problem").point == 1
        await pilot.press("ctrl+r")
        await settle(pilot)
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen) and wizard.step == wizard.last_step


async def test_a_hand_commented_draft_is_copied_before_a_save_drops_its_comments(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    text = draft_file.read_text(encoding="utf-8")
    commented = "# 王主任：第二个问题再压一压\n" + text
    draft_file.write_text(commented, encoding="utf-8")
    app = make(draft_file)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert "注释" in [n.title for n in app._notifications]
        assert app.session is not None
        app.session.changed()
        app.action_save()
    copy = draft_file.with_name(draft_file.name + ".with-comments")
    assert copy.read_text(encoding="utf-8") == commented
    assert "王主任" not in draft_file.read_text(encoding="utf-8")  # saved canonical, as said


async def test_a_refused_date_is_explained_in_chinese(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        wizard.apply_meta({"date": "2026-13-01"})
        await pilot.pause()
        [note] = [n for n in app._notifications if n.title == "报告信息没有改"]
        assert "年-月-日" in note.message and not note.message.isascii()


async def test_the_kind_list_offers_kinds_not_the_loading_note(
    make: Callable[..., DrafterApp],
) -> None:
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        select = app.screen.query_one("#kind", Select)
        overlay = select.query_one(SelectOverlay)
        shown = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert "整改报告（对照检查材料）" in shown
        assert not any("载入" in option for option in shown), shown

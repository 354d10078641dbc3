"""Keys that must work in every common terminal (tmux, xterm, Windows Terminal), and a help
page that lists exactly those."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from drafter.tui.app import DrafterApp
from drafter.tui.screens.help import KEYS
from tests.tui.conftest import open_at, settle

LONG = "为了摸清底数，我们采取座谈交流、个别访谈、查阅资料、实地察看等方式，" * 4


def test_help_lists_no_key_a_terminal_cannot_send() -> None:
    # tmux and xterm send ctrl+shift+<letter> as ctrl+<letter>: such a key would do
    # something else there than the help says.
    keys = [key for _, rows in KEYS for key, _ in rows]
    assert not [k for k in keys if "ctrl+shift" in k]
    assert "ctrl+g" in keys and "ctrl+home / ctrl+end" in keys


async def test_ctrl_g_deletes_the_paragraph_and_ctrl_k_only_the_rest_of_the_line(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        body = wizard.editor("problem").body
        body.load_text("第一段。\n第二段的前半，后半。\n第三段。")
        body.focus()
        body.move_cursor((1, 6))
        await pilot.press("ctrl+k")  # what ctrl+shift+k becomes in tmux
        assert body.text == "第一段。\n第二段的前半\n第三段。"
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert body.text == "第一段。\n第三段。"
        assert wizard.draft.section("problem").points[0].body == ["第一段。", "第三段。"]


async def test_end_reaches_the_end_of_a_wrapped_paragraph_and_ctrl_end_the_text(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(80, 24)) as pilot:
        wizard = await open_at(pilot, "problem")
        body = wizard.editor("problem").body
        body.load_text(f"{LONG}\n短段。")
        body.focus()
        body.move_cursor((0, 3))
        await pilot.pause()
        assert body.wrapped_document.height > 2  # the first paragraph wraps
        await pilot.press("end")
        assert body.cursor_location == (0, len(LONG))
        await pilot.press("x")
        assert body.text.split("\n")[0] == LONG + "x"
        await pilot.press("home")
        assert body.cursor_location == (0, 0)
        await pilot.press("ctrl+end")
        assert body.cursor_location == (1, 3)
        await pilot.press("ctrl+home")
        assert body.cursor_location == (0, 0)


async def test_ctrl_f_selects_the_old_query_and_tab_goes_back_to_the_body(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        wizard = await open_at(pilot, "problem")
        panel = wizard.panel("problem")
        body = wizard.editor("problem").body
        await pilot.press("ctrl+f", *"zhendi")
        assert panel.query_text == "zhendi"
        await pilot.press("tab")
        assert wizard.focused is body
        await pilot.press("ctrl+f", *"tanxin")  # typing replaces the old query
        assert panel.query_text == "tanxin"
        await settle(pilot)
        ids = [o.id for o in panel.query_one("#results").options]
        assert ids[0] == "tb.problem.01"


async def test_the_body_wraps_without_opening_a_line_with_a_comma(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    from drafter.core.text.linebreak import NO_START, cell_width

    texts = ["党，" * 40, "员" + "党，" * 40, "回收286份" * 12]  # both parities, numbers
    async with make(draft_file).run_test(size=(80, 24)) as pilot:
        wizard = await open_at(pilot, "problem")
        body = wizard.editor("problem").body
        body.load_text("\n".join(texts))
        await pilot.pause()
        wrapped = body.wrapped_document
        for row, text in enumerate(texts):
            sections = wrapped.get_sections(row)
            assert len(sections) > 1 and "".join(sections) == text
            assert all(sum(map(cell_width, s)) <= body.wrap_width for s in sections)
            assert not [s for s in sections[1:] if s[0] in NO_START]
            assert not [
                a for a, b in itertools.pairwise(sections) if a[-1].isdigit() and b[0].isdigit()
            ]

"""Chinese characters survive where a widget's edge cuts a line under a toast (issue 21.1).

The terminal is simulated as tmux and xterm behave: each stretch of a line is written at
its cut, and writing over half of a double-width character erases the character.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from rich.cells import cell_len
from textual.geometry import Region
from textual.strip import Strip

from drafter.tui.app import DrafterApp
from drafter.tui.widechars import split_wide
from tests.tui.conftest import settle

TITLE = "关于某乡镇农村基层党组织建设情况的调研报告"


def written(chops: Mapping[int, Strip | None], width: int) -> str:
    """What a terminal shows after the compositor writes each stretch at its cut."""
    cells = [" "] * width  # "" marks the second half of a double-width character
    for x, strip in chops.items():
        if strip is None:
            continue
        for char in strip.text:
            size = cell_len(char)
            if x + size > width:
                break
            if cells[x] == "" and x > 0:
                cells[x - 1] = " "  # half of a wide character overwritten: it is gone
            if x + size < width and cells[x + size] == "":
                cells[x + size] = " "
            cells[x] = char
            if size == 2:
                cells[x + 1] = ""
            x += size
    return "".join(cells)


async def test_a_toast_over_the_review_step_shows_every_character(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        for prefix in ("已导出到 ", "已导出到 x"):  # both parities of the characters
            app.notify(prefix + TITLE * 3, title="导出完成", timeout=30)
        await pilot.pause(0.6)
        compositor = app.screen._compositor
        width, height = compositor.size
        chops = compositor._render_chops(Region(0, 0, width, height), lambda y: True)
        screen = [written(line, width) for line in chops]
        toasts = list(app.screen.query("Toast"))
        assert toasts
        split = 0
        for toast in toasts:
            region = toast.region
            for row, strip in enumerate(toast.render_lines(region.reset_offset)):
                y = region.y + row
                cuts = [c - region.x for c in compositor.cuts[y] if region.x < c < region.right]
                split += len(split_wide(strip, cuts))
                shown = written({0: strip}, region.width).rstrip()
                assert shown in screen[y], (shown, screen[y])
        assert split  # an edge underneath did cut some character of the toasts

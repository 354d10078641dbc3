"""The phrase panel's results break by Chinese rules: no line opens with ，or 。."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import OptionList

from drafter.core.text.linebreak import NO_START
from drafter.tui.widgets.phrase_panel import Filters, PhrasePanel, ResultRow

ROWS = [
    ResultRow("a", "党，" * 20, tags="句子"),
    ResultRow("b", "员" + "党，" * 20, tags="句子"),  # the other parity: one of the two would
]  # open a line with ，if the list wrapped by cell count alone


class PanelApp(App[None]):
    def compose(self) -> ComposeResult:
        yield PhrasePanel("problem", [], Filters())


async def test_results_never_start_a_line_with_closing_punctuation() -> None:
    app = PanelApp()
    async with app.run_test(size=(50, 30)) as pilot:
        panel = app.query_one(PhrasePanel)
        panel.show_results(ROWS)
        await pilot.pause()
        results = panel.query_one("#results", OptionList)
        width, height = results.size
        lines = [s.text.strip() for s in results.render_lines(Region(0, 0, width, height))]
        shown = [line for line in lines if line]
        assert sum("党" in line for line in shown) >= 4  # each row wrapped
        assert not [line for line in shown if line[0] in NO_START]
        text = "".join(shown)
        assert text.count("党") == 40 and text.count("，") == 40  # nothing lost


def test_tags_wrap_as_whole_tags_and_keep_every_character() -> None:
    from drafter.tui.widgets.phrase_panel import tag_lines

    tags = "标题·阵地、经费与信息化保障·通用"
    assert tag_lines(tags, 30) == ["标题·阵地、经费与信息化保障·", "通用"]
    assert tag_lines("句子·组织生活·通用", 40) == ["句子·组织生活·通用"]
    long = "句子·" + "很长的主题" * 8
    assert "".join(tag_lines(long, 20)) == long

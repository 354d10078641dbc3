"""The whole flow as a user drives it: new draft, phrases by characters and by pinyin, a slot
value, reordering, review and export to a Word file whose content we read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx

from drafter.core.bank.loading import Bank, load_bank
from drafter.core.files import draftfile, locations
from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ExportDialog, SlotValuesDialog
from drafter.tui.screens.start import StartScreen
from drafter.tui.screens.wizard import WizardScreen
from drafter.tui.widgets.phrase_panel import PhrasePanel
from tests.tui.conftest import settle


def result_ids(panel: PhrasePanel) -> list[str]:
    results = panel.query_one("#results")
    return [results.get_option_at_index(i).id for i in range(results.option_count)]


async def search(pilot, wizard: WizardScreen, text: str) -> PhrasePanel:  # type: ignore[no-untyped-def]
    """Focus the current step's search box, replace its text, wait for the results."""
    await pilot.press("ctrl+f")
    panel = wizard.panel(wizard.spec.id)
    panel.query_one("#query").value = ""
    await pilot.press(*text)
    await settle(pilot)
    return panel


async def test_from_a_blank_page_to_a_word_file(
    make: Callable[..., DrafterApp], tmp_path: Path
) -> None:
    app = make()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, StartScreen)
        await pilot.press(*"关于某社区党建工作的调研报告")
        app.screen.query_one("#unit").value = "某社区党委"
        await pilot.press("ctrl+n")
        await settle(pilot)
        wizard = app.screen
        assert isinstance(wizard, WizardScreen)
        path = app.session.path
        assert path.parent == locations.drafts_dir() and path.is_file()
        assert draftfile.load(path).meta.unit == "某社区党委"

        # situation: a sentence found by its characters asks for the two unknown slots
        await pilot.press("ctrl+n")
        assert wizard.spec.id == "situation"
        panel = await search(pilot, wizard, "党支部")
        assert result_ids(panel)[0] == "tb.situation.01"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SlotValuesDialog)
        assert app.screen.names == ["支部数", "党员数"]
        await pilot.press("1", "2", "enter", *"356", "enter")
        await pilot.pause()
        assert wizard.draft.slots == {"支部数": "12", "党员数": "356"}
        assert wizard.draft.section("situation").body == [
            "全{单位}共有党支部{支部数}个、党员{党员数}名。"
        ]

        # problems: headings found by pinyin and by initials become points, in that order
        await pilot.press("ctrl+n")
        panel = await search(pilot, wizard, "tanxin")
        assert result_ids(panel)[0] == "tb.problem.01"
        await pilot.press("enter")
        panel = await search(pilot, wizard, "zdly")
        assert "tb.problem.02" in result_ids(panel)[:3]
        panel.query_one("#results").highlighted = result_ids(panel).index("tb.problem.02")
        await pilot.press("enter")
        await pilot.pause()
        problems = wizard.draft.section("problem").points
        assert [p.heading for p in problems] == ["谈心谈话开展不经常", "党员活动阵地利用率低"]

        # reorder with the keyboard: the second point moves up
        editor = wizard.editor("problem")
        editor.query_one("#points").focus()
        assert editor.point == 1
        await pilot.press("alt+up")
        await pilot.pause()
        assert [p.heading for p in wizard.draft.section("problem").points] == [
            "党员活动阵地利用率低",
            "谈心谈话开展不经常",
        ]

        # review: the preview numbers the headings; export to a path the user typed
        await pilot.press("ctrl+r")
        await settle(pilot)
        preview = [w.render().plain.replace("\n", "") for w in wizard.query("#preview Static")]
        assert "（一）党员活动阵地利用率低" in preview
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#path").value == str(
            path.with_name(path.name.replace(".draft.yaml", ".docx"))
        )
        out = tmp_path / "报告.docx"
        dialog.query_one("#path").value = str(out)
        await pilot.press("enter")
        await settle(pilot)
        if not out.exists():  # the report is incomplete (no cause yet): confirm
            await pilot.press("enter")
            await settle(pilot)
        assert out.is_file()
        assert str(out.resolve()) in str(wizard.query_one("#exported").render())

    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert text[0] == "关于某社区党建工作的调研报告"
    assert "全某社区党委共有党支部12个、党员356名。" in "".join(text)
    assert text.index("（一）党员活动阵地利用率低") < text.index("（二）谈心谈话开展不经常")
    # everything was saved without asking
    saved = draftfile.load(path)
    assert saved.section("problem").points[0].heading == "党员活动阵地利用率低"


async def test_a_slow_search_neither_blocks_typing_nor_overwrites_newer_results(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    import threading

    from drafter.core.search.engine import SearchEngine

    release = threading.Event()

    class SlowOnce:
        """The real engine, except that the first search for 'zhendi' hangs until released."""

        def __init__(self, bank) -> None:  # type: ignore[no-untyped-def]
            self.engine = SearchEngine.for_bank(bank)
            self.hung = False
            self.has_pending = False

        def search(self, query: str, **kwargs):  # type: ignore[no-untyped-def]
            if query == "zhendi" and not self.hung:
                self.hung = True
                release.wait(5)
            return self.engine.search(query, **kwargs)

    app = make(draft_file, engine_factory=SlowOnce)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        wizard = app.screen
        wizard.step = 2  # problem
        await settle(pilot)
        panel = wizard.panel("problem")
        query = panel.query_one("#query")
        query.focus()
        query.value = "zhendi"  # its search hangs
        await pilot.pause()
        await pilot.press("ctrl+u", *"tanxin")  # typing goes on meanwhile
        assert panel.query_text == "tanxin"
        for _ in range(100):
            if result_ids(panel)[:1] == ["tb.problem.01"]:
                break
            await pilot.pause(0.02)
        assert result_ids(panel)[0] == "tb.problem.01"
        release.set()  # the stale search ends now: its results are dropped
        await pilot.pause(0.2)
        await settle(pilot)
        assert result_ids(panel)[0] == "tb.problem.01"
        query.value = "zhendi"  # (its own results would have looked different)
        await settle(pilot)
        assert result_ids(panel)[0] == "tb.problem.02"


async def test_filters_start_at_the_step_and_scene_and_narrow_the_results(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    draft = draftfile.load(draft_file)
    draft.meta.scene = "社区"
    draftfile.save(draft, draft_file)
    app = make(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        wizard = app.screen
        wizard.step = 2  # problem
        await settle(pilot)
        panel = wizard.panel("problem")
        assert panel.filters["section"] == "problem" and panel.filters["scene"] == "社区"
        ids = result_ids(panel)
        assert "tb.problem.04" not in ids  # a 农村 sentence is not offered in a 社区 report
        assert "tb.cause.01" not in ids
        panel.query_one("#filter-kind").value = "sentence"
        await settle(pilot)
        assert result_ids(panel) == ["tb.problem.03"]
        panel.query_one("#filter-scene").value = ""  # 全部
        await settle(pilot)
        assert result_ids(panel) == ["tb.problem.03", "tb.problem.04"]


async def test_harvested_entries_pending_review_can_be_hidden(
    bank: Bank, make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    harvested = tmp_path / "harvest.yaml"
    harvested.write_text(
        "entries:\n"
        "  - id: hv.problem.0001\n    section: problem\n    kind: sentence\n    topics: [org-life]\n"
        "    text: 有的支部谈心谈话只在年底突击开展，平时流于形式。\n"
        "    source: {file: 旧报告.docx, paragraph: 12}\n    review: pending\n",
        encoding="utf-8",
    )
    merged = Bank([*bank, *load_bank(harvested).entries])
    app = make(draft_file, bank=merged)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        wizard = app.screen
        wizard.step = 2  # problem
        await settle(pilot)
        panel = wizard.panel("problem")
        assert panel.query_one("#on-demand").display
        panel.query_one("#filter-kind").value = "sentence"
        panel.query_one("#filter-scene").value = ""
        await settle(pilot)
        assert "hv.problem.0001" in result_ids(panel)
        panel.query_one("#filter-review").value = "reviewed"
        await settle(pilot)
        assert "hv.problem.0001" not in result_ids(panel) and result_ids(panel)
        panel.query_one("#filter-review").value = "pending"
        await settle(pilot)
        assert result_ids(panel) == ["hv.problem.0001"]


async def test_the_review_filter_stays_hidden_without_harvested_entries(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    app = make(draft_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        wizard = app.screen
        wizard.step = 2
        await settle(pilot)
        assert not wizard.panel("problem").query_one("#on-demand").display

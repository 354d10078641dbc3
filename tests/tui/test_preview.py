"""The review step's preview breaks the title and prints the 公文 elements as the Word file."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from textual.geometry import Region

from drafter.core.files import draftfile
from drafter.core.model import Imprint
from drafter.core.text.titlebreak import break_title
from drafter.tui.app import DrafterApp
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle

# 26 characters: a 20-character first line would cut 情况 (建设情 / 况的调研报告).
TITLE = "关于某镇农村基层党组织带头人队伍建设情况的调研报告"


async def test_the_preview_title_breaks_like_the_word_file_and_shows_the_elements(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    draft = draftfile.load(draft_file)
    draft.meta.title = TITLE
    draft.meta.recipient = "镇党委"
    draft.meta.attachments = ["走访名单", "座谈记录"]
    draft.meta.imprint = Imprint(copy_to=["镇纪委"], issuer="镇党政办", date="2026-11-23")
    draftfile.save(draft, draft_file, backup=False)
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")  # straight to the review step
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        shown = [w.render().plain for w in wizard.query("#preview Static")]
    lines = shown[0].split("\n")
    assert lines == break_title(TITLE) and len(lines) == 2
    assert "".join(lines) == TITLE and not lines[0].endswith("建设情")
    assert "镇党委：" in shown
    assert (
        "\u3000\u3000附件：1.走访名单" in shown
        and "\u3000\u3000\u3000\u3000\u30002.座谈记录" in shown
    )
    assert shown[-3:] == ["抄送：镇纪委。", "镇党政办", "2026年11月23日印发"]


async def test_preview_lines_follow_chinese_line_breaking(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    from drafter.core.files import draftfile
    from drafter.core.text.linebreak import NO_START

    draft = draftfile.load(draft_file)
    # every other character a comma: whatever the width, one of the two paragraphs would
    # have a line start with "，" if the preview wrapped by cell count alone
    texts = ["党，" * 30, "员" + "党，" * 30, "问卷" + "回收286份" * 14]
    draft.section("situation").body = list(texts)
    draftfile.save(draft, draft_file, backup=False)
    async with make(draft_file).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        wizard = pilot.app.screen
        assert isinstance(wizard, WizardScreen)
        bodies = [w for w in wizard.query("#preview .pv-body") if str(w.text)[2:] in texts]
        assert len(bodies) == 3
        for body in bodies:
            width, height = body.size
            strips = body.render_lines(Region(0, 0, width, height))
            lines = [strip.text.rstrip(" ") for strip in strips]  # as the screen shows them
            assert len(lines) > 1 and "".join(lines) == str(body.text)
            assert not [line for line in lines if line[:1] in NO_START]
            split = [
                a for a, b in itertools.pairwise(lines) if a[-1:].isdigit() and b[:1].isdigit()
            ]
            assert not split

"""Checked on the way in: the text checks' findings go into each harvested entry's note."""

from __future__ import annotations

from pathlib import Path

from drafter.core.bank.loading import Bank, load_bank
from drafter.core.harvest import harvest
from drafter.core.harvest.phrases import Phrase
from drafter.core.harvest.proofread import NOTE_PREFIX, with_findings

REPORT = """关于机关党支部学习制度落实情况的调研报告
一、存在的问题
（一）学习制度落实不够。其它支部的学习计划比较笼统，学习时间难以保证。
（二）台账记录不够规范。截止目前仍有三个支部没有建立学习台账。
二、对策建议
（一）健全学习制度。每个支部每季度至少开展一次专题学习，学习情况在系统内通报。
"""


def test_a_typo_of_the_source_is_named_in_the_entry_note(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(REPORT, encoding="utf-8")
    harvest([source], tmp_path / "bank", existing=Bank())
    notes = {e.text: e.note for e in load_bank(tmp_path / "bank").entries}
    assert "其它" in notes["其它支部的学习计划比较笼统，学习时间难以保证。"]
    assert "截至" in notes["截止目前仍有三个支部没有建立学习台账。"]
    assert notes["学习制度落实不够"] == ""
    assert notes["每个支部每季度至少开展一次专题学习，学习情况在系统内通报。"] == ""


def test_findings_join_a_note_already_there_and_headings_are_checked() -> None:
    checked = with_findings(
        [
            Phrase("problem", "heading", "学习制度落实不够", 1, ""),
            Phrase("problem", "sentence", "其它支部学习不够主动。", 2, "", note="疑似伪原创改写"),
        ]
    )
    assert checked[0].note == ""
    assert checked[1].note.startswith("疑似伪原创改写；" + NOTE_PREFIX)

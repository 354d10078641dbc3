"""Web copies as they really are: the shape reports written for issue 19.

tests/data/reports/3*.txt are reports written for these tests in the shapes web copies
take: pinyin and 注音 after characters (31), page-chunk numbers cutting sentences (32),
synonym swaps of a 伪原创 tool (33), a PDF copy hard-wrapped with headings broken over two
lines (34), 一是X。 labels and 1、从X上，Y。 points with scraps a copy left behind (35), and a
page with furniture, readings and chunk numbers together (36). Each key holds the report as
written (`original`) and where its points belong; the harvest must place ≥ 90 % of them in
the right section, keep no reading or boilerplate, and make at most 3 % fragments.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from drafter.core.bank.loading import Bank, Entry, load_bank
from drafter.core.harvest import harvest
from drafter.core.harvest.report import FileReport
from tests.core.test_harvest_genre import REPORTS, _plain

SHAPES = sorted(REPORTS.glob("3*.txt"))
_READING = re.compile(
    r"[（(][^（）()]*[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ\u3105-\u312f][^（）()]*[）)]"
)
_BOILERPLATE = re.compile(r"首页|当前位置|上传|下载|\d+积分|仅供参考|本文|上一篇|范文")
_BEFORE = "。！？；：\n）、是，"  # what a whole sentence, heading or first clause follows
_AFTER = "。！？；：，\n"


def _key(document: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        document.with_name(document.stem + ".key.json").read_text(encoding="utf-8")
    )
    return data


def _harvested(
    document: Path, out: Path, *, restore: bool = False
) -> tuple[FileReport, list[Entry]]:
    report = harvest([document], out, existing=Bank(), restore=restore)
    assert report.files[0].failure is None
    return report.files[0], load_bank(out).entries


def _whole(text: str, original: str) -> bool:
    """Whether `text` is a whole sentence, heading or first clause of `original`."""
    text = text.rstrip("。")
    start = original.find(text)
    while start >= 0:
        end = start + len(text)
        before = original[start - 1] if start else "\n"
        after = original[end] if end < len(original) else "\n"
        if before in _BEFORE and after in _AFTER:
            return True
        start = original.find(text, start + 1)
    return False


@pytest.mark.parametrize("document", SHAPES, ids=lambda p: p.stem)
def test_shapes_are_placed_clean_and_whole(document: Path, tmp_path: Path) -> None:
    key = _key(document)
    _, entries = _harvested(document, tmp_path / "bank")
    found = {(e.text.rstrip("。"), e.kind): e.section for e in entries}
    texts = _plain([item["text"] for item in key["items"]])
    placed = sum(
        found.get((text, "heading" if item["kind"] == "heading" else "sentence")) == item["section"]
        for item, text in zip(key["items"], texts, strict=True)
    )
    assert placed >= 0.9 * len(texts)
    assert [e.text for e in entries if _READING.search(e.text)] == []
    assert [e.text for e in entries if _BOILERPLATE.search(e.text)] == []
    original = "\n".join(_plain(key["original"].splitlines()))
    fragments = [e.text for e in entries if not _whole(e.text, original)]
    assert len(fragments) <= 0.03 * len(entries), fragments


def test_the_summary_names_what_was_cleaned_per_file(tmp_path: Path) -> None:
    report = harvest(SHAPES, tmp_path / "bank", existing=Bank())
    by_name = {Path(f.path).stem: f for f in report.files}
    assert by_name["31-pinyin-annotated"].cleaned["annotations"] >= 60
    assert by_name["32-page-chunked"].cleaned["chunks"] == 4
    assert by_name["33-reworded"].cleaned["reworded"] >= 10
    assert by_name["33-reworded"].cleaned["pseudo-original"] == 1
    assert by_name["35-labelled"].cleaned["fragments"] == 3
    assert +by_name["34-hard-wrapped"].cleaned == Counter()  # nothing of the kind in it
    text = report.text()
    assert (
        "清理：去掉阅读批注 63 处，接回分页断开的段落 0 处，疑似改写的条目 0 条，"
        "未收入的残句 0 条" in text
    )
    assert "全文像是“伪原创”" in text
    cleaned = report.to_dict()["files"][1]["cleaned"]
    assert cleaned["chunks_rejoined"] == 4 and cleaned["pseudo_original"] is False


def test_reworded_entries_carry_a_note_and_restore_on_request(tmp_path: Path) -> None:
    document = REPORTS / "33-reworded.txt"
    pairs = _key(document)["restored"]
    _, kept = _harvested(document, tmp_path / "kept")
    notes = {e.text: e.note for e in kept}
    for pair in pairs:
        written, original = _plain([pair["text"], pair["restored"]])
        note = next(n for t, n in notes.items() if t.rstrip("。") == written)
        assert note.startswith("疑似伪原创改写")
        assert note.rstrip("。").endswith("建议恢复为：" + original.rstrip("。"))
    _, restored = _harvested(document, tmp_path / "restored", restore=True)
    texts = {e.text.rstrip("。") for e in restored}
    assert {_plain([p["restored"]])[0] for p in pairs} <= texts
    assert all(e.review == "pending" for e in restored)

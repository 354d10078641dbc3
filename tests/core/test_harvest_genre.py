"""Reports of the genre the harvester was not tuned on, each with a key of where its points go.

The documents in tests/data/reports were written for these tests in the shapes web copies
take: traditional script (also run together on two lines), site furniture, paywall and
trial-reading cuts, headings run together with their body, a year-end summary four levels
deep, 第一部分 / 1、 numbering, half-width marks with hard line breaks and page numbers,
colon section titles, unusual section names (现状, 困难和问题, 根源, 几点思考), unnumbered
section lines with 一是…二是… points, a personal 对照检查材料, a 述职报告 in GBK, two reports
glued on one UTF-16 page, Markdown with bold lead-ins, and a .docx with Word heading styles.
The key lists the numbered points and two sentences a section, each with its section.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from drafter.core.bank.loading import Bank, Entry, load_bank
from drafter.core.harvest import harvest

REPORTS = Path(__file__).resolve().parents[1] / "data" / "reports"
_DOCUMENTS = sorted(p for p in REPORTS.iterdir() if p.suffix in {".txt", ".md", ".docx"})


def _harvested(document: Path, tmp_path: Path) -> list[Entry]:
    out = tmp_path / "bank"
    report = harvest([document], out, existing=Bank())
    assert report.files[0].failure is None
    return load_bank(out).entries


def _plain(texts: list[str]) -> list[str]:
    """Key texts in the bank's register: simplified (judged on them all, as the harvester
    judges a whole document), curly quotes, full-width marks, blanks as 某, no final 。."""
    from drafter.core.harvest.phrases import slot_dates
    from drafter.core.text.chinese import document_to_simplified
    from drafter.core.text.norm import fullwidth_punctuation

    simplified = document_to_simplified("\n".join(texts)).translate(str.maketrans("「」", "“”"))
    quoted = re.sub(r'"([^"\n]*)"', r"“\1”", simplified)
    return [slot_dates(fullwidth_punctuation(t)).rstrip("。") for t in quoted.split("\n")]


@pytest.mark.parametrize("document", _DOCUMENTS, ids=lambda p: p.stem)
def test_every_point_of_the_key_lands_in_its_section(document: Path, tmp_path: Path) -> None:
    key = json.loads(document.with_name(document.stem + ".key.json").read_text(encoding="utf-8"))
    found = {(e.text.rstrip("。"), e.kind): e.section for e in _harvested(document, tmp_path)}
    wrong = []
    texts = _plain([item["text"] for item in key["items"]])
    for item, text in zip(key["items"], texts, strict=True):
        kind = "heading" if item["kind"] == "heading" else "sentence"
        section = found.get((text, kind), found.get((text, "paragraph")))
        if section != item["section"]:
            wrong.append(f"{item['section']} {kind} {text[:30]}: got {section}")
    assert wrong == []


def test_a_traditional_report_reads_as_mainland_text(tmp_path: Path) -> None:
    texts = [e.text for e in _harvested(REPORTS / "01-trad-rectification.txt", tmp_path)]
    joined = "".join(texts)
    assert "随着工作年限增长" in joined and "带着问题学" in joined  # the particle 著 → 着
    assert "著" not in joined and "「" not in joined
    assert "“三会一课”" in joined


def test_web_furniture_and_cut_sentences_stay_out(tmp_path: Path) -> None:
    entries = _harvested(REPORTS / "02-web-noise-survey.txt", tmp_path)
    noise = re.compile(r"首页|会员|上传|下载|点击|当前位置|收藏|http|www|\d{3}-\d{3}-\d{4}|第\d页")
    assert [e.text for e in entries if noise.search(e.text)] == []
    assert all("," not in e.text and "(" not in e.text for e in entries)
    source = (REPORTS / "02-web-noise-survey.txt").read_text(encoding="utf-8")
    cut = source[: source.index("……（省略")].rsplit("。", 1)[1]  # the sentence the notice cut
    assert cut and not any(_plain([cut])[0][:12] in e.text for e in entries)

"""`drafter search`: readable lines, JSON, ad-hoc banks, filters and one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from drafter.core.bank.loading import builtin_entries

Run = Callable[..., Result]

MY_BANK = """\
topic: members
entries:
  - id: mine.problem.01
    section: problem
    kind: sentence
    text: 有的支部发展党员前公示走过场，群众意见征求不充分。
  - id: mine.cause.01
    section: cause
    kind: sentence
    scenes: [农村]
    text: 发展党员联审把关不严，培养考察流于程序。
"""


def test_lines_show_score_id_section_and_marked_text(run: Run) -> None:
    result = run("search", "sanhuiyike", "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        score, entry_id, section, text = line.split("  ", 3)
        assert 0 < float(score) <= 1
        assert entry_id.count(".") == 2 and section
        assert "【三会一课】" in text


def test_json_lists_entries_with_spans_into_their_text(run: Run) -> None:
    result = run("search", "dyjy", "--json", "--limit", "5")
    assert result.exit_code == 0
    hits = json.loads(result.stdout)
    assert 1 <= len(hits) <= 5
    ids = {e.id for e in builtin_entries()}
    for hit in hits:
        assert {"id", "text", "section", "topics", "score", "spans"} <= set(hit)
        assert hit["id"] in ids and isinstance(hit["topics"], list)
        assert "".join(hit["text"][a:b] for a, b in hit["spans"]) == "党员教育"
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_filters_narrow_the_results(run: Run) -> None:
    result = run("search", "组织生活", "--section", "cause", "--scene", "农村", "--json")
    hits = json.loads(result.stdout)
    assert hits
    assert all(h["section"] == "cause" and set(h["scenes"]) & {"农村", "通用"} for h in hits)
    headings = json.loads(run("search", "", "--kind", "heading", "--json", "--limit", "7").stdout)
    assert len(headings) == 7 and all(h["kind"] == "heading" for h in headings)


def test_bank_option_searches_only_that_bank(run: Run, tmp_path: Path) -> None:
    txt = tmp_path / "notes.txt"
    txt.write_text("组织生活会辣味不足\n\n党员教育管理松散。\n", encoding="utf-8")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "members.yaml").write_text(MY_BANK, encoding="utf-8")
    result = run("search", "fzdy", "--bank", str(txt), "--bank", str(folder), "--json")
    hits = json.loads(result.stdout)
    assert [h["id"] for h in hits] == ["mine.cause.01", "mine.problem.01"]  # earlier match first
    result = run("search", "jiaoyu", "--bank", str(txt))
    assert result.stdout.splitlines() == ["0.98  notes.3  -  党员【教育】管理松散。"]
    only = run("search", "发展党员", "--bank", str(folder), "--from-bank", "mine", "--json")
    assert {h["bank"] for h in json.loads(only.stdout)} == {"mine"}


def test_empty_query_lists_the_bank_and_no_match_says_so(run: Run) -> None:
    listed = json.loads(run("search", "--json", "--limit", "4").stdout)
    assert [h["id"] for h in listed] == [e.id for e in builtin_entries()[:4]]
    result = run("search", "qqqqxxxxzzzz")
    assert result.exit_code == 0 and result.stdout == ""
    assert "没有找到相符的短语" in result.stderr


def test_bad_input_is_one_line_and_exit_status_2(run: Run, tmp_path: Path) -> None:
    result = run("search", "党员", "--topic", "party")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "--topic 不能写“party”" in result.stderr and "org-life" in result.stderr
    legacy = tmp_path / "old.txt"
    legacy.write_bytes("党员教育\n".encode("gb18030"))
    result = run("search", "党员", "--bank", str(legacy))
    assert result.exit_code == 2
    assert str(legacy) in result.stderr and "UTF-8" in result.stderr
    missing = run("search", "党员", "--bank", str(tmp_path / "nowhere"))
    assert missing.exit_code == 2 and "nowhere" in missing.stderr


DATED_BANK = """\
topic: discipline
entries:
  - id: dated.problem.01
    section: problem
    kind: sentence
    text: 党纪学习教育中有的支部逐章逐条学习条例不够深入。
    valid_from: 2024-04-01
    until: 2025-12-31
  - id: dated.problem.02
    section: problem
    kind: sentence
    text: 有的支部学习条例满足于读原文，联系实际不够。
"""


def test_date_hides_entries_outside_their_window(run: Run, tmp_path: Path) -> None:
    bank = tmp_path / "dated.yaml"
    bank.write_text(DATED_BANK, encoding="utf-8")

    def found(*options: str) -> list[dict[str, object]]:
        result = run("search", "条例", "--bank", str(bank), "--json", *options)
        assert result.exit_code == 0, result.output
        return list(json.loads(result.stdout))

    assert [h["id"] for h in found("--date", "2026-03-01")] == ["dated.problem.02"]
    inside = found("--date", "2024-09-01")
    assert {h["id"] for h in inside} == {"dated.problem.01", "dated.problem.02"}
    dated = next(h for h in inside if h["id"] == "dated.problem.01")
    assert (dated["valid_from"], dated["until"]) == ("2024-04-01", "2025-12-31")
    assert len(found("--date", "2026-03-01", "--all-dates")) == 2


def test_a_bad_date_is_one_line_and_exit_2(run: Run) -> None:
    result = run("search", "学习", "--date", "2025/03/01")
    assert result.exit_code == 2
    assert "年-月-日" in result.stderr and "Traceback" not in result.stderr


def test_several_bare_words_are_one_query(run: Run) -> None:
    apart = run("search", "党员", "教育", "--json", "--limit", "5")
    quoted = run("search", "党员 教育", "--json", "--limit", "5")
    assert apart.exit_code == 0, apart.output
    hits = json.loads(apart.stdout)
    assert hits and hits == json.loads(quoted.stdout)
    assert all("党员" in h["text"] and "教育" in h["text"] for h in hits)

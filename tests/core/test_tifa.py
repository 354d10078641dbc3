"""The 规范表述 table: its schema, its loader, bad rows, and that the bank spells it right."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core.bank.check import check_paths, check_table, formula_findings
from drafter.core.bank.loading import Entry, builtin_entries
from drafter.core.bank.storekey import bank_files
from drafter.core.errors import BankError
from drafter.core.files.resources import builtin_bank_dir
from drafter.core.text.slots import SLOT_RE
from drafter.core.tifa.match import canonical_spans, misquotes
from drafter.core.tifa.table import TABLE_FILE, builtin_table, load_table, table_path

GOOD_ROW = """\
formulas:
  - id: si-ge-yishi
    name: 四个意识
    kind: theory
    members: [政治意识, 大局意识, 核心意识, 看齐意识]
    source: 中共中央政治局会议（2016-01-29）
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / TABLE_FILE
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_table_has_sixty_formulas_with_sources() -> None:
    table = builtin_table()
    assert len(table) >= 60
    assert all(f.source and f.path == table_path() and f.line for f in table.formulas)
    assert len({f.id for f in table.formulas}) == len(table)


@pytest.mark.parametrize(
    ("formula", "expansion"),
    [
        ("si-ge-yishi", "政治意识、大局意识、核心意识、看齐意识"),
        ("si-ge-zixin", "道路自信、理论自信、制度自信、文化自信"),
        ("san-hui-yi-ke", "定期召开支部党员大会、支部委员会、党小组会，按时上好党课"),
        ("si-ge-quanmian", "全面建设社会主义现代化国家、全面深化改革、全面依法治国、全面从严治党"),
    ],
)
def test_expansions_keep_the_official_order(formula: str, expansion: str) -> None:
    assert builtin_table().by_id[formula].expansion == expansion


def test_campaigns_carry_their_dates() -> None:
    by_id = builtin_table().by_id
    assert by_id["dangji-xuexi-jiaoyu"].valid_from == "2024-04-01"
    assert by_id["dangji-xuexi-jiaoyu"].current_at("2025-06-30")
    assert not by_id["dangji-xuexi-jiaoyu"].current_at("2026-01-01")
    assert not by_id["baxiang-guiding-xuexi-jiaoyu"].current_at("2024-12-31")
    assert by_id["ershi-jie-sanzhong"].valid_from == "2024-07-15"


def test_the_table_is_not_a_bank_file_but_ships_with_the_bank() -> None:
    assert table_path().parent == builtin_bank_dir()
    assert table_path().is_file()
    assert table_path() not in bank_files(builtin_bank_dir())


def test_the_table_passes_its_own_check() -> None:
    assert check_table(table_path()) == []


def test_wrong_forms_are_never_the_canonical_wording() -> None:
    table = builtin_table()
    for formula in table.formulas:
        for wording in (*formula.names, formula.expansion):
            if wording:
                assert misquotes(wording, table) == [], (formula.id, wording)


def test_a_good_row_loads(tmp_path: Path) -> None:
    table, errors = load_table(write(tmp_path, GOOD_ROW))
    assert errors == []
    assert (
        table.by_id["si-ge-yishi"].canonical == "四个意识（政治意识、大局意识、核心意识、看齐意识）"
    )


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("    valid_from: 2024-4-1\n", "年-月-日"),
        ("    until: 2015-01-01\n    valid_from: 2016-01-01\n", "until 早于 valid_from"),
        ("    expansion: 大局意识、政治意识、核心意识、看齐意识\n", "顺序不对"),
        ("    colour: red\n", "没有 colour 这个字段"),
        ("    wrong: [{text: 四个意识, why: order}]\n", "就是规范表述本身"),
        ("    wrong: [{text: 四个意思, why: typo}]\n", "why"),
    ],
)
def test_a_bad_row_is_one_line_naming_file_line_and_formula(
    tmp_path: Path, row: str, message: str
) -> None:
    path = write(tmp_path, GOOD_ROW + row)
    with pytest.raises(BankError) as info:
        load_table(path)
    assert message in str(info.value)
    assert str(info.value).startswith(f"短语库 {path} 第 ")
    assert "si-ge-yishi" in str(info.value)
    findings = check_table(path)
    assert len(findings) == 1 and str(findings[0]).startswith(f"{path} 第 ")


def test_bad_rows_are_skipped_when_collecting(tmp_path: Path) -> None:
    again = GOOD_ROW.replace("formulas:\n", "")  # the same id a second time, at line 7
    path = write(tmp_path, GOOD_ROW + again + "  - id: Bad_Id\n    name: 两个维护\n")
    table, errors = load_table(path, collect=True)
    assert len(table) == 1
    assert [e.line for e in errors] == [7, 12]
    assert "id 重复" in errors[0].message


def test_bank_check_reads_the_table_beside_the_bank(tmp_path: Path) -> None:
    write(tmp_path, GOOD_ROW + "    members: [只有一个]\n")
    findings = check_paths([tmp_path])
    assert [f.path.name for f in findings] == [TABLE_FILE]


def test_a_table_that_is_not_a_mapping_is_one_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, "- 四个意识\n")
    with pytest.raises(BankError, match="含 formulas: 的映射"):
        load_table(path)


def test_every_formula_the_bank_spells_out_matches_the_table() -> None:
    table = builtin_table()
    wrong = {
        e.id: [m.message for m in misquotes(SLOT_RE.sub("", e.text), table)]
        for e in builtin_entries()
    }
    assert {k: v for k, v in wrong.items() if v} == {}


def test_the_bank_spells_out_formulas_at_all() -> None:
    """The test above has something to check: entries name and expand table formulas."""
    table = builtin_table()
    named = {f.id for e in builtin_entries() for _, _, f in canonical_spans(e.text, table)}
    assert {"xi-thought", "san-hui-yi-ke", "di-yi-yiti"} <= named


def bank_entry(text: str, valid_from: str | None = None, until: str | None = None) -> Entry:
    return Entry(
        "mine.problem.01",
        "problem",
        "sentence",
        text,
        ("theory",),
        valid_from=valid_from,
        until=until,
    )


def test_bank_check_reports_a_misquoted_formula_with_its_canonical_form() -> None:
    findings = formula_findings([bank_entry("牢固树立政治意识、核心意识、大局意识、看齐意识。")])
    assert [f.severity for f in findings] == ["error"]
    assert "顺序颠倒" in findings[0].message
    assert "政治意识、大局意识、核心意识、看齐意识" in findings[0].message


def test_a_misquote_is_a_warning_while_the_entry_awaits_review() -> None:
    text = "牢固树立政治意识、核心意识、大局意识、看齐意识。"
    pending = bank_entry(text)._replace(review="pending")
    reviewed = bank_entry(text)._replace(review="reviewed")
    assert [f.severity for f in formula_findings([pending])] == ["warning"]
    assert [f.severity for f in formula_findings([reviewed])] == ["error"]


def test_bank_check_warns_on_an_expired_formula_in_an_undated_entry() -> None:
    text = "结合党纪学习教育，逐条对照检查。"
    warned = formula_findings([bank_entry(text)], today="2026-03-01")
    assert [(f.severity, f.entry) for f in warned] == [("warning", "mine.problem.01")]
    assert "2025-12-31" in warned[0].message
    assert formula_findings([bank_entry(text, until="2025-12-31")], today="2026-03-01") == []
    assert formula_findings([bank_entry(text)], today="2025-03-01") == []


@pytest.mark.parametrize(
    ("text", "valid_from", "flagged"),
    [
        ("深入学习贯彻党的二十届三中全会精神。", None, False),  # a meeting of the table
        ("2023年以来学习不够深入。", None, True),
        ("2023年以来学习不够深入。", "2023-01-01", False),
        ("学习贯彻党的十六大精神不够深入。", None, True),  # not in the table: hold it in a slot
    ],
)
def test_years_and_congresses_need_dates_or_the_table(
    text: str, valid_from: str | None, flagged: bool
) -> None:
    messages = [f.message for f in formula_findings([bank_entry(text, valid_from)])]
    assert any("写了年份或会议届次" in m for m in messages) is flagged

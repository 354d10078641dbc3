from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from drafter.core.vocab import ASPECTS

Run = Callable[..., Result]


def test_builtin_bank_checks_clean(run: Run) -> None:
    result = run("bank", "check")
    assert result.exit_code == 0 and "没有发现问题" in result.output


def test_findings_exit_1_and_name_file_and_entry(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        "topic: theory\nentries:\n  - id: mine.problem.01\n    section: problem\n    kind: heading\n"
        "    text: 学习不够深入,效果不好\n    links: [mine.cause.09]\n",
        encoding="utf-8",
    )
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert all(
        line.startswith(f"{tmp_path / 'b.yaml'} 第 3 行：mine.problem.01：") for line in lines
    )
    assert any("半角标点" in line for line in lines) and any(
        "mine.cause.09" in line for line in lines
    )


def test_unreadable_bank_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_bytes(b"topic: theory\nentries: [\n")
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 2 and "b.yaml 第 3 行" in result.stderr
    assert run("bank", "check", str(tmp_path / "missing")).exit_code == 2


def test_stats_table_and_json(run: Run) -> None:
    data = json.loads(run("bank", "stats", "--json").output)
    assert data["entries"] >= 600 and data["link_rate"] >= 0.8
    assert data["matrix"]["problem"]["org-life"] >= 8
    table = run("bank", "stats").output
    assert "存在的问题"[:4] in table and "关联" in table


DATED = """\
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
    text: 有的支部把党纪学习教育的学习安排在业余时间，参学率不高。
"""


def test_an_expired_formula_without_until_is_a_warning_not_a_failure(
    run: Run, tmp_path: Path
) -> None:
    (tmp_path / "d.yaml").write_text(DATED, encoding="utf-8")
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0] == (
        f"{tmp_path / 'd.yaml'} 第 9 行：提醒：dated.problem.02："
        "提到党纪学习教育，这一提法用到 2025-12-31：请给条目加 until"
    )
    assert lines[-1] == "通过：有 1 条提醒"


def test_a_misquoted_formula_fails_the_check(run: Run, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(
        DATED.replace(
            "有的支部把党纪学习教育", "增强政治意识、核心意识、大局意识、看齐意识，把党纪学习教育"
        ),
        encoding="utf-8",
    )
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 1
    assert "dated.problem.02：提法“四个意识”顺序颠倒" in result.stdout


def test_stats_show_when_the_bank_expires(run: Run, tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(DATED, encoding="utf-8")
    data = json.loads(run("bank", "stats", "--json", "--bank", str(tmp_path)).output)
    assert data["dated"]["entries"] >= 1 and data["dated"]["until"]["2025"] >= 1
    assert "有日期的条目：" in run("bank", "stats").output


def test_stats_count_first_person_material_and_the_formulas_named(run: Run) -> None:
    data = json.loads(run("bank", "stats", "--json").stdout)
    assert set(data["first_person"]) == set(ASPECTS)
    for counts in data["first_person"].values():
        assert counts["collective"] >= 3 and counts["individual"] >= 3
    assert data["formulas"]["习近平新时代中国特色社会主义思想"] >= 15
    assert data["formulas"]["两个确立"] >= 3
    text = run("bank", "stats").stdout
    assert "第一人称（领导班子/个人）" in text and "两个确立" in text

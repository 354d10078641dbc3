from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]


def test_builtin_bank_checks_clean(run: Run) -> None:
    result = run("bank", "check")
    assert result.exit_code == 0 and "no findings" in result.output


def test_findings_exit_1_and_name_file_and_entry(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text(
        "topic: theory\nentries:\n  - id: mine.problem.01\n    section: problem\n    kind: heading\n"
        "    text: 学习不够深入,效果不好\n    links: [mine.cause.09]\n",
        encoding="utf-8",
    )
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert all(line.startswith(f"{tmp_path / 'b.yaml'}:3: mine.problem.01: ") for line in lines)
    assert any("half-width" in line for line in lines) and any(
        "mine.cause.09" in line for line in lines
    )


def test_unreadable_bank_exits_2(run: Run, tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_bytes(b"topic: theory\nentries: [\n")
    result = run("bank", "check", str(tmp_path))
    assert result.exit_code == 2 and "b.yaml:3" in result.stderr
    assert run("bank", "check", str(tmp_path / "missing")).exit_code == 2


def test_stats_table_and_json(run: Run) -> None:
    data = json.loads(run("bank", "stats", "--json").output)
    assert data["entries"] >= 600 and data["link_rate"] >= 0.8
    assert data["matrix"]["problem"]["org-life"] >= 8
    table = run("bank", "stats").output
    assert "存在的问题"[:4] in table and "link" in table

"""`drafter` and `drafter edit`: bad input is one line and exit status 2, before any UI starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from drafter.tui.app import DrafterApp

Run = Callable[..., Result]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[DrafterApp]:
    """Apps the command would run, captured instead of taking over the terminal."""
    apps: list[DrafterApp] = []
    monkeypatch.setattr(DrafterApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_edit_is_listed_and_explains_itself(run: Run) -> None:
    result = run("edit", "--help")
    assert result.exit_code == 0
    assert "用法：" in result.output and "草稿" in result.output and "--bank" in result.output


def test_edit_opens_the_given_draft_with_extra_banks(
    run: Run, started: list[DrafterApp], tmp_path: Path
) -> None:
    bank = tmp_path / "mine.txt"
    bank.write_text("班子成员带头讲党课\n", encoding="utf-8")
    draft = tmp_path / "a.draft.yaml"
    draft.write_text(
        "kind: survey\nmeta: {title: 关于机关党建的调研报告}\nsections: []\n", encoding="utf-8"
    )
    result = run("edit", str(draft), "--bank", str(bank))
    assert result.exit_code == 0, result.output
    assert started[0].draft_path == draft
    assert started[0].bank_paths == [bank]


def test_no_command_starts_the_wizard_on_the_start_screen(
    run: Run, started: list[DrafterApp]
) -> None:
    assert run().exit_code == 0
    assert started and started[0].draft_path is None


def test_a_draft_that_does_not_exist_yet_is_started_there(
    run: Run, started: list[DrafterApp], tmp_path: Path
) -> None:
    assert run("edit", str(tmp_path / "new.draft.yaml")).exit_code == 0
    assert started[0].draft_path == tmp_path / "new.draft.yaml"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "kind: survey\nmeta: {title: 题}\nsections:\n- id: problem\n  pointz: []\n",
            "第 5 行：没有 pointz 这个字段",
        ),
        ("kind: nosuchkind\nmeta: {title: 题}\nsections: []\n", "没有“nosuchkind”这个报告类型"),
        ("kind: [survey\n", "YAML 格式不对"),
    ],
)
def test_a_bad_draft_is_one_line_and_status_2(
    run: Run, started: list[DrafterApp], tmp_path: Path, content: str, message: str
) -> None:
    draft = tmp_path / "bad.draft.yaml"
    draft.write_text(content, encoding="utf-8")
    result = run("edit", str(draft))
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not started


def test_a_missing_bank_is_one_line_and_status_2(
    run: Run, started: list[DrafterApp], tmp_path: Path
) -> None:
    result = run("--bank", str(tmp_path / "nope"))
    assert result.exit_code == 2
    assert "短语库" in result.stderr and "nope：找不到这个文件或文件夹" in result.stderr
    assert not started


def test_the_cli_module_does_not_import_textual_until_the_wizard_runs() -> None:
    import subprocess
    import sys

    code = "import sys, drafter.cli.wizard; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

"""`drafter harvest`: summary, --json, exit codes, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from tests.core.harvest_samples import SURVEY

Run = Callable[..., Result]


@pytest.fixture
def survey(tmp_path: Path) -> Path:
    path = tmp_path / "survey.txt"
    path.write_text(SURVEY, encoding="utf-8")
    return path


def test_summary_per_file_and_exit_0(run: Run, survey: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    result = run("harvest", str(survey), str(broken), "-o", str(tmp_path / "bank"))
    assert result.exit_code == 0, result.output
    assert f"{survey} → {tmp_path / 'bank' / 'harvest-survey.yaml'}" in result.stdout
    assert "存在的问题" in result.stdout and "去掉重复" in result.stdout
    assert f"{broken}：没有读成：不是有效的 .docx" in result.stdout
    assert "读了 1 个文件，1 个没有读成" in result.stdout
    assert run("bank", "check", str(tmp_path / "bank")).exit_code == 0


def test_json_summary_for_scripts(run: Run, survey: Path, tmp_path: Path) -> None:
    result = run("harvest", str(survey), "-o", str(tmp_path / "bank"), "--json", "--scene", "机关")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (entry,) = data["files"]
    assert entry["status"] == "harvested" and entry["phrases"] == data["totals"]["phrases"] > 0
    assert entry["sections"]["countermeasure"] >= 3
    assert set(data["totals"]) >= {"files_read", "files_failed", "phrases", "duplicates"}


def test_exit_1_when_no_file_can_be_read(run: Run, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    result = run("harvest", str(binary), str(tmp_path / "missing.md"), "-o", str(tmp_path / "b"))
    assert result.exit_code == 1
    assert "二进制数据" in result.stdout and "找不到这个文件" in result.stdout
    assert not (tmp_path / "b").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["harvest", "-o", "bank"],  # no paths
        ["harvest", "x.txt"],  # no output
        ["harvest", "x.txt", "-o", "bank", "--scene", "火星"],
    ],
)
def test_exit_2_on_bad_arguments(run: Run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_exit_2_with_one_line_when_output_cannot_be_written(
    run: Run, survey: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "bank"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run("harvest", str(survey), "-o", str(blocker))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"drafter：错误：{blocker}：这是文件，不是短语库文件夹"
    ]


def test_exit_2_for_a_broken_keyword_map(run: Run, survey: Path, tmp_path: Path) -> None:
    keywords = tmp_path / "map.yaml"
    keywords.write_text("topics:\n  nonsense: [词]\n", encoding="utf-8")
    result = run("harvest", str(survey), "-o", str(tmp_path / "b"), "--keywords", str(keywords))
    assert result.exit_code == 2
    assert f"关键词表 {keywords} 第 2 行：没有 nonsense 这个主题" in result.stderr

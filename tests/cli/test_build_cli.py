from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from click.testing import Result

from drafter.core.files import draftfile

Run = Callable[..., Result]

GOOD = """\
kind: survey
meta:
  title: 关于某村党建工作的调研报告
  unit: 中共某村支部委员会
  date: '2026-11-22'
sections:
- id: situation
  body: [全村共有党员56名。]
- id: problem
  points: [{heading: 组织生活不够规范, body: [有的支部会议记录不全。]}]
- id: cause
  points: [{heading: 思想认识有偏差, body: [个别书记重业务轻党建。]}]
- id: countermeasure
  points: [{heading: 健全制度，规范组织生活, body: [每季度开展一次检查。]}]
"""


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "report.draft.yaml"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_new_then_edit_then_build_all_formats(run: Run, tmp_path: Path, good: Path) -> None:
    starter = tmp_path / "s.draft.yaml"
    result = run("new", "--kind", "rectification", "-o", str(starter), "--unit", "某局党组")
    assert result.exit_code == 0, result.output
    draft = draftfile.load(starter)
    assert [s.id for s in draft.sections] == [
        "opening",
        "problem",
        "cause",
        "countermeasure",
        "plan",
        "closing",
    ]
    assert run("new", "--kind", "survey", "-o", str(starter)).exit_code == 2  # no overwrite

    assert run("build", str(good)).exit_code == 0
    document = docx.Document(str(tmp_path / "report.docx"))
    assert "一、基本情况" in [p.text for p in document.paragraphs]
    assert run("build", str(good), "-o", str(tmp_path / "r.md")).exit_code == 0
    assert "## 二、存在的问题" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert run("build", str(good), "-o", str(tmp_path / "r.txt")).exit_code == 0
    assert "（一）组织生活不够规范" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_templates_lists_the_kinds(run: Run) -> None:
    result = run("templates")
    assert "问题与对策调研报告" in result.output and "整改报告" in result.output


def bad_cases(tmp_path: Path, good: Path) -> list[tuple[list[str], str]]:
    malformed = tmp_path / "malformed.draft.yaml"
    malformed.write_text("kind: survey\nmeta: [\n", encoding="utf-8")
    unknown = tmp_path / "unknown.draft.yaml"
    unknown.write_text(GOOD.replace("kind: survey", "kind: memo"), encoding="utf-8")
    missing = tmp_path / "missing.draft.yaml"
    missing.write_text(GOOD.split("- id: problem")[0], encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    return [
        (["build", str(malformed)], "malformed.draft.yaml 第 3 行"),
        (["build", str(unknown)], "没有“memo”这个报告类型"),
        (["build", str(missing)], "必写部分「存在的问题」是空的（草稿里的 problem）"),
        (["build", str(tmp_path / "nope.draft.yaml")], "nope.draft.yaml：找不到这个文件"),
        (["build", str(tmp_path)], "这是文件夹"),
        (["build", str(good), "-o", str(tmp_path / "no" / "such" / "x.docx")], "such：不存在"),
        (["build", str(good), "-o", str(tmp_path / "x.pdf")], "看不出要什么格式"),
        (["build", str(good), "--fonts", "mac"], "没有“mac”这个字体方案"),
        (["new", "--kind", "memo", "-o", str(tmp_path / "n.yaml")], "这个报告类型"),
    ] + (
        [] if os.geteuid() == 0 else [(["build", str(good), "-o", str(ro / "x.docx")], "写不进去")]
    )


def test_bad_input_gives_one_line_and_status_2(run: Run, tmp_path: Path, good: Path) -> None:
    for args, words in bad_cases(tmp_path, good):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (args, result.stderr)
        assert "Traceback" not in result.output
    assert not list(tmp_path.rglob("*.docx")), "a failed build left a file behind"


def test_control_characters_are_removed_with_a_warning(
    run: Run, tmp_path: Path, good: Path
) -> None:
    good.write_text(
        GOOD.replace("全村共有党员56名。", '"全村\\x07共有党员56名。"'), encoding="utf-8"
    )
    result = run("build", str(good))
    assert result.exit_code == 0
    assert "控制字符" in result.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "report.docx")).paragraphs]
    assert "全村共有党员56名。" in texts


def test_unfilled_slots_warn_and_strict_fails(run: Run, tmp_path: Path, good: Path) -> None:
    good.write_text(
        GOOD.replace("[全村共有党员56名。]", "['全村共有党员{党员数}名。']"), encoding="utf-8"
    )
    result = run("build", str(good), "-o", str(tmp_path / "r.txt"))
    assert result.exit_code == 0 and "党员数" in result.stderr
    assert "【待补：党员数】" in (tmp_path / "r.txt").read_text(encoding="utf-8")
    assert run("build", str(good), "--strict").exit_code == 2


def test_installed_command_prints_version_and_no_traceback(tmp_path: Path) -> None:
    exe = [sys.executable, "-m", "drafter"]
    version = subprocess.run([*exe, "--version"], capture_output=True, text=True, check=False)
    assert version.returncode == 0 and "drafter" in version.stdout
    broken = tmp_path / "b.draft.yaml"
    broken.write_text("kind: survey\nsections: {\n", encoding="utf-8")
    proc = subprocess.run([*exe, "build", str(broken)], capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1

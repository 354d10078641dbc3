"""`drafter lint`: findings as text or JSON, the matrix, and exit status 0 / 1 / 2."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from ..conftest import REPO

Run = Callable[..., Result]

WITH_ERROR = """\
kind: survey
meta:
  title: 关于某社区党建工作的调研报告
  unit: 中共某社区委员会
  date: '2026-05-12'
sections:
- id: situation
  body: [社区共有党员八十余名。]
- id: problem
  points:
  - heading: 活动阵地建设滞后
    body:
    - 有的活动室面积偏小。
    - 有的活动室长期闲置。。
- id: cause
  points: [{heading: 经费保障渠道单一, body: [这也是活动阵地建设滞后的重要原因。]}]
- id: countermeasure
  points: [{heading: 盘活场地资源，改善活动阵地, body: [闲置用房优先用于党员活动。]}]
"""
WARNINGS_ONLY = WITH_ERROR.replace("长期闲置。。", "长期闲置。")

MINI_KIND = """\
id: mini
name: 简报
sections:
  - id: problem
    title: 存在的问题
    required: true
  - id: countermeasure
    title: 对策建议
    required: true
"""
MINI_TEMPLATE = """\
{% from "common.j2" import content %}
@title {{ meta.title }}
{% for s in sections if s.has_content %}
@h1 {{ s.title }}
{{ content(s) }}
{% endfor %}
"""
CLEAN = """\
kind: mini
meta: {title: 关于某社区活动阵地的简报}
sections:
- id: problem
  points: [{heading: 活动阵地建设滞后, body: [有的活动室面积偏小。]}]
- id: countermeasure
  points: [{heading: 盘活场地资源，改善活动阵地, body: [闲置用房优先用于党员活动。]}]
"""


def write(folder: Path, text: str, name: str = "report.draft.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


@pytest.fixture
def mini_templates(tmp_path: Path) -> Path:
    folder = tmp_path / "kinds" / "mini"
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(MINI_KIND, encoding="utf-8")
    (folder / "report.j2").write_text(MINI_TEMPLATE, encoding="utf-8")
    return tmp_path / "kinds"


def test_errors_are_listed_with_file_line_and_fix_and_exit_1(run: Run, tmp_path: Path) -> None:
    draft = write(tmp_path, WITH_ERROR)
    result = run("lint", str(draft))
    assert result.exit_code == 1
    line = line_of(draft, "长期闲置。。")
    assert f"{draft} 第 {line} 行：错误 L006 存在的问题（一） ¶2：标点重复“。。”" in result.output
    assert "    改：只保留一个标点" in result.output
    summary = result.output.splitlines()[-1]
    assert summary.startswith("共") and "条意见：错误1条，警告" in summary


def test_warnings_alone_exit_0(run: Run, tmp_path: Path) -> None:
    result = run("lint", str(write(tmp_path, WARNINGS_ONLY)))
    assert result.exit_code == 0, result.output
    assert "警告 B001" in result.output and " 错误 " not in result.output
    assert "错误0条" in result.output.splitlines()[-1]


def test_a_clean_draft_says_so(run: Run, tmp_path: Path, mini_templates: Path) -> None:
    result = run("lint", str(write(tmp_path, CLEAN)), "--templates", str(mini_templates))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "没有发现问题"


def test_json_output_for_tools(run: Run, tmp_path: Path) -> None:
    draft = write(tmp_path, WITH_ERROR)
    result = run("lint", str(draft), "--json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["kind"] == "survey" and data["counts"]["error"] == 1
    [error] = [f for f in data["findings"] if f["severity"] == "error"]
    assert error["code"] == "L006" and error["section"] == "problem"
    assert error["path"] == [0] and error["paragraph"] == 1
    assert error["line"] == line_of(draft, "长期闲置。。")
    assert error["where"] == "存在的问题（一） ¶2" and error["hint"]
    assert "matrix" not in data


def test_matrix_shows_which_countermeasure_answers_which_problem(run: Run, tmp_path: Path) -> None:
    text = WARNINGS_ONLY.replace(
        "  - heading: 活动阵地建设滞后",
        "  - {heading: 服务群众不够精准, body: [有的居民反映办事要跑多次。]}\n  - heading: 活动阵地建设滞后",
    )
    result = run("lint", str(write(tmp_path, text)), "--matrix")
    rows = {
        line.split()[0]: line.split()[1:]
        for line in result.output.splitlines()
        if line.startswith("（")
    }
    assert rows["（一）服务群众不够精准"] == ["."]
    assert rows["（二）活动阵地建设滞后"] == ["T"]
    assert "错误 A001 存在的问题（一）：问题（一）“服务群众不够精准”没有对策回应" in result.output
    assert "问题 × 对策" in result.output and "对策：" in result.output
    assert "  （一）经费保障渠道单一 → （二）" in result.output


def test_extra_bank_links_show_in_the_json_matrix(run: Run, tmp_path: Path) -> None:
    bank = write(
        tmp_path,
        """\
topic: institutions
entries:
  - {id: mine.problem.01, section: problem, kind: heading, text: 台账资料管理混乱, links: [mine.countermeasure.01]}
  - {id: mine.countermeasure.01, section: countermeasure, kind: heading, text: 建立专人负责制度}
""",
        "mine.yaml",
    )
    text = WARNINGS_ONLY.replace("活动阵地建设滞后\n", "台账资料管理混乱\n").replace(
        "盘活场地资源，改善活动阵地", "建立专人负责制度"
    )
    draft = write(tmp_path, text)
    without = json.loads(run("lint", str(draft), "--json", "--matrix").output)
    assert without["matrix"]["answers"] == []
    data = json.loads(run("lint", str(draft), "--json", "--matrix", "--bank", str(bank)).output)
    assert [a["reason"] for a in data["matrix"]["answers"]] == ["link"]
    assert "A001" not in [f["code"] for f in data["findings"]]


def test_bad_input_is_one_line_and_exit_2(run: Run, tmp_path: Path) -> None:
    broken_bank = write(tmp_path, "entries: [{id: Bad Id}]\n", "bank.yaml")
    cases = [
        ((str(tmp_path / "missing.draft.yaml"),), "missing.draft.yaml"),
        ((str(write(tmp_path, "kind: [survey\n", "bad.draft.yaml")),), "bad.draft.yaml 第 2 行"),
        (
            (str(write(tmp_path, "kind: memo\nsections: []\n", "memo.draft.yaml")),),
            "memo.draft.yaml 第 1 行：没有“memo”这个报告类型",
        ),
        ((str(write(tmp_path, WITH_ERROR)), "--bank", str(broken_bank)), "bank.yaml"),
    ]
    for args, words in cases:
        result = run("lint", *args)
        assert result.exit_code == 2, (args, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0], (args, result.stderr)
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "example", sorted((REPO / "examples").glob("*.draft.yaml")), ids=lambda p: p.name
)
def test_the_shipped_examples_have_no_errors(run: Run, example: Path) -> None:
    result = run("lint", str(example))
    assert result.exit_code == 0, result.output

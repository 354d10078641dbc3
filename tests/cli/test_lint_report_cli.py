"""`drafter lint REPORT.docx|.txt|.md`: a finished report located by heading, paragraph
number and quoted text; the user's config.yaml `checks:` changes what is reported."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

Run = Callable[..., Result]

REPORT = """\
关于某社区党建工作的调研报告

为了解社区党建工作情况，街道于2026年4月开展了调研。

一、存在的问题
（一）活动阵地使用率不高
有的活动室长期闲置，截止目前仍未向居民开放。
（二）志愿服务参与不广
参加志愿服务的多是退休党员，在职党员参与较少。

二、对策建议
（一）盘活活动阵地
闲置用房优先用于居民活动，每季度征求一次居民意见。
（二）扩大志愿服务参与
推行在职党员到社区报到，每季度至少参加一次志愿服务。

中共某街道工作委员会
2026年5月12日
"""


def write(folder: Path, text: str, name: str = "report.txt") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_text_report_is_located_by_heading_paragraph_and_quote(run: Run, tmp_path: Path) -> None:
    result = run("lint", str(write(tmp_path, REPORT)))
    assert result.exit_code == 0, result.output
    assert "警告 W001 一、存在的问题 第5段“有的活动室长期闲置，截止目前…”" in result.output
    assert "“截止”应为“截至”" in result.output


def test_json_gives_the_standard_paragraph_number_and_quote(run: Run, tmp_path: Path) -> None:
    result = run("lint", str(write(tmp_path, REPORT)), "--json")
    data = json.loads(result.output)
    assert data["kind"] == "survey" and data["title"] == "关于某社区党建工作的调研报告"
    [word] = [f for f in data["findings"] if f["code"] == "W001"]
    assert word["paragraph_number"] == 5 and word["quote"].startswith("有的活动室")
    assert word["section_heading"] == "一、存在的问题" and word["standard"] == "现代汉语词典"


def test_a_request_in_a_report_is_an_error_and_exits_1(run: Run, tmp_path: Path) -> None:
    text = REPORT.replace("中共某街道", "以上报告，妥否，请批示。\n\n中共某街道")
    result = run("lint", str(write(tmp_path, text)))
    assert result.exit_code == 1
    assert "错误 G002" in result.output


def test_a_word_report_reads_like_a_text_one(run: Run, tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in REPORT.splitlines():
        if line.strip():
            document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(str(path))
    result = run("lint", str(path), "--json")
    [word] = [f for f in json.loads(result.output)["findings"] if f["code"] == "W001"]
    assert word["paragraph_number"] == 5


def test_config_turns_a_check_off(run: Run, tmp_path: Path, drafter_home: Path) -> None:
    config = drafter_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("checks:\n  disable: [W001]\n  sentence_chars: 10\n", encoding="utf-8")
    result = run("lint", str(write(tmp_path, REPORT)))
    assert result.exit_code == 0, result.output
    assert "W001" not in result.output and "G001" in result.output


def test_a_bad_config_or_file_is_one_line_and_exit_2(
    run: Run, tmp_path: Path, drafter_home: Path
) -> None:
    broken = write(tmp_path, "PK\x03\x04 not really a zip", "broken.docx")
    for args, words in [
        ((str(tmp_path / "missing.docx"),), "missing.docx"),
        ((str(broken),), "broken.docx"),
    ]:
        result = run("lint", *args)
        assert result.exit_code == 2, result.output
        assert len(result.stderr.strip().splitlines()) == 1 and words in result.stderr
    config = drafter_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text("checks:\n  severity: {W001: fatal}\n", encoding="utf-8")
    result = run("lint", str(write(tmp_path, REPORT)))
    assert result.exit_code == 2 and "配置文件" in result.stderr
    assert "config.yaml 第 2 行" in result.stderr


def test_draft_json_names_the_standard_of_each_finding(run: Run, tmp_path: Path) -> None:
    draft = tmp_path / "d.draft.yaml"
    draft.write_text(
        "kind: survey\nmeta: {title: 关于某社区党建工作的调研报告}\nsections:\n"
        "- id: situation\n  body: [会议于2026.3.15召开，其它社区也参加了。]\n",
        encoding="utf-8",
    )
    data = json.loads(run("lint", str(draft), "--json").output)
    standards = {f["code"]: f["standard"] for f in data["findings"]}
    assert standards["N001"] == "GB/T 15835-2011" and standards["W001"] == "现代汉语词典"
    assert standards["C001"] == "体例"

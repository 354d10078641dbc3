"""Reports as users bring them: clean ones get no error, flawed ones have their planted
faults found at the right paragraph (tests/data/lint/flawed/key.yaml), and the shipped
examples, built to Word, read back with no error either."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter import services
from drafter.core.checks import Finding, run_checks
from drafter.core.checks.document import ReportDocument, read_report
from drafter.core.files import draftfile
from drafter.core.report.kinds import discover

from ..conftest import REPO

DATA = Path(__file__).parent.parent / "data" / "lint"
CATCH_RATE = 0.9
"""Share of the planted faults that must be found at their place."""


def lint(path: Path) -> tuple[ReportDocument, list[Finding]]:
    report = read_report(path, discover())
    return report, run_checks(report.draft, report.kind, document=True)


@pytest.mark.parametrize("path", sorted((DATA / "clean").iterdir()), ids=lambda p: p.name)
def test_a_clean_report_gets_no_error(path: Path) -> None:
    report, findings = lint(path)
    errors = [f"{f.code} {report.where(f)} {f.message}" for f in findings if f.severity == "error"]
    assert errors == []
    assert report.draft.meta.title and report.draft.find_section("problem") is not None


def _caught(
    report: ReportDocument, findings: list[Finding], fault: dict[str, str]
) -> Finding | None:
    for finding in findings:
        if finding.code != fault["code"]:
            continue
        source = report.source(finding)
        if "quote" not in fault:
            if source is None:
                return finding
        elif source is not None and fault["quote"] in source.text:
            return finding
    return None


def test_planted_faults_are_found_at_their_place() -> None:
    key = yaml.safe_load((DATA / "flawed" / "key.yaml").read_text(encoding="utf-8"))
    total = sum(len(faults) for faults in key.values())
    missed = []
    for name, faults in key.items():
        report, findings = lint(DATA / "flawed" / name)
        left = list(findings)
        for fault in faults:
            found = _caught(report, left, fault)
            if found is None:
                missed.append(f"{name}: {fault}")
            else:
                left.remove(found)  # one finding answers one planted fault
    assert total >= 40
    assert (total - len(missed)) / total >= CATCH_RATE, missed


@pytest.mark.parametrize(
    "example", sorted((REPO / "examples").glob("*.draft.yaml")), ids=lambda p: p.name
)
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_an_example_built_to_a_file_reads_back_without_error(
    example: Path, suffix: str, tmp_path: Path
) -> None:
    out = tmp_path / (example.name.removesuffix(".draft.yaml") + suffix)
    services.build(draftfile.load(example), out)
    report, findings = lint(out)
    assert [f.code for f in findings if f.severity == "error"] == []
    assert {"problem", "countermeasure"} <= {s.id for s in report.draft.sections} or {
        "problem",
        "plan",
    } <= {s.id for s in report.draft.sections}


def test_word_heading_styles_give_the_structure_without_typed_numbers(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("关于某村党建工作的调研报告", 0)
    document.add_paragraph("为了解情况，镇党委于2026年4月开展调研。")
    document.add_heading("存在的问题", 1)
    document.add_heading("组织生活不够规范", 2)
    document.add_paragraph("有的支部会议记录不全，截止目前仍未补齐。")
    document.add_heading("对策建议", 1)
    document.add_heading("规范组织生活，提高会议质量", 2)
    document.add_paragraph("每季度检查一次会议记录。")
    path = tmp_path / "styled.docx"
    document.save(str(path))
    report, findings = lint(path)
    problem = report.draft.find_section("problem")
    assert problem is not None and problem.points[0].heading == "组织生活不够规范"
    [word] = [f for f in findings if f.code == "W001"]
    assert report.where(word) == "存在的问题 第5段“有的支部会议记录不全，截止目…”"
    assert "A001" not in {f.code for f in findings}

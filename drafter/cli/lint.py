"""`drafter lint DRAFT|REPORT`: the review checks, as text for people or JSON for tools.

A draft file (*.draft.yaml) is located by its YAML lines; any other report (.docx, .doc,
.wps, .txt, .md) is read with the harvester's structure detection and located by section
heading, paragraph number and quoted text (see drafter.core.checks.document).

Exit status: 1 when a finding has error severity, 0 otherwise, 2 when the draft, a bank or
a template cannot be read (the group turns those errors into one line).
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import click

from drafter.cli.options import templates_option
from drafter.cli.usage import Command
from drafter.core.bank.loading import load_banks
from drafter.core.checks import (
    SEVERITIES,
    AnswerMatrix,
    Finding,
    answer_matrix,
    place_label,
    run_checks,
    yaml_path,
)
from drafter.core.checks.document import SUFFIXES, ReportDocument, read_report
from drafter.core.config import load_config
from drafter.core.errors import DrafterError, DraftFileError
from drafter.core.files import draftfile
from drafter.core.files.fsio import read_text
from drafter.core.files.locations import DRAFT_SUFFIX
from drafter.core.files.yamlio import LineMap, load_yaml
from drafter.core.model import Draft
from drafter.core.report.kinds import ReportKind, discover

MARKS = {"link": "L", "text": "T", "topic": "t"}
LEGEND = "L 短语库关联 · T 文字相近 · t 同一主题且文字相近 · . 无"
SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}
HEADING_WIDTH = 28  # display columns given to a heading in the matrix


@click.command(cls=Command)
@click.argument("draft_path", metavar="草稿或报告", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出审读意见")
@click.option("--matrix", is_flag=True, help="同时列出问题 × 对策对照表")
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path),
    help="另加短语库文件夹或文件，用于查关联（可写多次）",
)
@templates_option
def lint(
    draft_path: Path,
    as_json: bool,
    matrix: bool,
    banks: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
) -> None:
    """审读草稿，或用 Word/WPS 写成的报告（.docx .doc .wps .txt .md），
    找出科长审稿、校对时会退回修改的地方。"""
    if _is_report(draft_path):
        _lint_report(draft_path, as_json, matrix, banks, template_dirs)
        return
    settings = load_config().checks
    text = read_text(draft_path, DraftFileError)
    draft = draftfile.loads(text, draft_path)
    _, lines = load_yaml(text, draft_path, DraftFileError)
    kind = _kind(draft, draft_path, lines, template_dirs)
    bank = load_banks(banks)
    findings = run_checks(draft, kind, bank, settings=settings)
    table = answer_matrix(draft, kind, bank) if matrix else None
    located = [(f, lines.line(yaml_path(draft, f))) for f in findings]
    if as_json:
        click.echo(
            json.dumps(_json(draft_path, kind, located, table), ensure_ascii=False, indent=2)
        )
    else:
        _print_text(draft_path, kind, located, table)
    sys.exit(1 if any(f.severity == "error" for f in findings) else 0)


def _is_report(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(SUFFIXES) and not name.endswith(DRAFT_SUFFIX)


def _lint_report(
    path: Path,
    as_json: bool,
    matrix: bool,
    banks: tuple[Path, ...],
    template_dirs: tuple[Path, ...],
) -> None:
    """The checks that apply to a finished report, located in its own paragraphs."""
    if not path.is_file():
        raise DrafterError("找不到这个文件", path)
    report = read_report(path, discover(template_dirs))
    bank = load_banks(banks)
    settings = load_config().checks
    findings = run_checks(report.draft, report.kind, bank, settings=settings, document=True)
    table = answer_matrix(report.draft, report.kind, bank) if matrix else None
    if as_json:
        data = _report_json(report, findings, table)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            severity = SEVERITY_WORDS[finding.severity]
            click.echo(
                f"{path}：{severity} {finding.code} {report.where(finding)}：{finding.message}"
            )
            click.echo(f"    改：{finding.hint}")
        if table is not None:
            _print_matrix(table)
        _print_counts(findings)
    sys.exit(1 if any(f.severity == "error" for f in findings) else 0)


def _report_json(
    report: ReportDocument, findings: list[Finding], table: AnswerMatrix | None
) -> dict[str, Any]:
    out = []
    for finding in findings:
        source = report.source(finding)
        out.append(
            {
                **finding.to_dict(),
                "where": report.where(finding),
                "section_heading": report.headings.get(finding.section or "", ""),
                "paragraph_number": source.number if source else None,
                "quote": source.text if source else "",
            }
        )
    data: dict[str, Any] = {
        "report": str(report.path),
        "kind": report.kind.id,
        "title": report.draft.meta.title,
        "counts": _counts(findings),
        "findings": out,
    }
    if table is not None:
        data["matrix"] = table.to_dict()
    return data


def _kind(draft: Draft, path: Path, lines: LineMap, extra: tuple[Path, ...]) -> ReportKind:
    kinds = discover(extra)
    if draft.kind not in kinds:
        raise DraftFileError(
            f"没有“{draft.kind}”这个报告类型；现有：{'、'.join(kinds)}",
            path,
            lines.line(("kind",)),
        )
    return kinds[draft.kind]


def _counts(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.severity for f in findings)
    return {s: counts.get(s, 0) for s in SEVERITIES}


def _json(
    path: Path,
    kind: ReportKind,
    located: list[tuple[Finding, int | None]],
    table: AnswerMatrix | None,
) -> dict[str, Any]:
    findings = [f for f, _ in located]
    data: dict[str, Any] = {
        "draft": str(path),
        "kind": kind.id,
        "counts": _counts(findings),
        "findings": [
            {
                **f.to_dict(),
                "line": line,
                "where": place_label(kind, f.section, f.path, f.paragraph, f.part),
            }
            for f, line in located
        ],
    }
    if table is not None:
        data["matrix"] = table.to_dict()
    return data


def _print_text(
    path: Path,
    kind: ReportKind,
    located: list[tuple[Finding, int | None]],
    table: AnswerMatrix | None,
) -> None:
    for finding, line in located:
        where = f"{path} 第 {line} 行" if line else str(path)
        place = place_label(kind, finding.section, finding.path, finding.paragraph, finding.part)
        severity = SEVERITY_WORDS[finding.severity]
        click.echo(f"{where}：{severity} {finding.code} {place}：{finding.message}")
        click.echo(f"    改：{finding.hint}")
    if table is not None:
        _print_matrix(table)
    _print_counts([f for f, _ in located])


def _print_counts(findings: list[Finding]) -> None:
    if not findings:
        click.echo("没有发现问题")
        return
    parts = "，".join(f"{SEVERITY_WORDS[s]}{n}条" for s, n in _counts(findings).items())
    click.echo(f"共{len(findings)}条意见：{parts}")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int) -> str:
    """Cut or pad text to `width` display columns (Chinese characters take two)."""
    if _width(text) > width:
        out = ""
        for char in text:
            if _width(out + char) > width - 2:  # room for … and a space
                break
            out += char
        text = out + "…"
    return text + " " * (width - _width(text))


def _print_matrix(table: AnswerMatrix) -> None:
    click.echo("")
    if not table.problems or not table.countermeasures:
        click.echo("对照表：草稿要同时有问题要点和对策要点，才能列出对照表")
        return
    click.echo("问题 × 对策")
    columns = "".join(ref.label for ref in table.countermeasures)
    click.echo(" " * HEADING_WIDTH + columns)
    for i, ref in enumerate(table.problems):
        marks = ""
        for j in range(len(table.countermeasures)):
            answer = table.cells.get((i, j))
            marks += f"{MARKS[answer.reason] if answer else '.':^6}"
        click.echo((_fit(ref.label + ref.heading, HEADING_WIDTH) + marks).rstrip())
    click.echo("对策：")
    for ref in table.countermeasures:
        click.echo(f"  {ref.label}{ref.heading}")
    if table.causes:
        click.echo("原因 → 问题：")
        for k, ref in enumerate(table.causes):
            tied = "".join(
                table.problems[i].label for kk, i in sorted(table.cause_cells) if kk == k
            )
            click.echo(f"  {ref.label}{ref.heading} → {tied or '（无）'}")
    click.echo(LEGEND)
    click.echo("")

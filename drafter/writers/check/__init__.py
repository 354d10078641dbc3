"""`drafter check`: GB/T 9704-2012 conformance of any .docx, drafter's or one edited in Word.

Static rules read the file (page, margins, grid, fonts, headings, page numbers, title,
signature and date); with rendering, LibreOffice prints it and the pages are measured
(lines per page, lines past the right edge, a stranded signature or date, the title's
printed lines, the 版记 on the last even page and unnumbered after a blank page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.writers.check.reader import CheckError, read_docx
from drafter.writers.check.rules import RULES, classify

RENDER = "render"  # the id of the rules measured on the printed pages


@dataclass
class RuleResult:
    id: str
    """Stable, for scripts (the JSON's "id")."""
    title: str
    """The rule's name as a user reads it (页边距, 页码 …)."""
    faults: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.faults


@dataclass
class Report:
    """Every rule's result for one file; `pages` is set when it was rendered."""

    path: Path
    results: list[RuleResult]
    pages: int | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def faults(self) -> list[str]:
        """One line per fault, led by its rule's name (页码：页脚没有页码域（§7.5）); a
        fault of the printed pages leads with its page instead (第 3 页：行距 …)."""
        return [
            fault if r.id == RENDER else f"{r.title}：{fault}"
            for r in self.results
            for fault in r.faults
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "ok": self.ok,
            "pages": self.pages,
            "rules": [
                {"id": r.id, "title": r.title, "ok": r.ok, "faults": r.faults} for r in self.results
            ],
        }


def check_files(paths: Sequence[Path], *, render: bool = False) -> list[Report]:
    """Check several files; rendering starts LibreOffice once for all of them."""
    reports = []
    signatures, titles = {}, {}
    for path in paths:
        doc = read_docx(Path(path))
        parts = classify(doc)
        results = [
            RuleResult(rule_id, title, rule(doc, parts)) for rule_id, (title, rule) in RULES.items()
        ]
        reports.append(Report(Path(path), results))
        signatures[Path(path)] = parts.signature[0].text if parts.signature else ""
        titles[Path(path)] = parts.title.text if parts.title else ""
    if render:
        from drafter.writers.check.pagerules import render_faults
        from drafter.writers.check.render import rendered_pages

        pages = rendered_pages([r.path for r in reports])
        for report in reports:
            measured = pages[report.path]
            report.pages = len(measured)
            faults = render_faults(measured, signatures[report.path], titles[report.path])
            report.results.append(RuleResult(RENDER, "印出的页面", faults))
    return reports


def check_docx(path: Path, *, render: bool = False) -> Report:
    """Check one .docx."""
    return check_files([path], render=render)[0]


__all__ = ["CheckError", "Report", "RuleResult", "check_docx", "check_files"]

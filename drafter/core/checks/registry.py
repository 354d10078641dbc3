"""The table of review checks and the runner the CLI and the wizard call."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafter.core.checks import answering, balance, completeness, headings, language, repetition
from drafter.core.checks.base import SEVERITIES, Check, Context, Finding, Limits

if TYPE_CHECKING:
    from drafter.core.bank import Bank
    from drafter.core.kinds import ReportKind
    from drafter.core.model import Draft

CHECKS: tuple[Check, ...] = (
    # Answering
    Check(
        "A001",
        "unanswered-problem",
        "warning",
        "add a countermeasure that answers it, or name its subject in one",
        answering.unanswered_problems,
    ),
    Check(
        "A002",
        "orphan-cause",
        "warning",
        "say which problem this cause explains (“这也是……的重要原因”)",
        answering.orphan_causes,
    ),
    # Parallel headings
    Check(
        "P001",
        "heading-length",
        "warning",
        "bring the heading near its siblings' length",
        headings.length_outliers,
    ),
    Check(
        "P002",
        "heading-structure",
        "warning",
        "rewrite the heading in the pattern its siblings share",
        headings.shape_outliers,
    ),
    # Completeness
    Check(
        "C001",
        "empty-required-section",
        "error",
        "write this section: the report kind requires it",
        completeness.empty_required_sections,
    ),
    Check(
        "C002",
        "unfilled-slot",
        "error",
        "give the slot a value under slots:, or write the figure into the text",
        completeness.unfilled_slots,
    ),
    Check(
        "C003",
        "placeholder",
        "error",
        "replace the mark with the real text or a named slot such as {党员数}",
        completeness.placeholders,
    ),
    Check(
        "C004",
        "heading-without-body",
        "warning",
        "write the paragraphs under this heading, or remove the point",
        completeness.headings_without_body,
    ),
    Check(
        "C005",
        "unknown-section",
        "error",
        "move its content into a section of the kind, or change the draft's kind",
        completeness.unknown_sections,
    ),
    Check("C006", "missing-title", "error", "set meta.title", completeness.missing_title),
    # Repetition
    Check(
        "R001",
        "repeated-sentence",
        "warning",
        "say it once, or say something new the second time",
        repetition.repeated_sentences,
    ),
    Check(
        "R002",
        "stock-phrase",
        "info",
        "vary the wording or drop the phrase where it adds nothing",
        repetition.stock_phrases,
    ),
    # Balance
    Check(
        "B001",
        "section-length",
        "warning",
        "shorten or fill out the section towards the template's guide",
        balance.section_lengths,
    ),
    Check(
        "B002",
        "long-paragraph",
        "warning",
        "split the paragraph, or turn its list into an enumeration",
        balance.long_paragraphs,
    ),
    Check(
        "B003",
        "report-length",
        "warning",
        "cut or add text, or change meta.target_chars",
        balance.report_length,
    ),
    # Language
    Check(
        "L001",
        "halfwidth-punctuation",
        "warning",
        "use full-width ，；：？！（）。“” in Chinese text",
        language.halfwidth_punctuation,
    ),
    Check(
        "L002",
        "traditional-characters",
        "warning",
        "write simplified characters",
        language.traditional_characters,
    ),
    Check(
        "L003",
        "numbered-heading",
        "error",
        "delete the typed number: headings are numbered when the report is built",
        language.numbered_headings,
    ),
    Check(
        "L004",
        "numbered-paragraph",
        "warning",
        "make it a point or an enumeration instead of typing the number",
        language.numbered_paragraphs,
    ),
    Check(
        "L005",
        "skipped-enumeration",
        "error",
        "renumber the items (一是、二是、三是 …) or make them an enumeration",
        language.skipped_enumerations,
    ),
    Check(
        "L006",
        "doubled-punctuation",
        "error",
        "keep one punctuation mark",
        language.doubled_punctuation,
    ),
    Check(
        "L007",
        "unmatched-pair",
        "error",
        "close the quotation mark or bracket, or remove the stray one",
        language.unmatched_pairs,
    ),
)
BY_CODE = {check.code: check for check in CHECKS}


def run_checks(
    draft: Draft,
    kind: ReportKind,
    bank: Bank | None = None,
    *,
    limits: Limits | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """All findings (or those of the `only` codes), in reading order, errors first per place."""
    ctx = Context(draft, kind, bank, limits or Limits())
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for check in CHECKS:
        if wanted is not None and check.code not in wanted:
            continue
        for hit in check.run(ctx):
            findings.append(
                Finding(
                    code=check.code,
                    severity=check.severity,
                    message=hit.message,
                    hint=check.hint,
                    section=hit.section,
                    path=hit.path,
                    paragraph=hit.paragraph,
                    part=hit.part,
                    name=check.name,
                )
            )
    order = {spec.id: i for i, spec in enumerate(kind.sections)}

    def key(f: Finding) -> tuple[int, tuple[int, ...], int, int, str]:
        section = -1 if f.section is None else order.get(f.section, len(order))
        paragraph = -1 if f.paragraph is None else f.paragraph
        return section, f.path, paragraph, SEVERITIES.index(f.severity), f.code

    return sorted(findings, key=key)


def yaml_path(draft: Draft, finding: Finding) -> tuple[str | int, ...]:
    """Where a finding sits in the draft file's data, for looking up its line."""
    if finding.section is None:
        return ("meta", "title") if finding.part == "title" else ()
    index = next((i for i, s in enumerate(draft.sections) if s.id == finding.section), None)
    if index is None:
        return ("sections",)
    out: tuple[str | int, ...] = ("sections", index)
    for i in finding.path:
        out += ("points", i)
    if finding.paragraph is not None:
        return (*out, "body", finding.paragraph)
    if finding.part in ("heading", "intro"):
        return (*out, finding.part)
    return out

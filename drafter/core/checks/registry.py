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
        "增加一条回应它的对策，或在对策中点明它的对象",
        answering.unanswered_problems,
    ),
    Check(
        "A002",
        "orphan-cause",
        "warning",
        "点明这条原因对应哪个问题（如“这也是……的重要原因”）",
        answering.orphan_causes,
    ),
    # Parallel headings
    Check(
        "P001",
        "heading-length",
        "warning",
        "把标题长度调整到与同级标题相近",
        headings.length_outliers,
    ),
    Check(
        "P002",
        "heading-structure",
        "warning",
        "按同级标题共用的句式改写这一标题",
        headings.shape_outliers,
    ),
    # Completeness
    Check(
        "C001",
        "empty-required-section",
        "error",
        "补写这一部分：此类报告必须包含",
        completeness.empty_required_sections,
    ),
    Check(
        "C002",
        "unfilled-slot",
        "info",
        "在 slots: 下给待填项填值，或把数字直接写进正文",
        completeness.unfilled_slots,
    ),
    Check(
        "C003",
        "placeholder",
        "error",
        "换成实际内容，或改用有名称的待填项，如{党员数}",
        completeness.placeholders,
    ),
    Check(
        "C004",
        "heading-without-body",
        "warning",
        "在标题下补写正文，或删去这一要点",
        completeness.headings_without_body,
    ),
    Check(
        "C005",
        "unknown-section",
        "error",
        "把内容移到本类报告已有的部分，或更改草稿的报告类型",
        completeness.unknown_sections,
    ),
    Check(
        "C006", "missing-title", "error", "补上报告标题（meta.title）", completeness.missing_title
    ),
    # Repetition
    Check(
        "R001",
        "repeated-sentence",
        "warning",
        "同样的话只说一遍，或改写成新的内容",
        repetition.repeated_sentences,
    ),
    Check(
        "R002",
        "stock-phrase",
        "info",
        "换个说法，可有可无处删去",
        repetition.stock_phrases,
    ),
    # Balance
    Check(
        "B001",
        "section-length",
        "warning",
        "按模板建议的篇幅压缩或充实这一部分",
        balance.section_lengths,
    ),
    Check(
        "B002",
        "long-paragraph",
        "warning",
        "拆成几段，或把其中的列举改成分项列举",
        balance.long_paragraphs,
    ),
    Check(
        "B003",
        "report-length",
        "warning",
        "删减或补充内容，或调整目标字数（meta.target_chars）",
        balance.report_length,
    ),
    # Language
    Check(
        "L001",
        "halfwidth-punctuation",
        "warning",
        "中文里一律用全角标点：，；：？！（）。“”",
        language.halfwidth_punctuation,
    ),
    Check(
        "L002",
        "traditional-characters",
        "warning",
        "改用简体字",
        language.traditional_characters,
    ),
    Check(
        "L003",
        "numbered-heading",
        "error",
        "删去手打的序号：生成报告时标题会自动编号",
        language.numbered_headings,
    ),
    Check(
        "L004",
        "numbered-paragraph",
        "warning",
        "改成要点或分项列举，不要手打序号",
        language.numbered_paragraphs,
    ),
    Check(
        "L005",
        "skipped-enumeration",
        "error",
        "按一是、二是、三是……重新排号，或改成分项列举",
        language.skipped_enumerations,
    ),
    Check(
        "L006",
        "doubled-punctuation",
        "error",
        "只保留一个标点",
        language.doubled_punctuation,
    ),
    Check(
        "L007",
        "unmatched-pair",
        "error",
        "补全引号或括号，或删去多出的一个",
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

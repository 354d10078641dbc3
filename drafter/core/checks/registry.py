"""The table of review checks and the runner the CLI and the wizard call."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafter.core.checks import (
    answering,
    balance,
    completeness,
    formulas,
    genre,
    headings,
    language,
    numbers,
    punctuation,
    repetition,
    words,
)
from drafter.core.checks.base import SEVERITIES, Check, Context, Finding, Limits
from drafter.core.checks.settings import CheckSettings, ignored

if TYPE_CHECKING:
    from drafter.core.bank.loading import Bank
    from drafter.core.model import Draft
    from drafter.core.report.kinds import ReportKind

CHECKS: tuple[Check, ...] = (
    # Answering
    Check(
        "A001",
        "unanswered-problem",
        "warning",
        "增加一条回应它的对策，或在对策中点明它的对象",
        answering.unanswered_problems,
        by_kind=(("survey", "error"), ("rectification", "error")),
    ),
    Check(
        "A002",
        "orphan-cause",
        "warning",
        "点明这条原因对应哪个问题（如“这也是……的重要原因”）",
        answering.orphan_causes,
    ),
    Check(
        "A003",
        "unrequested-countermeasure",
        "warning",
        "点明这条对策针对哪个问题，或删去",
        answering.unrequested_remedies,
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
        drafts_only=True,
    ),
    Check(
        "C002",
        "unfilled-slot",
        "info",
        "在 slots: 下给待填项填值，或把数字直接写进正文",
        completeness.unfilled_slots,
        drafts_only=True,
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
        drafts_only=True,
    ),
    Check(
        "C006",
        "missing-title",
        "error",
        "补上报告标题（meta.title）",
        completeness.missing_title,
        drafts_only=True,
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
        drafts_only=True,
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
        drafts_only=True,
    ),
    # Language
    Check(
        "L001",
        "halfwidth-punctuation",
        "warning",
        "中文里一律用全角标点：，；：？！（）。“”",
        language.halfwidth_punctuation,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L002",
        "traditional-characters",
        "warning",
        "改用简体字",
        language.traditional_characters,
        standard="通用规范汉字表",
    ),
    Check(
        "L003",
        "numbered-heading",
        "error",
        "删去手打的序号：生成报告时标题会自动编号",
        language.numbered_headings,
        standard="GB/T 9704-2012",
        drafts_only=True,
    ),
    Check(
        "L004",
        "numbered-paragraph",
        "warning",
        "改成要点或分项列举，不要手打序号",
        language.numbered_paragraphs,
        standard="GB/T 9704-2012",
        drafts_only=True,
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
        standard="GB/T 15834-2011",
    ),
    Check(
        "L007",
        "unmatched-pair",
        "error",
        "补全引号或括号，或删去多出的一个",
        language.unmatched_pairs,
        standard="GB/T 15834-2011",
    ),
    # Punctuation (GB/T 15834-2011)
    Check(
        "L008",
        "comma-between-clauses",
        "warning",
        "一是……；二是……：列举的分句之间用分号",
        punctuation.clause_commas,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L009",
        "comma-before-deng",
        "warning",
        "删去“等”前面的顿号",
        punctuation.comma_before_deng,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L010",
        "heading-stop",
        "warning",
        "删去标题末尾的标点",
        punctuation.heading_stops,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L011",
        "nested-colon",
        "warning",
        "一句话只用一个冒号：把第一个冒号改成逗号，或拆成两句",
        punctuation.nested_colons,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L012",
        "statement-question-mark",
        "warning",
        "陈述句末尾用句号",
        punctuation.statement_questions,
        standard="GB/T 15834-2011",
    ),
    Check(
        "L013",
        "document-title-in-quotes",
        "warning",
        "文件名称用书名号《》",
        punctuation.quoted_documents,
        standard="GB/T 15834-2011",
    ),
    # Numbers (GB/T 15835-2011)
    Check(
        "N001",
        "date-form",
        "warning",
        "日期写全：2026年3月15日（年份不简写，月日不补0，用“日”不用“号”）",
        numbers.dates,
        standard="GB/T 15835-2011",
    ),
    Check(
        "N002",
        "range-form",
        "warning",
        "范围两端都带单位：3%～5%，2026—2030年",
        numbers.ranges,
        standard="GB/T 15835-2011",
    ),
    Check(
        "N003",
        "numeral-form",
        "warning",
        "按提示改写数字：半角数字，5000不写5千，概数和固定词语用汉字",
        numbers.numerals,
        standard="GB/T 15835-2011",
    ),
    # Words
    Check(
        "W001",
        "confused-word",
        "warning",
        "按提示换成规范的词",
        words.confused_words,
        standard="现代汉语词典",
    ),
    # Genre
    Check(
        "G001",
        "long-sentence",
        "warning",
        "拆成两三句，每句只说一层意思",
        genre.long_sentences,
    ),
    Check(
        "G002",
        "request-in-report",
        "error",
        "报告不写请示事项：删去“妥否，请批示”，需要批准的事项另行请示",
        genre.requests_in_report,
        standard="党政机关公文处理工作条例",
    ),
    Check(
        "G003",
        "relative-deadline",
        "warning",
        "写明整改时限：如“2026年6月底前完成”或“立行立改，长期坚持”",
        genre.relative_deadlines,
    ),
    Check(
        "G004",
        "problem-as-cause",
        "warning",
        "问题标题写看得见的表现，原因挪到原因分析部分",
        genre.problems_as_causes,
    ),
    Check(
        "G005",
        "stacked-pledges",
        "info",
        "删去空泛表态，写明谁在什么时间做什么",
        genre.stacked_pledges,
    ),
    Check(
        "G006",
        "missing-closing",
        "warning",
        "在结尾另起一段写“特此报告。”",
        genre.missing_closing,
    ),
    # Formulas (提法), against the table in phrasebank/tifa.yaml
    Check(
        "F001",
        "misquoted-formula",
        "error",
        "按规范表述逐字改正",
        formulas.misquoted_formulas,
        standard="规范表述",
    ),
    Check(
        "F002",
        "outdated-formula",
        "error",
        "换成当前的提法，或核对成文日期",
        formulas.outdated_formulas,
        standard="规范表述",
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
    settings: CheckSettings | None = None,
    document: bool = False,
) -> list[Finding]:
    """All findings (or those of the `only` codes), in reading order, errors first per place.

    `settings` (config.yaml's `checks:`) turns checks off, changes severities and limits;
    the draft's `lint.ignore` silences single findings; `document` runs only the checks
    that apply to a report read from Word or text (see Check.drafts_only).
    """
    settings = settings or CheckSettings()
    ctx = Context(draft, kind, bank, limits or settings.limits, document=document)
    wanted = set(only) if only is not None else None
    findings: list[Finding] = []
    for check in CHECKS:
        if wanted is not None and check.code not in wanted:
            continue
        if check.code in settings.disable or (document and check.drafts_only):
            continue
        # A report read from Word has no bank links, so its answering is less certain: the
        # per-kind severities (an unanswered problem as an error) apply to drafts only.
        base = check.severity if document else check.severity_for(kind.id)
        severity = settings.severity.get(check.code) or base
        for hit in check.run(ctx):
            found = Finding(
                code=check.code,
                severity=severity,
                message=hit.message,
                hint=hit.hint or check.hint,
                section=hit.section,
                path=hit.path,
                paragraph=hit.paragraph,
                part=hit.part,
                name=check.name,
                standard=check.standard,
            )
            if not ignored(found, draft.lint.ignore):
                findings.append(found)
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

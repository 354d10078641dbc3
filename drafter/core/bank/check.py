"""`drafter bank check` and `drafter bank stats`: the phrasebank's own review.

Checks: schema, unique ids, links that resolve and point the right way, slot syntax,
near-duplicates, half-width punctuation, traditional characters, the shape of headings and
sentences, and the 提法: the 规范表述 table itself (phrasebank/tifa.yaml), every formula an
entry spells out against it, a year or congress only in a dated entry or a formula of the
table, and a warning for an entry that names a formula past its `until` without an `until`
of its own. Each finding reads `file 第 n 行：entry id：message`.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from drafter.core.bank.loading import Bank, Entry, Finding, builtin_entries, load_bank
from drafter.core.bank.storekey import TIFA_TABLE_FILE
from drafter.core.text.norm import has_halfwidth_punctuation
from drafter.core.text.slots import LOOSE_SLOT_RE, SLOT_RE
from drafter.core.text.terminal import TERMINAL_CONTROL_RE
from drafter.core.vocab import ASPECTS, PERSONS, SCENES, SECTIONS, TOPICS

HEADING_CHARS = (4, 20)
# A link from a section may only go to these sections.
LINK_TARGETS = {"problem": {"cause", "countermeasure"}, "cause": {"countermeasure"}}
_DATED_RE = re.compile(
    r"(?<![{\d])(19|20)\d{2}年|[十二][十一二三四五六七八九]?大(?![学师])|届[一二三四五六七八九]中全会"
)
_UNDATED = "写了年份或会议届次：放进空位，或给条目加 valid_from/until"
_SENTENCE_END = ("。", "！", "？", "：", "”", "）")


# Slots that read wrong once filled: a unit's name is a proper noun, a year is its digits.
SLOT_GRAMMAR: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"[全本]\{单位\}"),
        "全{单位} 填好后成了“全中共某镇委员会”：改用 {范围}（全镇、全县），或换个说法",
    ),
    (re.compile(r"\{年份\}(?!年)"), "{年份} 只印出数字（2026）：请写 {年份}年"),
)


def _where(entry: Entry, message: str, severity: str = "error") -> Finding:
    return Finding(entry.path or Path("?"), message, entry.id, entry.line, severity)


def check_entries(
    entries: Sequence[Entry], *, resolvable: Iterable[str] = (), near_duplicates: bool = True
) -> list[Finding]:
    """Findings over loaded entries; `resolvable` ids (e.g. the built-in bank) satisfy links.

    `near_duplicates=False` leaves out the comparison between entries (for callers that have
    deduplicated them already).
    """
    findings: list[Finding] = []
    seen: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in seen:
            first = seen[entry.id]
            findings.append(_where(entry, f"id 重复（第一次在 {first.path} 第 {first.line} 行）"))
        seen.setdefault(entry.id, entry)
    known = set(seen) | set(resolvable)
    sections = {e.id: e.section for e in entries}
    traditional = _traditional([e.text for e in entries])
    for i, entry in enumerate(entries):
        problems = _entry_problems(entry, known, sections, i in traditional)
        findings += [_where(entry, m) for m in problems]
    findings += formula_findings(entries)
    if near_duplicates and len(entries) > 1:
        findings += _near_duplicates(entries)
    return findings


def _entry_problems(
    entry: Entry, known: set[str], sections: dict[str, str], traditional: bool
) -> list[str]:
    problems: list[str] = []
    text = entry.text
    for target in entry.links:
        if target not in known:
            problems.append(f"关联到不存在的 id {target}")
        elif (
            target in sections
            and entry.section in LINK_TARGETS
            and sections[target] not in LINK_TARGETS[entry.section]
        ):
            problems.append(f"{entry.section} 不应关联到 {sections[target]} {target}")
    if entry.links and entry.section not in LINK_TARGETS:
        problems.append(f"只有 problem 和 cause 条目可以写 links，{entry.section} 不行")
    for loose in LOOSE_SLOT_RE.finditer(text):
        if not SLOT_RE.fullmatch(loose.group(0)):
            problems.append(f"空位 {loose.group(0)} 写得不对：空位是花括号里 1 到 8 个汉字")
    problems += [message for pattern, message in SLOT_GRAMMAR if pattern.search(text)]
    if text.count("{") != text.count("}"):
        problems.append("文字中的 { } 没有配对")
    if has_halfwidth_punctuation(text):
        problems.append("中文里用了半角标点")
    if traditional:
        problems.append("有繁体字（请用简体）")
    if re.search(r"XX|××|ＸＸ", text):
        problems.append("用了 XX/×× 占位：请改用有名字的空位，如 {单位}")
    if entry.kind == "heading":
        length = len(SLOT_RE.sub("某", text))
        if not HEADING_CHARS[0] <= length <= HEADING_CHARS[1]:
            problems.append(
                f"标题 {length} 个字（应为 {HEADING_CHARS[0]} 到 {HEADING_CHARS[1]} 个字）"
            )
        if text.endswith(("。", "；", "，")):
            problems.append("标题末尾不加标点")
    elif not text.endswith(_SENTENCE_END):
        problems.append("句子或段落要以“。”结尾")
    if text != text.strip():
        problems.append("开头或末尾有空白")
    if control := TERMINAL_CONTROL_RE.search(text):
        problems.append(
            f"文字中有控制字符 {ascii(control.group())[1:-1]}（转义序列、分行符不该出现在短语里）"
        )
    return problems


def formula_findings(entries: Sequence[Entry], today: str | None = None) -> list[Finding]:
    """The 提法 of each entry: misquoted formulas, undated years and congresses, and (as
    warnings) formulas past their `until` named by an entry without an `until` of its own.

    A misquote is a warning in an entry still `review: pending` (a harvested one, kept as
    its source wrote it so that the reviewer sees the fault) and an error once reviewed."""
    from drafter.core.tifa.match import mentions, misquotes
    from drafter.core.tifa.table import builtin_table

    table = builtin_table()
    today = today or _dt.date.today().isoformat()
    findings: list[Finding] = []
    for entry in entries:
        text = SLOT_RE.sub("", entry.text)
        severity = "warning" if entry.review == "pending" else "error"
        for found in misquotes(text, table):
            message = f"{found.message}（规范表述：{found.fix}）"
            findings.append(_where(entry, message, severity))
        named = mentions(text, table)
        dated = entry.valid_from is not None or entry.until is not None
        for match in _DATED_RE.finditer(text):
            if not dated and not any(s <= match.start() < e for _, s, e in named):
                findings.append(_where(entry, _UNDATED))
                break
        if entry.until is None:
            for formula in {f.id: f for f, _, _ in named if f.until and f.until < today}.values():
                message = f"提到{formula.name}，这一提法用到 {formula.until}：请给条目加 until"
                findings.append(_where(entry, message, "warning"))
    return findings


def check_table(path: Path) -> list[Finding]:
    """The 规范表述 table's bad rows, one finding each (file, line, formula id)."""
    from drafter.core.errors import BankError
    from drafter.core.tifa.table import load_table

    try:
        errors = load_table(path, collect=True)[1]
    except BankError as exc:
        errors = [exc]
    return [Finding(e.path or path, e.message, None, e.line) for e in errors]


def _traditional(texts: list[str]) -> set[int]:
    """Positions of the texts that hold traditional characters."""
    from drafter.core.text.chinese import to_simplified_each

    converted = to_simplified_each(texts)
    return {i for i, (a, b) in enumerate(zip(texts, converted, strict=True)) if a != b}


def _near_duplicates(entries: Sequence[Entry]) -> list[Finding]:
    from drafter.core.bank.neardup import DuplicateIndex

    # No comparison budget: a check must find every pair, and the prefix filter keeps it fast.
    index = DuplicateIndex((e.text for e in entries), budget=None)
    first: dict[str, Entry] = {}
    findings = []
    matches = index.nearest_many([e.text for e in entries])  # each against those before it
    for entry, match in zip(entries, matches, strict=True):  # so a pair is reported once
        first.setdefault(entry.text, entry)
        if match is not None:
            text, score = match
            findings.append(_where(entry, f"与 {first[text].id} 几乎重复（相似度 {score:.0f}）"))
    return findings


def check_paths(paths: Sequence[Path]) -> list[Finding]:
    """Check the banks at `paths` (default: the built-in bank); links may reach built-ins."""
    entries: list[Entry] = []
    findings: list[Finding] = []
    for path in paths:
        table = Path(path) / TIFA_TABLE_FILE if Path(path).is_dir() else Path(path)
        if table.name == TIFA_TABLE_FILE and table.is_file():
            findings += check_table(table)
            if table == Path(path):
                continue
        result = load_bank(path, collect=True)
        entries += result.entries
        findings += result.findings
    builtin_ids = {e.id for e in builtin_entries()}
    return findings + check_entries(entries, resolvable=builtin_ids)


def stats(bank: Bank) -> dict[str, Any]:
    """Coverage: sections × topics (entries and headings), scenes, link rate."""
    matrix: dict[str, dict[str, int]] = {s: dict.fromkeys(TOPICS, 0) for s in SECTIONS}
    headings: dict[str, dict[str, int]] = {s: dict.fromkeys(TOPICS, 0) for s in SECTIONS}
    sections: Counter[str] = Counter()
    scenes: Counter[str] = Counter()
    for entry in bank:
        sections[entry.section] += 1
        for scene in entry.scenes:
            scenes[scene] += 1
        for topic in entry.topics:
            if entry.section in matrix and topic in TOPICS:
                matrix[entry.section][topic] += 1
                if entry.kind == "heading":
                    headings[entry.section][topic] += 1
    problems = [e for e in bank if e.section == "problem"]
    linked = [e for e in problems if bank.linked(e, "cause") and bank.linked(e, "countermeasure")]
    return {
        "entries": len(bank),
        "sections": {s: sections.get(s, 0) for s in SECTIONS},
        "matrix": matrix,
        "headings": headings,
        "scenes": {s: scenes.get(s, 0) for s in SCENES},
        "problems_linked": len(linked),
        "problems": len(problems),
        "link_rate": round(len(linked) / len(problems), 3) if problems else 0.0,
        "banks": dict(Counter(e.bank for e in bank)),
        "dated": dated_stats(bank),
        "first_person": {
            a: {p: sum(a in e.aspects and e.person == p for e in bank) for p in PERSONS}
            for a in ASPECTS
        },
        "formulas": formula_counts(bank),
    }


def formula_counts(bank: Bank) -> dict[str, int]:
    """Entries naming each formula of the 提法 table (most named first, unnamed left out)."""
    from drafter.core.tifa.match import mentions
    from drafter.core.tifa.table import builtin_table

    table = builtin_table()
    counts: Counter[str] = Counter()
    for entry in bank:
        counts.update({f.name for f, _, _ in mentions(SLOT_RE.sub("", entry.text), table)})
    return dict(counts.most_common())


def dated_stats(bank: Bank) -> dict[str, Any]:
    """How much of the bank is dated and when it expires: entries by `until` year and by
    `valid_from` year, plus the entries on offer today."""
    dated = [e for e in bank if e.valid_from or e.until]
    today = _dt.date.today().isoformat()
    current = [e for e in dated if (e.valid_from or "") <= today <= (e.until or "9999-12-31")]
    return {
        "entries": len(dated),
        "until": dict(sorted(Counter(e.until[:4] for e in dated if e.until).items())),
        "open_ended": sum(1 for e in dated if not e.until),
        "valid_from": dict(
            sorted(Counter(e.valid_from[:4] for e in dated if e.valid_from).items())
        ),
        "current_today": len(current),
    }

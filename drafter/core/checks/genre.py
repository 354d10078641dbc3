"""Genre: what a 科长 sends back in a report whatever its wording — a sentence that never
stops, a request smuggled into a report, a rectification without dates, a problem stated as
its cause, pledges stacked without substance, a 整改报告 that does not close as one.

The word lists are module-level tables; each check reads only the sections it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit, TextUnit, snippet

_SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")
# Asking for a decision belongs in a 请示, never in a 报告.
REQUEST_RE = re.compile(
    r"妥否|当否|请批示|请审批|请批复|请予审批|请予批准|请予批复|请领导审定|如无不妥，请"
)
REQUEST_GENRE_RE = re.compile(r"请示")
# Deadlines that name no date; a rectification measure needs 整改时限.
RELATIVE_RE = re.compile(r"近期|尽快|适时|择机|尽早|及早|抓紧时间|早日")
ABSOLUTE_RE = re.compile(
    r"\d{4}年|\d{1,2}月|年底|年内|年末|月底|季度|立行立改|长期坚持|持续推进|前完成|日前|"
    r"[一二三两四五六\d]个?月内|半年内|周内|[一二三四五六七八九十\d]+日内|本年度|今年"
)
DEADLINE_LABEL_RE = re.compile(r"(?:整改|完成)时限[：:]\s*(?:近期|尽快|适时|择机|尽早|及早)")
# Cause words: a problem heading that names a cause instead of a visible shortfall. Not
# 理想信念 or 宗旨意识: a 对照检查材料 files its problems under those very aspects.
CAUSE_HEADING_RE = re.compile(
    r"(?:思想)?认识(?:不到位|不足|不够|不深|不高|有偏差|存在偏差)|重视(?:不够|不足|程度不够|程度不高)"
    r"|(?:机制|制度|体制)(?:不健全|不完善|缺失|缺位)|思想根源|主观原因|客观原因"
)
# A clause that is a pledge only: an attitude word, no who, when or how much.
PLEDGE_RE = re.compile(
    r"^(?:我们将|我们要|要|将|并|进一步)?(?:坚决|切实|全力|确保|务必|努力|始终|着力|真正|一定|"
    r"以更加|以更|奋力|全面|不断|持续)"
)
CONCRETE_RE = re.compile(r"\d|每|月|季度|年底|责任人|牵头|台账|清单|次")
PLEDGE_RUN = 4
"""Consecutive pledge clauses in one sentence that make a stack."""
PLEDGE_CLAUSE = 14
"""Longest clause that still reads as a bare pledge."""
# What a report of a given title must end with.
CLOSINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"整改[^。]*报告|报告[^。]*整改"), "特此报告"),
)


def long_sentences(ctx: Context) -> Iterator[Hit]:
    """G001: a sentence that runs past the limit without 。！？ or ；."""
    limit = ctx.limits.sentence_chars
    for unit in ctx.units:
        if unit.part not in ("body", "intro"):
            continue
        for sentence in _SENTENCE_RE.findall(unit.text):
            length = ctx.length(sentence)
            if length > limit:
                yield unit.hit(f"一句话{length}字没有句号（超过{limit}字）：“{sentence[:16]}…”")
                break


def requests_in_report(ctx: Context) -> Iterator[Hit]:
    """G002: 妥否，请批示 and the like inside a report (a 请示 asks; a 报告 does not)."""
    if REQUEST_GENRE_RE.search(ctx.draft.meta.title):
        return
    for unit in ctx.units:
        if match := REQUEST_RE.search(unit.text):
            where = snippet(unit.text, match.start(), match.end())
            yield unit.hit(f"报告中夹带请示事项“{match.group(0)}”：“{where}”")


def _rectification(ctx: Context) -> bool:
    return ctx.kind.id == "rectification" or "整改" in ctx.draft.meta.title


def relative_deadlines(ctx: Context) -> Iterator[Hit]:
    """G003: a rectification measure whose only deadline is 近期 or 尽快."""
    if not _rectification(ctx):
        return
    by_point: dict[tuple[int, ...], list[TextUnit]] = {}
    for unit in ctx.units:
        if unit.section == "countermeasure" and unit.path:
            by_point.setdefault(unit.path[:1], []).append(unit)
    for units in by_point.values():
        dated = any(ABSOLUTE_RE.search(u.text) for u in units)
        for unit in units:
            label = DEADLINE_LABEL_RE.search(unit.text)
            match = label or (None if dated else RELATIVE_RE.search(unit.text))
            if match:
                where = snippet(unit.text, match.start(), match.end())
                yield unit.hit(f"整改时限没有写明具体日期：“{where}”")
                break


def problems_as_causes(ctx: Context) -> Iterator[Hit]:
    """G004: a problem heading that states a cause (认识不到位, 机制不健全) — causes go to
    原因分析; a problem names what can be seen."""
    for unit in ctx.units:
        match = CAUSE_HEADING_RE.search(unit.text) if unit.part == "heading" else None
        if match and unit.section == "problem":
            yield unit.hit(f"问题标题“{unit.text}”写的是原因（“{match.group(0)}”）")


def stacked_pledges(ctx: Context) -> Iterator[Hit]:
    """G005: four or more bare pledges in a row (坚决…，切实…，全力…，确保…) with nothing
    concrete in the sentence."""
    for unit in ctx.units:
        if unit.part not in ("body", "intro"):
            continue
        for sentence in _SENTENCE_RE.findall(unit.text):
            if CONCRETE_RE.search(sentence):
                continue
            run = best = 0
            for clause in re.split(r"[，、；。！？]", sentence):
                clause = clause.strip()
                bare = PLEDGE_RE.match(clause) and len(clause) <= PLEDGE_CLAUSE
                run = run + 1 if bare else 0
                best = max(best, run)
            if best >= PLEDGE_RUN:
                yield unit.hit(f"连用{best}个空泛表态，没有具体措施：“{sentence[:20]}…”")
                break


def missing_closing(ctx: Context) -> Iterator[Hit]:
    """G006: a report that should end with a closing formula and does not: a 整改报告
    (特此报告), or a report addressed to a 主送机关 whose kind has a closing formula."""
    title, recipient = ctx.draft.meta.title, ctx.draft.meta.recipient
    formula = ctx.kind.spec.closing_formula.rstrip("。")
    if recipient and formula and not ctx.document:
        return  # the build prints the kind's closing formula after the body itself
    wanted = next((words for pattern, words in CLOSINGS if pattern.search(title)), None)
    wanted = wanted or (formula if recipient else None)
    body = [u for u in ctx.units if u.part in ("body", "intro")]
    if wanted is None or not body:
        return
    if wanted not in "".join(u.text for u in body[-2:]):
        yield Hit(f"“{title or '报告'}”结尾缺少“{wanted}”", None, (), None, "report")

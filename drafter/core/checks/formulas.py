"""提法: the Party's fixed formulas, spelled out word for word and used in their time.

Each formula a draft spells out is compared with the 规范表述 table (phrasebank/tifa.yaml):
a wrong or missing part, parts out of order, an old name, or a campaign named after its
`until` day (or a meeting before the year it was held), relative to the draft's meta.date.
The fix hint is the canonical form and where it comes from. A formula only named
(增强“四个意识”) is never reported; see drafter.core.tifa.match for what counts as spelled out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from drafter.core.checks.base import Context, Hit, snippet
from drafter.core.tifa.match import Misquote, dated_uses, misquotes
from drafter.core.tifa.table import builtin_table, iso_day


def misquoted_formulas(ctx: Context) -> Iterator[Hit]:
    """A formula with a wrong, missing, reordered or outdated part."""
    table = builtin_table()
    for unit in ctx.units:
        for found in misquotes(unit.text, table):
            yield _hit(unit.hit(f"{found.message}：“{_quote(unit.text, found)}”"), found)


def outdated_formulas(ctx: Context) -> Iterator[Hit]:
    """A campaign or meeting named outside its time, judged by the draft's date."""
    day = iso_day(ctx.draft.meta.date)
    if not day:
        return
    table = builtin_table()
    for unit in ctx.units:
        for found in dated_uses(unit.text, table, day):
            yield _hit(unit.hit(found.message), found)


def _quote(text: str, found: Misquote) -> str:
    return snippet(text, found.start, found.end, width=4)


def _hit(hit: Hit, found: Misquote) -> Hit:
    formula = found.formula
    if found.why in ("expired", "early"):
        fix = "换成当前的提法，或写明当时的年份" if found.why == "expired" else "核对成文日期"
        return replace(hit, hint=f"{fix}（{formula.name}：{formula.origin}）")
    return replace(hit, hint=f"改为“{found.fix}”（出处：{formula.origin}）")

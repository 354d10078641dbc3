"""Answering checks: every problem has a countermeasure that addresses it (A001), every
cause explains a problem (A002), every countermeasure answers one (A003). The matching
itself is drafter.core.checks.matrix.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit
from drafter.core.checks.matrix import REMEDY_ROLES, spec_for


def _remedies_declared(ctx: Context) -> bool:
    return spec_for(ctx.kind, REMEDY_ROLES) is not None


def unanswered_problems(ctx: Context) -> Iterator[Hit]:
    """A001: a problem no countermeasure answers."""
    if not _remedies_declared(ctx):
        return
    matrix = ctx.matrix
    for i in matrix.unanswered():
        ref = matrix.problems[i]
        yield Hit(
            f"问题{ref.label}“{_short(ref.heading)}”没有对策回应",
            ref.section,
            ref.path,
            None,
            "heading",
        )


def orphan_causes(ctx: Context) -> Iterator[Hit]:
    """A002: a cause that explains none of the problems."""
    matrix = ctx.matrix
    if not matrix.problems:
        return
    for k in matrix.orphan_causes():
        ref = matrix.causes[k]
        yield Hit(
            f"原因{ref.label}“{_short(ref.heading)}”对应不上任何问题",
            ref.section,
            ref.path,
            None,
            "heading",
        )


def unrequested_remedies(ctx: Context) -> Iterator[Hit]:
    """A003: a countermeasure that answers none of the problems (the mirror of A001)."""
    matrix = ctx.matrix
    if not matrix.problems:
        return
    used = {j for _, j in matrix.cells}
    for j, ref in enumerate(matrix.countermeasures):
        if j not in used:
            yield Hit(
                f"对策{ref.label}“{_short(ref.heading)}”对应不上任何问题",
                ref.section,
                ref.path,
                None,
                "heading",
            )


def _short(text: str, width: int = 20) -> str:
    return text if len(text) <= width else text[:width] + "…"

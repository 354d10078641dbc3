"""Balance: sections against the template's guide, paragraphs a reader can take in one go,
and the whole report against the length the user aimed for."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit


def _section_chars(ctx: Context) -> dict[str, int]:
    chars: dict[str, int] = {}
    for unit in ctx.units:
        if unit.section is not None:
            chars[unit.section] = chars.get(unit.section, 0) + ctx.length(unit.text)
    return chars


def section_lengths(ctx: Context) -> Iterator[Hit]:
    """B001: a section outside the length range its template suggests (empty ones aside)."""
    chars = _section_chars(ctx)
    for spec in ctx.kind.sections:
        length = chars.get(spec.id, 0)
        if spec.guide_chars is None or length == 0:
            continue
        low, high = spec.guide_chars
        if not low <= length <= high:
            side = "少于" if length < low else "多于"
            yield Hit(
                f"“{spec.label}”共{length}字，{side}建议的{low}–{high}字",
                spec.id,
                (),
                None,
                "section",
            )


def long_paragraphs(ctx: Context) -> Iterator[Hit]:
    """B002: a paragraph longer than a reader takes in at once."""
    limit = ctx.limits.paragraph_chars
    for unit in ctx.units:
        if unit.part in ("body", "intro") and (length := ctx.length(unit.text)) > limit:
            yield unit.hit(f"本段{length}字，超过{limit}字")


def report_length(ctx: Context) -> Iterator[Hit]:
    """B003: the whole report strays from meta.target_chars by more than the tolerance."""
    target = ctx.draft.meta.target_chars
    if not target:
        return
    total = sum(_section_chars(ctx).values())
    tolerance = ctx.limits.target_tolerance
    if abs(total - target) > target * tolerance:
        side = "少" if total < target else "多"
        yield Hit(
            f"全文共{total}字，比目标字数{target}{side}{abs(total - target)}字"
            f"（允许上下浮动{tolerance:.0%}）",
            None,
            (),
            None,
            "report",
        )

"""Completeness: nothing left unwritten — required sections, slots, placeholders, bodies."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit, snippet
from drafter.core.model import Point, Section, iter_points, paragraph_text
from drafter.core.text.slots import slot_names

# Marks a drafter leaves where text is still to come.
PLACEHOLDER_RE = re.compile(
    r"(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])"  # XX, ××
    r"|……|\.{3,}"  # …… and its half-width look-alike
    r"|【\s*】|【(?:待|此处|填写|补充)[^】]*】"  # 【】, 【待补：…】
    r"|[□○]{2,}"  # boxes and rings for missing figures
)


def _has_text(section: Section) -> bool:
    if any(paragraph_text(p).strip() for p in section.body):
        return True
    return any(
        p.heading.strip() or any(paragraph_text(b).strip() for b in p.body)
        for p in iter_points(section.points)
    )


def empty_required_sections(ctx: Context) -> Iterator[Hit]:
    """C001: a section the kind requires has no text."""
    for spec in ctx.kind.sections:
        section = ctx.draft.find_section(spec.id)
        if spec.required and (section is None or not _has_text(section)):
            yield Hit(f"必填部分“{spec.label}”还没有内容", spec.id, (), None, "section")


def unfilled_slots(ctx: Context) -> Iterator[Hit]:
    """C002: a {slot} with no value in the draft (it would print as 【待补】)."""
    for unit in ctx.units:
        missing = [name for name in slot_names(unit.text) if name not in ctx.values]
        if missing:
            names = "、".join(f"{{{n}}}" for n in missing)
            yield unit.hit(f"待填项{names}还没有填值")


def placeholders(ctx: Context) -> Iterator[Hit]:
    """C003: XX, ××, ……, 【】 or 【待补】 left in the text."""
    for unit in ctx.units:
        for match in PLACEHOLDER_RE.finditer(unit.text):
            where = snippet(unit.text, match.start(), match.end())
            yield unit.hit(f"留有占位符“{match.group(0)}”：“{where}”")


def headings_without_body(ctx: Context) -> Iterator[Hit]:
    """C004: a point with a heading and neither paragraphs nor sub-points."""
    for section in ctx.sections:
        stack: list[tuple[tuple[int, ...], Point]] = [
            ((i,), p) for i, p in enumerate(section.points)
        ]
        while stack:
            path, point = stack.pop(0)
            stack += [((*path, i), p) for i, p in enumerate(point.points)]
            body = any(paragraph_text(b).strip() for b in point.body)
            if point.heading.strip() and not body and not point.points:
                yield Hit(
                    f"“{point.heading.strip()}”只有标题，下面没有正文",
                    section.id,
                    path,
                    None,
                    "heading",
                )


def unknown_sections(ctx: Context) -> Iterator[Hit]:
    """C005: a section the report kind does not have (the build refuses it)."""
    known = [s.id for s in ctx.kind.sections]
    for section in ctx.draft.sections:
        if section.id not in known:
            yield Hit(
                f"“{section.id}”不是“{ctx.kind.name}”（{ctx.kind.id}）的组成部分"
                f"（该类报告包括：{'、'.join(known)}）",
                section.id,
                (),
                None,
                "section",
            )


def missing_title(ctx: Context) -> Iterator[Hit]:
    """C006: the report has no title (the build refuses it)."""
    if not ctx.draft.meta.title.strip():
        yield Hit("报告还没有标题", None, (), None, "title")

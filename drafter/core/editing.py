"""Outline edits the wizard applies to a draft: points, paragraphs and inserted phrases.

Pure functions on the model, so the TUI stays a thin layer of messages and the rules (where
a heading phrase goes, how a point becomes a sub-point, which slots are missing) are tested
without a terminal. Which problems are still unanswered is drafter.core.stepinfo's.
A point is named by its path (model.PointPath: (1, 0) is the first sub-point of the second
point); a path of None means the section's own unnumbered paragraphs.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from drafter.core.bank.loading import Entry
from drafter.core.model import (
    Draft,
    Paragraph,
    Point,
    PointPath,
    Section,
    paragraph_text,
    point_at,
)
from drafter.core.text.slots import known_values, slot_names
from drafter.core.vocab import SCENES


def body_text(body: list[Paragraph]) -> str:
    """Paragraphs one a line, as the editor shows them (enumerations spelled out)."""
    return "\n".join(paragraph_text(p) for p in body)


def parse_body(text: str, old: list[Paragraph]) -> list[Paragraph]:
    """Paragraphs from one-a-line text; an enumeration whose line is unchanged is kept as is."""
    kept = {paragraph_text(p): p for p in old if not isinstance(p, str)}
    lines = (line.strip() for line in text.replace("\r\n", "\n").split("\n"))
    return [kept.get(line, line) for line in lines if line]


MAX_DEPTH = 3
"""Levels of points under a section heading: （一）, then 1., then （1） (一、 is the section)."""


def _siblings(section: Section, path: PointPath) -> list[Point]:
    """The list that holds the point at `path` (its section's points or its parent's)."""
    return section.points if len(path) == 1 else point_at(section.points, path[:-1]).points


def levels_below(point: Point) -> int:
    """How many levels of sub-points a point carries (0: none)."""
    return 1 + max(map(levels_below, point.points)) if point.points else 0


def add_point(section: Section, after: PointPath | None = None, heading: str = "") -> PointPath:
    """Insert an empty point at the level of `after`, just after it (at the end of the
    section's points when None); return its path."""
    if after is None:
        section.points.append(Point(heading=heading))
        return (len(section.points) - 1,)
    siblings = _siblings(section, after)
    index = min(after[-1] + 1, len(siblings))
    siblings.insert(index, Point(heading=heading))
    return (*after[:-1], index)


def add_subpoint(section: Section, parent: PointPath, heading: str = "") -> PointPath:
    """Add an empty sub-point at the end of `parent`'s; ValueError when that would go
    deeper than （1）."""
    if len(parent) >= MAX_DEPTH:
        raise ValueError("（1）已是最低一级，不能再加子项")
    children = point_at(section.points, parent).points
    children.append(Point(heading=heading))
    return (*parent, len(children) - 1)


def delete_point(section: Section, path: PointPath) -> PointPath | None:
    """Remove a point with its sub-points; return the path to select next: the neighbour at
    its level, else its parent (None when the section has no point left)."""
    siblings = _siblings(section, path)
    del siblings[path[-1]]
    if siblings:
        return (*path[:-1], min(path[-1], len(siblings) - 1))
    return path[:-1] or None


def move_point(section: Section, path: PointPath, offset: int) -> PointPath:
    """Move a point (with its sub-points) up (-1) or down (+1) among the points of its
    level; return where it is now."""
    siblings = _siblings(section, path)
    index = path[-1]
    target = max(0, min(len(siblings) - 1, index + offset))
    if target != index:
        siblings.insert(target, siblings.pop(index))
    return (*path[:-1], target)


def indent_point(section: Section, path: PointPath) -> PointPath:
    """Make a point the last sub-point of the point above it (its sub-points go along, one
    level down); ValueError, in Chinese, when there is no point above or it gets too deep."""
    if path[-1] == 0:
        raise ValueError("上面没有同级要点，不能降为子项")
    point = point_at(section.points, path)
    if len(path) + 1 + levels_below(point) > MAX_DEPTH:
        raise ValueError("不能再降级：子项最多到（1）一级")
    siblings = _siblings(section, path)
    parent = siblings[path[-1] - 1]
    parent.points.append(siblings.pop(path[-1]))
    return (*path[:-1], path[-1] - 1, len(parent.points) - 1)


def outdent_point(section: Section, path: PointPath) -> PointPath:
    """Make a sub-point a point of its parent's level, just after the parent (so indent and
    outdent undo each other); ValueError when it is already a top-level point."""
    if len(path) == 1:
        raise ValueError("已是最高一级的要点")
    point = _siblings(section, path).pop(path[-1])
    return _place_after(section, path[:-1], point)


def _place_after(section: Section, after: PointPath, point: Point) -> PointPath:
    """Put an existing point just after `after`, at its level; return its path."""
    siblings = _siblings(section, after)
    siblings.insert(after[-1] + 1, point)
    return (*after[:-1], after[-1] + 1)


def set_heading(section: Section, path: PointPath, heading: str) -> None:
    point_at(section.points, path).heading = heading.strip()


def set_body(section: Section, path: PointPath | None, text: str) -> None:
    """Replace the paragraphs of a point (or of the section itself) with edited text."""
    if path is None:
        section.body = parse_body(text, section.body)
    else:
        point = point_at(section.points, path)
        point.body = parse_body(text, point.body)


@dataclass(frozen=True)
class Inserted:
    """Where an inserted phrase went: the point to select and whether it is new."""

    path: PointPath | None
    new_point: bool = False


def insert_phrase(section: Section, path: PointPath | None, entry: Entry) -> Inserted:
    """Put a phrase into the outline and record its id on the point.

    A heading becomes the selected point's heading when that is empty, else a new point
    after it at its level; a sentence or paragraph is appended to the selected point (or to
    the section's own paragraphs when no point is selected).
    """
    if entry.kind == "heading":
        if path is not None and not point_at(section.points, path).heading.strip():
            point = point_at(section.points, path)
            point.heading = entry.text
        else:
            path = add_point(section, path, entry.text)
            _record(point_at(section.points, path), entry)
            return Inserted(path, new_point=True)
    elif path is None:
        section.body.append(entry.text)
        return Inserted(None)
    else:
        point = point_at(section.points, path)
        point.body.append(entry.text)
    _record(point, entry)
    return Inserted(path)


def _record(point: Point, entry: Entry) -> None:
    if entry.id not in point.phrases:
        point.phrases.append(entry.id)


def set_meta(draft: Draft, values: dict[str, str]) -> None:
    """Set title, unit, signature, date and scene; a bad date or scene raises ValueError
    (its message, in Chinese, is shown as it is in the wizard)."""
    date = values.get("date", draft.meta.date).strip()
    if date:
        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            raise ValueError(f"日期“{date}”写成 年-月-日，如 2026-11-22") from None
    scene = values.get("scene", draft.meta.scene)
    if scene not in SCENES:
        raise ValueError(f"没有“{scene}”这个场景；可选：{'、'.join(SCENES)}")
    for name in ("title", "unit", "signature"):
        setattr(draft.meta, name, values.get(name, getattr(draft.meta, name)).strip())
    draft.meta.date = date
    draft.meta.scene = scene


def missing_slots(draft: Draft, text: str) -> list[str]:
    """Slot names in `text` the draft has no value for (the wizard asks for them)."""
    known = known_values(draft)
    return [name for name in slot_names(text) if name not in known]


def store_slots(draft: Draft, values: dict[str, str]) -> None:
    """Keep the non-empty values the user gave; empty ones stay 【待补】."""
    draft.slots.update({k: v.strip() for k, v in values.items() if v.strip()})

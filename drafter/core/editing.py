"""Outline edits the wizard applies to a draft: points, paragraphs and inserted phrases.

Pure functions on the model, so the TUI stays a thin layer of messages and the rules (where
a heading phrase goes, which slots are missing) are tested without a terminal. Which problems
are still unanswered is drafter.core.stepinfo's.
A point index of None means the section's own unnumbered paragraphs.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from drafter.core.bank.loading import Entry
from drafter.core.model import Draft, Paragraph, Point, Section, paragraph_text
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


def add_point(section: Section, after: int | None = None, heading: str = "") -> int:
    """Insert an empty point after `after` (at the end when None); return its index."""
    index = len(section.points) if after is None else min(after + 1, len(section.points))
    section.points.insert(index, Point(heading=heading))
    return index


def delete_point(section: Section, index: int) -> int | None:
    """Remove a point; return the index to select next (None when none is left)."""
    del section.points[index]
    if not section.points:
        return None
    return min(index, len(section.points) - 1)


def move_point(section: Section, index: int, offset: int) -> int:
    """Move a point up (-1) or down (+1) within its section; return where it is now."""
    target = max(0, min(len(section.points) - 1, index + offset))
    if target != index:
        section.points.insert(target, section.points.pop(index))
    return target


def set_heading(section: Section, index: int, heading: str) -> None:
    section.points[index].heading = heading.strip()


def set_body(section: Section, index: int | None, text: str) -> None:
    """Replace the paragraphs of a point (or of the section itself) with edited text."""
    if index is None:
        section.body = parse_body(text, section.body)
    else:
        point = section.points[index]
        point.body = parse_body(text, point.body)


@dataclass(frozen=True)
class Inserted:
    """Where an inserted phrase went: the point to select and whether it is new."""

    index: int | None
    new_point: bool = False


def insert_phrase(section: Section, index: int | None, entry: Entry) -> Inserted:
    """Put a phrase into the outline and record its id on the point.

    A heading becomes the selected point's heading when that is empty, else a new point after
    it; a sentence or paragraph is appended to the selected point (or to the section's own
    paragraphs when no point is selected).
    """
    if entry.kind == "heading":
        if index is not None and not section.points[index].heading.strip():
            point = section.points[index]
            point.heading = entry.text
        else:
            index = add_point(section, index, entry.text)
            point = section.points[index]
            _record(point, entry)
            return Inserted(index, new_point=True)
    elif index is None:
        section.body.append(entry.text)
        return Inserted(None)
    else:
        point = section.points[index]
        point.body.append(entry.text)
    _record(point, entry)
    return Inserted(index)


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

"""Checked on the way in: the review checks that judge a sentence on its own, run on every
harvested entry, their findings written into the entry's note.

A web copy brings its source's typos with it; a reviewer accepting an
entry should see them first. The checks are the ones `drafter lint` runs (drafter.core.checks);
the harvest puts a file's kept entries into one draft, each as a paragraph or a point heading
of its section, runs only the checks that need no more than the text itself, and maps each
finding back to its entry. Which checks those are is the table below; a code the checks
package does not (or no longer) know is skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from drafter.core.errors import DrafterError
from drafter.core.harvest.phrases import Phrase

if TYPE_CHECKING:
    from drafter.core.report.kinds import ReportKind

DIGIT_CHECKS = ("N002",)  # a range that drops a unit (3～5% for 3%～5%)
"""Checks that only ever find something in a text with a digit: run on those alone."""
TEXT_CHECKS = (
    "W001",  # a commonly confused word (其它, 截止 …)
    "L006",  # doubled punctuation (，。 、、)
    "L009",  # 、等
    "L012",  # a question mark in a statement
)
"""Checks that find a fault of the source in one sentence or heading: a wrong word, a
doubled or misplaced mark, a broken range. House style (number forms, clause commas, nested
colons, quoted titles) is left to `drafter lint` on the draft that uses the entry: checked
here, it would cost a fifth of the harvest's time. A misquoted 提法 (F001) is not among them
either: the bank check every harvested entry goes through already names it in the note."""
KIND = "survey"
"""The report kind the entries are checked as (its sections cover every harvested one)."""
NOTE_PREFIX = "校对："
_DIGIT = re.compile(r"[0-9０-９]")


def with_findings(phrases: Sequence[Phrase]) -> list[Phrase]:
    """The phrases, each with the findings of the text checks added to its note."""
    kind = _kind()
    if not phrases or kind is None:
        return list(phrases)
    notes: dict[int, list[str]] = {}
    _check(list(enumerate(phrases)), _codes(TEXT_CHECKS), kind, notes)
    with_digits = [(n, p) for n, p in enumerate(phrases) if _DIGIT.search(p.text)]
    _check(with_digits, _codes(DIGIT_CHECKS), kind, notes)
    out = list(phrases)
    for n, messages in notes.items():
        found = NOTE_PREFIX + "；".join(dict.fromkeys(messages))
        out[n] = out[n]._replace(note="；".join(x for x in (out[n].note, found) if x))
    return out


def _check(
    phrases: list[tuple[int, Phrase]],
    codes: tuple[str, ...],
    kind: ReportKind,
    notes: dict[int, list[str]],
) -> None:
    """Run `codes` over the numbered phrases as one draft; findings go to `notes[number]`."""
    if not phrases or not codes:
        return
    from drafter.core.checks import run_checks
    from drafter.core.model import Draft, Point

    draft = Draft(kind=KIND)
    where: dict[tuple[str, tuple[int, ...], int | None], int] = {}
    for n, phrase in phrases:
        section = draft.section(phrase.section)
        if phrase.kind == "heading":
            where[(phrase.section, (len(section.points),), None)] = n
            section.points.append(Point(heading=phrase.text))
        else:
            where[(phrase.section, (), len(section.body))] = n
            section.body.append(phrase.text)
    for finding in run_checks(draft, kind, only=codes, document=True):
        if finding.section is None:
            continue
        paragraph = None if finding.part == "heading" else finding.paragraph
        entry = where.get((finding.section, finding.path, paragraph))
        if entry is not None:
            notes.setdefault(entry, []).append(finding.message)


@cache
def _codes(wanted: tuple[str, ...]) -> tuple[str, ...]:
    from drafter.core.checks import BY_CODE

    return tuple(code for code in wanted if code in BY_CODE)


@cache
def _kind() -> ReportKind | None:
    from drafter.core.report.kinds import get_kind

    try:
        return get_kind(KIND)
    except DrafterError:
        return None

"""What every review check shares: findings, the check table's row type, and the draft's
text laid out as located units, so each check reads text without walking the model again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from drafter.core.model import Draft, Enumeration, Paragraph, Point, Section, paragraph_text
from drafter.core.numbering import heading_label
from drafter.core.slots import fill, known_values

if TYPE_CHECKING:
    from drafter.core.bank import Bank
    from drafter.core.checks.answering import AnswerMatrix
    from drafter.core.kinds import ReportKind

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

Part = Literal["title", "intro", "heading", "body", "section", "report"]
"""What a location points at: the report title, a section's intro, a point's heading, a
paragraph (section or point body), a whole section, or the whole report."""

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Finding:
    """One fault a reviewer would send back, located so the wizard can jump to it."""

    code: str
    """Stable check code, e.g. A001 (letter = family)."""
    severity: Severity
    message: str
    hint: str
    """One line on how to fix it."""
    section: str | None = None
    """Section id; None for the title and whole-report findings."""
    path: tuple[int, ...] = ()
    """Indices into section.points, then into each point's sub-points."""
    paragraph: int | None = None
    """Index into the body of the section (empty path) or of the point."""
    part: Part = "body"
    name: str = ""
    """The check's short name, e.g. unanswered-problem."""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = list(self.path)
        return data


@dataclass(frozen=True)
class Hit:
    """What a check function reports; the runner adds code, severity and hint."""

    message: str
    section: str | None = None
    path: tuple[int, ...] = ()
    paragraph: int | None = None
    part: Part = "body"


@dataclass(frozen=True)
class Check:
    """One row of the check table."""

    code: str
    name: str
    severity: Severity
    hint: str
    run: Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True)
class Limits:
    """Thresholds of the checks; the defaults are what a section chief tolerates."""

    paragraph_chars: int = 300
    near_duplicate: int = 90
    """rapidfuzz ratio at which two sentences count as the same."""
    stock_phrase_times: int | None = None
    """Uses of one stock phrase allowed; None scales with length (3, plus 1 per 2000 chars)."""
    target_tolerance: float = 0.2
    """How far (as a fraction) the report may stray from meta.target_chars."""


@dataclass(frozen=True)
class TextUnit:
    """A heading or paragraph of the draft with its location (text as typed, slots unfilled)."""

    text: str
    section: str | None
    path: tuple[int, ...]
    paragraph: int | None
    part: Part
    enumeration: bool = False
    """Spelled out from an Enumeration: its 一是、二是 are generated, not typed."""

    def hit(self, message: str) -> Hit:
        return Hit(message, self.section, self.path, self.paragraph, self.part)


@dataclass
class Context:
    """The draft under review with what several checks derive from it, computed once."""

    draft: Draft
    kind: ReportKind
    bank: Bank | None = None
    limits: Limits = field(default_factory=Limits)

    @cached_property
    def units(self) -> list[TextUnit]:
        """Title, intros, headings and paragraphs in reading order (kind's section order)."""
        out = [TextUnit(self.draft.meta.title, None, (), None, "title")]
        for section in self.sections:
            if section.intro:
                out.append(TextUnit(section.intro, section.id, (), None, "intro"))
            out += _paragraph_units(section.body, section.id, ())
            for i, point in enumerate(section.points):
                out += _point_units(point, section.id, (i,))
        return [u for u in out if u.text.strip()]

    @cached_property
    def sections(self) -> list[Section]:
        """The draft's sections ordered as the kind lists them (unknown ones last)."""
        order = {spec.id: i for i, spec in enumerate(self.kind.sections)}
        return sorted(self.draft.sections, key=lambda s: order.get(s.id, len(order)))

    @cached_property
    def values(self) -> dict[str, str]:
        return known_values(self.draft)

    def length(self, text: str) -> int:
        """Characters a reader sees: known slots filled, white space not counted."""
        filled, _ = fill(text, self.values, pending=False)
        return len(_SPACE_RE.sub("", filled))

    @cached_property
    def matrix(self) -> AnswerMatrix:
        from drafter.core.checks.answering import answer_matrix

        return answer_matrix(self.draft, self.kind, self.bank)


def _paragraph_units(
    body: list[Paragraph], section: str, path: tuple[int, ...]
) -> Iterator[TextUnit]:
    for k, paragraph in enumerate(body):
        yield TextUnit(
            paragraph_text(paragraph),
            section,
            path,
            k,
            "body",
            enumeration=isinstance(paragraph, Enumeration),
        )


def _point_units(point: Point, section: str, path: tuple[int, ...]) -> Iterator[TextUnit]:
    yield TextUnit(point.heading, section, path, None, "heading")
    yield from _paragraph_units(point.body, section, path)
    for i, sub in enumerate(point.points):
        yield from _point_units(sub, section, (*path, i))


def place_label(
    kind: ReportKind,
    section: str | None,
    path: tuple[int, ...] = (),
    paragraph: int | None = None,
    part: Part = "body",
) -> str:
    """A reader's name for a place: 存在的问题（二）1. ¶2; 标题 and 全文 outside sections."""
    if section is None:
        return "标题" if part == "title" else "全文"
    spec = kind.section_spec(section)
    out = spec.label if spec else section
    for level, index in enumerate(path, 2):
        out += heading_label(min(level, 4), index + 1)
    return out if paragraph is None else f"{out} ¶{paragraph + 1}"


def snippet(text: str, start: int, end: int, width: int = 8) -> str:
    """The text around [start, end), with … where it was cut: for messages."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")

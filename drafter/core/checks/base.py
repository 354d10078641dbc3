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
from drafter.core.text.numbering import heading_label
from drafter.core.text.slots import fill, known_values

if TYPE_CHECKING:
    from drafter.core.bank.loading import Bank
    from drafter.core.checks.matrix import AnswerMatrix
    from drafter.core.report.kinds import ReportKind

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

Standard = Literal[
    "GB/T 15834-2011",
    "GB/T 15835-2011",
    "GB/T 9704-2012",
    "党政机关公文处理工作条例",
    "现代汉语词典",
    "通用规范汉字表",
    "规范表述",
    "体例",
]
STANDARDS: dict[Standard, str] = {
    "GB/T 15834-2011": "标点符号用法",
    "GB/T 15835-2011": "出版物上数字用法",
    "GB/T 9704-2012": "党政机关公文格式",
    "党政机关公文处理工作条例": "报告不得夹带请示事项",
    "现代汉语词典": "词语的规范用法（第7版）",
    "通用规范汉字表": "规范汉字（简化字）",
    "规范表述": "党的理论和固定提法，以原文为准（phrasebank/tifa.yaml，每条注明出处）",
    "体例": "问题—原因—对策报告的写法与审稿惯例",
}
"""What a check follows: a national standard, the 公文 regulation, the dictionary, or the
genre's own conventions (what a 科长 sends back)."""

FAMILIES: dict[str, str] = {
    "A": "问题、原因、对策的对应",
    "P": "标题的并列",
    "C": "完整",
    "R": "重复",
    "B": "篇幅",
    "L": "标点与书写",
    "N": "数字用法",
    "W": "词语",
    "G": "文体",
    "F": "提法",
}
"""What the letter of a check code stands for."""

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
    standard: str = "体例"
    """What the check follows (a key of STANDARDS)."""

    @property
    def place(self) -> str:
        """The place as a draft's lint.ignore names it: problem.2.1#3 (1-based), title."""
        if self.section is None:
            return "title" if self.part == "title" else ""
        out = ".".join([self.section, *(str(i + 1) for i in self.path)])
        return out if self.paragraph is None else f"{out}#{self.paragraph + 1}"

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
    hint: str = ""
    """A fix for this very place (the canonical 提法), instead of the check's general hint."""


@dataclass(frozen=True)
class Check:
    """One row of the check table."""

    code: str
    name: str
    severity: Severity
    hint: str
    run: Callable[[Context], Iterable[Hit]]
    standard: Standard = "体例"
    drafts_only: bool = False
    """True for checks that make sense only on a draft file (slots, typed numbering, the
    kind's required sections), not on a report read from Word."""
    by_kind: tuple[tuple[str, Severity], ...] = ()
    """Severity overrides per report kind, e.g. (("survey", "error"),)."""

    def severity_for(self, kind: str) -> Severity:
        return dict(self.by_kind).get(kind, self.severity)


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
    sentence_chars: int = 100
    """Characters a sentence may run without a full stop (。！？ or ；)."""


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
    document: bool = False
    """The draft was read from a Word or text file: headings carry no bank links and the
    text was typed with its own numbering."""

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
        from drafter.core.checks.matrix import answer_matrix

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

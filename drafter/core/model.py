"""The draft: what a user is writing, independent of any file format or UI.

A draft has meta data, slot values and an ordered list of sections; a section has loose
paragraphs and numbered points; a point has a heading, paragraphs and sub-points. These are
pydantic dataclasses, so loading validates them strictly while the wizard mutates them freely.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field
from pydantic.dataclasses import dataclass

from drafter.core.vocab import GENERAL_SCENE, SCENES

FORMAT_VERSION = 1
_STRICT = ConfigDict(extra="forbid", str_strip_whitespace=False)
_DATE_RE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def _date_text(value: Any) -> Any:
    """Accept a YAML date (2026-11-22 unquoted) as well as the quoted text form."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str) and value and not _DATE_RE.match(value):
        raise ValueError("日期写成 年-月-日，如 2026-11-22")
    if isinstance(value, str) and value:
        y, m, d = (int(x) for x in value.split("-"))
        try:
            _dt.date(y, m, d)
        except ValueError:  # 2026-02-30
            raise ValueError(f"没有 {value} 这一天") from None
    return value


def _scene(value: Any) -> Any:
    if isinstance(value, str) and value not in SCENES:
        raise ValueError(f"没有“{value}”这个场景；可选：{'、'.join(SCENES)}")
    return value


def _text(value: Any) -> Any:
    """Numbers typed bare in YAML (42) are text to us."""
    if isinstance(value, bool):
        raise ValueError("应写文字，这里写成了 true/false")
    if isinstance(value, int | float):
        return str(value)
    return value


Person = Literal["collective", "individual"]
"""Whose first-person material: the 领导班子's (我们) or one member's (我、本人)."""
Text = Annotated[str, BeforeValidator(_text)]
DateText = Annotated[str, BeforeValidator(_date_text)]
Scene = Annotated[str, BeforeValidator(_scene)]


@dataclass(config=_STRICT)
class Enumeration:
    """A paragraph of parallel items, printed “lead一是……；二是……；三是……。”."""

    enum: list[Text]
    lead: Text = ""


Paragraph = Text | Enumeration


@dataclass(config=_STRICT)
class Point:
    """A numbered item of a section: a heading sentence, its paragraphs and sub-points."""

    heading: Text = ""
    body: list[Paragraph] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    """Ids of phrasebank entries used in this point (for linked suggestions and checks)."""
    answers: list[Text] = Field(default_factory=list)
    """Headings of the problems this cause or countermeasure answers, as the user linked
    them (a point in one's own words has no bank links to tell)."""
    points: list[Point] = Field(default_factory=list)


@dataclass(config=_STRICT)
class Section:
    """One section of the report kind, by its id (situation, problem …)."""

    id: str
    intro: Text | None = None
    """Replaces the template's connective sentence; '' drops it; None keeps it."""
    body: list[Paragraph] = Field(default_factory=list)
    points: list[Point] = Field(default_factory=list)


@dataclass(config=_STRICT)
class Letterhead:
    """The 版头 of a formal document (GB/T 9704 §7.2): printed above a red line."""

    organ: Text = ""
    """发文机关标志, e.g. 中共某镇委员会文件 (red, centred)."""
    number: Text = ""
    """发文字号, e.g. 某党发〔2026〕12号."""
    signer: Text = ""
    """签发人 (upward documents): the number moves left and the name sits on its right."""


@dataclass(config=_STRICT)
class Imprint:
    """The 版记 at the foot of the last even page (§7.4): copies and who printed it when."""

    copy_to: list[Text] = Field(default_factory=list)
    """抄送机关, printed 抄送：A，B。"""
    issuer: Text = ""
    """印发机关."""
    date: DateText = ""
    """印发日期, printed 2026年11月22日印发."""


@dataclass(config=_STRICT)
class Meta:
    """What the report is and who issues it."""

    title: Text = ""
    unit: Text = ""
    signature: Text = ""
    date: DateText = ""
    scene: Scene = GENERAL_SCENE
    target_chars: int | None = None
    recipient: Text = ""
    """主送机关, above the body (§7.3.2); also turns on the kind's closing formula."""
    attachments: list[Text] = Field(default_factory=list)
    """附件说明: the attachments' titles, listed under the body (§7.3.4)."""
    note: Text = ""
    """附注, in brackets under the date (§7.3.6)."""
    sealed: bool = False
    """Signature laid out for a seal (§7.3.5.1) rather than unsealed (§7.3.5.2)."""
    letterhead: Letterhead | None = None
    imprint: Imprint | None = None
    person: Person | None = None
    """Whose 对照检查材料 this is: the 领导班子's or one member's (first-person phrasing)."""


_IGNORE_RE = re.compile(r"^[A-Z]\d{3}(?:@[A-Za-z_][\w.#-]*)?$")


def _ignore_entry(value: Any) -> Any:
    if isinstance(value, str) and not _IGNORE_RE.match(value):
        raise ValueError(f"{value!r}：写检查代号，或 代号@位置，如 L005@problem.2")
    return value


@dataclass(config=_STRICT)
class LintOptions:
    """What the review checks leave alone in this draft."""

    ignore: list[Annotated[str, BeforeValidator(_ignore_entry)]] = Field(default_factory=list)
    """Findings silenced on purpose: a code, or CODE@place (see docs/draft-format.md)."""


@dataclass(config=_STRICT)
class Draft:
    """A whole report in progress."""

    kind: str
    meta: Meta = Field(default_factory=Meta)
    slots: dict[str, Text] = Field(default_factory=dict)
    sections: list[Section] = Field(default_factory=list)
    format_version: int = FORMAT_VERSION
    lint: LintOptions = Field(default_factory=LintOptions)

    def section(self, section_id: str) -> Section:
        """The section with this id, added at the end when the draft has none yet."""
        for section in self.sections:
            if section.id == section_id:
                return section
        section = Section(id=section_id)
        self.sections.append(section)
        return section

    def find_section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def paragraph_text(paragraph: Paragraph) -> str:
    """A paragraph as one string, enumerations spelled out with 一是、二是 …."""
    if isinstance(paragraph, str):
        return paragraph
    from drafter.core.text.numbering import enumerate_items

    return paragraph.lead + enumerate_items(paragraph.enum)


def iter_points(points: list[Point]) -> list[Point]:
    """Every point and sub-point, depth first, in reading order."""
    out: list[Point] = []
    for point in points:
        out.append(point)
        out.extend(iter_points(point.points))
    return out


PointPath = tuple[int, ...]
"""Where a point sits in its section: (1,) is the second point, (1, 0) that point's first
sub-point (the place problem.2.1 of docs/draft-format.md, counted from 0)."""


def point_at(points: list[Point], path: PointPath) -> Point:
    """The point at `path` (IndexError when there is none)."""
    if not path or min(path) < 0:
        raise IndexError(f"no point at {path}")
    point = points[path[0]]
    for index in path[1:]:
        point = point.points[index]
    return point


def walk_points(points: list[Point], at: PointPath = ()) -> list[tuple[PointPath, Point]]:
    """Every point and sub-point with its path, depth first, in reading order."""
    out: list[tuple[PointPath, Point]] = []
    for i, point in enumerate(points):
        out.append(((*at, i), point))
        out.extend(walk_points(point.points, (*at, i)))
    return out

"""Any report, not only drafts: a Word, WPS, text or Markdown file read into a Draft so the
review checks run on it, with each place mapped back to the document's own paragraphs.

Reading and the numbering markers (一、 （一） 1. （1）) and section names (存在的问题,
原因分析 …) come from the harvester (drafter.core.harvest, used read-only). The text is
kept exactly as typed — no cleaning — because the checks are there to find what cleaning
would hide (half-width marks, full-width digits, traditional characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.checks.base import Finding
from drafter.core.harvest.markers import marker_at_start
from drafter.core.harvest.readers import read_source
from drafter.core.harvest.sections import keyword_section
from drafter.core.harvest.source import ReadError
from drafter.core.model import Draft, Meta, Point, Section
from drafter.core.report.kinds import ReportKind

SUFFIXES = (".docx", ".doc", ".wps", ".txt", ".md")
# Which kind a title asks for; the first that matches wins, survey otherwise.
KIND_BY_TITLE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"整改|对照检查|检视剖析|检视问题|民主生活会|组织生活会"), "rectification"),
    (re.compile(r"总结|汇报|述职|工作情况"), "summary"),
)
# A section the harvester names that this kind calls otherwise.
SECTION_FALLBACK = {
    "countermeasure": "plan",
    "plan": "countermeasure",
    "practice": "situation",
    "achievement": "situation",
}
QUOTE = 14  # characters of a paragraph quoted in a location
_SENTENCE_END = re.compile(r"[。！？]")
_LABEL_MAX = 30  # a short line without a full stop is a label, a signature or a date
HEADING_MAX = 24  # longest text of a numbered line that is read as a heading


@dataclass(frozen=True)
class Source:
    """A paragraph of the document: its number among the non-empty ones, and its text."""

    number: int
    text: str


@dataclass
class ReportDocument:
    """A report read from a file: the draft the checks see and where each place came from."""

    path: Path
    draft: Draft
    kind: ReportKind
    sources: dict[tuple[str | None, tuple[int, ...], int | None, str], Source] = field(
        default_factory=dict
    )
    headings: dict[str, str] = field(default_factory=dict)
    """Section id → the section's heading as the document writes it."""

    def source(self, finding: Finding) -> Source | None:
        """The document paragraph a finding points at (None for whole-report findings)."""
        key = (finding.section, finding.path, finding.paragraph, finding.part)
        if key in self.sources:
            return self.sources[key]
        return self.sources.get((finding.section, finding.path, None, "heading"))

    def where(self, finding: Finding) -> str:
        """A page-free place: 二、存在的问题 第12段“（一）组织生活质量不高…”."""
        found = self.source(finding)
        if finding.section is None and found is None:
            return "全文"
        heading = self.headings.get(finding.section or "", "")
        if found is None:
            return heading or "全文"
        quote = found.text if len(found.text) <= QUOTE else found.text[:QUOTE] + "…"
        return f"{heading + ' ' if heading else ''}第{found.number}段“{quote}”"


@dataclass
class _Builder:
    """Walks the paragraphs, keeping the current section and the open points."""

    doc: ReportDocument
    section: Section | None = None
    level: int = 0
    """Marker level of the current section's heading (0: unnumbered or none)."""
    stack: list[tuple[int, Point, tuple[int, ...]]] = field(default_factory=list)
    """Open points: (marker level, point, path)."""

    def open_section(self, section_id: str, heading: str, number: int, level: int) -> None:
        kind_ids = [s.id for s in self.doc.kind.sections]
        if section_id not in kind_ids:
            section_id = SECTION_FALLBACK.get(section_id, section_id)
        self.section = self.doc.draft.section(section_id)
        self.doc.headings.setdefault(section_id, heading)
        self.doc.sources.setdefault((section_id, (), None, "section"), Source(number, heading))
        self.level, self.stack = level, []

    def point(self, level: int, heading: str, source: Source) -> None:
        if self.section is None:
            self.open_section("opening", "", source.number, 0)
        assert self.section is not None
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        siblings = self.stack[-1][1].points if self.stack else self.section.points
        path = (*self.stack[-1][2], len(siblings)) if self.stack else (len(siblings),)
        point = Point(heading=heading)
        siblings.append(point)
        self.stack.append((level, point, path))
        self.doc.sources[(self.section.id, path, None, "heading")] = source

    def body(self, text: str, source: Source) -> None:
        if self.section is None:
            self.open_section("opening", "", source.number, 0)
        assert self.section is not None
        if self.stack:
            _, point, path = self.stack[-1]
            point.body.append(text)
            key = (self.section.id, path, len(point.body) - 1, "body")
        else:
            self.section.body.append(text)
            key = (self.section.id, (), len(self.section.body) - 1, "body")
        self.doc.sources[key] = source


def guess_kind(title: str, kinds: dict[str, ReportKind]) -> ReportKind:
    """The report kind a title names (整改 → rectification …), survey otherwise."""
    for pattern, kind_id in KIND_BY_TITLE:
        if pattern.search(title) and kind_id in kinds:
            return kinds[kind_id]
    return kinds.get("survey") or next(iter(kinds.values()))


def read_report(path: Path, kinds: dict[str, ReportKind]) -> ReportDocument:
    """Read a .docx/.doc/.wps/.txt/.md report; ReadError (a DrafterError) says why not."""
    try:
        raw = [p for p in read_source(path) if p.text.strip()]
    except ReadError as exc:
        raise ReadError(exc.message, path) from exc
    paragraphs = [(Source(i, p.text.strip()), p.level) for i, p in enumerate(raw, 1)]
    title = ""
    if paragraphs and _is_title(*paragraphs[0]):
        title = paragraphs.pop(0)[0].text
    kind = guess_kind(title, kinds)
    draft = Draft(kind=kind.id, meta=Meta(title=title))
    doc = ReportDocument(Path(path), draft, kind)
    if title:
        doc.sources[(None, (), None, "title")] = Source(1, title)
    if paragraphs and _is_recipient(paragraphs[0][0].text):
        draft.meta.recipient = paragraphs.pop(0)[0].text.rstrip("：:")
    builder = _Builder(doc)
    for source, level in _trim_signature(paragraphs):
        _place(builder, source, level)
    return doc


def _is_title(source: Source, level: int | None) -> bool:
    text = source.text
    if level == 0:
        return True
    plain = text.rstrip("。")
    return (
        len(text) <= 60
        and marker_at_start(text) is None
        and not _SENTENCE_END.search(plain)
        and "，" not in text
        and not text.endswith(("：", ":"))
    )


def _is_recipient(text: str) -> bool:
    """主送机关: one short line ending in a colon right under the title (县委巡察办：)."""
    return len(text) <= _LABEL_MAX and text.endswith(("：", ":")) and "，" not in text


def _trim_signature(
    paragraphs: list[tuple[Source, int | None]],
) -> list[tuple[Source, int | None]]:
    """Drop the signature and date lines that end a report (short lines without 。)."""
    end = len(paragraphs)
    while end and _is_label(paragraphs[end - 1][0].text) and paragraphs[end - 1][1] is None:
        end -= 1
    return paragraphs[:end]


def _is_label(text: str) -> bool:
    return len(text) <= _LABEL_MAX and not _SENTENCE_END.search(text) and "，" not in text


def _place(builder: _Builder, source: Source, style_level: int | None) -> None:
    text = source.text
    marker = marker_at_start(text)
    if marker is not None and text.startswith("第") and "部分" not in text[: marker.end]:
        marker = None  # 第一，… opens an enumeration in a paragraph, not a heading
    level = marker.level if marker else style_level
    rest = text[marker.end :].strip() if marker else text
    if level is None or level == 0:
        named = keyword_section(text.rstrip("：:"), anywhere=False) if len(text) <= 16 else None
        if named is not None and _is_label(text.rstrip("：:")):
            builder.open_section(named, text, source.number, 0)
        elif not _is_label(text.rstrip("：:")):
            builder.body(text, source)
        return
    heading, body = _split(rest)
    named = keyword_section(heading, anywhere=True) if level <= max(builder.level, 1) else None
    if named is not None and len(heading) <= HEADING_MAX:
        builder.open_section(named, text[: len(text) - len(body)].strip(), source.number, level)
        if body:
            builder.body(body, source)
        return
    if not body and _is_sentence(heading):
        heading, body = "", heading  # a numbered sentence, not a heading
    builder.point(level, heading, source)
    if body:
        builder.body(body, source)


def _is_sentence(text: str) -> bool:
    """A numbered line that is a sentence (1.每季度开展一次主题党日，做到有记录。), not a
    heading (加强教育管理，发挥党员作用)."""
    return len(text) > HEADING_MAX + 6 or (text.endswith("。") and "，" in text)


def _split(text: str) -> tuple[str, str]:
    """A numbered paragraph's heading and the text run on after it.

    A paragraph that is one short sentence is a heading on its own line and keeps its end
    mark (so a stray 。 is seen); a longer one is a run-in heading: 加强学习。正文…
    """
    stop = _SENTENCE_END.search(text)
    if stop is None or stop.end() == len(text):
        return text, ""
    return text[: stop.start()], text[stop.end() :].strip()

"""Structure: from cleaned lines to headings and body text, each placed in a section.

Walks a document line by line, keeping the numbering seen so far (so that markers inside a
line can be trusted), the section the last section title named, and the headings above the
current text (their words help tag topics). Web pages that glue several documents together
are split where a new title appears or the top-level numbering starts again at 一、.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.core.harvest.clean import CUT, Line
from drafter.core.harvest.headings import HEADING_MAX, heading_like, split_heading, split_point
from drafter.core.harvest.markers import Marker, inner_markers, marker_at_start
from drafter.core.harvest.sections import (
    SUMMARY_TITLE,
    is_title,
    keyword_section,
    paragraph_cue,
    shape_section,
)

WRAPPED_TAIL = 8
"""The longest second line of a heading that a hard wrap broke in two."""
MAX_LINE = 20_000
"""Longer lines are cut at sentence ends first; a stretch this long without one is dropped."""
_TERMINAL = "。！？”；"
# Sections whose points are harvested as headings (not the framing opening/closing).
_CONTENT = frozenset(
    {"situation", "practice", "achievement", "problem", "cause", "countermeasure", "plan"}
)
# A paragraph that opens with a short 一是…。 or 二是…： names its point in that clause.
_POINT_RE = re.compile(r"[一二三四五六七八九十]是([^，。；：,;:]+)[。：:]")
_JOIN_NEXT_RE = re.compile(r"[，、（“《\u4e00-\u9fff]$")
# A line ending in one of these words cannot be the end of anything: the next line goes on.
_CHINESE_RE = re.compile(r"[\u4e00-\u9fff“”、，]+")
_DANGLING_RE = re.compile(r"[，、（“《的和与及或在对把将从向为了是让使被等并而且其之]$")


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a run of body text, with its section and the headings above it."""

    kind: str  # "heading" | "sentence" | "body"
    text: str
    index: int
    section: str | None
    context: str = ""


@dataclass
class _State:
    section: str | None = "opening"
    section_level: int = 0
    cue: str | None = None
    summary: bool = False
    last: dict[int, int] = field(default_factory=dict)
    headings: dict[int, str] = field(default_factory=dict)

    def new_document(self, title: str = "") -> None:
        self.section, self.section_level, self.cue = "opening", 0, None
        self.summary = bool(SUMMARY_TITLE.search(title))
        self.last.clear()
        self.headings.clear()

    @property
    def context(self) -> str:
        return " ".join(self.headings[k] for k in sorted(self.headings))

    @property
    def body_section(self) -> str | None:
        return self.cue or self.section


def join_wrapped(lines: list[Line]) -> list[Line]:
    """Re-join lines a copy-paste broke mid-sentence ("…理论知识和" + "实践经验，…")."""
    out: list[Line] = []
    run: list[str] = []  # the pieces of out[-1] while it keeps growing (joined once, at the end)
    for line in lines:
        prev = out[-1] if out else None
        together = (
            prev is not None
            and not line.new_document
            and not prev.new_document
            and prev.level is None
            and line.level is None
        )
        if together and (
            _JOIN_NEXT_RE.search(run[-1])
            and marker_at_start(run[0]) is None
            and marker_at_start(line.text) is None
            and _continues(run, line.text)
        ):
            run.append(line.text)
            continue
        if together and len(run) == 1 and _wrapped_heading(run[0], line.text):
            run.append(line.text)
            continue
        if len(run) > 1:
            out[-1] = Line(out[-1].index, "".join(run), None)
        out.append(line)
        run = [line.text]
    if len(run) > 1:
        out[-1] = Line(out[-1].index, "".join(run), None)
    return out


def _wrapped_heading(first: str, second: str) -> bool:
    """A numbered heading hard-wrapped onto a second short line ("4.充实工作力量，完善考评"
    then "激励机制"): the first line has no end mark and names no section by itself, the
    second is a few characters with no mark, marker or section name of its own."""
    marker = marker_at_start(first)
    if marker is None or marker_at_start(second) is not None:
        return False
    head = first[marker.end :]
    # After a comma the heading must go on; otherwise only a short tail is taken.
    tail, most = (
        (HEADING_MAX, 2 * HEADING_MAX)
        if head.endswith(("，", "、"))
        else (WRAPPED_TAIL, HEADING_MAX + 4)
    )
    if len(second) > tail or len(head) + len(second) > most:
        return False
    if any(ch in head for ch in _TERMINAL + "：:") or not _CHINESE_RE.fullmatch(
        second.rstrip("。")
    ):
        return False
    return (
        keyword_section(head, anywhere=False) is None
        and keyword_section(second, anywhere=False) is None
    )


def _continues(run: list[str], line: str) -> bool:
    """Whether `line` continues the lines in `run` (no end mark yet) rather than following it."""
    last = run[-1]
    if _DANGLING_RE.search(last) or any(ch in last for ch in "，、；："):
        return True
    if is_title(last):  # a title wrapped over lines ends there: the body is not part of it
        return False
    return len(run) > 1 or len(last) >= 18 or not line.endswith(tuple(_TERMINAL))


def blocks(lines: list[Line]) -> Iterator[Block]:
    """Headings and body text of a cleaned document, in order, each with its section."""
    state = _State()
    for line in join_wrapped(lines):
        if line.new_document:
            state.new_document()
            continue
        for text in _pieces(line.text):
            yield from _line_blocks(Line(line.index, text, line.level), state)


def _pieces(text: str) -> Iterator[str]:
    """A line, or an over-long line cut at sentence ends into pieces of at most MAX_LINE.

    A stretch of MAX_LINE characters without a sentence end is not text anyone wrote: it is
    dropped, and so is the rest of the sentence it belongs to.
    """
    if len(text) <= MAX_LINE:
        yield text
        return
    start, broken = 0, False
    while start < len(text):
        end = min(start + MAX_LINE, len(text))
        cut = max(text.rfind(ch, start, end) for ch in "。！？")
        if cut < start:
            start, broken = end, True
            continue
        if broken:  # skip the tail of the dropped sentence, up to its end mark
            ends = [i for i in (text.find(ch, start, cut + 1) for ch in "。！？") if i >= 0]
            start, broken = min(ends) + 1, False
            if start > cut:
                continue
        end = end if end == len(text) else cut + 1
        yield text[start:end]
        start = end


def _line_blocks(line: Line, state: _State) -> Iterator[Block]:
    text = line.text
    first = marker_at_start(text)
    if first is None and line.level is not None:  # the source marks it a heading (Word, #)
        yield from _styled_heading(text, line, state)
        return
    last = dict(state.last)
    if first is not None:
        _advance(last, first)
    inner = inner_markers(text, last, first.level if first else 0, first.end if first else 0)
    markers = ([first] if first else []) + inner
    ends = [m.start for m in inner] + [len(text)]
    if first is None:
        yield from _unnumbered(text[: ends[0]], line, state)
        ends = ends[1:]
    for marker, end in zip(markers, ends, strict=True):
        if marker.level == 1 and marker.number == 1 and state.last.get(1):
            state.new_document()  # the numbering starts again: another document
        _advance(state.last, marker)
        yield from _numbered(marker, text[marker.end : end], line.index, state)


def _advance(last: dict[int, int], marker: Marker) -> None:
    last[marker.level] = marker.number
    for deeper in range(marker.level + 1, 5):
        last.pop(deeper, None)


def _numbered(marker: Marker, segment: str, index: int, state: _State) -> Iterator[Block]:
    split = split_heading(segment)
    heading = split.heading
    for level in [k for k in state.headings if k >= marker.level]:
        del state.headings[level]
    state.cue = None
    named = keyword_section(heading, anywhere=marker.level == 1) if heading else None
    if named is not None:
        state.section, state.section_level = named, marker.level
        state.headings[marker.level] = heading or ""
        if split.sentence:  # a section title run on into its first sentence
            yield Block("body", split.sentence, index, named, state.context)
    else:
        section = state.section
        if marker.level <= state.section_level or section not in _CONTENT:
            shaped = shape_section(heading or split.body[:30], summary=state.summary)
            section = shaped or (section if section in _CONTENT else None)
            state.section, state.section_level = section, marker.level
        if heading:
            state.headings[marker.level] = heading
            yield Block("heading", heading, index, section, state.context)
        if split.sentence:
            yield Block("sentence", split.sentence, index, section, state.context)
    if split.body:
        cue = paragraph_cue(split.body, state.body_section)
        if cue is not None:
            state.cue = cue
        yield Block("body", split.body, index, state.body_section, state.context)


def _unnumbered(text: str, line: Line, state: _State) -> Iterator[Block]:
    text = text.strip()
    if not text:
        return
    plain = text.rstrip("：:")
    if CUT not in text and len(plain) <= 30 and not any(ch in plain for ch in _TERMINAL + "，"):
        named = keyword_section(plain, anywhere=False) if len(plain) <= 16 else None
        if named is not None and (len(plain) <= 8 or not is_title(plain)):
            state.section, state.section_level, state.cue = named, 0, None
        elif is_title(plain):
            state.new_document(plain)
        return  # a label, a title, a name or a date: nothing to harvest
    head = _glued_title(text)
    if head:
        state.new_document(text[:head])
        text = text[head:]
    cue = paragraph_cue(text, state.body_section)
    if cue is not None:
        state.cue = cue
    point = _POINT_RE.match(text)
    if point and heading_like(point.group(1)):  # 一是X。 opening a paragraph: X is its heading
        yield Block("heading", point.group(1), line.index, state.body_section, state.context)
        text = text[point.end() :].strip()
        if not text:
            return
    yield Block("body", text, line.index, state.body_section, state.context)


def _glued_title(text: str) -> int | None:
    """Where a title run together with the first paragraph ends, if the line opens with one."""
    clause = re.split(r"[，。：；！？]", text, maxsplit=1)[0]
    if len(clause) < 8 or not is_title(clause[:30]):
        return None
    need = 3 if clause.startswith(("关于", "试论", "浅谈", "浅析")) else 5
    k = split_point(clause[:40], low=6, high=min(len(clause) - 2, 36), need=need)
    return k if k is not None and is_title(clause[:k]) else None


def _styled_heading(text: str, line: Line, state: _State) -> Iterator[Block]:
    level = line.level or 0
    if level == 0 or (level == 1 and is_title(text) and len(text) > HEADING_MAX):
        state.new_document(text)
        return
    yield from _numbered(Marker(level, 0, 0, 0), text, line.index, state)

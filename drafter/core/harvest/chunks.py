"""Page-chunk numbers: the page numbers conversion sites put at the start of each chunk.

Document-conversion sites cut a report into pages and number each chunk ("3、", "4、"),
wherever the page happened to break: "…全年共召开了" / "3、次党委会，…". Read as list
markers they turn the tail of a sentence into a heading ("次党委会"). A number is taken for
a chunk number when the text before it stops mid-sentence (no end mark, not a heading) and
it belongs to a run of such numbers counting up, pages apart; the sentence it broke is
joined again. A real numbered point follows a finished sentence or a heading, so it stays.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from drafter.core.harvest.clean import Line
from drafter.core.harvest.markers import marker_at_start
from drafter.core.harvest.sections import is_title, keyword_section

MIN_GAP = 60
"""Characters between two chunk numbers at least: a page holds more than a clause."""
MAX_STEP = 2
"""A run may skip one number (a page that broke at a sentence end, or a lost number)."""
WINDOW = 200
"""Characters before a number that are looked at (enough for any clause that matters)."""
POINT_MAX = 30
"""Characters a numbered point's heading takes at most before the next number."""

_NUMBER = re.compile(r"(?<![\d．.％%第])(\d{1,2})[、．.](?=[\u4e00-\u9fff“《（])")
_MID = re.compile(r"[\u4e00-\u9fff，、“《（—]$")
_CLAUSE_END = re.compile(r"[。！？；：]")


@dataclass(frozen=True, slots=True)
class _Number:
    line: int
    start: int
    end: int
    value: int
    offset: int  # position in the whole document, to measure how far apart two numbers are
    mid: bool  # the text before it stops mid-sentence


def rejoin_chunks(lines: list[Line], counts: Counter[str] | None = None) -> list[Line]:
    """`lines` with page-chunk numbers removed and the sentences they broke joined again.

    `counts["chunks"]` grows by the chunk numbers removed.
    """
    found = _numbers(lines)
    if len(found) < 2:
        return lines
    chunk = _chunk_numbers(found)
    if not chunk:
        return lines
    if counts is not None:
        counts["chunks"] += len(chunk)
    by_line: dict[int, list[_Number]] = {}
    for number in chunk:
        by_line.setdefault(number.line, []).append(number)
    out: list[Line] = []
    for i, line in enumerate(lines):
        marks = by_line.get(i, [])
        text = _without(line.text, marks)
        if marks and marks[0].start == 0 and marks[0].mid and out and not out[-1].new_document:
            out[-1] = replace(out[-1], text=out[-1].text + text)  # the page broke a sentence
            continue
        out.append(replace(line, text=text) if marks else line)
    return out


def _without(text: str, marks: list[_Number]) -> str:
    """`text` with the chunk numbers in `marks` (in order) cut out."""
    if not marks:
        return text
    pieces, at = [], 0
    for number in marks:
        pieces.append(text[at : number.start])
        at = number.end
    pieces.append(text[at:])
    return "".join(pieces)


def _numbers(lines: list[Line]) -> list[_Number]:
    """Every small number followed by 、 or . that could be a chunk number, in order."""
    out: list[_Number] = []
    offset = 0
    for i, line in enumerate(lines):
        text = line.text
        if "、" in text or "." in text or "．" in text:
            for match in _NUMBER.finditer(text):
                value = int(match.group(1))
                if match.start() == 0:
                    prev = lines[i - 1] if i and not line.new_document else None
                    before = prev.text if prev is not None and not prev.new_document else ""
                    short = len(before) <= 20  # a heading or title line, unless it dangles
                    mid = _stops_mid_sentence(before[-WINDOW:], value, short_line=short)
                else:
                    before = text[max(0, match.start() - WINDOW) : match.start()]
                    mid = _stops_mid_sentence(before, value, short_line=False)
                out.append(
                    _Number(i, match.start(), match.end(), value, offset + match.start(), mid)
                )
        offset += len(line.text) + 1
    return out


def _stops_mid_sentence(before: str, value: int, *, short_line: bool) -> bool:
    """Whether `before` (the last WINDOW characters before a number) ends in the middle of
    a sentence rather than after one or a heading (`value` is the number that follows)."""
    if not before or not _MID.search(before):
        return False
    ends = list(_CLAUSE_END.finditer(before))
    clause = before[ends[-1].end() :] if ends else before
    points = list(_NUMBER.finditer(clause))
    if (
        points
        and value == int(points[-1].group(1)) + 1
        and len(clause) - points[-1].end() <= POINT_MAX
    ):
        return False  # "1、加强学习提高认识2、完善制度": the next point of a run-on list
    marker = marker_at_start(clause)
    if marker is not None and len(clause) <= POINT_MAX:
        # "（一）思想认识不到位" then "1、", or "1、认识不到位" then "2、": a heading and its
        # point, or the next point; any other number inside a heading is a page's
        return not (value == 1 or (marker.level == 3 and value == marker.number + 1))
    if len(clause) <= 20 and (keyword_section(clause, anywhere=True) or is_title(clause)):
        return False
    return not (short_line and before[-1] not in "，、“《（的了和与及在")


def _chunk_numbers(found: list[_Number]) -> list[_Number]:
    """The numbers that form runs counting up from text cut mid-sentence, gaps filled."""
    chains: list[list[_Number]] = []
    open_by_last: dict[int, list[_Number]] = {}  # the latest chain ending in each value
    for number in (n for n in found if n.mid):
        chain = None
        for step in range(1, MAX_STEP + 1):
            before = open_by_last.get(number.value - step)
            if before is not None and number.offset - before[-1].offset >= MIN_GAP:
                chain = before
                break
        if chain is None:
            chain = [number]
            chains.append(chain)
        else:
            del open_by_last[chain[-1].value]
            chain.append(number)
        open_by_last[number.value] = chain
    by_value: dict[int, list[_Number]] = {}
    for number in found:
        by_value.setdefault(number.value, []).append(number)
    offsets = {value: [n.offset for n in numbers] for value, numbers in by_value.items()}
    accepted: list[_Number] = []
    for chain in chains:
        if len(chain) < 2:
            continue
        accepted += chain
        for left, right in pairwise(chain):
            if right.value - left.value == 2:  # the page between broke at a sentence end
                value = left.value + 1
                accepted += _between(by_value.get(value, []), offsets.get(value, []), left, right)
    return sorted(set(accepted), key=lambda n: n.offset)


def _between(
    numbers: list[_Number], offsets: list[int], left: _Number, right: _Number
) -> list[_Number]:
    """The first of `numbers` (in document order, at `offsets`) between `left` and `right`."""
    k = bisect_right(offsets, left.offset)
    return [numbers[k]] if k < len(numbers) and numbers[k].offset < right.offset else []

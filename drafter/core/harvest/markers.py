"""Numbering markers of the genre (一、 （一） 1. （1） ①), at a line's start or inside it.

Web copies often lose line breaks, so a marker can sit in mid-line ("存在的问题（一）村级…").
A marker found inside a line is taken only where it plausibly starts a heading: after a
sentence break or directly after Chinese text, and numbered 1 or next in its sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
_CN_VALUE = {ch: i for i, ch in enumerate(_CN, 1)}
# Each alternative: (group name, level). Level 1 一、, 2 （一）, 3 1., 4 （1） and ①.
# The lookahead names every character a marker can start with: with it, the scan skips
# the other positions at once (the named groups alone keep re from seeing that).
_MARKER_RE = re.compile(
    rf"(?=[第{_CN}（(\d①-⑳])"
    rf"(?:(?P<a>第(?P<an>[{_CN}]{{1,3}})(?:部分\s*[，、：:．.]?|[，、：:]))"
    rf"|(?P<b>(?P<bn>[{_CN}]{{1,3}})\s*[、．.](?![\d{_CN}]))"
    rf"|(?P<c>[（(](?P<cn>[{_CN}]{{1,3}})[）)]\s*[、．.]?)"
    r"|(?P<d>(?P<dn>\d{1,2})\s*(?:[、．]|\.(?!\d)))"
    r"|(?P<e>[（(](?P<en>\d{1,2})[）)]\s*[、．.]?)"
    r"|(?P<f>(?P<fn>\d{1,2})[)）](?!\d))"
    r"|(?P<g>(?P<gn>[①-⑳])))"
)
_LEVELS = {"a": 1, "b": 1, "c": 2, "d": 3, "e": 4, "f": 4, "g": 4}
# A marker inside a line must follow a sentence break or Chinese text, never a digit or 第.
_BEFORE_OK = re.compile(r"[。！？：；\u4e00-\u9fff”」）)]")
# A mid-line 一、 after Chinese text is usually a word (统一、单一、唯一): only after a title.
_TITLE_END_RE = re.compile(
    r"(?:问题|对策|措施|建议|意见|原因|分析|思考|报告|总结|汇报|体会|探讨|研究)$"
)


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker: its level (1-4), its number, and where it sits in the line."""

    level: int
    number: int
    start: int
    end: int


def cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (enough for list numbers)."""
    if "十" not in text:
        return _CN_VALUE.get(text, 0)
    tens, _, ones = text.partition("十")
    return (_CN_VALUE.get(tens, 0) if tens else 1) * 10 + (_CN_VALUE.get(ones, 0) if ones else 0)


def _marker(match: re.Match[str]) -> Marker:
    name = match.lastgroup or "b"
    raw = match.group(f"{name}n")
    if name == "g":
        number = ord(raw) - ord("①") + 1
    elif name in ("d", "e", "f"):
        number = int(raw)
    else:
        number = cn_number(raw)
    return Marker(_LEVELS[name], number, match.start(), match.end())


def marker_at_start(text: str) -> Marker | None:
    """The marker a line opens with, if any."""
    match = _MARKER_RE.match(text)
    if match is None or match.end() >= len(text):
        return None
    return _marker(match)


def inner_markers(
    text: str, last: dict[int, int], current_level: int, start: int = 0
) -> list[Marker]:
    """Markers inside a line that start run-together headings, given the numbers seen so far.

    `last` maps level → last number seen at that level; `current_level` is the level of the
    marker the line starts with (0 if none). The map is updated as markers are accepted.
    """
    found: list[Marker] = []
    level_now = current_level
    for match in _MARKER_RE.finditer(text, max(start, 1)):
        marker = _marker(match)
        before = text[marker.start - 1]
        if not _BEFORE_OK.match(before) or marker.end >= len(text):
            continue
        if before == "第":
            continue
        expected = last.get(marker.level, 0) + 1
        if marker.level == 1 and marker.number == 1 and before not in "。！？：；":
            if not _TITLE_END_RE.search(text[: marker.start]):
                continue
        elif marker.number == 1:
            if marker.level <= level_now and before not in "。！？：；":
                continue
        elif marker.number != expected:
            continue
        found.append(marker)
        last[marker.level] = marker.number
        for deeper in range(marker.level + 1, 5):
            last.pop(deeper, None)
        level_now = marker.level
    return found

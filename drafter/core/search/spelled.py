"""Typed pinyin matched against texts spelled as their readings, with small regexes.

A regex over the characters themselves needs, for each typed piece, a class of every
character that reads so (hundreds for an initial such as z): compiling one costs
milliseconds, and every keystroke of typed pinyin makes new ones (with a slip allowed, a
dozen). Spelled, each character is two code points, its first reading and its last, from
two private-use ranges; a typed piece is a class of the few syllables it stands for. A
match at spelled position p starts at character p // 2.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from drafter.core.search.pinyin import Pattern, PinyinTable, Unit

_FIRST, _LAST = 0xE400, 0xE800  # a syllable's code point as a first / as a last reading
_NONE = "\ue3fe\ue3ff"  # a character without a reading: in no class
_KEPT = 50_000  # spelled texts kept for the next queries


class _Spelling(dict[int, str]):
    """str.translate table: each character → its two reading code points, on first sight."""

    def __init__(self, table: PinyinTable) -> None:
        super().__init__()
        self.readings = table.readings
        self.numbers = {s: n for n, s in enumerate(table.syllables)}
        self.texts: dict[str, str] = {}
        """Texts spelled so far (kept for the next queries)."""

    def __missing__(self, code: int) -> str:
        found = self.readings.get(chr(code))
        value = _NONE
        if found:
            first, last = self.numbers[found[0]], self.numbers[found[-1]]
            value = chr(_FIRST + first) + chr(_LAST + last)
        self[code] = value
        return value


@cache
def _spelling(table: PinyinTable) -> _Spelling:
    return _Spelling(table)


def spell(text: str, table: PinyinTable) -> str:
    """`text` spelled as readings, two code points a character (kept for the next query)."""
    spelling = _spelling(table)
    found = spelling.texts.get(text)
    if found is None:
        if len(spelling.texts) >= _KEPT:
            spelling.texts.clear()
        found = spelling.texts[text] = text.translate(spelling)
    return found


@lru_cache(maxsize=1024)
def spelled_regex(pattern: Pattern, table: PinyinTable) -> re.Pattern[str]:
    """A regex over spelled text for a reading of typed pinyin: each piece matches a
    character whose first or last reading is that syllable (full) or starts with it."""
    pieces = []
    for unit in pattern:
        piece = _piece(unit, table)
        if piece is None:
            return re.compile("(?!)")
        pieces.append(piece)
    return re.compile("".join(pieces), re.DOTALL)


@lru_cache(maxsize=4096)
def _piece(unit: Unit, table: PinyinTable) -> str | None:
    """A typed piece as a regex over two spelled code points, or None when no syllable fits.

    Syllables are numbered in sorted order, so those a piece stands for (itself, or every
    one that starts with it) are one run of numbers: a class of one range, quick to compile
    (each keystroke of typed pinyin compiles new regexes).
    """
    syllables = table.syllables
    lo = bisect.bisect_left(syllables, unit.text)
    if unit.full:
        hi = lo + 1 if lo < len(syllables) and syllables[lo] == unit.text else lo
    else:
        hi = bisect.bisect_left(syllables, unit.text + "\x7f", lo)
    if hi <= lo:
        return None
    first = f"{chr(_FIRST + lo)}-{chr(_FIRST + hi - 1)}"
    last = f"{chr(_LAST + lo)}-{chr(_LAST + hi - 1)}"
    return f"(?:[{first}].|.[{last}])"

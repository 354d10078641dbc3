"""Toneless pinyin for search: every reading of each character, and typed pinyin parsed.

Polyphonic characters keep all their readings (重 is both zhong and chong), so a query
matches either. The table comes from pypinyin, which is slow to import (0.3 s): it is read
once per machine and cached as a small text table keyed by the installed pypinyin's data file.
"""

from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from array import array
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from drafter.core.errors import DrafterError

_FORMAT = "pinyin-5"
# Only CJK characters get readings; ASCII letters stand for themselves in initials.
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_FIRST, _LAST = _CJK_RANGES[0][0], _CJK_RANGES[-1][1]
# Initials that are two letters long; a user may type either letter form.
_DOUBLE_INITIALS = ("zh", "ch", "sh")
# Sound strings map each syllable to one private-use character (1:1 with the text).
_PUA = 0xE000
_MAX_READINGS = 2


class PinyinTable:
    """Readings of every CJK character pypinyin knows, without tones (ü written v).

    Held as each distinct list of readings (about 4 000) and, for each code point of the
    CJK ranges, the number of its list: `readings_of` looks a character up there, so a
    start reads the table from its cache file without making a dict of 27 000 characters
    (~5 ms of a `drafter search`); `readings`, that dict, is made for those who go
    through the whole table (an index build, harvest).

    A plain class, not a dataclass: `drafter search` loads this module before it starts
    the store's checksum, and dataclasses' import (inspect, ast) would hold that back.
    Compared and hashed by identity (the caches below are keyed by the table)."""

    __slots__ = ("_by_code", "_lists", "_readings", "syllables")

    def __init__(self, lists: list[tuple[str, ...]], by_code: Sequence[int]) -> None:
        """`lists`: the distinct lists of readings, the first of them empty; `by_code`:
        the number of each code point's list, from _FIRST to _LAST (ValueError if one is
        out of range)."""
        if len(by_code) != _LAST - _FIRST + 1 or (lists and lists[0]):
            raise ValueError("the table does not cover the CJK ranges")
        if max(by_code, default=0) >= len(lists):
            raise ValueError("a character's readings are misnumbered")
        self._lists, self._by_code = lists, by_code
        self._readings: dict[str, tuple[str, ...]] | None = None
        self.syllables = tuple(sorted({r for readings in lists for r in readings}))
        """All syllables, sorted; a syllable's index gives its sound character."""

    @classmethod
    def of(cls, readings: dict[str, tuple[str, ...]]) -> PinyinTable:
        """The table holding these readings (characters of the CJK ranges)."""
        numbers: dict[tuple[str, ...], int] = {(): 0}
        by_code = array("H", bytes(2 * (_LAST - _FIRST + 1)))
        for char, found in readings.items():
            by_code[ord(char) - _FIRST] = numbers.setdefault(found, len(numbers))
        return cls(list(numbers), by_code)

    def readings_of(self, char: str) -> tuple[str, ...]:
        """A character's readings, most common first (() when it has none)."""
        at = ord(char) - _FIRST
        return self._lists[self._by_code[at]] if 0 <= at <= _LAST - _FIRST else ()

    @property
    def readings(self) -> dict[str, tuple[str, ...]]:
        """char → its readings, most common first: every character that has any."""
        if self._readings is None:
            numbers = self._by_code
            chars = map(chr, compress(range(_FIRST, _LAST + 1), numbers))
            lists = map(self._lists.__getitem__, filter(None, numbers))
            self._readings = dict(zip(chars, lists, strict=True))
        return self._readings

    @property
    def syllable_set(self) -> frozenset[str]:
        return _syllable_set(self)

    def initials(self, char: str) -> str:
        """The distinct first letters of a character's readings ('' when it has none)."""
        return _initials(self, char)

    def sound_table(self) -> dict[int, str]:
        """A str.translate table: each character → the sound character of its first reading."""
        return _sound_table(self)

    def chars_for(self, unit: str, full: bool) -> str:
        """Characters with a reading equal to `unit` (full) or starting with it (initial)."""
        return _chars_for(self, unit, full)


@cache
def _syllable_set(table: PinyinTable) -> frozenset[str]:
    # Vowel-less interjections (n, m, hm, ng) would swallow typed initials.
    return frozenset(s for s in table.syllables if re.search("[aeiouv]", s))


@cache
def _syllable_starts(table: PinyinTable) -> frozenset[str]:
    """Every beginning of a syllable (what an unfinished last syllable may be)."""
    return frozenset(s[:n] for s in _syllable_set(table) for n in range(1, len(s) + 1))


@lru_cache(maxsize=65536)
def _initials(table: PinyinTable, char: str) -> str:
    found = table.readings_of(char)
    if not found:
        return char if char.isascii() and char.isalpha() else ""
    return "".join(sorted({r[0] for r in found}))


class _Sounds(dict[int, str]):
    """str.translate table: each character → the sound character of its first reading,
    filled on first sight (a start would otherwise spend milliseconds on 27 000 entries)."""

    def __init__(self, table: PinyinTable) -> None:
        super().__init__()
        self.readings_of = table.readings_of
        self.numbers = {s: i for i, s in enumerate(table.syllables)}

    def __missing__(self, code: int) -> str:
        found = self.readings_of(chr(code))
        value = chr(_PUA + self.numbers[found[0]]) if found else chr(code)
        self[code] = value
        return value


@cache
def _sound_table(table: PinyinTable) -> dict[int, str]:
    return _Sounds(table)


@cache
def _by_syllable(table: PinyinTable) -> dict[str, str]:
    found: dict[str, list[str]] = {}
    for char, readings in table.readings.items():
        for reading in readings:
            found.setdefault(reading, []).append(char)
    return {s: "".join(chars) for s, chars in found.items()}


@lru_cache(maxsize=2048)
def _chars_for(table: PinyinTable, unit: str, full: bool) -> str:
    by_syllable = _by_syllable(table)
    if full:
        return by_syllable.get(unit, "")
    chars = (c for s, cs in by_syllable.items() if s.startswith(unit) for c in cs)
    return "".join(dict.fromkeys(chars))


def _strip_tone(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _is_cjk(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def _from_pypinyin() -> PinyinTable:
    from pypinyin.pinyin_dict import pinyin_dict  # the slow import, done once per machine

    readings: dict[str, tuple[str, ...]] = {}
    for code, value in pinyin_dict.items():
        if not _is_cjk(code):
            continue
        found: list[str] = []
        for raw in value.split(","):
            bare = _strip_tone(raw.strip())
            if bare.isascii() and bare.isalpha():
                found.append(bare)
                if "v" in bare and bare.endswith("ve"):
                    found.append(bare.replace("v", "u"))  # lüe is typed lue as often as lve
        if found:
            # Third and later readings are rare (道行 heng) and only add false matches.
            readings[chr(code)] = tuple(dict.fromkeys(found))[:_MAX_READINGS]
    return PinyinTable.of(readings)


def data_stamp() -> str:
    """Changes when the installed pypinyin's data (so the reading table) may have changed."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise DrafterError("没有装 pypinyin：请重新安装 drafter")
    data = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.py"
    stat = data.stat()
    return f"{_FORMAT}:{data}:{stat.st_size}:{stat.st_mtime_ns}"


_lock = threading.Lock()


@cache
def pinyin_table() -> PinyinTable:
    """The reading table, from the on-disk cache when it is current, else from pypinyin."""
    with _lock:
        key = data_stamp()
        cached = _load_cached(key)
        if cached is not None:
            return cached
        table = _from_pypinyin()
        _save_cached(key, table)
        return table


def _load_cached(key: str) -> PinyinTable | None:
    """The table from its cache file: each distinct list of readings, and for each code
    point of the CJK ranges the number of its list (0: none). Read on every start, so no
    step goes through the characters one by one in Python."""
    from drafter.core.files import cachefile

    opened = cachefile.open_file("pinyin", key)
    if opened is None:
        return None
    try:
        lists = [tuple(item.split(",")) if item else () for item in
                 str(opened.section("lists"), "ascii").split(";")]  # fmt: skip
        by_code = array("H")
        by_code.frombytes(opened.section("by_code"))
        table = PinyinTable(lists, by_code)
        if not all(s.isalpha() and s.islower() for s in table.syllables):
            raise ValueError("a reading that is not a syllable")
    except (ValueError, UnicodeDecodeError, cachefile.CacheDamaged) as exc:
        cachefile.discard(opened.path, f"unreadable table: {exc}"[:80])
        return None
    return table


def _save_cached(key: str, table: PinyinTable) -> None:
    from drafter.core.files import cachefile

    sections = {
        "lists": ";".join(",".join(found) for found in table._lists).encode("ascii"),
        "by_code": array("H", table._by_code).tobytes(),
    }
    cachefile.write("pinyin", key, {}, sections)


class Unit(NamedTuple):
    """One typed piece of pinyin: a whole syllable, or an initial / syllable prefix."""

    text: str
    full: bool


Pattern = tuple[Unit, ...]

_LATIN_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=1024)
def parse(token: str, table: PinyinTable, max_patterns: int = 3) -> tuple[Pattern, ...]:
    """Ways to read a typed token as pinyin, fewest pieces first.

    "sanhuiyike" → san|hui|yi|ke; "dyjy" → d|y|j|y; "dangyjy" → dang|y|j|y. A letter-by-
    letter reading of initials is always offered too ("shyk" is s|h|y|k as well as sh|y|k).
    """
    if not _LATIN_RE.fullmatch(token):
        return ()
    syllables = table.syllable_set
    n = len(token)
    # memo[i]: the cheapest segmentations of token[i:], as (cost, patterns)
    memo: dict[int, tuple[int, list[Pattern]]] = {n: (0, [()])}
    for i in range(n - 1, -1, -1):
        options: list[tuple[int, list[Pattern]]] = []
        for j in range(i + 1, min(n, i + 6) + 1):
            piece = token[i:j]
            rest = memo.get(j)
            if rest is None or not rest[1]:
                continue
            if len(piece) > 1 and piece in syllables:
                unit = Unit(piece, True)
            elif (len(piece) == 1 and piece not in "iuv") or piece in _DOUBLE_INITIALS:
                unit = Unit(piece, False)
            elif j == n and piece in _syllable_starts(table):
                unit = Unit(piece, False)  # an unfinished last syllable
            else:
                continue
            # initials cost a little more than whole syllables, so "xian" stays one syllable
            cost = rest[0] + (2 if unit.full else 3)
            options.append((cost, [(unit, *p) for p in rest[1]]))
        if options:
            low = min(c for c, _ in options)
            memo[i] = (low, [p for c, ps in options if c == low for p in ps][:max_patterns])
    found = list(memo.get(0, (0, []))[1])
    letters = tuple(Unit(ch, False) for ch in token)
    initials_only = bool(found) and not any(u.full for u in found[0])
    if initials_only and all(ch not in "iuv" for ch in token) and letters not in found:
        found.append(letters)
    return tuple(found[: max_patterns + 1])


def initials_of(pattern: Pattern) -> str:
    """The first letters of a pattern's pieces: what the initials index is keyed by."""
    return "".join(u.text[0] for u in pattern)

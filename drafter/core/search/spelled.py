"""Typed pinyin matched against texts spelled as their readings, with small regexes.

A regex over the characters themselves needs, for each typed piece, a class of every
character that reads so (hundreds for an initial such as z): compiling one costs
milliseconds, and every keystroke of typed pinyin makes new ones (with a slip allowed, a
dozen). Spelled, each character is one code point numbering the pair of its first and last
reading, among the pairs of the characters present in the texts (a few hundred); pairs are
numbered in order of their first reading, so a typed piece is one class: the range of pairs
whose first reading it stands for, and the few pairs read so only in their last reading.
The code points are private-use ones past the first plane, whose classes `re` compiles
without building a bitmap (a keystroke's regexes compile several times quicker than
classes over characters). A match at spelled position p starts at character p.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any

from drafter.core.search.bulk import Lookup, remember
from drafter.core.search.pinyin import Pattern, PinyinTable, Unit
from drafter.core.search.spans import Batch

_BASE = 0xF0000  # pair n is chr(_BASE + n); 0 stands for a character without a reading
_NONE = chr(_BASE)
_KEPT = 50_000  # spelled texts kept for the next queries
_REGEXES_KEPT = 1024
_BATCHES_KEPT = 256  # (~25 KB each)
_NEVER = re.compile("(?!)")


class Speller(dict[int, str]):
    """Spells the texts of one index (a str.translate table, filled on first sight) and
    compiles regexes of typed pinyin over them."""

    def __init__(self, table: PinyinTable, present: Iterable[str]) -> None:
        super().__init__()
        self.readings_of = table.readings_of
        self.syllables = table.syllables
        number = {s: n for n, s in enumerate(table.syllables)}
        pairs = sorted(
            {(number[r[0]], number[r[-1]]) for c in present if (r := self.readings_of(c))}
        )
        self.pair_number = {pair: n + 1 for n, pair in enumerate(pairs)}
        self.number = number
        self.firsts = [first for first, _ in pairs]
        """The pairs' first readings, in pair order (a range of them is a range of pairs)."""
        self.by_last = sorted((last, n + 1, first) for n, (first, last) in enumerate(pairs))
        self.texts: dict[str, str] = {}
        """Texts spelled so far (kept for the next queries)."""
        self.lookup = Lookup(self, present, _NONE)
        self.regexes: dict[Pattern, re.Pattern[str]] = {}
        self.pieces: dict[Unit, str | None] = {}
        self.tables: dict[Unit, Any] = {}
        self.batches: dict[tuple[int, ...], Batch | None] = {}
        self.last: Batch | None = None

    def __missing__(self, code: int) -> str:
        found = self.readings_of(chr(code))
        value = _NONE
        if found:
            # only the index's texts are spelled, and their characters are all present
            n = self.pair_number.get((self.number[found[0]], self.number[found[-1]]))
            value = _NONE if n is None else chr(_BASE + n)
        self[code] = value
        return value

    def spell(self, text: str) -> str:
        """`text` spelled as reading pairs, one code point a character (kept for the next
        query)."""
        found = self.texts.get(text)
        if found is None:
            if len(self.texts) >= _KEPT:
                self.texts.clear()
            found = self.texts[text] = text.translate(self)
        return found

    def pairs(self, joined: str) -> Any:
        """`joined` spelled, as a numpy array of pair numbers (0: no reading); None where
        numpy cannot (see Lookup.codes)."""
        codes = self.lookup.codes(joined)
        return None if codes is None else codes - _BASE

    def table_of(self, unit: Unit) -> Any:
        """For each pair number, whether the typed piece matches it (a numpy array)."""
        found = self.tables.get(unit)
        if found is None:
            import numpy as np

            found = np.zeros(len(self.pair_number) + 1, dtype=bool)
            a, b, also = self.pairs_of(unit)
            found[a:b] = True
            found[also] = True
            self.tables[unit] = found
        return found

    def batch(self, entries: list[int], texts: list[str]) -> Batch | None:
        """The batch (spans.py) of the texts of `entries`, kept for a query that has the
        same candidates (the same typed again, or a filter changed back)."""
        if self.last is not None:  # kept from here on for its readings found only
            self.last.trim()
        key = tuple(entries)
        found = self.batches.get(key)
        if found is None:
            found = Batch.of(self, texts)
            if len(self.batches) >= _BATCHES_KEPT:
                self.batches.clear()
            self.batches[key] = found
        self.last = found
        return found

    def spell_many(self, texts: list[str]) -> None:
        """Spell those of `texts` not spelled yet, together (a query's candidates: quicker
        than one by one), and keep them for `spell`."""
        remember(self.texts, texts, self.lookup.many, _KEPT)

    def regex(self, pattern: Pattern) -> re.Pattern[str]:
        """A regex over spelled text for a reading of typed pinyin: each piece matches a
        character whose first or last reading is that syllable (full) or starts with it."""
        found = self.regexes.get(pattern)
        if found is None:
            pieces = []
            for unit in pattern:
                piece = self._piece(unit)
                if piece is None:
                    break
                pieces.append(piece)
            found = re.compile("".join(pieces)) if len(pieces) == len(pattern) else _NEVER
            if len(self.regexes) >= _REGEXES_KEPT:
                self.regexes.clear()
            self.regexes[pattern] = found
        return found

    def _piece(self, unit: Unit) -> str | None:
        """A typed piece as a class of spelled code points, or None when no pair fits."""
        if unit in self.pieces:
            return self.pieces[unit]
        a, b, also = self.pairs_of(unit)
        items = f"{chr(_BASE + a)}-{chr(_BASE + b - 1)}" if b > a else ""
        items += "".join(chr(_BASE + n) for n in also)
        piece = f"[{items}]" if items else None
        self.pieces[unit] = piece
        return piece

    def pairs_of(self, unit: Unit) -> tuple[int, int, list[int]]:
        """The pairs a typed piece matches: the numbers a to b (excluded), and others.

        Syllables are numbered in sorted order, so those a piece stands for (itself, or
        every one that starts with it) are one run of numbers, lo to hi.
        """
        syllables = self.syllables
        lo = bisect.bisect_left(syllables, unit.text)
        if unit.full:
            hi = lo + 1 if lo < len(syllables) and syllables[lo] == unit.text else lo
        else:
            hi = bisect.bisect_left(syllables, unit.text + "\x7f", lo)
        # pairs whose first reading is in lo..hi: a run of pair numbers (pairs sorted)
        a = bisect.bisect_left(self.firsts, lo, 0, len(self.firsts)) + 1
        b = bisect.bisect_left(self.firsts, hi, 0, len(self.firsts)) + 1
        # … and those whose last reading is (and first is not)
        also = []
        at = bisect.bisect_left(self.by_last, (lo,))
        while at < len(self.by_last) and self.by_last[at][0] < hi:
            _, n, first = self.by_last[at]
            if not lo <= first < hi:
                also.append(n)
            at += 1
        return a, b, also

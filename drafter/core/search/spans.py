"""Typed pinyin's readings found in all of a query's candidates at once, with numpy.

Matching a reading text by text costs a regex search per candidate and per reading, and
compiling each reading's regex (~0.1 ms: a keystroke of long pinyin makes a dozen, with a
piece dropped). Here the candidates are spelled together as one array of reading pairs
(spelled.py); each typed piece is a table of the pairs it stands for, looked up over the
whole array; a reading matches where all its pieces do, one position after the other.
What is found is what the reading's regex finds in each text with `finditer`: the matches
that do not overlap, leftmost first, and as many of them as asked.
"""

from __future__ import annotations

from itertools import accumulate, compress, islice
from operator import lt
from typing import TYPE_CHECKING, Any

from drafter.core.search.bulk import SEP
from drafter.core.search.pinyin import Pattern, Unit

if TYPE_CHECKING:
    from drafter.core.search.spelled import Speller

BATCH = "batch"
"""Where a keyword keeps (in `seen`) the batch of its query's candidates."""


class Batch:
    """Spelled texts as one array of pair numbers, and the readings found in them."""

    def __init__(self, speller: Speller, texts: list[str], pairs: Any) -> None:
        import numpy as np

        self.speller = speller
        self.number = {text: n for n, text in enumerate(texts)}
        self.pairs = pairs
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        self.starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        self._held: dict[Unit, Any] = {}
        self._found: dict[tuple[Pattern, int], tuple[list[int], list[int]]] = {}
        self._readings: dict[int, Readings] = {}

    @classmethod
    def of(cls, speller: Speller, texts: list[str]) -> Batch | None:
        """The batch of `texts`, or None where numpy cannot spell them (not loaded, or a
        character past the speller's table)."""
        pairs = speller.pairs(SEP.join(texts))
        return None if pairs is None else cls(speller, texts, pairs.astype("uint16"))

    def __contains__(self, text: str) -> bool:
        return text in self.number

    def readings(self, patterns: tuple[Pattern, ...], cap: int) -> Readings:
        """The first `cap` matches of each of `patterns` in every text, as `Readings`: made
        once for a query's patterns, then looked up by identity (hashing a pattern again
        for each text cost more than what was looked up)."""
        known = self._readings.get(id(patterns))
        if known is not None and known.patterns is patterns:  # (kept alive: no id reused)
            return known
        founds = [self._found.get((p, cap)) or self._find(p, cap) for p in patterns]
        made = Readings(patterns, founds, self.number, len(self.starts))
        self._readings[id(patterns)] = made
        return made

    def trim(self) -> None:
        """Let go of what only finding more readings needs (kept: the readings found)."""
        self._held.clear()

    def _find(self, pattern: Pattern, cap: int) -> tuple[list[int], list[int]]:
        """The first `cap` matches of `pattern` in every text, found and kept: where each
        text's end in a flat list of starts and ends (two lists of numbers, whatever their
        length: two objects for the garbage collector to look at, not one a match)."""
        import numpy as np

        texts = len(self.starts)
        size, length = len(self.pairs), len(pattern)
        if not length or length > size:
            self._found[pattern, cap] = [0] * (texts + 1), []
            return self._found[pattern, cap]
        hit = self._positions(pattern[0])[: size - length + 1].copy()
        for k, unit in enumerate(pattern[1:], 1):
            hit &= self._positions(unit)[k : size - length + 1 + k]
        at = np.flatnonzero(hit)
        text = np.searchsorted(self.starts, at, side="right") - 1
        # at most cap * length matches a text can be needed: each match taken overlaps
        # fewer than `length` that start after it
        rank = np.arange(len(at)) - np.searchsorted(text, text, side="left")
        kept = rank < cap * length
        at, text = at[kept], text[kept]
        local = at - self.starts[text]
        flat: list[int] = []
        taken = [0] * texts
        last, end = -1, 0  # the text of the last match taken, and where that match ends
        for t, start in zip(text.tolist(), local.tolist(), strict=True):
            if t != last:
                last, end = t, 0
            if taken[t] < cap and start >= end:
                end = start + length
                flat += (start, end)
                taken[t] += 1
        found = self._found[pattern, cap] = [0, *accumulate(2 * n for n in taken)], flat
        return found

    def _positions(self, unit: Unit) -> Any:
        """Where the spelled texts hold a character the typed piece stands for."""
        found = self._held.get(unit)
        if found is None:
            # (take: indexing with 16-bit numbers would convert them all first, at each piece)
            found = self._held[unit] = self.speller.table_of(unit).take(self.pairs)
        return found


class Readings:
    """Where several patterns (a keyword's readings) match in the texts of a batch."""

    def __init__(
        self,
        patterns: tuple[Pattern, ...],
        founds: list[tuple[list[int], list[int]]],
        number: dict[str, int],
        texts: int,
    ) -> None:
        self.patterns, self._founds, self._number = patterns, founds, number
        self._texts = texts
        self._firsts: list[int] | None = None

    def spans(self, text: str) -> list[tuple[int, int, int]]:
        """(pattern number, start, end) of the matches in `text`, pattern by pattern, each
        pattern's as `islice(speller.regex(pattern).finditer(spelled), cap)` gives them."""
        t = self._number[text]
        out: list[tuple[int, int, int]] = []
        for n, (ends, flat) in enumerate(self._founds):
            if ends[t] < ends[t + 1]:
                out += [(n, flat[j], flat[j + 1]) for j in range(ends[t], ends[t + 1], 2)]
        return out

    def first(self, text: str) -> int:
        """Where the first match of any of the patterns starts in `text` (-1: nowhere)."""
        return self._all_firsts()[self._number[text]]

    def firsts(self, texts: list[str]) -> list[int]:
        """`first` of each of `texts`."""
        return list(map(self._all_firsts().__getitem__, map(self._number.__getitem__, texts)))

    def _all_firsts(self) -> list[int]:
        firsts = self._firsts
        if firsts is None:  # for every text at once: each candidate asks
            firsts = self._firsts = [-1] * self._texts
            for ends, flat in self._founds:
                for t in compress(range(len(ends) - 1), map(lt, ends, islice(ends, 1, None))):
                    start = flat[ends[t]]
                    if firsts[t] < 0 or start < firsts[t]:
                        firsts[t] = start
        return firsts

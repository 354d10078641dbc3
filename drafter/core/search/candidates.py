"""Candidate entries for a query: the few worth scoring, found through the index.

Each keyword contributes "slots" (one per bigram of the keyword, or per syllable pair of
typed pinyin): an entry scores 2 for holding the slot's exact bigram and 1 for a bigram that
sounds the same. Short keywords and pinyin initials are looked up in the joined text instead
("streams"). The best-scoring entries, in bank order within a score, go on to full scoring.
Work is bounded, so a 1 M-phrase bank answers in tens of milliseconds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import compress, islice, pairwise, repeat
from operator import ge
from typing import Any, NamedTuple

from drafter.core.search.index import SearchIndex
from drafter.core.search.pinyin import initials_of
from drafter.core.search.query import Keyword, pattern_regex

POOL = 250  # candidates scored in full, at most
STREAM = 600  # entries taken from one lookup in the joined text, at most
SECOND_GUESS = 20  # a keyword's other readings are looked up when the first finds fewer
BUDGET = 10_000  # postings counted per query (or 1/20 of the bank), rarest slots first
BULK = 20_000  # postings past which they are counted with numpy
SHARE = 0.5  # candidates under this share of the best possible slot score …
ENOUGH = 30  # … are scored only while there are fewer candidates than this


@dataclass
class _Slot:
    exact: memoryview
    similar: list[memoryview]

    @property
    def size(self) -> int:
        return len(self.exact) + sum(len(s) for s in self.similar)


class Candidate(NamedTuple):
    """An entry worth scoring: its slot score, and where a lookup found it (else -1)."""

    hits: int
    position: int
    entry: int


def candidates(index: SearchIndex, keywords: list[Keyword], mask: bytes | None) -> list[Candidate]:
    """Entries worth scoring for `keywords` (at most POOL, the best slot scores first)."""
    counts: Counter[int] = Counter()
    positions: dict[int, int] = {}
    slots: list[_Slot] = []
    best = 0
    for keyword in keywords:
        k_slots, k_streams = _sources(index, keyword, mask)
        slots += k_slots
        found = 0
        for n, stream in enumerate(k_streams):
            if n and isinstance(stream, _InitialsLookup) and found >= SECOND_GUESS:
                continue  # a later reading (sh|y|k after s|h|y|k) only if the first is rare
            taken = list(islice(stream, STREAM))
            counts.update(dict.fromkeys((i for i, _ in taken), 2))
            for i, pos in taken:
                positions[i] = min(pos, positions.get(i, pos))
            found += len(taken)
        best += 2 if k_streams else 0
        if keyword.fuzzy and not found and not k_slots:
            # no exact reading of these initials anywhere: allow one slip (sjhyk → shyk)
            slipped = [initials_of(p) for p in keyword.fuzzy]
            for needle in _halves(keyword):
                for i, _ in index.find_initials(needle, STREAM // 4, mask):
                    if i not in counts and index.holds_initials(i, slipped):
                        counts[i] = 1
    best_slots, sums = _count(slots, counts, max(BUDGET, index.size // 20), index.size)
    best += best_slots
    for keyword in keywords:
        for other in keyword.alternatives:
            # an entry holding an equivalent term scores about as if it held the typed one
            _count(_slots(index, other, similar=False), counts, BUDGET // 10)
    floor = max(1, math.ceil(SHARE * best))
    chosen = _top(counts, mask, floor) if sums is None else _top_bulk(sums, counts, mask, floor)
    return [Candidate(hits, positions.get(i, -1), i) for i, hits in chosen]


Found = Iterable[tuple[int, int]]  # (entry, position of the match in its folded text)


def _sources(
    index: SearchIndex, keyword: Keyword, mask: bytes | None
) -> tuple[list[_Slot], list[Found]]:
    text = keyword.text
    if not keyword.latin:
        if len(text) == 1:
            found = index.find_char(text)
            return [], [found if mask is None else (f for f in found if mask[f[0]])]
        return _slots(index, text), []
    slots = []
    streams: list[Found] = []
    pairs = list(pairwise(text))
    if pairs and all(a + b in index.bigrams for a, b in pairs):  # Latin text in the bank
        slots += [_Slot(index.bigrams.get(a + b), []) for a, b in pairs]
    for pattern in keyword.patterns:
        full = [(a.text, b.text) for a, b in pairwise(pattern) if a.full and b.full]
        if full:
            for a, b in full:
                grams = index.sound_grams(a, b)
                slots.append(_Slot(memoryview(b""), [index.bigrams.get(g) for g in grams]))
        elif len(pattern) == 1 and pattern[0].full:
            regex = pattern_regex(pattern, index.table, index.present)
            streams.append(_scan(index, regex, mask))
        else:
            streams.append(_InitialsLookup(index, initials_of(pattern), mask))
    return slots, streams


def _slots(index: SearchIndex, text: str, *, similar: bool = True) -> list[_Slot]:
    """One slot per bigram of a Chinese keyword; `similar` adds bigrams that sound alike."""
    slots = []
    for a, b in pairwise(text):
        exact = index.bigrams.get(a + b)
        alike = [index.bigrams.get(g) for g in index.homophones(a, b) if g != a + b]
        slots.append(_Slot(exact, alike if similar else []))
    return slots


class _InitialsLookup:
    """Entries holding some initials, looked up only when iterated (it scans the bank)."""

    def __init__(self, index: SearchIndex, letters: str, mask: bytes | None) -> None:
        self.index, self.letters, self.mask = index, letters, mask

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return self.index.find_initials(self.letters, STREAM, self.mask)


def _scan(index: SearchIndex, pattern: re.Pattern[str], mask: bytes | None) -> Found:
    found = index.scan(pattern)
    return found if mask is None else (f for f in found if mask[f[0]])


def _halves(keyword: Keyword) -> list[str]:
    """Initials that any reading with one piece dropped must hold: its first or last half.

    (Dropping piece p of n keeps the first n//2 letters intact when p >= n//2, else the rest.)
    """
    out: list[str] = []
    for pattern in keyword.patterns:
        if len(pattern) >= 4:
            letters = initials_of(pattern)
            half = len(letters) // 2
            out += [letters[:half], letters[half:]]
    return list(dict.fromkeys(out))


def _count(slots: list[_Slot], counts: Counter[int], budget: int, size: int = 0) -> tuple[int, Any]:
    """Add each entry's slot score to `counts`, rarest slots first: (the best score
    possible, None); past BULK postings (and given the bank's `size`) the scores are summed
    with numpy into an array of one score per entry instead, returned in place of None."""
    best = 0
    pieces: list[tuple[list[memoryview], int]] = []  # entries (a union of these), their score
    for slot in sorted(slots, key=lambda s: s.size):
        if budget <= 0:
            break
        exact = slot.exact[:budget]
        if slot.similar:
            union = [exact, *(s[:budget] for s in slot.similar)]
            # a pinyin syllable pair (no exact bigram): every bigram that reads so is exact
            pieces += [([exact], 1), (union, 1 if exact else 2)]
        else:
            pieces.append(([exact], 2))
        budget -= slot.size
        best += 2
    if size and sum(len(e) for entries, _ in pieces for e in entries) > BULK:
        return best, _count_bulk(pieces, size)
    for entries, score in pieces:
        held = entries[0] if len(entries) == 1 else set(entries[0]).union(*entries[1:])
        for _ in range(score):
            counts.update(held)
    return best, None


def _count_bulk(pieces: list[tuple[list[memoryview], int]], size: int) -> Any:
    """`_count`'s sums with numpy (a large bank's query: tens of thousands of postings)."""
    import numpy as np  # loaded by the first such query only

    sums = np.zeros(size, dtype=np.int32)
    for entries, score in pieces:
        arrays = [np.frombuffer(e, dtype=np.uint32) for e in entries if len(e)]
        if len(arrays) > 1:  # a union: an entry in several of them scores once
            held = np.zeros(size, dtype=bool)
            for at in arrays:
                held[at] = True
            sums[held] += score
        elif arrays:
            sums[arrays[0]] += score  # postings hold an entry once: no repeats in one addition
    return sums


def _top(counts: Counter[int], mask: bytes | None, floor: int) -> list[tuple[int, int]]:
    """The best-scoring entries (at most POOL) and their scores, best first and in bank
    order within a score.

    Scores under `floor` (a share of the best possible) are taken only while fewer than
    ENOUGH entries have been found, so a long query still lists its partial matches.
    """
    keys = list(counts)
    values = list(counts.values())
    if mask is not None:
        kept = list(map(mask.__getitem__, keys))
        keys = list(compress(keys, kept))
        values = list(compress(values, kept))
    cut, room = _cut(Counter(values), floor)
    chosen = sorted(compress(keys, map(ge, values, repeat(cut))))
    chosen.sort(key=counts.__getitem__, reverse=True)  # stable: bank order within a score
    return [(i, counts[i]) for i in chosen[:room]]


def _cut(histogram: Mapping[int, int], floor: int) -> tuple[int, int]:
    """The lowest score still taken, from how many entries have each score, and how many
    entries are taken at most."""
    cut, taken = 0, 0
    for value in sorted(histogram, reverse=True):
        room = POOL if value >= floor else ENOUGH
        if taken >= room:
            break
        cut, taken = value, taken + histogram[value]
    return cut, POOL if cut >= floor else ENOUGH


def _top_bulk(
    sums: Any, counts: Counter[int], mask: bytes | None, floor: int
) -> list[tuple[int, int]]:
    """`_top` over numpy's sums plus the few scores in `counts` (lookups, equivalent terms),
    without turning tens of thousands of entries into Python numbers."""
    import numpy as np

    if counts:
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        sums[keys] += np.fromiter(counts.values(), dtype=np.int32, count=len(counts))
    found = np.flatnonzero(sums)
    if mask is not None:
        found = found[np.frombuffer(mask, dtype=np.uint8)[found] != 0]
    values = sums[found]
    scores, how_many = np.unique(values, return_counts=True)
    cut, room = _cut(dict(zip(scores.tolist(), how_many.tolist(), strict=True)), floor)
    taken = values >= cut
    found, values = found[taken], values[taken]
    order = np.argsort(-values, kind="stable")[:room]  # stable: bank order within a score
    return list(zip(found[order].tolist(), values[order].tolist(), strict=True))

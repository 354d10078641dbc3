"""Candidate entries for a query: the few worth scoring, found through the index.

Each keyword contributes "slots" (one per bigram of the keyword, or per syllable pair of
typed pinyin): an entry scores 2 for holding the slot's exact bigram and 1 for a bigram that
sounds the same. Short keywords and pinyin initials are looked up in the joined text instead
("streams"). The best-scoring entries, in bank order within a score, go on to full scoring.
Work is bounded, so a 1 M-phrase bank answers in tens of milliseconds.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice, pairwise, repeat
from typing import NamedTuple

from drafter.core.search.counting import POOL, count, top, top_bulk
from drafter.core.search.index import SearchIndex
from drafter.core.search.pinyin import initials_of
from drafter.core.search.postings import FIRST_TEXTS
from drafter.core.search.query import Keyword, chars_reading, pattern_regex

STREAM = 600  # entries taken from one lookup in the joined text, at most
SECOND_GUESS = 20  # a keyword's other readings are looked up when the first finds fewer
BUDGET = 10_000  # postings counted per query (or 1/20 of the bank), rarest slots first
SHARE = 0.5  # candidates under this share of the best possible slot score are few (ENOUGH)
_DECODED = 256  # texts a typed syllable's lookup decodes together


class _Slot(NamedTuple):
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
        k_slots, k_streams = _sources(index, keyword, mask, placed=len(keywords) == 1)
        slots += k_slots
        found = 0
        # a lone lookup of a lone keyword scores its entries alike: the first POOL of them,
        # in bank order, are the candidates (more would only be read and dropped)
        alone = len(keywords) == len(k_streams) == 1 and not (k_slots or keyword.alternatives)
        for n, stream in enumerate(k_streams):
            if n and isinstance(stream, _InitialsLookup) and found >= SECOND_GUESS:
                continue  # a later reading (sh|y|k after s|h|y|k) only if the first is rare
            if alone and isinstance(stream, _InitialsLookup):
                stream.cap = POOL  # (no more are taken: spare scanning for them)
            taken = list(islice(stream, POOL if alone else STREAM))
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
    best_slots, sums = count(slots, counts, max(BUDGET, index.size // 20), index.size)
    best += best_slots
    for keyword in keywords:
        for other in keyword.alternatives:
            # an entry holding an equivalent term scores about as if it held the typed one
            count(_slots(index, other, similar=False), counts, BUDGET // 10)
    floor = max(1, math.ceil(SHARE * best))
    chosen = top(counts, mask, floor) if sums is None else top_bulk(sums, counts, mask, floor)
    return [Candidate(hits, positions.get(i, -1), i) for i, hits in chosen]


Found = Iterable[tuple[int, int]]  # (entry, position of the match in its folded text)


def _sources(
    index: SearchIndex, keyword: Keyword, mask: bytes | None, *, placed: bool
) -> tuple[list[_Slot], list[Found]]:
    """The slots and lookups of a keyword; `placed`: a lookup tells where it found it
    (ranking uses that for a lone keyword; with others, it places each keyword itself)."""
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
            found = _listed(index, chars_reading(index, pattern[0].text), regex, placed)
            streams.append(found if mask is None else (f for f in found if mask[f[0]]))
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
        self.cap = STREAM

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return self.index.find_initials(self.letters, self.cap, self.mask)


def _listed(
    index: SearchIndex, chars: str, regex: re.Pattern[str], placed: bool
) -> Iterator[tuple[int, int]]:
    """What `index.scan(regex)` finds, `regex` a class of `chars` (a typed syllable): the
    texts their postings list first, then a scan past them. Unless `placed`, the texts
    listed are not read: their position is given as -1 (not found by a lookup).

    A character's postings list its first FIRST_TEXTS texts, so up to the last of them
    (the least such, of the characters listed that far) every text holding one is listed:
    a rare syllable had a fifth of the bank scanned for its first texts (xia, 5 ms at 100k
    phrases), a pass of `re` over every character."""
    lists = [index.chars.of(ord(c)) for c in chars]
    last = min((texts[-1] for texts in lists if len(texts) >= FIRST_TEXTS), default=index.size)
    held: set[int] = set()
    for texts in lists:
        held.update(texts[: bisect.bisect_right(texts, last)])
    listed = sorted(held)
    if not placed:
        yield from zip(listed, repeat(-1))
        listed = []
    for at in range(0, len(listed), _DECODED):  # decoded a few hundred at a time
        chunk = listed[at : at + _DECODED]
        for i, text in zip(chunk, index.texts(chunk), strict=True):
            if (found := regex.search(text)) is not None:
                yield i, found.start()
    if last < index.size:
        yield from index.scan(regex, last + 1)


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

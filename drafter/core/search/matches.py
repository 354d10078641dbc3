"""A keyword's match in a text (how well, and where), and typed pinyin matched in a text.

Typed pinyin is looked for in the text spelled as readings (spelled.py), each reading of
it a regex; where one is found, its quality depends on the characters read and the words
around them (words.py), remembered on the keyword for the other candidates of its query.
"""

from __future__ import annotations

from itertools import islice, product
from operator import methodcaller
from typing import TYPE_CHECKING, NamedTuple

from drafter.core.search.index import SearchIndex
from drafter.core.search.pinyin import Pattern
from drafter.core.search.spans import BATCH, Batch
from drafter.core.search.words import place_quality

if TYPE_CHECKING:  # query.py makes keywords and imports this module
    from drafter.core.search.query import Keyword

MAX_PLACES = 5  # other occurrences of an exact keyword considered when placing keywords
_FOUND = MAX_PLACES + 1  # places of a reading looked at in a text


class Match(NamedTuple):
    """How well a keyword matches a text: quality 0–1 and the folded positions it covers.

    (A named tuple: hundreds are made a keystroke, and a frozen dataclass is slower to make.)
    """

    quality: float
    positions: tuple[int, ...]
    others: tuple[int, ...] = ()
    """Where else an exact match starts (so several keywords can be placed close together)."""

    @property
    def start(self) -> int:
        return self.positions[0] if self.positions else 0

    @property
    def end(self) -> int:
        return self.positions[-1] + 1 if self.positions else 0


NO_MATCH = Match(0.0, ())


def closest(matches: list[Match]) -> list[Match]:
    """The matches moved to the occurrences that sit closest together (in typed order)."""
    if len(matches) < 2 or not any(m.others for m in matches):
        return matches
    options = [[m.start, *m.others] if m.positions else [0] for m in matches]

    def spread(starts: tuple[int, ...]) -> tuple[int, bool, int]:
        placed = [(s, s + len(m.positions)) for s, m in zip(starts, matches, strict=True)]
        placed = [p for p, m in zip(placed, matches, strict=True) if m.positions]
        lo, hi = min(p[0] for p in placed), max(p[1] for p in placed)
        in_order = [p[0] for p in placed] == sorted(p[0] for p in placed)
        return hi - lo, not in_order, lo

    best = min(product(*options), key=spread)
    return [
        Match(m.quality, tuple(range(s, s + len(m.positions)))) if m.others else m
        for s, m in zip(best, matches, strict=True)
    ]


def match_pinyin(
    keyword: Keyword, text: str, index: SearchIndex, places: list[Place] | None = None
) -> Match:
    """How typed pinyin matches `text` (`places`: its readings there, if already found)."""
    if places is None:
        places = _places(keyword, False, text, index)
    if not places:
        places = _slipped(keyword, text, index)
        if not places:
            return NO_MATCH
    if len(places) == 1:  # the usual case
        quality, length, start = places[0]
        return Match(quality, tuple(range(-start, -start + length)), ())
    # equal readings: the one covering more characters (zzsh → 组织生活, not 组织生), then
    # the earliest; the other places of that kind stay available to `closest`
    quality, length, start = max(places)
    others = tuple(-s for q, n, s in places if (q, n) == (quality, length) and s != start)
    return Match(quality, tuple(range(-start, -start + length)), others)


def slip_possible(keyword: Keyword, text: str, index: SearchIndex) -> bool:
    """Whether a reading of typed pinyin with a piece dropped may match in `text`."""
    batch = _batch(keyword, text)
    if batch is not None:
        return batch.readings(keyword.fuzzy, _FOUND).first(text) >= 0
    return bool(halves_held(keyword, text, index))


def _slipped(keyword: Keyword, text: str, index: SearchIndex) -> list[Place]:
    """`_places` of the readings with a piece dropped: only those holding a half of a
    reading can match (looked for first, unless the batch has found them all)."""
    if _batch(keyword, text) is not None:
        return _places(keyword, True, text, index)
    held = halves_held(keyword, text, index)
    return _places(keyword, True, text, index, held) if held else []


def halves_held(keyword: Keyword, text: str, index: SearchIndex) -> set[int]:
    """The halves of typed pinyin's readings (numbered as in Keyword.halves) in `text`: a
    reading with a piece dropped holds one of them."""
    speller = index.speller
    spelled = speller.spell(text)
    return {n for n, half in enumerate(keyword.halves) if speller.regex(half).search(spelled)}


def first_place(keyword: Keyword, text: str) -> int | None:
    """Where typed pinyin is first in `text` as typed or as one of its readings (-1: not at
    all), from the batch of its query's candidates; None for a text not in it."""
    found = first_places(keyword, [text])
    return None if found is None else found[0]


def first_places(keyword: Keyword, texts: list[str]) -> list[int] | None:
    """`first_place` of each of `texts`, together; None unless the batch holds them all."""
    batch = keyword.seen.get(BATCH)
    if not isinstance(batch, Batch) or not all(map(batch.number.__contains__, texts)):
        return None
    firsts = batch.readings(keyword.patterns, _FOUND).firsts(texts)
    literals = map(methodcaller("find", keyword.text), texts)
    return [f if lit < 0 or 0 <= f < lit else lit for f, lit in zip(firsts, literals, strict=True)]


def _batch(keyword: Keyword, text: str) -> Batch | None:
    batch = keyword.seen.get(BATCH)
    return batch if isinstance(batch, Batch) and text in batch else None


Place = tuple[float, int, int]
"""A reading of typed pinyin found in a text: (quality, length, -start)."""


def reading_bound(keyword: Keyword, text: str, index: SearchIndex) -> list[Place] | None:
    """Where `match_pinyin` finds the readings of typed pinyin in `text` (no piece
    dropped), when it finds some and the keyword is not in the text as typed; else None.
    What scoring computes first: ranking needs only their best quality and earliest start
    to rule out most candidates of a one-keyword query (and hands them back to scoring)."""
    if text.find(keyword.text) >= 0:
        return None
    return _places(keyword, False, text, index) or None


def _places(
    keyword: Keyword, slip: bool, text: str, index: SearchIndex, held: set[int] | None = None
) -> list[Place]:
    """(quality, length, -start) of the first places of each reading (with a piece dropped:
    `slip`, only those holding a half in `held`) in the text spelled as readings."""
    seen = keyword.seen
    patterns = keyword.fuzzy if slip else keyword.patterns
    batch = _batch(keyword, text)
    if batch is not None:  # found in every text of the batch at once (any half held)
        found = batch.readings(patterns, _FOUND).spans(text)
    else:
        found = _found(keyword, slip, patterns, index.speller.spell(text), index, held)
    places: list[Place] = []
    for n, start, end in found:
        # what the quality depends on: the characters read and the one either side
        key = (slip, n, text[max(0, start - 1) : end + 1], start > 0, end < len(text))
        quality = seen.get(key)
        if quality is None:
            quality = seen[key] = place_quality(patterns[n], slip, text, start, end, index)
        assert isinstance(quality, float)
        places.append((quality, end - start, -start))
    return places


def _found(
    keyword: Keyword,
    slip: bool,
    patterns: tuple[Pattern, ...],
    spelled: str,
    index: SearchIndex,
    held: set[int] | None,
) -> list[tuple[int, int, int]]:
    """(pattern number, start, end) of the first matches of each of `patterns` in a text
    spelled as readings, by regex (compiled on first use, kept on the keyword)."""
    regexes = keyword.seen.get(slip)
    if regexes is None:
        regexes = keyword.seen[slip] = [None] * len(patterns)
    assert isinstance(regexes, list)
    found = []
    for n, pattern in enumerate(patterns):
        if held is not None and held.isdisjoint(keyword.needs[n]):
            continue  # it holds a half that is nowhere in the text
        regex = regexes[n] = regexes[n] or index.speller.regex(pattern)
        found += [(n, *m.span()) for m in islice(regex.finditer(spelled), _FOUND)]
    return found

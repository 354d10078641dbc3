"""Ranking: score the candidates of a query, cheapest checks first, and keep the best.

Candidates are ordered by a cheap estimate, and skipped once even their best possible score
(scoring.py) cannot enter the top; a small preference for the current section and scene
breaks ties between equal matches.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from itertools import compress
from operator import methodcaller
from typing import NamedTuple

from drafter.core.search.candidates import Candidate
from drafter.core.search.index import SearchIndex
from drafter.core.search.matches import Match, closest, first_place, first_places
from drafter.core.search.query import Keyword, match_keyword, place_finder
from drafter.core.search.scoring import (
    EARLY_SPAN,
    EXACT,
    NOT_FOUND,
    W_EARLY,
    W_PREFER,
    Placed,
    bound_of,
    combined,
    partial_bound,
    reading_bound_of,
    score_one,
)
from drafter.core.search.spans import BATCH

Mask = bytes | bytearray | memoryview

TAIL = 60  # partial matches weighed beyond the `limit` first ones, at most
SOUNDED = 32  # candidates whose sounds are read together
BATCHED = 40  # candidates beyond the top's in a lone looked-up pinyin keyword's first batch


class Preference(NamedTuple):
    """The wizard's current section and scene, as filter masks (one byte per entry, 1 for
    an entry of that section / scene): a tie-breaker between equal matches."""

    section: Mask | None = None
    scene: Mask | None = None

    def __bool__(self) -> bool:
        return self.section is not None or self.scene is not None

    def bonus(self, i: int) -> float:
        section = self.section[i] if self.section is not None else 0
        scene = self.scene[i] if self.scene is not None else 0
        return 0.6 * section + 0.4 * scene


def rank(
    index: SearchIndex,
    keywords: list[Keyword],
    found: list[Candidate],
    limit: int,
    prefer: Preference,
    memo: Memo | None = None,
) -> list[tuple[float, int, list[Match]]]:
    """The best `limit` (score, entry number, matches), best first, ties in bank order.

    `memo` keeps each keyword's match in an entry for the next keystrokes (see Memo)."""
    if memo is None:
        memo = {}
    weights = [k.weight for k in keywords]
    total = sum(weights)
    sounds = [k.text.translate(index.table.sound_table()) for k in keywords]
    # cheap pass: where each keyword occurs exactly, to order the candidates
    order: list[tuple[int, int, int, int, list[int]]] = []
    texts = _prepare(index, keywords, found)
    if len(keywords) == 1:
        # a lookup found it there (a bound: scoring checks it), else look
        looked = [c.position < 0 for c in found]
        seen = iter(_places_in(keywords[0], index, list(compress(texts, looked))))
        for c, look in zip(found, looked, strict=True):
            place = next(seen) if look else c.position
            # as below: (missing, position, 0) or (missing, -slot score, position)
            missing, first, then = (0, place, 0) if place >= 0 else (1, -c.hits, NOT_FOUND)
            order.append((missing, first, then, c.entry, [place]))
    columns = [_places_in(k, index, texts) for k in keywords] if len(keywords) > 1 else []
    for c, *places in zip(found, *columns, strict=True) if columns else ():
        hit = [p for p in places if p >= 0]
        position = min(hit) if hit else (c.position if c.position >= 0 else NOT_FOUND)
        missing = len(places) - len(hit)
        # every keyword exact: position decides (so the first too late ends the group);
        # otherwise the slot score does
        first, then = (position, 0) if not missing else (-c.hits, position)
        order.append((missing, first, then, c.entry, places))
    order.sort()  # entries differ: the places are never compared
    # the sounds of candidates missing a Chinese keyword, read a few at a time as needed
    sounding, sounded = any(not k.latin and len(k.text) >= 2 for k in keywords), 0
    most_preferred = W_PREFER if prefer else 0.0
    # the best any candidate missing an exact keyword could score
    partial = partial_bound(keywords, weights, total) + W_PREFER
    best: list[tuple[float, int]] = []  # a heap of the top `limit` (score, -entry)
    results: list[tuple[float, int, list[Match]]] = []
    skip_exact = False
    pinyin = len(keywords) == 1 and keywords[0].latin
    # a lone pinyin keyword placed by lookups: its readings are looked for in the first
    # candidates one by one (often all there is to it), then together once the top is full
    unbatched, batched = pinyin and all(c.position >= 0 for c in found), -1
    placed: Placed = {}  # readings found while bounding a lone pinyin keyword, by entry
    tail = limit + TAIL  # partial matches weighed, at most (in slot-score order)
    for at, (missing, _, _, i, places) in enumerate(order):
        if missing == 0 and skip_exact:
            continue
        bonus = W_PREFER * prefer.bonus(i) if most_preferred else 0.0
        if missing:
            tail -= 1
            if tail < 0:
                break  # enough partial matches weighed; the rest rank lower by slot score
            if sounding and at >= sounded:  # the next few, together
                sounded = at + SOUNDED
                index.sounds_of([entry for _, _, _, entry, _ in order[at:sounded]])
        if unbatched and at >= batched:  # the next ones together (a few, then all)
            batched = limit + BATCHED if batched < 0 else len(order)
            ahead = [entry for _, _, _, entry, _ in order[at:batched]]
            _batch(index, keywords, ahead, index.texts(ahead))
        if len(best) >= limit:
            if missing and partial < best[0][0]:
                break  # all that is left misses a keyword, and cannot make the top
            if not missing:  # every keyword exact: only tightness and position vary
                first = min(min(places), EARLY_SPAN)
                bound = EXACT + W_EARLY * (1 - first / EARLY_SPAN)
                if bound + most_preferred < best[0][0]:
                    skip_exact = True  # the rest of the exact ones start later still
                    continue
                if pinyin and (bound + bonus, -i) >= best[0]:
                    # … and how well the reading found fits (word boundaries)
                    bound = reading_bound_of(keywords[0], index, i, total, bound, placed)
            else:
                bound = bound_of(index, i, keywords, weights, total, places, sounds)
            if (bound + bonus, -i) < best[0]:
                continue  # even at its bound it scores under the top (equal: later in bank order)
        text = index.text(i)
        if pinyin:
            matches = [match_keyword(keywords[0], index, i, text, placed.get(i))]
            score = score_one(total, matches[0])
        elif len(keywords) == 1:
            matches = [_matched(keywords[0], index, i, text, memo)]
            score = score_one(total, matches[0])
        else:
            matches = closest([_matched(k, index, i, text, memo) for k in keywords])
            score = combined(weights, total, matches)
        score += bonus
        if score <= W_PREFER:
            continue
        results.append((score, i, matches))
        if len(best) < limit:
            heapq.heappush(best, (score, -i))
        elif (score, -i) > best[0]:
            heapq.heapreplace(best, (score, -i))
    results.sort(key=lambda r: (-r[0], r[1]))
    return results[:limit]


Memo = dict[tuple[str, int], Match]
"""(Chinese keyword, entry) → its fuzzy match there: a keyword's match depends on nothing
else (its equivalent terms come from its text), and the next keystrokes ask again:
上村干部 挂在 weighs the same partial matches of 上村干部 as 上村干部 did, by fuzzy
alignment. The engine keeps one per index, emptied when full."""
MEMO_KEPT = 20_000


def _prepare(index: SearchIndex, keywords: list[Keyword], found: list[Candidate]) -> list[str]:
    """The texts of the candidates whose keywords are still to be placed ("" for those a
    lookup placed a lone keyword in), decoded together; typed pinyin's looked for in them
    all at once (`_batch`). Quicker than text by text."""
    alone = len(keywords) == 1
    todo = [c.entry for c in found if c.position < 0 or not alone]
    texts = index.texts(todo)
    if todo:
        _batch(index, keywords, todo, texts)
    if len(todo) == len(found):
        return texts
    placed = dict(zip(todo, texts, strict=True))
    return [placed.get(c.entry, "") for c in found]


def _batch(
    index: SearchIndex, keywords: list[Keyword], entries: list[int], texts: list[str]
) -> None:
    """Have typed pinyin's readings looked for in these texts together, with numpy where
    it is loaded (spans.py; else they are spelled together)."""
    latin = [k for k in keywords if k.latin]
    if latin:
        batch = index.speller.batch(entries, texts)
        if batch is None:
            index.speller.spell_many(texts)
        for keyword in latin:
            keyword.seen[BATCH] = batch


def _places_in(keyword: Keyword, index: SearchIndex, texts: list[str]) -> list[int]:
    """Where `keyword` first occurs exactly in each of `texts` (-1: not at all), as
    `place_finder` finds it: typed pinyin from the batch of its candidates when it has
    them all, a Chinese keyword by one find a text."""
    if not keyword.latin and not keyword.alternatives:
        return list(map(methodcaller("find", keyword.text), texts))
    if keyword.latin and (places := first_places(keyword, texts)) is not None:
        return places
    return list(map(_finder(keyword, index), texts))


def _finder(keyword: Keyword, index: SearchIndex) -> Callable[[str], int]:
    """`place_finder`'s; for typed pinyin, from the batch of its candidates where it has one,
    else made on first use (it compiles regexes: a lone keyword placed by lookups needs none)."""
    if not keyword.latin:
        return place_finder(keyword, index)
    made: list[Callable[[str], int]] = []

    def find(text: str) -> int:
        at = first_place(keyword, text)
        if at is None:  # a text not in a batch
            if not made:
                made.append(place_finder(keyword, index))
            at = made[0](text)
        return at

    return find


def _matched(keyword: Keyword, index: SearchIndex, i: int, text: str, memo: Memo) -> Match:
    if keyword.latin:  # typed pinyin changes with every letter: nothing to ask again
        return match_keyword(keyword, index, i, text)
    key = (keyword.text, i)
    found = memo.get(key)
    if found is None:
        found = match_keyword(keyword, index, i, text)
        if found.quality < 1.0:  # only fuzzy alignments: an exact one is found again quickly,
            if len(memo) >= MEMO_KEPT:  # and each one kept is work for the garbage collector
                memo.clear()
            memo[key] = found
    return found

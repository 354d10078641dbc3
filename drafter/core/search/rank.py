"""Ranking: score the candidates of a query, cheapest checks first, and keep the best.

A score (0–1) adds up, in this order of weight: the share of keywords matched well, how
much of every keyword was found, how tight the matches sit (in typed order), how early they
start, and a small preference for the current section and scene. Candidates are ordered by
a cheap estimate, and skipped once even their best possible score cannot enter the top.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from drafter.core.search.candidates import Candidate
from drafter.core.search.index import SearchIndex
from drafter.core.search.matches import Match, Place, closest, reading_bound
from drafter.core.search.query import (
    GOOD,
    HOMOPHONE,
    PARTIAL,
    Keyword,
    match_keyword,
    place_finder,
)

Mask = bytes | bytearray | memoryview

W_MATCHED, W_COVERAGE, W_TIGHT, W_EARLY, W_PREFER = 0.6, 0.3, 0.06, 0.02, 0.02
OUT_OF_ORDER = 0.8  # keywords found in another order than typed count as a little looser
EARLY_SPAN = 50  # folded characters after which a match counts as "late"
_NOT_FOUND = 1 << 30
TAIL = 60  # partial matches weighed beyond the `limit` first ones, at most
_EXACT = W_MATCHED + W_COVERAGE + W_TIGHT


@dataclass(frozen=True)
class Preference:
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
    finders = [place_finder(k, index) for k in keywords]
    if len(keywords) == 1:
        find = finders[0]
        for c in found:
            # a lookup found it there (a bound: scoring checks it), else look
            at = c.position if c.position >= 0 else find(index.text(c.entry))
            # as below: (missing, position, 0) or (missing, -slot score, position)
            missing, first, then = (0, at, 0) if at >= 0 else (1, -c.hits, _NOT_FOUND)
            order.append((missing, first, then, c.entry, [at]))
    for c in found if len(keywords) > 1 else ():
        text = index.text(c.entry)
        places = [find(text) for find in finders]
        hit = [p for p in places if p >= 0]
        position = min(hit) if hit else (c.position if c.position >= 0 else _NOT_FOUND)
        missing = len(places) - len(hit)
        # every keyword exact: position decides (so the first too late ends the group);
        # otherwise the slot score does
        first, then = (position, 0) if not missing else (-c.hits, position)
        order.append((missing, first, then, c.entry, places))
    order.sort()  # entries differ: the places are never compared
    most_preferred = W_PREFER if prefer else 0.0
    # the best any candidate missing an exact keyword could score
    partial = _partial_bound(keywords, weights, total) + W_PREFER
    best: list[tuple[float, int]] = []  # a heap of the top `limit` (score, -entry)
    results: list[tuple[float, int, list[Match]]] = []
    skip_exact = False
    pinyin = len(keywords) == 1 and keywords[0].latin
    placed: Placed = {}  # readings found while bounding a lone pinyin keyword, by entry
    tail = limit + TAIL  # partial matches weighed, at most (in slot-score order)
    for missing, _, _, i, places in order:
        if missing == 0 and skip_exact:
            continue
        bonus = W_PREFER * prefer.bonus(i) if most_preferred else 0.0
        if missing:
            tail -= 1
            if tail < 0:
                break  # enough partial matches weighed; the rest rank lower by slot score
        if len(best) >= limit:
            if missing and partial < best[0][0]:
                break  # all that is left misses a keyword, and cannot make the top
            if not missing:  # every keyword exact: only tightness and position vary
                first = min(min(places), EARLY_SPAN)
                bound = _EXACT + W_EARLY * (1 - first / EARLY_SPAN)
                if bound + most_preferred < best[0][0]:
                    skip_exact = True  # the rest of the exact ones start later still
                    continue
                if pinyin:  # … and how well the reading found fits (word boundaries)
                    bound = _reading_bound(keywords[0], index, i, total, bound, placed)
            else:
                bound = _bound(index, i, keywords, weights, total, places, sounds)
            if (bound + bonus, -i) < best[0]:
                continue  # even at its bound it scores under the top (equal: later in bank order)
        text = index.text(i)
        if pinyin:
            matches = [match_keyword(keywords[0], index, i, text, placed.get(i))]
            score = _score_one(total, matches[0])
        elif len(keywords) == 1:
            matches = [_matched(keywords[0], index, i, text, memo)]
            score = _score_one(total, matches[0])
        else:
            matches = closest([_matched(k, index, i, text, memo) for k in keywords])
            score = _score(weights, total, matches)
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


Placed = dict[int, list[Place]]
Memo = dict[tuple[str, int], Match]
"""(Chinese keyword, entry) → its fuzzy match there: a keyword's match depends on nothing
else (its equivalent terms come from its text), and the next keystrokes ask again:
上村干部 挂在 weighs the same partial matches of 上村干部 as 上村干部 did, by fuzzy
alignment. The engine keeps one per index, emptied when full."""
MEMO_KEPT = 20_000


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


def _score(weights: list[int], total: int, matches: list[Match]) -> float:
    """Everything but the preference; 0 when nothing matched."""
    coverage = matched = 0.0
    lo, hi, need = _NOT_FOUND, 0, 0
    starts: list[int] = []
    for weight, m in zip(weights, matches, strict=True):
        if not m.positions:
            continue
        coverage += weight * m.quality
        if m.quality >= GOOD:
            matched += weight
        start, end = m.positions[0], m.positions[-1] + 1
        lo, hi, need = min(lo, start), max(hi, end), need + len(m.positions)
        starts.append(start)
    if not starts:
        return 0.0
    tight = min(1.0, need / (hi - lo))
    if starts != sorted(starts):
        tight *= OUT_OF_ORDER
    early = 1 - min(lo, EARLY_SPAN) / EARLY_SPAN
    return (
        W_MATCHED * matched / total
        + W_COVERAGE * coverage / total
        + W_TIGHT * tight
        + W_EARLY * early
    )


def _score_one(weight: int, m: Match) -> float:
    """`_score` of a single keyword's match, in the same steps (the same float)."""
    if not m.positions:
        return 0.0
    coverage = 0.0 + weight * m.quality
    matched = 0.0 + weight if m.quality >= GOOD else 0.0
    start, end = m.positions[0], m.positions[-1] + 1
    tight = min(1.0, len(m.positions) / (end - start))
    early = 1 - min(start, EARLY_SPAN) / EARLY_SPAN
    return (
        W_MATCHED * matched / weight
        + W_COVERAGE * coverage / weight
        + W_TIGHT * tight
        + W_EARLY * early
    )


def _reading_bound(
    keyword: Keyword, index: SearchIndex, i: int, weight: int, bound: float, placed: Placed
) -> float:
    """`_score_one`'s best for a lone pinyin keyword found in entry `i`, at most `bound`:
    the best quality of its readings there, tight, from where the earliest starts (in the
    same steps as `_score_one`, so never a float under its score).

    A reading that crosses a word (0.85) or reads a character in its second reading is
    told from a whole one only by matching it: jianliqi scored 241 of its 250 candidates
    for a top of 0.85 readings, 40 with this bound."""
    found = reading_bound(keyword, index.text(i), index)
    if found is None:
        return bound
    placed[i] = found  # for scoring, if the bound does not rule it out
    quality, first = max(q for q, _, _ in found), -max(s for _, _, s in found)
    coverage = 0.0 + weight * quality
    matched = 0.0 + weight if quality >= GOOD else 0.0
    early = 1 - min(first, EARLY_SPAN) / EARLY_SPAN
    tight = W_MATCHED * matched / weight + W_COVERAGE * coverage / weight + W_TIGHT * 1.0
    return min(bound, tight + W_EARLY * early)


def _partial_bound(keywords: list[Keyword], weights: list[int], total: int) -> float:
    """The best score (without preference) of an entry that misses one keyword exactly."""
    best = 0.0
    for keyword, weight in zip(keywords, weights, strict=True):
        if keyword.latin:  # no reading matches: at best a reading with one slip
            quality = max((len(p) / (len(p) + 1) for p in keyword.fuzzy), default=0.0)
        elif len(keyword.text) < 2:
            quality = 0.0
        else:  # a same-sounding character in place of one typed
            quality = 1 - (1 - HOMOPHONE) / len(keyword.text)
        matched = total - (weight if quality < GOOD else 0)
        coverage = total - weight * (1 - quality)
        best = max(best, W_MATCHED * matched / total + W_COVERAGE * coverage / total)
    return best + W_TIGHT + W_EARLY


def _slip_bound(keyword: Keyword, index: SearchIndex, text: str) -> float:
    """The best a pinyin keyword with no exact reading in `text` can do: a slipped reading,
    possible only where one of its halves matches."""
    speller = index.speller
    spelled = speller.spell(text)
    for half in keyword.halves:
        if speller.regex(half).search(spelled):
            return max(len(p) / (len(p) + 1) for p in keyword.fuzzy)
    return 0.0


def _bound(
    index: SearchIndex,
    i: int,
    keywords: list[Keyword],
    weights: list[int],
    total: int,
    places: list[int],
    sounds: list[str],
) -> float:
    """The best score entry `i` could reach (without preference), from cheap checks only."""
    text = sound = ""
    coverage = matched = 0.0
    floating = False  # could a keyword not found exactly still match (anywhere)?
    for keyword, weight, place, spoken in zip(keywords, weights, places, sounds, strict=True):
        if place >= 0:
            quality = 1.0
        elif keyword.latin:  # no reading matches: at best a reading with one slip
            text = text or index.text(i)
            quality = _slip_bound(keyword, index, text)
        elif len(keyword.text) < 2:
            quality = 0.0
        elif len(keyword.text) == 2:  # only a same-sounding word counts (see _match_fuzzy)
            sound = sound or index.sound(i)
            quality = 1.0 if spoken in sound else 0.0
        else:
            # a character can only be matched if it, or one that sounds the same, is there
            text = text or index.text(i)
            sound = sound or index.sound(i)
            chars = sum(c in text for c in keyword.text) / len(keyword.text)
            held = sum(c in sound for c in spoken)
            heard = held / len(spoken)
            quality = chars + HOMOPHONE * max(0.0, heard - chars)
            if held < len(spoken) and not keyword.alternatives:
                # a sound missing: whichever way it aligns, a part of the keyword is found
                # (_match_fuzzy's PARTIAL); an equivalent term could do better
                quality *= PARTIAL
        floating = floating or (place < 0 and quality > 0)
        coverage += weight * quality
        if quality >= GOOD:
            matched += weight
    # unless a keyword may match where it is not found exactly, no match starts before the
    # first exact one
    exact = [p for p in places if p >= 0]
    first = min(exact) if exact and not floating else 0
    early = 1 - min(first, EARLY_SPAN) / EARLY_SPAN
    return W_MATCHED * matched / total + W_COVERAGE * coverage / total + W_TIGHT + W_EARLY * early

"""Scores: a candidate's score from its keywords' matches, and the best it could reach
from cheap checks, so that ranking (rank.py) can skip it before matching.

A score (0–1) adds up, in this order of weight: the share of keywords matched well, how
much of every keyword was found, how tight the matches sit (in typed order), and how early
they start; ranking adds a small preference for the current section and scene. A bound is
computed in the same float steps as the score it bounds, so it is never a float under it
(an equivalent term's, which cannot be, is loosened past their rounding); a test ranks
with every bound and with none, and wants the same results.
"""

from __future__ import annotations

from functools import lru_cache

from drafter.core.search.index import SearchIndex
from drafter.core.search.matches import Match, Place, reading_bound, slip_possible
from drafter.core.search.pinyin import PinyinTable
from drafter.core.search.query import GOOD, HOMOPHONE, PARTIAL, SYNONYM, Keyword

W_MATCHED, W_COVERAGE, W_TIGHT, W_EARLY, W_PREFER = 0.6, 0.3, 0.06, 0.02, 0.02
OUT_OF_ORDER = 0.8  # keywords found in another order than typed count as a little looser
EARLY_SPAN = 50  # folded characters after which a match counts as "late"
NOT_FOUND = 1 << 30
EXACT = W_MATCHED + W_COVERAGE + W_TIGHT
_SLACK = 1 + 1e-9  # a bound reached in other float steps than its score, loosened
Placed = dict[int, list[Place]]
"""Readings found while bounding a lone pinyin keyword, by entry (for scoring)."""


def combined(weights: list[int], total: int, matches: list[Match]) -> float:
    """Everything but the preference; 0 when nothing matched."""
    coverage = matched = 0.0
    lo, hi, need = NOT_FOUND, 0, 0
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


def score_one(weight: int, m: Match) -> float:
    """`combined` of a single keyword's match, in the same steps (the same float)."""
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


def reading_bound_of(
    keyword: Keyword, index: SearchIndex, i: int, weight: int, bound: float, placed: Placed
) -> float:
    """`score_one`'s best for a lone pinyin keyword found in entry `i`, at most `bound`:
    the best quality of its readings there, tight, from where the earliest starts (in the
    same steps as `score_one`, so never a float under its score).

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


def partial_bound(keywords: list[Keyword], weights: list[int], total: int) -> float:
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
    if slip_possible(keyword, text, index):
        return max(len(p) / (len(p) + 1) for p in keyword.fuzzy)
    return 0.0


def bound_of(
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
        else:
            text = text or index.text(i)
            sound = sound or index.sound(i)
            quality = _fuzzy_bound(keyword.text, spoken, text, sound)
            if keyword.alternatives and quality < SYNONYM * _SLACK:  # (none is in the text)
                alike = _spoken(keyword.alternatives, index.table)
                for other, heard in zip(keyword.alternatives, alike, strict=True):
                    # (its score takes other float steps: loosened past their rounding)
                    found = SYNONYM * _fuzzy_bound(other, heard, text, sound) * _SLACK
                    quality = max(quality, found)
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


@lru_cache(maxsize=256)
def _spoken(words: tuple[str, ...], table: PinyinTable) -> tuple[str, ...]:
    """Words with each character replaced by its sound (a query's equivalent terms are
    bounded for every candidate)."""
    return tuple(word.translate(table.sound_table()) for word in words)


def _fuzzy_bound(word: str, spoken: str, text: str, sound: str) -> float:
    """The best quality of `_match_fuzzy(word)` in a text (its sounds: `sound`)."""
    if len(word) == 2:  # only a same-sounding word counts
        return 1.0 if spoken in sound else 0.0
    # a character can only be matched if it, or one that sounds the same, is there
    chars = sum(map(text.__contains__, word)) / len(word)
    held = sum(map(sound.__contains__, spoken))
    quality = chars + HOMOPHONE * max(0.0, held / len(spoken) - chars)
    if held < len(spoken):  # whichever way it aligns, a part of the word (PARTIAL)
        quality *= PARTIAL
    return quality

"""Near-duplicate detection (rapidfuzz ratio ≥ 90) that stays fast on large archives.

Comparing every phrase with every other is quadratic. Instead each text is indexed by a
prefix of its rarest character bigrams: two texts within ratio 90 differ by few edits, and
each edit destroys at most two bigrams, so they must share one of those rare bigrams
(prefix filtering, as in Ed-Join). Only texts that do are compared with rapidfuzz.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

NEAR_DUPLICATE = 90  # the same threshold as `drafter bank check`
_Q = 2
_T = (100 - NEAR_DUPLICATE) / 100
CANDIDATE_BUDGET = 200
"""Most comparisons per new text. Only a text made of very common bigrams reaches it; the
search then ends early (a near-duplicate it misses is still flagged by `drafter bank check`)."""


def grams(text: str) -> set[str]:
    """The distinct character bigrams of a text (the text itself when shorter)."""
    if len(text) < _Q:
        return {text}
    return set(map(str.__add__, text, text[1:]))  # consecutive pairs, built in C


def prefix_length(length: int, count: int) -> int:
    """How many of a text's rarest grams must be indexed so no near-duplicate is missed.

    fuzz.ratio = 100·(1 − d/(a+b)) with d the insert/delete distance. Ratio ≥ 90 means
    d ≤ t·(a+b) with t = 0.1, and since d ≥ |a−b|, b ≤ a·(1+t)/(1−t); so d ≤ 2t·a/(1−t).
    Each edit destroys at most q gram occurrences, so at most q·d distinct grams of one text
    are missing from the other; by prefix filtering, one of the q·d + 1 rarest must be shared.
    """
    most_edits = int(2 * _T * length / (1 - _T) + 1e-9)
    return min(count, _Q * most_edits + 1)


class DuplicateIndex:
    """Texts seen so far; `add` tells whether a new text nearly repeats one of them."""

    def __init__(self, corpus: Iterable[str]):
        self._grams: dict[str, set[str]] = {}
        frequency: Counter[str] = Counter()
        for text in corpus:
            if text not in self._grams:
                found = self._grams[text] = grams(text)
                frequency.update(found)
        # One global order of grams, rarest first (ties by the gram): the prefix filter needs
        # every text's grams sorted the same way. A gram is known by its rank from here on.
        order = sorted(frequency)
        order.sort(key=frequency.__getitem__)  # stable: equal counts stay in gram order
        self._rank: dict[str, int] = {gram: i for i, gram in enumerate(order)}
        # Grams found in one text only rank first; no other text can be found through them.
        self._unique = sum(1 for count in frequency.values() if count == 1)
        self._exact: set[str] = set()
        self._postings: defaultdict[int, list[str]] = defaultdict(list)

    def _prefix(self, text: str) -> list[int]:
        found = self._grams.pop(text, None)
        if found is None:  # a text not in the corpus given up front: its new grams rank first
            rank = self._rank
            ranks = sorted(rank.setdefault(gram, -len(rank) - 1) for gram in grams(text))
        else:
            ranks = sorted(map(self._rank.__getitem__, found))
        prefix = ranks[: prefix_length(len(text), len(ranks))]
        # Grams of one text only (ranks 0 to _unique - 1) cannot lead to another text: leave
        # them out of the search. The prefix is sorted, so they form one run.
        start = bisect_left(prefix, 0)
        end = bisect_left(prefix, self._unique, start)
        return prefix[:start] + prefix[end:] if end > start else prefix

    def add(self, text: str) -> str | None:
        """The indexed text that `text` nearly repeats (ratio ≥ 90), or None after indexing it."""
        if text in self._exact:
            return text
        prefix = self._prefix(text)
        if not prefix:
            self._exact.add(text)  # every gram that could match is the text's own
            return None
        candidates: set[str] = set()
        for gram in prefix:  # rarest first: a near-duplicate most likely shares those
            postings = self._postings.get(gram)
            if postings:  # the most recent first when there are too many: repeats cluster
                candidates.update(
                    postings if len(postings) <= CANDIDATE_BUDGET else postings[-CANDIDATE_BUDGET:]
                )
                if len(candidates) >= CANDIDATE_BUDGET:
                    break
        if candidates:
            match = process.extractOne(
                text, candidates, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE, processor=None
            )
            if match is not None:
                return str(match[0])
        self._exact.add(text)
        for gram in prefix:
            self._postings[gram].append(text)
        return None

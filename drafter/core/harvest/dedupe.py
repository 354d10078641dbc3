"""Near-duplicate detection (rapidfuzz ratio ≥ 90) that stays fast on large archives.

Comparing every phrase with every other is quadratic. Instead each text is indexed by a
prefix of its rarest character bigrams: two texts within ratio 90 differ by few edits, and
each edit destroys at most two bigrams, so they must share one of those rare bigrams
(prefix filtering, as in Ed-Join). Only texts that do are compared with rapidfuzz.
"""

from __future__ import annotations

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
    return {text[i : i + _Q] for i in range(max(len(text) - _Q + 1, 1))}


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
        self._grams: dict[str, list[str]] = {}
        frequency: Counter[str] = Counter()
        for text in corpus:
            if text not in self._grams:
                found = self._grams[text] = list(grams(text))
                frequency.update(found)
        # One global order of grams, rarest first (ties by the gram): the prefix filter needs
        # every text's grams sorted the same way.
        order = sorted(frequency.items(), key=lambda item: (item[1], item[0]))
        self._rank: dict[str, int] = {gram: i for i, (gram, _) in enumerate(order)}
        # Grams found in one text only rank first; no other text can be found through them.
        self._unique = sum(1 for _, count in order if count == 1)
        self._exact: set[str] = set()
        self._postings: defaultdict[str, list[str]] = defaultdict(list)

    def _prefix(self, text: str) -> list[str]:
        found = self._grams.pop(text, None)
        if found is None:  # a text not in the corpus given up front: its new grams rank first
            found = list(grams(text))
            for gram in found:
                self._rank.setdefault(gram, -len(self._rank) - 1)
        found.sort(key=self._rank.__getitem__)
        prefix = found[: prefix_length(len(text), len(found))]
        # Grams of one text only cannot lead to another text: leave them out of the search.
        return [g for g in prefix if self._rank[g] >= self._unique or self._rank[g] < 0]

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
            if postings:
                candidates.update(postings[-CANDIDATE_BUDGET:])  # recent: repeats cluster
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

"""Near-duplicate detection (rapidfuzz ratio ≥ 90) that stays fast on large banks.

Comparing every phrase with every other is quadratic. Instead each text is indexed by a
prefix of its rarest character bigrams: two texts within ratio 90 differ by few edits, and
each edit destroys at most two bigrams, so they must share one of those rare bigrams
(prefix filtering, as in Ed-Join). Only texts that do are compared with rapidfuzz.

Rarity is counted on a sample (for a harvest: the installed banks and the first part of
the archive), so the search can start before everything is read. Any fixed order of the
bigrams keeps the guarantee; a good one only makes the prefixes more selective.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable

from rapidfuzz import fuzz, process

NEAR_DUPLICATE = 90
"""rapidfuzz ratio at which two texts count as the same phrase (harvest and bank check)."""
CANDIDATE_BUDGET = 120
"""Most comparisons per new text in a harvest. Only a text made of very common bigrams
reaches it; the search then ends early and may miss a near-duplicate, which `drafter bank
check` (no budget) still names."""


def grams(text: str) -> set[str]:
    """The distinct character bigrams of a text (the text itself when shorter)."""
    if len(text) < 2:
        return {text}
    return set(map(str.__add__, text, text[1:]))  # consecutive pairs, built in C


def prefix_length(length: int, count: int) -> int:
    """How many of a text's rarest grams must be indexed so no near-duplicate is missed.

    fuzz.ratio = 100·(1 − d/(a+b)), d the insert/delete distance between texts of lengths a
    and b. Going from a to b, a deletion breaks at most two of a's bigram occurrences and an
    insertion one, so at most 2·del + ins = (3d + a − b)/2 of a's bigrams are missing from b.
    Ratio ≥ 90 means d ≤ t·(a+b) with t = 0.1, and d ≥ a − b means b ≥ a·(1−t)/(1+t); the
    bound is largest at that b: 4t·a/(1+t). If none of the (bound + 1) rarest grams of each
    text is shared, the texts cannot be near-duplicates (prefix filtering).
    """
    t_num, t_den = 100 - NEAR_DUPLICATE, 100  # t as a fraction, so the bound is exact
    most_missing = 4 * t_num * length // (t_den + t_num)
    return min(count, most_missing + 1)


class DuplicateIndex:
    """Texts indexed so far, and the near-duplicates of a new text among them.

    `sample`: texts whose bigram counts rank the bigrams (any ranking finds every pair; one
    drawn from texts like those to come keeps the prefixes short). `budget` caps the
    comparisons per text (None: compare every candidate, never miss one).
    """

    def __init__(self, sample: Iterable[str], budget: int | None = CANDIDATE_BUDGET):
        self._budget = budget
        self._grams: dict[str, set[str]] = {}
        frequency: Counter[str] = Counter()
        for text in sample:
            if text not in self._grams:
                found = self._grams[text] = grams(text)
                frequency.update(found)
        # One global order of grams, rarest first (ties by the gram): the prefix filter needs
        # every text's grams sorted the same way. A gram is known by its rank from here on.
        order = sorted(frequency)
        order.sort(key=frequency.__getitem__)  # stable: equal counts stay in gram order
        self._rank: dict[str, int] = {gram: i for i, gram in enumerate(order)}
        self._seen: dict[str, int] = {}  # every text indexed, and its position
        self._postings: defaultdict[int, list[str]] = defaultdict(list)

    def add(self, text: str) -> str | None:
        """The indexed text that `text` nearly repeats, or None after indexing `text`."""
        if text in self._seen:
            return text
        prefix = self._prefix(text)
        match = self._best(text, self._candidates(prefix))
        if match is not None:
            return match[0]
        self._index(text, prefix)
        return None

    def nearest(self, text: str) -> tuple[str, float] | None:
        """The closest indexed text within the threshold and its score; `text` is indexed."""
        if text in self._seen:
            return text, 100.0
        prefix = self._prefix(text)
        # In the order they were indexed, so that of equally close texts the first is named.
        candidates = sorted(self._candidates(prefix), key=self._seen.__getitem__)
        match = self._best(text, candidates)
        self._index(text, prefix)
        return match

    def _prefix(self, text: str) -> list[int]:
        found = self._grams.pop(text, None) or grams(text)
        rank = self._rank
        new = found.difference(rank)
        if new:  # bigrams outside the sample rank before all others, in the order they turn up
            for gram in sorted(new):  # (sorted: set order changes from run to run)
                rank[gram] = -len(rank) - 1
        ranks = sorted(map(rank.__getitem__, found))
        return ranks[: prefix_length(len(text), len(ranks))]

    def _candidates(self, prefix: list[int]) -> set[str]:
        postings, budget = self._postings, self._budget
        found = [texts for gram in prefix if (texts := postings.get(gram))]
        candidates: set[str] = set()
        if budget is None:
            candidates.update(*found)
            return candidates
        # With a budget, the bigrams fewest indexed texts share come first: they are the most
        # telling, and more of them fit in. A list too long gives its most recent texts
        # (repeats cluster in an archive).
        found.sort(key=len)
        for texts in found:
            candidates.update(texts if len(texts) <= budget else texts[-budget:])
            if len(candidates) >= budget:
                break
        return candidates

    @staticmethod
    def _best(text: str, candidates: Collection[str]) -> tuple[str, float] | None:
        if not candidates:
            return None
        match = process.extractOne(
            text, candidates, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE, processor=None
        )
        return None if match is None else (str(match[0]), float(match[1]))

    def _index(self, text: str, prefix: list[int]) -> None:
        self._seen[text] = len(self._seen)
        for gram in prefix:
            self._postings[gram].append(text)

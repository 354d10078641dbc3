"""Near-duplicate detection (rapidfuzz ratio ≥ 90) that stays fast on large banks.

Comparing every phrase with every other is quadratic. Instead each text is indexed by a
prefix of its rarest character bigrams: two texts within ratio 90 differ by few edits, and
each edit destroys at most two bigrams, so they must share one of those rare bigrams
(prefix filtering, as in Ed-Join). Only texts that do are compared with rapidfuzz.

Rarity is counted on a sample (for a harvest: the installed banks and the first part of
the archive), so the search can start before everything is read. Any fixed order of the
bigrams keeps the guarantee; a good one only makes the prefixes more selective.

Bigrams are integer keys computed for a whole batch of texts at a time (numpy): a harvest
hands over one file's phrases at once, and only the candidate search runs text by text.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

NEAR_DUPLICATE = 90
"""rapidfuzz ratio at which two texts count as the same phrase (harvest and bank check)."""
CANDIDATE_BUDGET = 120
"""Most comparisons per new text in a harvest. Only a text made of very common bigrams
reaches it; the search then ends early and may miss a near-duplicate, which `drafter bank
check` (no budget) still names."""
_T_NUM, _T_DEN = 100 - NEAR_DUPLICATE, 100  # t as a fraction, so the bound is exact

_Ints = npt.NDArray[np.int64]


def prefix_length(length: int, count: int) -> int:
    """How many of a text's rarest grams must be indexed so no near-duplicate is missed.

    fuzz.ratio = 100·(1 − d/(a+b)), d the insert/delete distance between texts of lengths a
    and b. Going from a to b, a deletion breaks at most two of a's bigram occurrences and an
    insertion one, so at most 2·del + ins = (3d + a − b)/2 of a's bigrams are missing from b.
    Ratio ≥ 90 means d ≤ t·(a+b) with t = 0.1, and d ≥ a − b means b ≥ a·(1−t)/(1+t); the
    bound is largest at that b: 4t·a/(1+t). If none of the (bound + 1) rarest grams of each
    text is shared, the texts cannot be near-duplicates (prefix filtering).
    """
    return min(count, 4 * _T_NUM * length // (_T_DEN + _T_NUM) + 1)


def gram_keys(texts: Sequence[str]) -> tuple[_Ints, _Ints]:
    """The distinct character bigrams of each text as (text number, key), sorted by text
    and key; a text shorter than two characters is its own gram.

    Key of the pair (a, b): a·2²¹ + b + 1; of a lone character a: a·2²¹; of "": −1. Keys
    sort as the grams do as strings ("a" < "ab" < "b"), so ties in rarity break as before.
    """
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    joined = "".join(texts).encode("utf-32-le", "surrogatepass")
    codes = np.frombuffer(joined, dtype=np.uint32).astype(np.int64)
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)
    last = np.zeros(len(codes), dtype=bool)
    last[ends[lengths > 0] - 1] = True  # a pair never spans two texts
    pair = np.flatnonzero(~last)
    short = np.flatnonzero(lengths < 2)
    lone = np.full(len(short), -1, dtype=np.int64)  # "": -1
    one = lengths[short] == 1
    lone[one] = codes[(ends - lengths)[short[one]]] << 21
    keys = np.concatenate((codes[pair] << 21 | (codes[pair + 1] + 1), lone))
    ids = np.concatenate((owner[pair], short))
    if len(texts) < 1 << 20:  # one int64 holds both: a plain sort is faster than lexsort
        both = np.sort(ids << 43 | (keys + 1))  # np.unique hashes first: slower here
        both = both[np.concatenate(([True], both[1:] != both[:-1]))[: len(both)]]
        return both >> 43, (both & ((1 << 43) - 1)) - 1
    order = np.lexsort((keys, ids))
    ids, keys = ids[order], keys[order]
    distinct = np.ones(len(keys), dtype=bool)
    distinct[1:] = (ids[1:] != ids[:-1]) | (keys[1:] != keys[:-1])
    return ids[distinct], keys[distinct]


class DuplicateIndex:
    """Texts indexed so far, and the near-duplicates of a new text among them.

    `sample`: texts whose bigram counts rank the bigrams (any ranking finds every pair; one
    drawn from texts like those to come keeps the prefixes short). `budget` caps the
    comparisons per text (None: compare every candidate, never miss one).
    """

    def __init__(self, sample: Iterable[str], budget: int | None = CANDIDATE_BUDGET):
        self._budget = budget
        _, keys = gram_keys(list(dict.fromkeys(sample)))
        known, counts = np.unique(keys, return_counts=True)
        # One global order of grams, rarest first (ties by the gram): the prefix filter needs
        # every text's grams sorted the same way. A gram is known by its rank from here on.
        rank = np.empty(len(known), dtype=np.int64)
        rank[np.lexsort((known, counts))] = np.arange(len(known), dtype=np.int64)
        self._known, self._known_rank = known, rank
        self._new: dict[int, int] = {}  # grams outside the sample: key -> rank
        self._seen: dict[str, int] = {}  # every text indexed, and its position
        self._postings: dict[int, list[str]] = {}

    def add(self, text: str) -> str | None:
        """The indexed text that `text` nearly repeats, or None after indexing `text`."""
        return self.add_many([text])[0]

    def add_many(self, texts: Sequence[str]) -> list[str | None]:
        """`add` for each text in turn (a batch computes its grams at once)."""
        found: list[str | None] = []
        prefixes = self._unseen_prefixes(texts)
        for text in texts:
            if text in self._seen:
                found.append(text)
                continue
            prefix = prefixes[text]
            match = self._best(text, self._candidates(prefix))
            if match is None:
                self._index(text, prefix)
            found.append(None if match is None else match[0])
        return found

    def nearest(self, text: str) -> tuple[str, float] | None:
        """The closest indexed text within the threshold and its score; `text` is indexed."""
        return self.nearest_many([text])[0]

    def nearest_many(self, texts: Sequence[str]) -> list[tuple[str, float] | None]:
        """`nearest` for each text in turn."""
        found: list[tuple[str, float] | None] = []
        prefixes = self._unseen_prefixes(texts)
        for text in texts:
            if text in self._seen:
                found.append((text, 100.0))
                continue
            prefix = prefixes[text]
            # In the order they were indexed, so that of equally close texts the first is named.
            candidates = sorted(self._candidates(prefix), key=self._seen.__getitem__)
            found.append(self._best(text, candidates))
            self._index(text, prefix)
        return found

    def _unseen_prefixes(self, texts: Sequence[str]) -> dict[str, list[int]]:
        """The prefixes of the texts not indexed yet: exact repeats, common in an archive,
        need none (and their grams are ranked already, so skipping them changes no rank)."""
        seen = self._seen
        new = list(dict.fromkeys(t for t in texts if t not in seen))
        return dict(zip(new, self._prefixes(new), strict=True))

    def _prefixes(self, texts: Sequence[str]) -> list[list[int]]:
        """Each text's rarest gram ranks, as many as prefix_length asks for."""
        if not texts:
            return []
        ids, keys = gram_keys(texts)
        known = self._known
        at = np.minimum(np.searchsorted(known, keys), max(len(known) - 1, 0))
        hit = known[at] == keys if len(known) else np.zeros(len(keys), dtype=bool)
        ranks = np.where(hit, self._known_rank[at] if len(known) else 0, 0)
        missing = np.flatnonzero(~hit)
        if len(missing):
            # Grams outside the sample rank before all others, in the order they turn up
            # (text by text, each text's in key order): the same ranks in every run.
            new, size = self._new, len(known)
            extra = []
            for key in keys[missing].tolist():
                rank = new.get(key)
                if rank is None:
                    rank = new[key] = -(size + len(new)) - 1
                extra.append(rank)
            ranks[missing] = extra
        both = np.sort(ids << 32 | (ranks + (1 << 31)))  # by text, then rank
        ids, ranks = both >> 32, (both & ((1 << 32) - 1)) - (1 << 31)
        counts = np.bincount(ids, minlength=len(texts))
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        wanted = np.minimum(counts, 4 * _T_NUM * lengths // (_T_DEN + _T_NUM) + 1)
        starts = np.cumsum(counts) - counts
        kept = ranks[np.arange(len(ids)) - starts[ids] < wanted[ids]].tolist()
        bounds = np.cumsum(wanted).tolist()
        return [kept[a:b] for a, b in zip([0, *bounds], bounds, strict=False)]

    def _candidates(self, prefix: list[int]) -> set[str]:
        postings, budget = self._postings, self._budget
        found = list(filter(None, map(postings.get, prefix)))  # grams some text is indexed by
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
        postings = self._postings
        for gram in prefix:
            texts = postings.get(gram)
            if texts is None:
                postings[gram] = [text]
            else:
                texts.append(text)

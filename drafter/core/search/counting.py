"""Slot scores summed per entry, and the best-scoring entries picked (see candidates.py).

Postings are counted in Python while numpy is not loaded (a start from a bank store never
loads it, and one query's counting in Python costs less than loading it); once it is (a
build, a large query, or `load_arrays` as the wizard calls it off the UI thread), any
query with more than a few thousand postings is summed in numpy, several times quicker.
Both ways give the same scores, and the same entries in the same order.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import ge
from typing import Any, Protocol

POOL = 250  # candidates scored in full, at most
ENOUGH = 30  # candidates under the floor are taken only while there are fewer than this
BULK = 20_000  # postings past which they are counted with numpy, loading it if need be
ARRAYS = 2_000  # … past which they are, once numpy is loaded (and 1/50 of the bank)


class Slot(Protocol):
    @property
    def exact(self) -> memoryview: ...
    @property
    def similar(self) -> list[memoryview]: ...
    @property
    def size(self) -> int: ...


Piece = tuple[list[memoryview], int]  # entries (a union of these), their score


def load_arrays() -> None:
    """Load numpy now (~0.1 s), so the keystrokes that follow sum their postings with it."""
    # drafter multiplies no matrices: OpenBLAS's worker threads would only spin, taking a
    # core from the keystrokes (~0.07 s of CPU at the import alone, on two cores)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy  # noqa: F401


def arrays_loaded() -> bool:
    """Whether numpy is loaded, and not still being loaded by another thread (the wizard's
    `load_arrays`): a keystroke would wait for that, as imports of one module do."""
    module = sys.modules.get("numpy")
    return module is not None and not getattr(module.__spec__, "_initializing", False)


def count(
    slots: Sequence[Slot], counts: Counter[int], budget: int, size: int = 0
) -> tuple[int, Any]:
    """Add each entry's slot score to `counts`, rarest slots first: (the best score
    possible, None); past BULK postings, or ARRAYS once numpy is loaded (given the bank's
    `size`), the scores are summed with numpy into an array of one score per entry
    instead, returned in place of None."""
    best = 0
    pieces: list[Piece] = []
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
    if size:
        total = sum(len(e) for entries, _ in pieces for e in entries)
        if total > BULK or (total > max(ARRAYS, size // 50) and arrays_loaded()):
            return best, _count_bulk(pieces, size)
    for entries, score in pieces:
        held = entries[0] if len(entries) == 1 else set(entries[0]).union(*entries[1:])
        for _ in range(score):
            counts.update(held)
    return best, None


def _count_bulk(pieces: list[Piece], size: int) -> Any:
    """`count`'s sums with numpy (a large bank's query: thousands of postings)."""
    import numpy as np  # loaded by the first such query, if nothing loaded it before

    # 16 bits: a score is at most 2 a slot (a keyword has fewer than MAX_KEYWORD), and
    # half the memory to read back for the entries found
    sums = np.zeros(size, dtype=np.int16)
    for entries, score in pieces:
        # a union's postings joined: `a[at] += x` adds x once to an entry listed twice (it
        # reads a[at], adds, and writes back), so an entry in several of them scores once;
        # as numpy's own index type (indexing with 32-bit numbers converts them first)
        joined = entries[0] if len(entries) == 1 else b"".join(entries)
        if len(joined):
            sums[np.frombuffer(joined, dtype=np.uint32).astype(np.intp)] += score
    return sums


def top(counts: Counter[int], mask: bytes | None, floor: int) -> list[tuple[int, int]]:
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
    cut, room, _ = _cut(sorted(Counter(values).items(), reverse=True), floor)
    chosen = sorted(compress(keys, map(ge, values, repeat(cut))))
    chosen.sort(key=counts.__getitem__, reverse=True)  # stable: bank order within a score
    return [(i, counts[i]) for i in chosen[:room]]


def _cut(histogram: Iterable[tuple[int, int]], floor: int) -> tuple[int, int, bool]:
    """The lowest score still taken and how many entries are taken at most, from how many
    entries have each score (best first); and whether that is certain without the scores
    under the last one given (the cut stopped above them)."""
    cut, taken = 0, 0
    for value, how_many in histogram:
        room = POOL if value >= floor else ENOUGH
        if taken >= room:
            return cut, POOL if cut >= floor else ENOUGH, True
        cut, taken = value, taken + how_many
    # out of scores: any under them would be taken only while fewer than ENOUGH are
    return cut, POOL if cut >= floor else ENOUGH, taken >= ENOUGH


def top_bulk(
    sums: Any, counts: Counter[int], mask: bytes | None, floor: int
) -> list[tuple[int, int]]:
    """`top` over numpy's sums plus the few scores in `counts` (lookups, equivalent terms),
    without turning thousands of entries into Python numbers."""
    import numpy as np

    if counts:
        keys = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        sums[keys] += np.fromiter(counts.values(), dtype=np.int16, count=len(counts))
    # the entries scoring at least `floor` are usually enough to place the cut, and far
    # fewer to list than every entry found (at 1M phrases: 2 ms of a keystroke)
    for least in dict.fromkeys((floor, 1)):
        found = np.flatnonzero(sums >= least)
        if mask is not None:
            found = found[np.frombuffer(mask, dtype=np.uint8)[found] != 0]
        values = sums[found]
        how_many = np.bincount(values)  # scores are small: one count per score
        scores = np.flatnonzero(how_many)[::-1]
        pairs = zip(scores.tolist(), how_many[scores].tolist(), strict=True)
        cut, room, certain = _cut(pairs, floor)
        if certain:
            break
    taken = values >= cut
    found, values = found[taken], values[taken]
    order = np.argsort(-values, kind="stable")[:room]  # stable: bank order within a score
    return list(zip(found[order].tolist(), values[order].tolist(), strict=True))

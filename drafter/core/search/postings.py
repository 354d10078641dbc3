"""Postings: for each key (a character bigram, a syllable pair), the entries that hold it.

Kept as flat arrays (sorted keys; each key's slice of one array of entry numbers), which is
what a bank store maps from disk as it is: looking a key up is a binary search, nothing is
parsed on opening.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Mapping, Sequence
from typing import TypeAlias

FIRST_TEXTS = 600
"""Texts kept per character in the character postings: the first ones in bank order."""

_SIZES_KEPT = 100_000  # bigram sizes remembered

Ints: TypeAlias = "array[int] | memoryview"
"""Numbers built in memory (an array) or mapped from a store (a memoryview cast to I / Q)."""


def gram_code(gram: str) -> int:
    """A bigram as one number (code points are below 2**21)."""
    return ord(gram[0]) << 21 | ord(gram[1])


def gram_of(code: int) -> str:
    """The bigram of a code (gram_code's inverse)."""
    return chr(code >> 21) + chr(code & 0x1FFFFF)


class Postings:
    """key → sorted entry numbers: sorted keys, and for each a slice of one array."""

    def __init__(self, keys: Ints, starts: Ints, ids: Ints) -> None:
        self.keys, self.starts, self.ids = keys, starts, ids
        self._sizes: dict[str, int] = {}
        self._got: dict[str, memoryview] = {}
        """Sizes looked up so far: scoring typed pinyin asks for the same few bigrams'
        sizes (word boundaries) hundreds of times a keystroke, a binary search each."""

    @classmethod
    def build(cls, lists: Mapping[int, Sequence[int]], code: str = "I") -> Postings:
        keys = array("Q", sorted(lists))
        starts = array("I", [0])
        ids = array(code)
        for key in keys:
            ids.extend(lists[key])
            starts.append(len(ids))
        return cls(keys, starts, ids)

    def _slot(self, key: int) -> int:
        k = bisect.bisect_left(self.keys, key)
        return k if k < len(self.keys) and self.keys[k] == key else -1

    def of(self, key: int) -> memoryview:
        k = self._slot(key)
        if k < 0:
            return memoryview(array("I"))
        return memoryview(self.ids)[self.starts[k] : self.starts[k + 1]]

    def get(self, gram: str) -> memoryview:
        """Entry numbers whose folded text holds `gram`, in bank order (remembered: a
        keystroke looks up again the bigrams typed before it, and their homophones)."""
        found = self._got.get(gram)
        if found is None:
            if len(self._got) >= _SIZES_KEPT:
                self._got.clear()
            found = self._got[gram] = self.of(gram_code(gram))
        return found

    def size(self, gram: str) -> int:
        found = self._sizes.get(gram)
        if found is None:
            if len(self._sizes) >= _SIZES_KEPT:
                self._sizes.clear()
            k = self._slot(gram_code(gram))
            found = self._sizes[gram] = 0 if k < 0 else self.starts[k + 1] - self.starts[k]
        return found

    def __contains__(self, gram: str) -> bool:
        return self._slot(gram_code(gram)) >= 0

    def grams(self) -> Iterator[str]:
        return map(gram_of, self.keys)

"""The search index: folded texts plus inverted indexes, built once and stored as plain data.

Texts are folded for matching (searchfold) and joined into one UTF-8 blob. Candidates are
found without reading every text: postings of character bigrams; bigrams by sound (形势/形式
slips, and typed pinyin such as dangyuan, whatever the reading of a polyphonic character);
and, for initials (dyjy), a scan of the joined initials, one letter per character, under
first and under last readings.

Every part is a flat array or a byte string (see `parts`), so a bank store (bank/store.py)
maps them from disk as they are: opening an index parses nothing, and a text is decoded
only when a query looks at it.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from itertools import chain, repeat
from operator import add

from drafter.core.search.fold import fold
from drafter.core.search.pinyin import PinyinTable, pinyin_table
from drafter.core.search.postings import Ints, Postings, gram_code, gram_of

FORMAT = 7
"""Bumped whenever the parts change shape, so that stores of another shape are rebuilt."""
_SEP = "\x00"  # joins folded texts; folding removes it from the texts themselves
EXTRA_MARK = "\x01"
"""Parts a phrase's folded text from its extra text (note, section name), searched too."""
_NOT_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_CHUNK = 20_000  # texts grouped per pass while inverting (bounds the temporary lists)
_SCAN = 2048  # texts decoded together for a scan of the joined text
_SOUNDS_KEPT = _TEXTS_KEPT = 50_000  # decoded texts and sounds kept for the next queries


PART_NAMES = (
    "folded", "bstarts", "starts", "letters", "letters2", "gram_keys", "gram_starts",
    "gram_ids", "sound_keys", "sound_starts", "sound_grams", "present",
)  # fmt: skip


class SearchIndex:
    """Folded texts and their postings; immutable once built, so threads may share it."""

    def __init__(
        self,
        texts: Sequence[str],
        table: PinyinTable | None = None,
        extras: Sequence[str] | None = None,
    ) -> None:
        """Index `texts`, each followed by its `extras` (searched with a lower weight)."""
        self.table = table or pinyin_table()
        folded = [fold(t) for t in texts]
        if extras is not None:
            pairs = zip(folded, extras, strict=True)
            folded = [t + EXTRA_MARK + x if (x := fold(e)) else t for t, e in pairs]
        self.size = len(folded)
        big = _SEP.join(folded) + _SEP
        self._big: str | None = big
        self.folded: bytes | memoryview = big.encode("utf-8", "surrogatepass")
        self.starts: Ints = array("I", [0])
        self.bstarts: Ints = array("I", [0])
        at = bat = 0
        starts, bstarts = self.starts, self.bstarts
        assert isinstance(starts, array) and isinstance(bstarts, array)
        for text in folded:
            at += len(text) + 1
            bat += len(text.encode("utf-8", "surrogatepass")) + 1
            starts.append(at)
            bstarts.append(bat)
        lists = _bigrams(folded)
        self.bigrams = Postings.build(lists)
        chars = {c for text in folded if len(text) == 1 for c in text}
        chars.update(c for code in lists for c in gram_of(code))
        self.present = frozenset(c for c in chars if c in self.table.readings)
        """The characters with a pinyin reading that occur in the texts."""
        self.sounds = Postings.build(_sound_pairs(self.bigrams, self.table), "Q")
        # Pinyin initials, one letter per character at the same positions as `big`: the
        # first reading's, and the last reading's (so 重 is z in one and c in the other).
        first = {ord(c): r[0][0] for c, r in self.table.readings.items()}
        last = {ord(c): r[-1][0] for c, r in self.table.readings.items()}
        self._letters: bytes | memoryview = _ascii(big.translate(first)).encode()
        other = _ascii(big.translate(last)).encode()
        # empty when no text holds a character whose readings start with different letters
        self._letters2: bytes | memoryview = b"" if other == self._letters else other
        self._chunks: dict[int, str] = {}
        self._commonest: dict[tuple[str, str], int] = {}
        self._sounds: dict[int, str] = {}
        self._texts: dict[int, str] = {}

    @classmethod
    def from_parts(cls, parts: Mapping[str, memoryview], table: PinyinTable) -> SearchIndex:
        """An index over parts written by `parts` (mapped from a store, not copied)."""
        index = cls.__new__(cls)
        index.table = table
        index.folded = parts["folded"]
        index.starts, index.bstarts = parts["starts"], parts["bstarts"]
        index.size = len(index.starts) - 1
        index._big = None
        index._letters, index._letters2 = parts["letters"], parts["letters2"]
        index.bigrams = Postings(parts["gram_keys"], parts["gram_starts"], parts["gram_ids"])
        index.sounds = Postings(parts["sound_keys"], parts["sound_starts"], parts["sound_grams"])
        index.present = frozenset(str(parts["present"], "utf-8"))
        index._chunks = {}
        index._commonest = {}
        index._sounds = {}
        index._texts = {}
        if len(index.bstarts) != len(index.starts) or index.bstarts[-1] != len(index.folded):
            raise ValueError("the index parts do not fit together")
        return index

    def parts(self) -> dict[str, object]:
        """The index as named flat arrays and byte strings (what `from_parts` takes)."""
        return {
            "folded": self.folded,
            "bstarts": self.bstarts,
            "starts": self.starts,
            "letters": self._letters,
            "letters2": self._letters2,
            "gram_keys": self.bigrams.keys,
            "gram_starts": self.bigrams.starts,
            "gram_ids": self.bigrams.ids,
            "sound_keys": self.sounds.keys,
            "sound_starts": self.sounds.starts,
            "sound_grams": self.sounds.ids,
            "present": "".join(sorted(self.present)).encode("utf-8", "surrogatepass"),
        }

    def text(self, i: int) -> str:
        """The folded text of entry `i`."""
        if self._big is not None:
            return self._big[self.starts[i] : self.starts[i + 1] - 1]
        found = self._texts.get(i)
        if found is None:
            if len(self._texts) >= _TEXTS_KEPT:
                self._texts.clear()
            found = str(self.folded[self.bstarts[i] : self.bstarts[i + 1] - 1], "utf-8")
            self._texts[i] = found
        return found

    def sound(self, i: int) -> str:
        """The folded text of entry `i` with each character replaced by its sound."""
        found = self._sounds.get(i)
        if found is None:
            if len(self._sounds) >= _SOUNDS_KEPT:
                self._sounds.clear()
            found = self._sounds[i] = self.text(i).translate(self.table.sound_table())
        return found

    @property
    def letters(self) -> bytes:
        """Initials under the first readings, one byte per character of the joined text."""
        return _as_bytes(self, "_letters")

    @property
    def letters2(self) -> bytes:
        """Initials under the last readings (the same as `letters` for most texts)."""
        return _as_bytes(self, "_letters2") or self.letters

    def homophones(self, a: str, b: str) -> list[str]:
        """Bigrams of the texts that sound like `a`+`b` (any reading of either), itself included."""
        readings = self.table.readings
        found: dict[str, None] = {}
        for ra in readings.get(a, ()):
            for rb in readings.get(b, ()):
                found.update(dict.fromkeys(self.sound_grams(ra, rb)))
        if a + b in self.bigrams:
            found[a + b] = None
        return list(found)

    def sound_grams(self, a: str, b: str) -> list[str]:
        """The texts' bigrams that can be read as syllables `a` `b` (形势, 形式 for xing shi)."""
        number = _syllable_numbers(self.table)
        if a not in number or b not in number:
            return []
        return [gram_of(code) for code in self.sounds.of(number[a] << 16 | number[b])]

    def commonest(self, a: str, b: str) -> int:
        """How many texts hold the commonest bigram read as syllables `a` `b`."""
        key = (a, b)
        found = self._commonest.get(key)
        if found is None:
            found = max(map(self.bigrams.size, self.sound_grams(a, b)), default=0)
            self._commonest[key] = found
        return found

    def scan(self, pattern: re.Pattern[str], start: int = 0) -> Iterator[tuple[int, int]]:
        """(entry, position in its folded text) of the entries from `start` on, in order,
        whose folded text matches `pattern` (the texts are decoded a block at a time)."""
        starts = self.starts
        for block in range(start // _SCAN, -(-self.size // _SCAN)):
            lo, hi = block * _SCAN, min(self.size, (block + 1) * _SCAN)
            text, base = self._block(block, lo, hi), starts[lo]
            pos = starts[max(start, lo)] - base
            while (match := pattern.search(text, pos)) is not None:
                at = base + match.start()
                i = bisect.bisect_right(starts, at, lo, hi + 1) - 1
                yield i, at - starts[i]
                pos = starts[i + 1] - base

    def _block(self, block: int, lo: int, hi: int) -> str:
        if self._big is not None:
            return self._big[self.starts[lo] : self.starts[hi]]
        text = self._chunks.get(block)
        if text is None:
            text = str(self.folded[self.bstarts[lo] : self.bstarts[hi]], "utf-8")
            self._chunks[block] = text
        return text

    def find_initials(
        self, letters: str, cap: int, mask: bytes | None = None
    ) -> Iterator[tuple[int, int]]:
        """(entry, position), in entry order, where the pinyin initials hold `letters` under
        the first or the last readings; at most `cap` entries (passing `mask`) from each."""
        found: dict[int, int] = {}
        starts = self.starts
        needle = letters.encode("ascii", "replace")
        first, last = self.letters, self.letters2
        for haystack in (first,) if first is last else (first, last):
            if len(found) >= cap:
                break  # enough under the first readings: spare the second scan
            taken = 0
            pos = haystack.find(needle)
            while pos >= 0 and taken < cap:
                i = bisect.bisect_right(starts, pos) - 1
                if mask is None or mask[i]:
                    here = pos - starts[i]
                    found[i] = min(here, found.get(i, here))
                    taken += 1
                pos = haystack.find(needle, starts[i + 1])
        return iter(sorted(found.items()))

    def holds_initials(self, i: int, needles: list[str]) -> bool:
        """Whether the initials of entry `i` (either reading) hold one of `needles`."""
        lo, hi = self.starts[i], self.starts[i + 1]
        first, last = self.letters[lo:hi], self.letters2[lo:hi]
        return any(n.encode() in first or n.encode() in last for n in needles)


def _as_bytes(index: SearchIndex, name: str) -> bytes:
    """A mapped part as bytes, copied once on first use (bytes.find is a fast scan)."""
    value = getattr(index, name)
    if not isinstance(value, bytes):
        value = bytes(value)
        setattr(index, name, value)
    return value


@cache
def _syllable_numbers(table: PinyinTable) -> dict[str, int]:
    return {s: n for n, s in enumerate(table.syllables)}


def _ascii(letters: str) -> str:
    # characters without a reading (digits stay) become '#': one byte each, faster to scan
    return _NOT_ASCII_RE.sub("#", letters)


def _bigrams(folded: Sequence[str]) -> dict[int, list[int]]:
    """Bigram code → entries holding it, grouped by C-level iteration (this dominates build
    time)."""
    lists: defaultdict[str, list[int]] = defaultdict(list)
    for lo in range(0, len(folded), _CHUNK):
        chunk = folded[lo : lo + _CHUNK]
        joined = _SEP.join(chunk) + _SEP
        owners = chain.from_iterable(map(repeat, range(lo, lo + len(chunk)), _lengths(chunk)))
        grams = map(add, joined, joined[1:])
        deque(map(list.append, map(lists.__getitem__, grams), owners), maxlen=0)
    # A text repeats a bigram as often as it holds it; postings keep each text once.
    return {
        gram_code(g): list(dict.fromkeys(ids))
        for g, ids in lists.items()
        if _SEP not in g and EXTRA_MARK not in g
    }


def _lengths(chunk: Sequence[str]) -> Iterator[int]:
    return (len(text) + 1 for text in chunk)


def _sound_pairs(bigrams: Postings, table: PinyinTable) -> dict[int, list[int]]:
    """Syllable pair (xing shi, as two syllable numbers) → the codes of the texts' bigrams
    that can be read so (形势, 形式, 行驶 …)."""
    readings = table.readings
    number = _syllable_numbers(table)
    pairs: dict[int, list[int]] = {}
    for code in bigrams.keys:
        ra, rb = readings.get(chr(code >> 21)), readings.get(chr(code & 0x1FFFFF))
        if ra and rb:
            for a in ra:
                for b in rb:
                    pairs.setdefault(number[a] << 16 | number[b], []).append(code)
    return pairs

"""The search index: folded texts plus inverted indexes, built once and stored as plain data.

Texts are folded for matching (fold.py) and joined into one UTF-8 blob. Candidates are
found without reading every text: postings of character bigrams; bigrams by sound (形势/形式
slips, and typed pinyin such as dangyuan, whatever the reading of a polyphonic character);
and, for initials (dyjy), a scan of the joined initials, one letter per character, under
first and under last readings.

Every part is a flat array or a byte string (see `parts`), so a bank store (bank/store.py)
maps them from disk as they are: opening an index parses nothing, and a text is decoded
only when a query looks at it. The parts are computed by build.py, a whole array at a time.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from drafter.core.search.bulk import SEP, Lookup, remember
from drafter.core.search.initials import RUNS, InitialsLookup, row_bytes
from drafter.core.search.pinyin import PinyinTable, pinyin_table
from drafter.core.search.postings import FIRST_TEXTS, Ints, Postings, gram_of
from drafter.core.search.spelled import Speller

FORMAT = 11
"""Bumped whenever the parts change shape, so that stores of another shape are rebuilt."""
EXTRA_MARK = "\x01"
"""Parts a phrase's folded text from its extra text (note, section name), searched too."""
_SCAN = 2048  # texts decoded together for a scan of the joined text
_SOUNDS_KEPT = _TEXTS_KEPT = 50_000  # decoded texts and sounds kept for the next queries


PART_NAMES = (
    "folded", "bstarts", "starts", "letters", "letters2", "gram_keys", "gram_starts",
    "gram_ids", "sound_keys", "sound_starts", "sound_grams", "present",
    "char_keys", "char_starts", "char_ids", "initial_blocks",
)  # fmt: skip


class SearchIndex(InitialsLookup):
    """Folded texts and their postings; immutable once built, so threads may share it."""

    def __init__(
        self,
        texts: Sequence[str],
        table: PinyinTable | None = None,
        extras: Sequence[str] | None = None,
    ) -> None:
        """Index `texts`, each followed by its `extras` (searched with a lower weight)."""
        from drafter.core.search.counting import load_arrays

        load_arrays()  # numpy, loaded only to build (with one OpenBLAS thread: see there)
        from drafter.core.search import build

        table = table or pinyin_table()
        codes = build.fold_joined(texts)
        if extras is not None:  # few distinct (a bank's groups share them), often empty
            distinct = list(dict.fromkeys(extras))
            done = dict(zip(distinct, build.fold_many(distinct), strict=True))
            if any(done.values()) or len(extras) != len(texts):
                pairs = zip(build.texts_of(codes), map(done.__getitem__, extras), strict=True)
                codes = build.codes_of(t + EXTRA_MARK + x if x else t for t, x in pairs)
        big, parts = build.build_parts(codes, table, _syllable_numbers(table))
        self._adopt(parts, table)
        self._big: str | None = big

    @classmethod
    def from_parts(cls, parts: Mapping[str, memoryview], table: PinyinTable) -> SearchIndex:
        """An index over parts written by `parts` (mapped from a store, not copied)."""
        index = cls.__new__(cls)
        index._adopt(parts, table)
        index._big = None
        if len(index.bstarts) != len(index.starts) or index.bstarts[-1] != len(index.folded):
            raise ValueError("the index parts do not fit together")
        if len(index._blocks) != (RUNS * row_bytes(index.size) if index.size else 0):
            raise ValueError("the initials' blocks do not fit the texts")
        return index

    def _adopt(self, parts: Mapping[str, Any], table: PinyinTable) -> None:
        self.table = table
        self.folded: bytes | memoryview = parts["folded"]
        self.starts: Ints = parts["starts"]
        self.bstarts: Ints = parts["bstarts"]
        self.size = len(self.starts) - 1
        self._letters = parts["letters"]
        self._letters2 = parts["letters2"]
        """Pinyin initials, one letter per character at the same positions as the joined
        text, under the first readings and (empty when no text holds a character whose
        readings start with different letters) under the last ones: 重 is z, then c."""
        self._blocks = parts["initial_blocks"]
        """For each run of three initials, the blocks of texts holding it (initials.py)."""
        self.bigrams = Postings(parts["gram_keys"], parts["gram_starts"], parts["gram_ids"])
        self.sounds = Postings(parts["sound_keys"], parts["sound_starts"], parts["sound_grams"])
        self.chars = Postings(parts["char_keys"], parts["char_starts"], parts["char_ids"])
        """Character → the first texts (FIRST_TEXTS) that hold it, in bank order."""
        self.present = frozenset(str(parts["present"], "utf-8", "surrogatepass"))
        """The characters with a pinyin reading that occur in the texts."""
        self._chunks: dict[int, str] = {}
        self._commonest: dict[tuple[str, str], int] = {}
        self._homophones: dict[str, tuple[str, ...]] = {}
        self._initials_known = {}
        self._sounds: dict[int, str] = {}
        self._texts: dict[int, str] = {}
        self._speller: Speller | None = None
        self._sounding: Lookup | None = None

    @property
    def speller(self) -> Speller:
        """Spells this index's texts as readings, for typed pinyin (made on first use)."""
        if self._speller is None:
            self._speller = Speller(self.table, self.present)
        return self._speller

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
            "char_keys": self.chars.keys,
            "char_starts": self.chars.starts,
            "char_ids": self.chars.ids,
            "initial_blocks": self._blocks,
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

    def texts(self, entries: list[int]) -> list[str]:
        """The folded texts of `entries` (those not decoded yet decoded together)."""
        if self._big is not None:
            return [self.text(i) for i in entries]
        known = self._texts
        todo = [i for i in dict.fromkeys(entries) if i not in known]
        if todo:
            folded, bstarts = self.folded, self.bstarts
            # each slice ends with its text's SEP: one decoding, split at them
            joined = b"".join([folded[bstarts[i] : bstarts[i + 1]] for i in todo])
            if len(known) + len(todo) > _TEXTS_KEPT:
                known.clear()
            known.update(zip(todo, str(joined, "utf-8").split(SEP), strict=False))
        return [known[i] if i in known else self.text(i) for i in entries]

    def sounds_of(self, entries: list[int]) -> None:
        """Compute the sounds of `entries` (`sound`'s) not known yet, together."""
        sounded = self._sound_lookup().many
        remember(self._sounds, entries, lambda todo: sounded(self.texts(todo)), _SOUNDS_KEPT)

    def _sound_lookup(self) -> Lookup:
        if self._sounding is None:
            self._sounding = Lookup(self.table.sound_table(), self.present, None)
        return self._sounding

    def warm_arrays(self) -> None:
        """Make now, once numpy is loaded, what spelling and sounding a query's candidates
        together needs (~2 ms, else the first keystrokes' of each kind)."""
        self.speller.lookup.prepare()
        self._sound_lookup().prepare()

    def sound(self, i: int) -> str:
        """The folded text of entry `i` with each character replaced by its sound."""
        found = self._sounds.get(i)
        if found is None:
            if len(self._sounds) >= _SOUNDS_KEPT:
                self._sounds.clear()
            found = self._sounds[i] = self.text(i).translate(self.table.sound_table())
        return found

    def homophones(self, a: str, b: str) -> list[str]:
        """Bigrams of the texts that sound like `a`+`b` (any reading of either), itself included."""
        known = self._homophones.get(a + b)
        if known is not None:  # a keystroke looks up again the bigrams typed before it
            return list(known)
        readings_of = self.table.readings_of
        found: dict[str, None] = {}
        for ra in readings_of(a):
            for rb in readings_of(b):
                found.update(dict.fromkeys(self.sound_grams(ra, rb)))
        if a + b in self.bigrams:
            found[a + b] = None
        if len(self._homophones) >= _SOUNDS_KEPT:
            self._homophones.clear()
        self._homophones[a + b] = tuple(found)
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
            i = max(start, lo)  # the next entry a match can be in
            while (match := pattern.search(text, starts[i] - base)) is not None:
                at = base + match.start()
                if at >= starts[i + 1]:  # past entry i (else, common: no search)
                    i = bisect.bisect_right(starts, at, i + 1, hi + 1) - 1
                yield i, at - starts[i]
                i += 1

    def find_char(self, char: str) -> Iterator[tuple[int, int]]:
        """What `scan` finds for one character, in order: the texts its postings hold (the
        first FIRST_TEXTS, so a rare character needs no scan), then a scan past them."""
        texts = self.chars.of(ord(char))
        for i in texts:
            yield i, self.text(i).find(char)
        if len(texts) >= FIRST_TEXTS:  # maybe more after them
            yield from self.scan(re.compile(re.escape(char)), texts[-1] + 1)

    def _block(self, block: int, lo: int, hi: int) -> str:
        if self._big is not None:
            return self._big[self.starts[lo] : self.starts[hi]]
        text = self._chunks.get(block)
        if text is None:
            text = str(self.folded[self.bstarts[lo] : self.bstarts[hi]], "utf-8")
            self._chunks[block] = text
        return text


@cache
def _syllable_numbers(table: PinyinTable) -> dict[str, int]:
    return {s: n for n, s in enumerate(table.syllables)}

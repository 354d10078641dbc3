"""The search index: folded texts plus inverted indexes, built once and cached on disk.

Texts are folded for matching (full-width → half-width, lower case, punctuation and spaces
dropped) and joined into one string. Candidates are found without reading every text:
postings of character bigrams; bigrams by sound (形势/形式 slips, and typed pinyin such as
dangyuan, whatever the reading of a polyphonic character); and, for initials (dyjy), a
scan of the joined initials, one letter per character, under first and under last readings.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from array import array
from collections import defaultdict, deque
from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from operator import add

from drafter.core.pinyin import PinyinTable, pinyin_table

_FORMAT = b"search-index-5"
_SEP = "\x00"  # joins folded texts; folding removes it from the texts themselves
_CHUNK = 20_000  # texts grouped per pass while inverting (bounds the temporary lists)


class _FoldTable(dict[int, str]):
    """str.translate table that folds each character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = unicodedata.normalize("NFKC", chr(code)).lower()
        value = "".join(ch for ch in folded if ch.isalnum())
        self[code] = value
        return value


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Text as the index sees it: letters, digits and CJK only, half-width, lower case."""
    return text.translate(_FOLD)


# Text made only of these folds one character to at most one: ASCII, CJK, CJK and full-width
# punctuation. Its folded characters are exactly its letters, digits and CJK characters.
_PLAIN_RE = re.compile(r"[\u0020-\u007e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’—…·]*")
_KEPT_RE = re.compile(r"[^\W_]")
_NOT_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def folded_positions(text: str) -> list[int]:
    """For each character of fold(text), its index in `text` (to highlight matches)."""
    if _PLAIN_RE.fullmatch(text):
        return [m.start() for m in _KEPT_RE.finditer(text)]
    return fold_with_positions(text)[1]


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in `text`."""
    out: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        piece = _FOLD[ord(ch)]
        out.append(piece)
        positions.extend([i] * len(piece))
    return "".join(out), positions


class Postings:
    """gram → sorted entry numbers, packed in one array (fast to pickle and load)."""

    def __init__(self, grams: dict[str, list[int]] | None = None) -> None:
        self.keys: dict[str, int] = {}
        self.starts = array("I", [0])
        self.ids = array("I")
        for gram, ids in (grams or {}).items():
            self.keys[gram] = len(self.keys)
            self.ids.extend(ids)
            self.starts.append(len(self.ids))

    def get(self, gram: str) -> memoryview:
        k = self.keys.get(gram)
        if k is None:
            return memoryview(array("I"))
        return memoryview(self.ids)[self.starts[k] : self.starts[k + 1]]

    def size(self, gram: str) -> int:
        k = self.keys.get(gram)
        return 0 if k is None else self.starts[k + 1] - self.starts[k]

    def __contains__(self, gram: str) -> bool:
        return gram in self.keys

    def __getstate__(self) -> tuple[list[str], bytes, bytes]:
        return list(self.keys), self.starts.tobytes(), self.ids.tobytes()

    def __setstate__(self, state: tuple[list[str], bytes, bytes]) -> None:
        keys, starts, ids = state
        self.keys = {key: n for n, key in enumerate(keys)}
        self.starts = array("I")
        self.starts.frombytes(starts)
        self.ids = array("I")
        self.ids.frombytes(ids)


class SearchIndex:
    """Folded texts and their postings; immutable once built, so threads may share it."""

    def __init__(self, texts: Sequence[str], table: PinyinTable | None = None) -> None:
        self.table = table or pinyin_table()
        folded = [fold(t.replace(_SEP, " ")) for t in texts]
        self.size = len(folded)
        self.big = _SEP.join(folded) + _SEP
        self.starts = array("I", [0])
        for text in folded:
            self.starts.append(self.starts[-1] + len(text) + 1)
        self.bigrams = _bigrams(folded)
        chars = {c for text in folded if len(text) == 1 for c in text}
        chars.update(c for gram in self.bigrams.keys for c in gram)
        self.present = frozenset(c for c in chars if c in self.table.readings)
        """The characters with a pinyin reading that occur in the texts."""
        self.sounds = _sound_pairs(self.bigrams, self.table)
        # Pinyin initials, one letter per character at the same positions as `big`: the
        # first reading's, and the last reading's (so 重 is z in one and c in the other).
        first = {ord(c): r[0][0] for c, r in self.table.readings.items()}
        last = {ord(c): r[-1][0] for c, r in self.table.readings.items()}
        self.letters = _ascii(self.big.translate(first))
        other = _ascii(self.big.translate(last))
        self.letters2 = self.letters if other == self.letters else other
        # Each character as its first reading's sound character (形式 and 形势 alike).
        self.sounds_big = self.big.translate(self.table.sound_table())

    def text(self, i: int) -> str:
        """The folded text of entry `i`."""
        return self.big[self.starts[i] : self.starts[i + 1] - 1]

    def sound(self, i: int) -> str:
        """The folded text of entry `i` with each character replaced by its sound."""
        return self.sounds_big[self.starts[i] : self.starts[i + 1] - 1]

    def entry_at(self, pos: int) -> int:
        """The entry whose folded text holds position `pos` of the joined text."""
        return bisect.bisect_right(self.starts, pos) - 1

    def homophones(self, a: str, b: str) -> list[str]:
        """Bigrams of the texts that sound like `a`+`b` (any reading of either), itself included."""
        readings = self.table.readings
        found: dict[str, None] = {}
        for ra in readings.get(a, ()):
            for rb in readings.get(b, ()):
                found.update(dict.fromkeys(self.sounds.get(f"{ra} {rb}", ())))
        if a + b in self.bigrams:
            found[a + b] = None
        return list(found)

    def scan(self, pattern: re.Pattern[str], start: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
        """Entries (from entry `start` on, in order) whose folded text matches, with the match."""
        pos = self.starts[start] if start < self.size else len(self.big)
        while True:
            match = pattern.search(self.big, pos)
            if match is None:
                return
            i = self.entry_at(match.start())
            yield i, match
            pos = self.starts[i + 1]

    def find_initials(
        self, letters: str, cap: int, mask: bytes | None = None
    ) -> Iterator[tuple[int, int]]:
        """(entry, position), in entry order, where the pinyin initials hold `letters` under
        the first or the last readings; at most `cap` entries (passing `mask`) from each."""
        found: dict[int, int] = {}
        starts = self.starts
        spellings = {id(s): s for s in (self.letters, self.letters2)}.values()
        for haystack in spellings:
            if len(found) >= cap:
                break  # enough under the first readings: spare the second scan
            taken = 0
            pos = haystack.find(letters)
            while pos >= 0 and taken < cap:
                i = bisect.bisect_right(starts, pos) - 1
                if mask is None or mask[i]:
                    here = pos - starts[i]
                    found[i] = min(here, found.get(i, here))
                    taken += 1
                pos = haystack.find(letters, starts[i + 1])
        return iter(sorted(found.items()))

    def holds_initials(self, i: int, needles: list[str]) -> bool:
        """Whether the initials of entry `i` (either reading) hold one of `needles`."""
        lo, hi = self.starts[i], self.starts[i + 1]
        first, last = self.letters[lo:hi], self.letters2[lo:hi]
        return any(n in first or n in last for n in needles)

    # -- cache -------------------------------------------------------------------------

    @staticmethod
    def digest(texts: Sequence[str]) -> str:
        """A key for the cache: changes whenever any text (or the index format) does."""
        joined = "\x00".join(texts).encode("utf-8", "surrogatepass")
        return hashlib.sha256(_FORMAT + joined).hexdigest()[:24]

    @classmethod
    def cached(cls, texts: Sequence[str]) -> SearchIndex:
        """The index of `texts`, loaded from the cache when it matches, else built and saved."""
        from drafter.core import diskcache

        key = cls.digest(texts)
        loaded = diskcache.load(
            "search", key, lambda v: isinstance(v, cls) and v.size == len(texts)
        )
        if loaded is not None:
            loaded.table = pinyin_table()
            return loaded  # type: ignore[no-any-return]
        index = cls(texts)
        diskcache.save("search", key, index)
        return index

    def __getstate__(self) -> dict[str, object]:
        state = dict(self.__dict__)
        state.pop("table")  # shared per process; restored by `cached`
        state["starts"] = self.starts.tobytes()
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        starts = array("I")
        starts.frombytes(state.pop("starts"))  # type: ignore[arg-type]
        self.__dict__.update(state)
        self.starts = starts


def _ascii(letters: str) -> str:
    # characters without a reading (digits stay) become '#': one byte each, faster to scan
    return _NOT_ASCII_RE.sub("#", letters)


def _bigrams(folded: Sequence[str]) -> Postings:
    """Character-bigram postings, grouped by C-level iteration (this dominates build time)."""
    lists: defaultdict[str, list[int]] = defaultdict(list)
    for lo in range(0, len(folded), _CHUNK):
        chunk = folded[lo : lo + _CHUNK]
        joined = _SEP.join(chunk) + _SEP
        owners = chain.from_iterable(map(repeat, range(lo, lo + len(chunk)), _lengths(chunk)))
        grams = map(add, joined, joined[1:])
        deque(map(list.append, map(lists.__getitem__, grams), owners), maxlen=0)
    # A text repeats a bigram as often as it holds it; postings keep each text once.
    return Postings({g: list(dict.fromkeys(ids)) for g, ids in lists.items() if _SEP not in g})


def _lengths(chunk: Sequence[str]) -> Iterator[int]:
    return (len(text) + 1 for text in chunk)


def _sound_pairs(bigrams: Postings, table: PinyinTable) -> dict[str, list[str]]:
    """'xing shi' → the texts' bigrams that can be read so (形势, 形式, 行驶 …)."""
    readings = table.readings
    pairs: dict[str, list[str]] = {}
    for gram in bigrams.keys:
        ra, rb = readings.get(gram[0]), readings.get(gram[1])
        if ra and rb:
            for a in ra:
                for b in rb:
                    pairs.setdefault(f"{a} {b}", []).append(gram)
    return pairs

"""Typed initials looked up, and where they can be: for each run of three letters, the blocks
of texts holding it.

Typed initials (zsbg) are looked for in the joined initials, one letter per character; a
rare run of letters had the whole bank scanned (2.6 MB at 100k phrases, both readings:
~5 ms; ten times that at 1M). The texts are cut into at most BLOCKS blocks, and for each
of the 26³ runs of three letters a bitmap tells the blocks that hold it under either
reading: typed initials of three letters or more are looked for only in the blocks that
hold all of their runs, and in the same order, so what is found is what a whole scan finds.
Two letters are in a run of three unless letters stand alone in pairs (a text of two
characters): the rows numbered below 32 × 32, unused by runs, say where those pairs are,
so two typed letters are looked for in the blocks of any run holding them, or of such a pair.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from drafter.core.search.counting import arrays_loaded
from drafter.core.search.letters import scan
from drafter.core.search.postings import Ints

BLOCKS = 1024  # blocks of texts, at most
_INITIALS_KEPT, _INITIALS_LISTED = 64, 10_000  # typed initials remembered, entries each
_FEW = 1200  # typed initials found in full when they seem to be in at most this many entries
RUNS = 1 << 15  # runs of three letters as 5-bit numbers (a-z are 1 to 26; 0 is no letter)


def block_size(texts: int) -> int:
    """How many texts make a block (the last block may hold fewer)."""
    return max(64, -(-texts // BLOCKS))


def _blocks(texts: int) -> int:
    return -(-texts // block_size(texts))


def row_bytes(texts: int) -> int:
    """Bytes of one run's bitmap: a bit per block."""
    return -(-_blocks(texts) // 8)


def build_blocks(letters: Any, letters2: Any, starts: Any, texts: int) -> bytes:
    """The bitmaps (RUNS rows of row_bytes(texts) bytes, block b at bit b of a row read
    little-endian) of the joined initials under first and last readings (numpy arrays of
    letters; `letters2` None when they are the same); `starts`: where each text starts."""
    import numpy as np  # only a build comes here

    if not texts:
        return b""
    # 16-bit numbers throughout: a run fits in 15 bits, a block in 10
    per = block_size(texts)
    blocks = np.arange(texts, dtype=np.int32) // per
    owner = np.repeat(blocks, np.diff(starts)).astype(np.uint16)  # each position's block
    number = np.zeros(256, dtype=np.uint16)
    number[ord("a") : ord("z") + 1] = np.arange(1, 27, dtype=np.uint16)
    seen = np.zeros((RUNS, _blocks(texts)), dtype=bool)
    first: Any = None
    for haystack in (letters, letters2):
        if haystack is None or len(haystack) < 3:
            continue
        s = number[haystack]
        run = s[:-2] << 10 | s[1:-1] << 5 | s[2:]
        # SEP has no letter: no run spans two texts
        kept = (s[:-2] != 0) & (s[1:-1] != 0) & (s[2:] != 0)
        if first is None:  # nearly every position: quicker than selecting the kept
            seen[np.where(kept, run, 0), owner[:-2]] = True
        else:  # under the last readings, only the few runs that differ
            at = np.flatnonzero(kept & (run != first))
            seen[run[at], owner[at]] = True
        first = run
        # letters standing alone in pairs, as rows 32a + b (a run starts with a letter: 1024+)
        letter = s != 0
        alone = letter[:-1] & letter[1:]
        alone[1:] &= ~letter[:-2]
        alone[:-1] &= ~letter[2:]
        at = np.flatnonzero(alone)  # few
        seen[s[at] << 5 | s[at + 1], owner[at]] = True
    seen[0] = False  # where no run was kept
    return np.packbits(seen, axis=1, bitorder="little").tobytes()


def regions(bitmaps: bytes | memoryview, texts: int, needle: bytes) -> Iterator[tuple[int, int]]:
    """Runs of texts [first, end), in order, outside which `needle` is not held (under
    either reading): the blocks holding all its runs of three letters, or every text when
    it has none (fewer than three letters, or not all a-z)."""
    if len(needle) < 2 or not bitmaps or not all(97 <= c <= 122 for c in needle):
        yield 0, texts
        return
    size = row_bytes(texts)

    def row(code: int) -> int:
        return int.from_bytes(bitmaps[code * size : code * size + size], "little")

    if len(needle) == 2:  # in a run, before or after a third letter, or alone
        a, b = (n - 96 for n in needle)
        held = row(a << 5 | b)
        for c in range(1, 27):
            held |= row(c << 10 | a << 5 | b) | row(a << 10 | b << 5 | c)
    else:
        held = -1
        for k in range(len(needle) - 2):
            a, b, c = (n - 96 for n in needle[k : k + 3])
            held &= row(a << 10 | b << 5 | c)
    if not held:
        return
    per = block_size(texts)
    while held:  # runs of neighbouring blocks, each as one range
        block = (held & -held).bit_length() - 1
        rest = held >> block
        ones = (~rest & (rest + 1)).bit_length() - 1  # how many blocks in a row from there
        held &= ~(((1 << ones) - 1) << block)
        yield block * per, min(texts, (block + ones) * per)


class InitialsLookup:
    """Typed initials looked up in an index (SearchIndex is one, and sets these parts)."""

    starts: Ints
    size: int
    _letters: bytes | memoryview
    _letters2: bytes | memoryview
    _blocks: bytes | memoryview
    _initials_known: dict[tuple[int, bytes], list[tuple[int, int]]]
    """Typed initials whose every entry a finished scan found (see _initials_hits)."""

    @property
    def letters(self) -> bytes:
        """Initials under the first readings, one byte per character of the joined text."""
        return self._as_bytes("_letters")

    @property
    def letters2(self) -> bytes:
        """Initials under the last readings (the same as `letters` for most texts)."""
        return self._as_bytes("_letters2") or self.letters

    def find_initials(
        self, letters: str, cap: int, mask: bytes | None = None
    ) -> Iterator[tuple[int, int]]:
        """(entry, position), in entry order, where the pinyin initials hold `letters` under
        the first or the last readings; at most `cap` entries (passing `mask`) from each."""
        found: dict[int, int] = {}
        needle = letters.encode("ascii", "replace")
        first, last = self.letters, self.letters2
        for which, haystack in enumerate((first,) if first is last else (first, last)):
            if len(found) >= cap:
                break  # enough under the first readings: spare the second scan
            taken = 0
            hits = self._initials_hits(which, haystack, needle)
            for seen, (i, here) in enumerate(hits, 1):
                if mask is None or mask[i]:
                    found[i] = min(here, found.get(i, here)) if which else here
                    taken += 1
                    if taken >= cap:
                        if len(needle) >= 3 and seen * self.size <= _FEW * (i + 1):
                            # a rare run, nearly all found: the rest too, so the letter
                            # typed next is looked for in its entries alone
                            for _ in hits:
                                pass
                        break
        return iter(sorted(found.items()))

    def _initials_hits(
        self, which: int, haystack: bytes, needle: bytes
    ) -> Iterator[tuple[int, int]]:
        """Every (entry, position of its first match) where `haystack` holds `needle`, in
        entry order, read lazily. A scan that ran to the end is remembered: typed initials
        grow a letter a keystroke, and every entry holding sbzq holds sbz, so once the
        entries holding sbz are all known, sbzq is looked for in them alone."""
        known = self._initials_known
        done = known.get((which, needle))
        if done is not None:
            yield from done
            return
        # a copy of the items (made in one step under the GIL): other threads may add some
        inside = [(k, v) for (w, k), v in list(known.items()) if w == which and k in needle]
        starts, hits = self.starts, []
        if inside:
            for i, _ in max(inside, key=lambda kv: len(kv[0]))[1]:
                pos = haystack.find(needle, starts[i], starts[i + 1])
                if pos >= 0:
                    hits.append((i, pos - starts[i]))
            yield from hits
        elif len(needle) > 1 and all(97 <= c <= 122 for c in needle) and arrays_loaded():
            # (one letter is common: bytes.find stops soon enough at each entry)
            for found in scan(haystack, needle, starts, regions(self._blocks, self.size, needle)):
                hits.append(found)
                yield found  # a caller that stops here leaves the scan unfinished
        else:
            for i, end in regions(self._blocks, self.size, needle):  # entries i to end
                hi = starts[end]
                pos = haystack.find(needle, starts[i], hi)
                while pos >= 0:
                    if pos >= starts[i + 1]:  # past entry i (else, common: no search)
                        i = bisect.bisect_right(starts, pos, i + 1, end + 1) - 1
                    hits.append((i, pos - starts[i]))
                    yield hits[-1]  # a caller that stops here leaves the scan unfinished
                    i += 1
                    pos = haystack.find(needle, starts[i], hi)
        if len(known) >= _INITIALS_KEPT:
            known.clear()
        if len(hits) <= _INITIALS_LISTED:
            known[which, needle] = hits

    def holds_initials(self, i: int, needles: list[str]) -> bool:
        """Whether the initials of entry `i` (either reading) hold one of `needles`."""
        lo, hi = self.starts[i], self.starts[i + 1]
        first, last = self.letters[lo:hi], self.letters2[lo:hi]
        return any(n.encode() in first or n.encode() in last for n in needles)

    def _as_bytes(self, name: str) -> bytes:
        """A mapped part as bytes, copied once on first use (bytes.find is a fast scan)."""
        value = getattr(self, name)
        if not isinstance(value, bytes):
            value = bytes(value)
            setattr(self, name, value)
        return value

"""Where typed initials can be: for each run of three letters, the blocks of texts holding it.

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

from collections.abc import Iterator
from typing import Any

BLOCKS = 1024  # blocks of texts, at most
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
        if first is not None:
            kept &= run != first  # under the last readings: only the runs that differ
        seen[np.where(kept, run, 0), owner[:-2]] = True  # (quicker than selecting the kept)
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

"""The index's parts computed from folded texts a whole array at a time (numpy), not text by
text: character bigrams become one sorted array of numbers, cut into postings.

Only building loads numpy (index.py imports this module when it builds): opening a stored
index, and so a start from a bank store, never does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from drafter.core.search.fold import fold, fold_char
from drafter.core.search.initials import build_blocks
from drafter.core.search.pinyin import PinyinTable
from drafter.core.search.postings import FIRST_TEXTS

SEP = "\x00"
"""Ends each folded text in the joined text (folding removes it from the texts)."""
_CHUNK = 1 << 20  # positions read at a time for the character postings, at most
_FIRST_CHUNK = 1 << 16  # … at first (doubled each time): common characters fill up early
_NO_READING = ord("#")  # the initial of a character without a reading (digits keep theirs)

Array = npt.NDArray[Any]


def build_parts(
    codes: Array, table: PinyinTable, numbers: dict[str, int]
) -> tuple[str, dict[str, object]]:
    """The joined text and the index parts (see index.PART_NAMES) of folded texts given as
    the code points of each one followed by SEP (see fold_joined); `numbers` gives each
    syllable of the table its number."""
    big = _text(codes)
    utf8 = big.encode("utf-8", "surrogatepass")
    starts, bstarts = _ends(codes), _ends(np.frombuffer(utf8, dtype=np.uint8))
    n = len(starts) - 1
    # Characters numbered densely, in code point order (so pairs of numbers sort as bigrams).
    seen = np.zeros(1 << 16 if codes.dtype == np.uint16 else 0x110000, dtype=bool)
    seen[codes] = True
    chars = np.flatnonzero(seen)
    dense = np.zeros(len(seen), dtype=np.int32)
    dense[chars] = np.arange(len(chars), dtype=np.int32)
    ids = dense[codes]
    del seen, dense
    gram_pairs, gram_starts, gram_ids = _postings(codes, ids, starts, n, len(chars))
    char_ids, char_starts, char_texts = _char_postings(codes, ids, starts, n, len(chars))
    first, second = _readings(chars, table, numbers)
    left, right = gram_pairs // len(chars), gram_pairs % len(chars)
    gram_keys = chars[left].astype(np.uint64) << np.uint64(21) | chars[right].astype(np.uint64)
    sound_keys, sound_starts, sound_grams = _sound_postings(first, second, left, right, gram_keys)
    initials = _initials(chars, table)
    first_letters, last_letters = initials[0][ids], initials[1][ids]
    letters, letters2 = first_letters.tobytes(), last_letters.tobytes()
    same = letters2 == letters
    blocks = build_blocks(first_letters, None if same else last_letters, starts, n)
    present = "".join(chr(c) for c in chars.tolist() if chr(c) in table.readings)
    parts: dict[str, object] = {
        "folded": utf8,
        "bstarts": _ints(bstarts, "I"),
        "starts": _ints(starts, "I"),
        "letters": letters,
        "letters2": b"" if same else letters2,
        "initial_blocks": blocks,
        "gram_keys": _ints(gram_keys, "Q"),
        "gram_starts": _ints(gram_starts, "I"),
        "gram_ids": _ints(gram_ids, "I"),
        "sound_keys": _ints(sound_keys, "Q"),
        "sound_starts": _ints(sound_starts, "I"),
        "sound_grams": _ints(sound_grams, "Q"),
        "present": present.encode("utf-8", "surrogatepass"),
        "char_keys": _ints(chars[char_ids], "I"),
        "char_starts": _ints(char_starts, "I"),
        "char_ids": _ints(char_texts, "I"),
    }
    return big, parts


def fold_many(texts: Sequence[str]) -> list[str]:
    """fold() of every text."""
    return texts_of(fold_joined(texts))


def texts_of(codes: Array) -> list[str]:
    """The texts of code points each followed by SEP (fold_joined's, codes_of's)."""
    return _text(codes[:-1]).split(SEP) if len(codes) else []


def fold_joined(texts: Sequence[str]) -> Array:
    """fold() of every text, as the code points of each folded text followed by SEP (what
    build_parts reads): 16-bit numbers when every one fits (quicker to encode, map and
    decode), else 32-bit. Folding goes character by character, so each distinct character
    is folded once and the joined texts mapped through a table."""
    joined = SEP.join(texts) + SEP
    if not texts or joined.count(SEP) != len(texts):  # none, or a text holds SEP
        return codes_of(fold(t) for t in texts)
    raw = joined.encode("utf-16-le", "surrogatepass")
    narrow = len(raw) == 2 * len(joined)  # no character past the first plane
    if narrow:
        codes = np.frombuffer(raw, dtype=np.uint16)
    else:
        codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    del raw
    seen = np.zeros(1 << 16 if narrow else 0x110000, dtype=bool)
    seen[codes] = True
    distinct = np.flatnonzero(seen).tolist()
    folded = list(map(fold_char, distinct))
    if any(len(f) > 1 for f in folded):  # a character that folds to several (ﬁ, ⑩)
        return codes_of(fold(t) for t in texts)
    values = [ord(f) if f else 0 for f in folded]  # 0: dropped (SEP is kept apart)
    if narrow and max(values) >= 1 << 16:  # one folds past the first plane (NFKC: 﨎 → 𤋮)
        codes, narrow = codes.astype(np.uint32), False
    table = np.zeros(len(seen), dtype=codes.dtype)
    table[distinct] = values
    mapped: Array = table[codes]
    kept: Array = mapped[(mapped != 0) | (codes == 0)]
    return kept


def codes_of(folded: Iterable[str]) -> Array:
    """Folded texts (holding no SEP) as the code points of each followed by SEP."""
    joined = "".join(t + SEP for t in folded)
    return np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _text(codes: Array) -> str:
    """The text of an array of 16-bit (none a surrogate) or 32-bit code points."""
    codec = "utf-16-le" if codes.dtype == np.uint16 else "utf-32-le"
    return str(codes.tobytes(), codec, "surrogatepass")


def joined_utf8(texts: Sequence[str]) -> tuple[bytes, memoryview]:
    """The texts in UTF-8, one after another, and where each starts (and the last ends)."""
    joined = SEP.join(texts).encode("utf-8", "surrogatepass")
    if not texts or joined.count(0) != len(texts) - 1:  # none, or a text holds SEP
        pieces = [t.encode("utf-8", "surrogatepass") for t in texts]
        ends = np.cumsum([len(p) for p in pieces], dtype=np.int64)
        return b"".join(pieces), _ints(np.concatenate(([0], ends)), "I")
    # each SEP shifts the texts after it by one byte
    at = _ends(np.frombuffer(joined, dtype=np.uint8)) - np.arange(len(texts), dtype=np.int64)
    end = len(joined) - len(texts) + 1
    return joined.replace(SEP.encode(), b""), _ints(np.append(at, end), "I")


def _ends(items: Array) -> Array:
    """Where each text starts, and one past the last: after every SEP (a zero)."""
    return np.concatenate(([0], np.flatnonzero(items == 0) + 1))


def _postings(codes: Array, ids: Array, starts: Array, n: int, size: int) -> tuple[Array, ...]:
    """(bigrams as first * size + second, sorted; where each one's texts start; the texts).

    The bigrams of every text, in text order, are sorted stably by their characters: a
    16-bit radix sort (numpy's stable argsort of 16-bit numbers) by the second, then by the
    first, so each bigram's texts stay in order and a text that repeats a bigram is kept
    once. (np.sort of bigram << shift | text as 64-bit numbers took 0.14 s at 100k, the
    two passes take 0.06 s; with the gathers by their order, ~30 ms less in all.)
    """
    small: type[Any] = np.uint16 if size <= 1 << 16 else np.uint32
    wide: type[Any] = np.int32 if size * size < 1 << 31 else np.int64
    kept = (codes[:-1] > 1) & (codes[1:] > 1)  # no SEP, no EXTRA_MARK
    owner = np.repeat(np.arange(n, dtype=np.int32), np.diff(starts))[:-1][kept]
    first: Array = ids[:-1][kept].astype(small)
    second: Array = ids[1:][kept].astype(small)
    del kept
    counts = np.bincount(first, minlength=size)
    order = _ranks(np.argsort(second, kind="stable"))
    order = order[np.argsort(first[order], kind="stable")]
    del first
    # the first characters, now in order, are each one's count of itself
    pairs = np.repeat(np.arange(size, dtype=wide) * size, counts) + second[order]
    del second
    owners = owner[order]
    del owner, order
    fresh = _changes(pairs)
    fresh[1:] |= owners[1:] != owners[:-1]  # a text once per bigram
    pairs, owners = pairs[fresh], owners[fresh]
    at = np.flatnonzero(_changes(pairs))
    return pairs[at], np.append(at, len(pairs)), owners


def _ranks(order: Array) -> Array:
    """An argsort's positions as 32-bit numbers when they fit (half the memory)."""
    return order.astype(np.int32) if len(order) < 1 << 31 else order


def _char_postings(codes: Array, ids: Array, starts: Array, n: int, size: int) -> tuple[Array, ...]:
    """(characters as dense numbers, sorted; where each one's texts start; the texts): for
    each character the first FIRST_TEXTS texts that hold it, in bank order (a query of one
    character reads them instead of scanning the bank for a rare one).

    The joined text is read in chunks of whole texts, in bank order, and a character is
    left out of later chunks once it has its texts: past the first chunks only rare ones
    remain (at 1M phrases, 80 M positions; a sort of all of them took seconds). The first
    chunks are small (a common character has its texts after a few thousand). In a chunk
    the positions are grouped by character with a stable sort (a radix sort on 16-bit
    numbers), so each group stays in text order.
    """
    wanted = np.full(size, FIRST_TEXTS, dtype=np.int64)  # texts still wanted per character
    small = np.uint16 if size <= 1 << 16 else np.int32
    found: list[tuple[Array, Array]] = []
    first_text, step = 0, _FIRST_CHUNK
    while first_text < n:
        # whole texts: from where first_text starts to where end starts
        end = max(first_text + 1, min(int(np.searchsorted(starts, starts[first_text] + step)), n))
        step = min(2 * step, _CHUNK)
        lo, hi = int(starts[first_text]), int(starts[end])
        chunk = ids[lo:hi]
        at = np.flatnonzero((codes[lo:hi] > 1) & (wanted[chunk] > 0))  # no SEP, EXTRA_MARK
        if len(at):
            chars = chunk[at].astype(small)
            owner = np.repeat(np.arange(first_text, end), np.diff(starts[first_text : end + 1]))
            texts = owner[at]
            order = np.argsort(chars, kind="stable")
            chars, texts = chars[order].astype(np.int64), texts[order]
            fresh = _changes(chars)
            fresh[1:] |= texts[1:] != texts[:-1]  # a text once per character
            chars, texts = chars[fresh], texts[fresh]
            first = np.flatnonzero(_changes(chars))
            counts = np.diff(np.append(first, len(chars)))
            rank = np.arange(len(chars)) - np.repeat(first, counts)
            taken = rank < wanted[chars]
            wanted[chars[first]] -= np.minimum(counts, wanted[chars[first]])
            found.append((chars[taken], texts[taken]))
        first_text = end
    chars = np.concatenate([np.zeros(0, np.int64), *(c for c, _ in found)])
    texts = np.concatenate([np.zeros(0, np.int64), *(t for _, t in found)])
    order = np.argsort(chars, kind="stable")  # the chunks came in bank order
    chars, texts = chars[order], texts[order]
    first = np.flatnonzero(_changes(chars))
    return chars[first], np.append(first, len(chars)), texts


def _changes(sorted_items: Array) -> Array:
    """True where an item differs from the one before it (and for the first)."""
    out = np.ones(len(sorted_items), dtype=bool)
    np.not_equal(sorted_items[1:], sorted_items[:-1], out=out[1:])
    return out


def _readings(chars: Array, table: PinyinTable, numbers: dict[str, int]) -> tuple[Array, Array]:
    """Each character's first and second reading as a syllable number (-1: none)."""
    first = np.full(len(chars), -1, dtype=np.int64)
    second = first.copy()
    readings = table.readings
    for k, code in enumerate(chars.tolist()):
        found = readings.get(chr(code))
        if found:
            first[k] = numbers[found[0]]
            if len(found) > 1:
                second[k] = numbers[found[1]]
    return first, second


def _sound_postings(
    first: Array, second: Array, left: Array, right: Array, gram_keys: Array
) -> tuple[Array, Array, Array]:
    """Syllable pair (number << 16 | number) → the bigrams that can be read so."""
    keys, grams = [], []
    for a in (first[left], second[left]):
        for b in (first[right], second[right]):
            read = (a >= 0) & (b >= 0)
            keys.append(a[read] << 16 | b[read])
            grams.append(gram_keys[read])
    key, gram = np.concatenate(keys), np.concatenate(grams)
    order = np.lexsort((gram, key))
    key, gram = key[order], gram[order]
    fresh = np.flatnonzero(_changes(key))
    return key[fresh], np.append(fresh, len(key)), gram


def _initials(chars: Array, table: PinyinTable) -> tuple[Array, Array]:
    """Each character's pinyin initial under its first and its last reading: ASCII stays
    itself, a character without a reading is '#'."""
    first = np.full(len(chars), _NO_READING, dtype=np.uint8)
    last = first.copy()
    readings = table.readings
    for k, code in enumerate(chars.tolist()):
        found = readings.get(chr(code))
        if found:
            first[k], last[k] = ord(found[0][0]), ord(found[-1][0])
        elif code < 0x80:
            first[k] = last[k] = code
    return first, last


def _ints(items: Array, code: Literal["I", "Q"]) -> memoryview:
    """Numbers as a flat memoryview of unsigned 32-bit ('I') or 64-bit ('Q') items."""
    dtype = np.uint32 if code == "I" else np.uint64
    raw = np.ascontiguousarray(items, dtype=dtype).tobytes()
    return memoryview(raw).cast(code)

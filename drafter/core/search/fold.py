"""Folding for search: what the index and a query see of a text, and the way back.

Texts are folded for matching (full-width → half-width, lower case, punctuation and spaces
dropped); a match found in folded text is mapped back onto the original to highlight it.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import islice


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
    if _SIMPLE_RE.fullmatch(text):  # the usual text: dropping and lower-casing is all
        return _DROPPED_RE.sub("", text).lower()
    return text.translate(_FOLD)


# Text made only of these folds by dropping what is not a letter, digit or CJK character
# and lower-casing ASCII (NFKC leaves each of them as it is; tests check every one).
_SIMPLE_RE = re.compile(r"[\u0020-\u007e\u3000-\u3037\u303b-\u303f\u4e00-\u9fff“”‘’—…·]*")
_DROPPED_RE = re.compile(r"[\W_]+")


def fold_char(code: int) -> str:
    """What the character with this code point folds to (fold() goes character by
    character: it is the concatenation of these)."""
    return _FOLD[code]


# Text made only of these folds one character to at most one: ASCII, CJK, CJK and full-width
# punctuation. Its folded characters are exactly its letters, digits and CJK characters.
_PLAIN_RE = re.compile(r"[\u0020-\u007e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’—…·]*")
_KEPT_RE = re.compile(r"[^\W_]")


def folded_positions(text: str, upto: int | None = None) -> list[int]:
    """For each character of fold(text), its index in `text` (to highlight matches); of
    the first `upto` characters only, when given."""
    if _PLAIN_RE.fullmatch(text):
        return [m.start() for m in islice(_KEPT_RE.finditer(text), upto)]
    return fold_with_positions(text)[1][:upto]


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in `text`."""
    out: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        piece = _FOLD[ord(ch)]
        out.append(piece)
        positions.extend([i] * len(piece))
    return "".join(out), positions

"""Folding for search: what the index and a query see of a text, and the way back.

Texts are folded for matching (full-width → half-width, lower case, punctuation and spaces
dropped); a match found in folded text is mapped back onto the original to highlight it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
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
    return text.translate(_FOLD)  # (as quick as any regex pass, on texts of any length)


def fold_char(code: int) -> str:
    """What the character with this code point folds to (fold() goes character by
    character: it is the concatenation of these)."""
    return _FOLD[code]


_LONG = 64
"""Texts longer than this are mapped back with regexes (quicker than character by
character past it; compiling them costs ~2 ms, which a `drafter search` of phrases does
without); shorter ones too once they are compiled (the warm-up does)."""


@cache
def _plain_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # Text made only of these folds one character to at most one: ASCII, CJK, CJK and
    # full-width punctuation. Its folded characters are exactly its letters, digits and CJK
    # characters (tests check every one).
    plain = re.compile(r"[\u0020-\u007e\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e“”‘’—…·]*")
    return plain, re.compile(r"[^\W_]")


def warm_positions() -> None:
    """Compile the regexes of `folded_positions` now, not at the first long text."""
    _plain_regexes()


def folded_positions(text: str, upto: int | None = None) -> list[int]:
    """For each character of fold(text), its index in `text` (to highlight matches); of
    the first `upto` characters only, when given."""
    if len(text) > _LONG or _plain_regexes.cache_info().currsize:
        plain, kept = _plain_regexes()
        if plain.fullmatch(text):
            return [m.start() for m in islice(kept.finditer(text), upto)]
    positions: list[int] = []
    for i, ch in enumerate(text):
        if upto is not None and len(positions) >= upto:
            break  # (a hit's highlight needs no further than its last match)
        positions += [i] * len(_FOLD[ord(ch)])
    return positions[:upto]


def fold_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, its index in `text`."""
    out: list[str] = []
    positions: list[int] = []
    for i, ch in enumerate(text):
        piece = _FOLD[ord(ch)]
        out.append(piece)
        positions.extend([i] * len(piece))
    return "".join(out), positions

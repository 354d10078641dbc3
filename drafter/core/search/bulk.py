"""Many texts translated at once: a query's candidates spelled as readings (spelled.py) or
as sounds in one numpy lookup, not with one str.translate each.

str.translate with a dict looks each character up in Python (~80 ns: 250 candidates of 30
characters cost a keystroke 0.6 ms); a table indexed by code point does it in C. The table
holds the characters present in the index's texts (every one with a reading); any other
character is translated to `default`, or kept when that is None, as the dict does it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

from drafter.core.search.counting import arrays_loaded

K = TypeVar("K", bound=Hashable)

SEP = "\x00"  # between texts translated together (no folded text holds it)
_PLANE = 0x10000  # the table covers the first plane at least (and the characters present)
_LEAST = 256  # characters past which numpy translates them (its calls cost microseconds)


class Lookup:
    """A str.translate table over the characters `present`, applied to many texts at once."""

    def __init__(self, table: dict[int, str], present: Iterable[str], default: str | None) -> None:
        self.table = table
        self.present = present
        self.default = default
        self._codes: Any = None  # the table as a numpy array of code points, once needed

    def prepare(self) -> None:
        """Make the table now, and load the codec it goes through (~1 ms in all)."""
        if arrays_loaded():
            self._array()
            SEP.encode("utf-32-le")

    def many(self, texts: list[str]) -> list[str]:
        """Each of `texts` translated, as `text.translate(table)` would."""
        joined = SEP.join(texts)
        done = self._joined(joined)
        out, at = [], 0
        for text in texts:
            end = at + len(text)
            out.append(done[at:end])
            at = end + 1
        return out

    def codes(self, joined: str) -> Any:
        """The code points of `joined` translated, as a numpy array; None when numpy is not
        loaded, or a character is past the table (any the texts do not hold)."""
        if not arrays_loaded():
            return None
        import numpy as np

        try:
            codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        except UnicodeEncodeError:  # a lone surrogate (no folded text holds one)
            return None
        table = self._array()
        if len(codes) and int(codes.max()) >= len(table):
            return None
        return table[codes]

    def _joined(self, joined: str) -> str:
        if len(joined) >= _LEAST and (codes := self.codes(joined)) is not None:
            return str(codes.tobytes(), "utf-32-le")
        return joined.translate(self.table)

    def _array(self) -> Any:
        import numpy as np

        found = self._codes
        if found is None:  # once per index (~0.3 ms for a thousand characters present)
            codes = sorted(ord(c) for c in self.present)
            top = max(_PLANE, codes[-1] + 1 if codes else 0)
            if self.default is None:
                found = np.arange(top, dtype=np.uint32)
            else:
                found = np.full(top, ord(self.default), dtype=np.uint32)
            found[codes] = [ord(self.table[c]) for c in codes]
            self._codes = found
        return found


def remember(known: dict[K, str], keys: Iterable[K], make: Callable[[list[K]], list[str]],
             kept: int) -> None:  # fmt: skip
    """Make the values of those `keys` not `known` yet, together (`make` gets them all at
    once), and keep them; `known` is emptied first when it would grow past `kept`."""
    todo = [k for k in dict.fromkeys(keys) if k not in known]
    if not todo:
        return
    if len(known) + len(todo) > kept:
        known.clear()
    known.update(zip(todo, make(todo), strict=True))

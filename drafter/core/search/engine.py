"""The phrase search engine: find the right phrasing from a few characters, pinyin or initials.

Built once over a list of entries, then queried many times (from any thread: a search reads
the engine and never changes it). A query is split into keywords (searchquery); the index
proposes candidates (searchindex); each candidate is scored on how much of every keyword it
holds, how tight and how early, with a small preference for the current section and scene.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from itertools import compress, islice
from typing import NamedTuple

from drafter.core.bank.loading import Bank, Entry
from drafter.core.errors import QueryError
from drafter.core.search.candidates import candidates
from drafter.core.search.counting import ARRAYS, load_arrays
from drafter.core.search.filters import FILTER_NAMES, FILTERS
from drafter.core.search.fold import folded_positions, warm_positions
from drafter.core.search.index import SearchIndex
from drafter.core.search.matches import Match
from drafter.core.search.pinyin import PinyinTable
from drafter.core.search.query import parse_query, warm_alignment, warm_syllables
from drafter.core.search.rank import Memo, Preference, rank
from drafter.core.vocab import SECTIONS

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
DECODED = 200_000  # phrases whose texts a warm-up decodes for scans, at most
_NOTHING = re.compile("(?!)")


class SearchFilters(NamedTuple):
    """What to search in; None means any. A scene keeps entries of that scene and 通用 ones."""

    section: str | None = None
    topic: str | None = None
    scene: str | None = None
    kind: str | None = None
    bank: str | None = None
    review: str | None = None
    """'reviewed' hides harvested entries still pending review; 'pending' shows only those."""
    date: str | None = None
    """YYYY-MM-DD: only entries whose valid_from/until window holds this day (undated ones
    always); None keeps every entry, whatever its dates."""


class Hit(NamedTuple):
    """A found entry, its score (0–1, higher is better) and the matched character spans."""

    entry: Entry
    score: float
    spans: tuple[tuple[int, int], ...]
    """[start, end) ranges of entry.text that matched, for highlighting."""


class SearchEngine:
    """Fuzzy, pinyin-aware search over a fixed list of entries."""

    def __init__(
        self,
        entries: Sequence[Entry],
        index: SearchIndex | None = None,
        masks: Masks | None = None,
    ) -> None:
        self.entries: Sequence[Entry] = entries if masks is not None else tuple(entries)
        self.index = index or build_index(self.entries)
        self._masks = masks or Masks.of(self.entries)
        if not self.index.size == self._masks.size == len(self.entries):
            raise ValueError("the index was built for other entries")
        self._memo: Memo = {}

    @classmethod
    def for_bank(cls, bank: Bank) -> SearchEngine:
        """An engine over a merged bank: the bank store's when it has one (nothing to
        build), else one built in memory."""
        if bank.store is not None:
            from drafter.core.bank.store import engine_of

            return engine_of(bank.store)
        return cls(list(bank))

    def warm(self) -> None:
        """Load now what the first keystrokes would otherwise wait for: the converter of
        traditional characters (~20 ms), the syllables typed pinyin is read into and the
        regexes that map long texts' matches back (~3 ms), rapidfuzz for fuzzy alignments
        (~10 ms), the bank's characters grouped by reading (~2 ms, for one-syllable
        keywords), and for a large bank numpy (~0.1 s), which sums their postings, and the
        initials read from the store (scanned as bytes: copying them costs the first typed
        initials ~2 ms at 100k phrases, ~25 ms at 1M). The wizard calls this off the UI
        thread once its phrase panel answers. A bank of up to DECODED phrases also has its
        texts decoded for scans (~15 ms and ~5 MB at 100k, else ~1 ms of the first
        keystrokes that scan a stretch of the bank, one syllable or character)."""
        parse_query("黨 dangyuan", self.index.table)  # and the table's syllables (~1.3 ms)
        warm_positions()
        warm_syllables(self.index)
        warm_alignment()
        if self.index.size <= DECODED:
            for _ in self.index.scan(_NOTHING):  # a scan that finds nothing decodes all
                pass
        if self.index.size >= 10 * ARRAYS:
            load_arrays()
            _ = self.index.letters, self.index.letters2
            self.index.warm_arrays()
        # What was made above lives as long as the bank: collected once now, it leaves the
        # young generations, whose collections the first keystrokes would otherwise pay
        # for (one full collection, ~14 ms at 1M phrases, landed on a keystroke).
        gc.collect()

    @property
    def has_pending(self) -> bool:
        """True when some entries (harvested ones) still wait for review."""
        return 1 in bytes(self._masks.values["review"].get("pending", b""))

    @property
    def banks(self) -> list[str]:
        """Names of the banks the entries come from (the values of the `bank` filter)."""
        return list(self._masks.values["bank"])

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        prefer_section: str | None = None,
        prefer_scene: str | None = None,
        limit: int = 20,
    ) -> list[Hit]:
        """The best `limit` entries for `query`, best first; an empty query lists the bank."""
        mask = self._masks.combine(filters or SearchFilters())
        if limit <= 0:
            return []
        keywords = parse_query(query, self.index.table)
        if not keywords:
            every = range(len(self.entries))
            chosen = every if mask is None else compress(every, mask)
            return [Hit(self.entries[i], 0.0, ()) for i in islice(chosen, limit)]
        found = candidates(self.index, keywords, mask)
        values = self._masks.values
        prefer = Preference(
            values["section"].get(prefer_section or "") if prefer_section else None,
            values["scene"].get(prefer_scene or "") if prefer_scene else None,
        )
        hits = []
        for score, i, matches in rank(self.index, keywords, found, limit, prefer, self._memo):
            entry = self.entries[i]  # a stored entry is read from its columns: once
            hits.append(Hit(entry, round(score, 4), _spans(entry.text, matches)))
        return hits


def build_index(entries: Sequence[Entry], table: PinyinTable | None = None) -> SearchIndex:
    """The index of the entries' texts, with their notes and section names as extras."""
    return SearchIndex([e.text for e in entries], table, list(map(extra_text, entries)))


def extra_text(entry: Entry) -> str:
    """What is searched of an entry besides its text, with a lower weight."""
    return f"{entry.note} {SECTIONS.get(entry.section, '')}"


def _spans(text: str, matches: list[Match]) -> tuple[tuple[int, int], ...]:
    """Folded positions of all matches → merged [start, end) ranges of the original text
    (matches in the note or section name are not shown)."""
    wanted = sorted({p for m in matches for p in m.positions})
    if not wanted:
        return ()
    origin = folded_positions(text, wanted[-1] + 1)  # no further than the last match
    matched = [p for p in wanted if p < len(origin)]
    if not matched:
        return ()
    spans: list[list[int]] = []
    for p in matched:
        i = origin[p]
        if spans and spans[-1][1] >= i:
            spans[-1][1] = max(spans[-1][1], i + 1)
        else:
            spans.append([i, i + 1])
    return tuple((a, b) for a, b in spans)


class Masks:
    """One byte per entry for each filter value (1 = kept), combined per query in C.

    Built from entries, or taken as they are from a bank store (bytes mapped from disk).
    """

    def __init__(
        self,
        size: int,
        values: dict[str, dict[str, bytes | bytearray | memoryview]],
        windows: list[tuple[int, str, str]],
    ) -> None:
        self.size = size
        self.values = values
        """filter name → value → mask."""
        self.windows = windows
        """(index, first day, last day) of the entries that carry dates."""

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> Masks:
        return cls.grouped(range(len(entries)), entries)

    @classmethod
    def grouped(cls, groups: Sequence[int], shared: Sequence[Entry]) -> Masks:
        """Masks of entries whose fields other than id, text and line are those of
        `shared[groups[i]]` (the filters read no other: a plain-text bank has few groups)."""
        import numpy as np  # loaded only to build

        of = np.asarray(groups, dtype=np.int64)
        members: dict[str, dict[str, list[int]]] = {name: {} for name in FILTER_NAMES}
        used = np.flatnonzero(np.bincount(of, minlength=len(shared)))
        for g in used.tolist():  # groups no entry is left in have no values
            e = shared[g]
            for spec in FILTERS:
                for key in spec.keys(e):
                    members[spec.name].setdefault(key, []).append(g)
        values: dict[str, dict[str, bytes | bytearray | memoryview]] = {}
        for name, by_key in members.items():
            values[name] = {}
            for key, chosen in by_key.items():
                kept = np.zeros(len(shared), dtype=np.uint8)
                kept[chosen] = 1
                values[name][key] = kept[of].tobytes()
        dated = np.array([bool(e.valid_from or e.until) for e in shared] or [False])
        at = np.flatnonzero(dated[of]) if len(shared) else np.zeros(0, np.int64)
        windows = [
            (i, shared[g].valid_from or "", shared[g].until or "9999-12-31")
            for i, g in zip(at.tolist(), of[at].tolist(), strict=True)
        ]
        return cls(len(of), values, windows)

    def combine(self, filters: SearchFilters) -> bytes | None:
        """The mask of entries that pass every filter, or None when nothing is filtered."""
        result: int | None = None
        for spec in FILTERS:
            value = getattr(filters, spec.name)
            if value is None:
                continue
            valid = spec.choices() if spec.choices is not None else self.values[spec.name]
            if value not in valid:
                choices = "、".join(valid) or "（无）"
                raise QueryError(f"{spec.option} 不能写“{value}”；可选：{choices}")
            bits = self._bits(spec.name, value)
            for also in spec.keeps:
                if also != value:
                    bits |= self._bits(spec.name, also)
            result = bits if result is None else result & bits
        if filters.date is not None and self.windows:
            bits = self._dated(filters.date)
            result = bits if result is None else result & bits
        if result is None:
            return None
        return result.to_bytes(self.size, "little")

    def _dated(self, day: str) -> int:
        """Bits of the entries that may be offered on `day`: undated ones and those in window."""
        if not DATE_RE.fullmatch(day):
            raise QueryError(f"日期写成 年-月-日，如 2025-06-30，不能写“{day}”")
        mask = bytearray(b"\x01") * self.size
        for i, first, last in self.windows:
            mask[i] = first <= day <= last
        return int.from_bytes(mask, "little")

    def _bits(self, name: str, value: str) -> int:
        mask = self.values[name].get(value)
        return int.from_bytes(mask, "little") if mask is not None else 0


__all__ = ["Hit", "Masks", "SearchEngine", "SearchFilters"]

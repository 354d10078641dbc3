"""Merged banks as rows, what a bank store is built from: each entry's id, text and line,
and a group number standing for all its other fields (section, kind, note, origin …).

A plain-text bank becomes rows straight from its lines, with no `Entry` per phrase (making a
million of them costs more than indexing them); its phrases share two groups (heading and
sentence). YAML banks are parsed into entries first, then grouped.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any

from drafter.core.bank.loading import Entry, load_bank, txt_entry, txt_lines

SHARED_FIELDS = (
    "section", "kind", "topics", "scenes", "move", "links", "note", "review",
    "valid_from", "until", "aspects", "person", "provenance", "bank", "path",
)  # fmt: skip
"""An entry's fields but id, text and line: entries equal in all of them share a group."""


class Rows:
    """Entry i: ids[i], texts[i], lines[i] (0: none), the other fields those of
    shared[groups[i]] (an entry whose id, text and line mean nothing)."""

    __slots__ = ("groups", "ids", "lines", "shared", "texts")

    def __init__(
        self, ids: list[str], texts: list[str], lines: list[int], groups: list[int],
        shared: list[Entry],
    ) -> None:  # fmt: skip
        self.ids = ids
        self.texts = texts
        self.lines = lines
        self.groups = groups
        self.shared = shared

    def __len__(self) -> int:
        return len(self.ids)

    def entries(self) -> list[Entry]:
        """The rows as entries (for a caller that needs them all: it costs)."""
        rows = zip(self.ids, self.texts, self.lines, self.groups, strict=True)
        return [self.shared[g]._replace(id=i, text=t, line=n or None) for i, t, n, g in rows]


def rows_of(entries: Sequence[Entry]) -> Rows:
    """Entries as rows, grouped by their shared fields."""
    keys = list(map(attrgetter(*SHARED_FIELDS), entries))
    first: dict[Any, Entry] = {}
    for key, entry in zip(keys, entries, strict=True):
        if key not in first:
            first[key] = entry
    number = {key: n for n, key in enumerate(first)}
    return Rows(
        [e.id for e in entries],
        [e.text for e in entries],
        [e.line or 0 for e in entries],
        list(map(number.__getitem__, keys)),
        list(first.values()),
    )


def load_rows(root: Path, name: str) -> Rows:
    """One bank as rows: a plain-text file read line by line, else parsed (the first
    problem raises, as in `load_bank`)."""
    root = Path(root)
    if root.suffix == ".txt" and root.is_file():
        stem, (numbers, texts, headings) = txt_lines(root)
        shared = [txt_entry(heading, name, root) for heading in (False, True)]
        ids = list(map(f"{stem}.{{}}".format, numbers))
        return Rows(ids, texts, numbers, list(map(int, headings)), shared)
    return rows_of(load_bank(root, name).entries)


def merge(banks: Sequence[Rows]) -> Rows:
    """Banks merged in order: an entry whose id a later bank also has takes that bank's
    version, in its own place (as `Bank` merges entries)."""
    ids: list[str] = []
    texts: list[str] = []
    lines: list[int] = []
    groups: list[int] = []
    shared: list[Entry] = []
    for rows in banks:
        ids += rows.ids
        texts += rows.texts
        lines += rows.lines
        offset = len(shared)
        groups += [g + offset for g in rows.groups] if offset else rows.groups
        shared += rows.shared
    last = dict(zip(ids, range(len(ids)), strict=True))  # id → its last row, first sight order
    if len(last) < len(ids):
        kept = list(last.values())
        ids, texts = [ids[i] for i in kept], [texts[i] for i in kept]
        lines, groups = [lines[i] for i in kept], [groups[i] for i in kept]
    return Rows(ids, texts, lines, groups, shared)


__all__ = ["Rows", "load_rows", "merge", "rows_of"]

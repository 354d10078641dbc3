"""The phrasebank: schema, loading and merging of banks (see docs/phrasebank.md).

A bank is a folder of YAML files (or a single YAML file, or a plain .txt file with one
phrase a line). The built-in bank loads first; user banks merge over it, and a user entry
with a built-in id replaces it. Every entry remembers which bank and file it came from.
Merged banks are kept in a bank store (bank/store.py), so a start reads no YAML at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import compress
from pathlib import Path
from typing import NamedTuple

from drafter.core.bank.storekey import bank_files, named
from drafter.core.errors import BankError
from drafter.core.vocab import ENTRY_KINDS, GENERAL_SCENE, SECTIONS, TOPICS

BUILTIN = "built-in"
BANK_SUFFIXES = (".yaml", ".yml", ".txt")
"""Files in the user banks folder that are banks (besides folders)."""


# The records here are NamedTuples, not dataclasses: making a dataclass runs generated
# code (about half a millisecond each), and `drafter search` loads this module on every
# call; as tuples they are as immutable, compare and hash by their fields, and are made
# in a few microseconds (a bank of a million phrases makes them by the thousand).


class Provenance(NamedTuple):
    """Where a harvested entry was found."""

    file: str
    paragraph: int


class Entry(NamedTuple):
    """A loaded phrase, with its origin (which the file itself cannot set)."""

    id: str
    section: str
    kind: str
    text: str
    topics: tuple[str, ...] = ()
    scenes: tuple[str, ...] = (GENERAL_SCENE,)
    move: str | None = None
    links: tuple[str, ...] = ()
    note: str = ""
    review: str | None = None
    valid_from: str | None = None
    """First day (YYYY-MM-DD) the entry may be offered: a campaign, a plenary session."""
    until: str | None = None
    """Last day (YYYY-MM-DD) the entry reads as current; later drafts are not offered it."""
    aspects: tuple[str, ...] = ()
    """Aspects of a 对照检查材料 the entry belongs to (vocab.ASPECTS keys)."""
    person: str | None = None
    """'collective' (我们、领导班子) or 'individual' (我、本人) for first-person entries."""
    provenance: Provenance | None = None
    bank: str = BUILTIN
    """Name of the bank it came from: 'built-in', or the user bank's folder name."""
    path: Path | None = None
    line: int | None = None

    @property
    def section_label(self) -> str:
        return SECTIONS.get(self.section, self.section)

    @property
    def kind_label(self) -> str:
        return ENTRY_KINDS.get(self.kind, self.kind)

    @property
    def topic_labels(self) -> list[str]:
        return [TOPICS.get(t, t).split("（")[0] for t in self.topics]


class Finding(NamedTuple):
    """A problem found in a bank file: `file 第 n 行：entry id：message`."""

    path: Path
    message: str
    entry: str | None = None
    line: int | None = None
    severity: str = "error"
    """'error' (the bank check fails) or 'warning' (reported, the check still passes)."""

    def __str__(self) -> str:
        where = f"{self.path} 第 {self.line} 行" if self.line else str(self.path)
        warn = "提醒：" if self.severity == "warning" else ""
        return f"{where}：{warn}{self.entry + '：' if self.entry else ''}{self.message}"


class LoadResult:
    """What reading a bank gave: its entries, and the problems found in its files."""

    __slots__ = ("entries", "findings")

    def __init__(self, entries: list[Entry] | None = None) -> None:
        self.entries: list[Entry] = [] if entries is None else entries
        self.findings: list[Finding] = []


def load_txt_bank(path: Path, bank: str) -> LoadResult:
    """A plain list of phrases, one a line (ad-hoc corpora for search)."""
    stem, (numbers, texts, headings) = txt_lines(path)
    shared = [txt_entry(heading, bank, path) for heading in (False, True)]
    rows = zip(numbers, texts, headings, strict=True)
    return LoadResult([shared[h]._replace(id=f"{stem}.{n}", text=t, line=n) for n, t, h in rows])


def txt_lines(path: Path) -> tuple[str, tuple[list[int], list[str], list[bool]]]:
    """A plain-text bank's id stem, and for each phrase: its line number, its text and
    whether it is a heading (short, without a closing stop)."""
    from drafter.core.files.fsio import read_text  # (only a bank read from its files)

    stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "txt"
    lines = list(map(str.strip, read_text(path, BankError).splitlines()))
    numbers = list(compress(range(1, len(lines) + 1), lines))
    texts = list(filter(None, lines))
    headings = [len(t) <= 16 and not t.endswith(("。", "！", "？")) for t in texts]
    return stem, (numbers, texts, headings)


def txt_entry(heading: bool, bank: str, path: Path) -> Entry:
    """What every phrase of a plain-text bank shares: no section, every topic and scene."""
    kind = "heading" if heading else "sentence"
    return Entry(id="", section="", kind=kind, text="", topics=(), bank=bank, path=path)


def load_bank(root: Path, name: str | None = None, *, collect: bool = False) -> LoadResult:
    """All entries of one bank (folder, YAML file or .txt file), read from its files.

    With `collect`, bad entries become findings instead of raising. (Starts read merged
    banks from their store instead: see `load_banks`.)
    """
    root = Path(root)
    name = name or root.stem
    result = LoadResult()
    for path in bank_files(root):
        part = (
            load_txt_bank(path, name) if path.suffix == ".txt" else _load_yaml(path, name, collect)
        )
        result.entries += part.entries
        result.findings += part.findings
    return result


def _load_yaml(path: Path, bank: str, collect: bool) -> LoadResult:
    # pydantic and PyYAML load only when a YAML bank is actually read (not on a cache hit)
    from drafter.core.bank.schema import load_yaml_bank_file

    return load_yaml_bank_file(path, bank, collect=collect)


class Bank:
    """Merged entries of several banks, looked up by id, in a stable order."""

    def __init__(self, entries: Iterable[Entry] = ()):
        by_id: dict[str, Entry] = {}
        for entry in entries:
            by_id[entry.id] = entry  # later banks override earlier ones
        self._by_id: dict[str, Entry] | None = by_id
        self.entries: Sequence[Entry] = list(by_id.values())
        self._find: Callable[[str], Entry | None] = by_id.get
        self._banks: list[str] | None = None
        self.store: object | None = None
        """The bank store the entries are read from (bankstore.Store), if any."""

    @classmethod
    def stored(
        cls,
        entries: Sequence[Entry],
        find: Callable[[str], Entry | None],
        banks: list[str],
        store: object,
    ) -> Bank:
        """A bank over entries read lazily from a store (already merged, ids unique)."""
        bank = cls()
        bank._by_id, bank.entries, bank._find, bank._banks = None, entries, find, banks
        bank.store = store
        return bank

    @property
    def by_id(self) -> dict[str, Entry]:
        """Every entry by id (built on first use for a stored bank: it reads every entry)."""
        if self._by_id is None:
            self._by_id = {e.id: e for e in self.entries}
        return self._by_id

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._find(entry_id)

    def linked(self, entry: Entry, section: str | None = None) -> list[Entry]:
        """Entries this one links to (optionally only of one section), in link order."""
        out = [e for e in map(self.get, entry.links) if e is not None]
        return [e for e in out if section is None or e.section == section]

    def linked_from(self, ids: Iterable[str], section: str) -> list[Entry]:
        """Entries of `section` linked from any of `ids`, without repeats."""
        seen: dict[str, Entry] = {}
        for entry_id in ids:
            entry = self.get(entry_id)
            if entry is not None:
                for target in self.linked(entry, section):
                    seen.setdefault(target.id, target)
        return list(seen.values())

    @property
    def banks(self) -> list[str]:
        if self._banks is not None:
            return list(self._banks)
        return list(dict.fromkeys(e.bank for e in self.entries))


@cache
def builtin_entries() -> tuple[Entry, ...]:
    """The built-in bank, loaded once per process (from its store: see `load_banks`)."""
    return tuple(load_banks(builtin=True, user=False))


def user_bank_paths(extra: Iterable[Path] = ()) -> list[Path]:
    """User banks: the config file and DRAFTER_BANKS, the user banks folder, then `extra`."""
    from drafter.core.config import load_config
    from drafter.core.files import locations

    paths = list(load_config().banks)
    folder = locations.user_banks_dir()
    if folder.is_dir():
        paths += sorted(p for p in folder.iterdir() if p.is_dir() or p.suffix in BANK_SUFFIXES)
    return paths + [Path(p) for p in extra]


def load_banks(extra: Iterable[Path] = (), *, builtin: bool = True, user: bool = True) -> Bank:
    """The built-in bank merged with the user's banks and `extra` ones.

    Read from the bank store while no bank file has changed since it was written; else
    the files are read (the first problem raises) and the store written for next time.
    """
    from drafter.core.bank.store import open_banks
    from drafter.core.files.resources import builtin_bank_dir

    paths = user_bank_paths(extra) if user else [Path(p) for p in extra]
    roots = [(builtin_bank_dir(), BUILTIN)] if builtin else []
    return open_banks(roots + named(paths))

"""The phrasebank: schema, loading and merging of banks (see docs/phrasebank.md).

A bank is a folder of YAML files (or a single YAML file, or a plain .txt file with one
phrase a line). The built-in bank loads first; user banks merge over it, and a user entry
with a built-in id replaces it. Every entry remembers which bank and file it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from drafter.core.errors import BankError
from drafter.core.fsio import read_text
from drafter.core.validation import validate
from drafter.core.vocab import (
    ENTRY_KINDS,
    GENERAL_SCENE,
    MOVES,
    SCENES,
    SECTIONS,
    TOPICLESS_SECTIONS,
    TOPICS,
)
from drafter.core.yamlio import LineMap, load_yaml

BUILTIN = "built-in"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
SectionKey = Literal[
    "situation", "practice", "achievement", "problem", "cause",
    "countermeasure", "plan", "opening", "transition", "closing",
]  # fmt: skip


def _one_of(value: str, allowed: Iterable[str], what: str) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"unknown {what} '{value}'; use one of {', '.join(allowed)}")
    return value


class Provenance(BaseModel):
    """Where a harvested entry was found."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    file: str
    paragraph: int


class EntryData(BaseModel):
    """One entry as written in a bank file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    section: SectionKey
    kind: Literal["heading", "sentence", "paragraph"]
    text: str = Field(min_length=1)
    topics: list[str] | None = None
    scenes: list[str] = Field(default_factory=lambda: [GENERAL_SCENE], min_length=1)
    move: str | None = None
    links: list[str] = Field(default_factory=list)
    note: str = ""
    source: Provenance | None = None
    review: Literal["pending", "reviewed"] | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError("an id is lower-case words joined by dots, e.g. org-life.problem.07")
        return value

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: list[str] | None) -> list[str] | None:
        for topic in value or []:
            _one_of(topic, TOPICS, "topic")
        return value

    @field_validator("scenes")
    @classmethod
    def _scenes(cls, value: list[str]) -> list[str]:
        for scene in value:
            _one_of(scene, SCENES, "scene")
        return value

    @field_validator("move")
    @classmethod
    def _move(cls, value: str | None) -> str | None:
        return None if value is None else _one_of(value, MOVES, "move")


class BankFileData(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topic: str | None = None
    entries: list[dict[str, Any]] = Field(default_factory=list)

    @field_validator("topic")
    @classmethod
    def _topic(cls, value: str | None) -> str | None:
        return None if value is None else _one_of(value, TOPICS, "topic")


_ENTRY = TypeAdapter(EntryData)
_FILE = TypeAdapter(BankFileData)


@dataclass(frozen=True, slots=True)
class Entry:
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


@dataclass(frozen=True)
class Finding:
    """A problem found in a bank file: `file: entry id: message`."""

    path: Path
    message: str
    entry: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.entry + ': ' if self.entry else ''}{self.message}"


@dataclass
class LoadResult:
    entries: list[Entry] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _entry_from(data: EntryData, topic: str | None, bank: str, path: Path, line: int | None) -> Entry:
    topics = data.topics if data.topics is not None else ([topic] if topic else [])
    return Entry(
        id=data.id,
        section=data.section,
        kind=data.kind,
        text=data.text,
        topics=tuple(topics),
        scenes=tuple(data.scenes),
        move=data.move,
        links=tuple(data.links),
        note=data.note,
        review=data.review,
        provenance=data.source,
        bank=bank,
        path=path,
        line=line,
    )


def load_yaml_bank_file(path: Path, bank: str, *, collect: bool = False) -> LoadResult:
    """Entries of one YAML bank file; with `collect`, bad entries become findings."""
    result = LoadResult()
    data, lines = load_yaml(read_text(path, BankError), path, BankError)
    if data is None:
        return result
    if not isinstance(data, dict):
        raise BankError("a bank file is a mapping with topic: and entries:", path, 1)
    parsed = validate(_FILE, data, path=path, lines=lines, error=BankError)
    for i, raw in enumerate(parsed.entries):
        line = lines.line(("entries", i))
        try:
            if not isinstance(raw, dict):
                raise BankError("an entry is a mapping with id, section, kind and text", path, line)
            entry = validate(
                _ENTRY, raw, path=path, lines=lines, error=BankError, prefix=("entries", i)
            )
            _check_topics(entry, parsed.topic, path, lines, i)
        except BankError as exc:
            if not collect:
                raise
            ident = raw.get("id") if isinstance(raw, dict) else None
            result.findings.append(Finding(path, exc.message, str(ident) if ident else None, exc.line))
            continue
        result.entries.append(_entry_from(entry, parsed.topic, bank, path, line))
    return result


def _check_topics(entry: EntryData, topic: str | None, path: Path, lines: LineMap, i: int) -> None:
    has_topics = bool(entry.topics) or (entry.topics is None and topic)
    if not has_topics and entry.section not in TOPICLESS_SECTIONS:
        raise BankError(
            "needs topics (or a file-level topic:)", path, lines.line(("entries", i))
        )


def load_txt_bank(path: Path, bank: str) -> LoadResult:
    """A plain list of phrases, one a line (ad-hoc corpora for search)."""
    result = LoadResult()
    stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "txt"
    for n, line in enumerate(read_text(path, BankError).splitlines(), 1):
        text = line.strip()
        if not text:
            continue
        kind = "heading" if len(text) <= 16 and not text.endswith(("。", "！", "？")) else "sentence"
        result.entries.append(
            Entry(id=f"{stem}.{n}", section="", kind=kind, text=text, topics=(), bank=bank,
                  path=path, line=n)
        )
    return result


def bank_files(root: Path) -> list[Path]:
    """The files of a bank: a folder's YAML files (recursively), or the file itself."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.exists():
        raise BankError("no such bank file or folder", root)
    return sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_bank(root: Path, name: str | None = None, *, collect: bool = False) -> LoadResult:
    """All entries of one bank (folder, YAML file or .txt file)."""
    root = Path(root)
    name = name or root.stem
    result = LoadResult()
    for path in bank_files(root):
        part = (
            load_txt_bank(path, name)
            if path.suffix == ".txt"
            else load_yaml_bank_file(path, name, collect=collect)
        )
        result.entries += part.entries
        result.findings += part.findings
    return result


class Bank:
    """Merged entries of several banks, looked up by id, in a stable order."""

    def __init__(self, entries: Iterable[Entry] = ()):
        self.by_id: dict[str, Entry] = {}
        for entry in entries:
            self.by_id[entry.id] = entry  # later banks override earlier ones
        self.entries: list[Entry] = list(self.by_id.values())

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.by_id.get(entry_id)

    def linked(self, entry: Entry, section: str | None = None) -> list[Entry]:
        """Entries this one links to (optionally only of one section), in link order."""
        out = [self.by_id[i] for i in entry.links if i in self.by_id]
        return [e for e in out if section is None or e.section == section]

    def linked_from(self, ids: Iterable[str], section: str) -> list[Entry]:
        """Entries of `section` linked from any of `ids`, without repeats."""
        seen: dict[str, Entry] = {}
        for entry_id in ids:
            entry = self.by_id.get(entry_id)
            if entry is not None:
                for target in self.linked(entry, section):
                    seen.setdefault(target.id, target)
        return list(seen.values())

    @property
    def banks(self) -> list[str]:
        return list(dict.fromkeys(e.bank for e in self.entries))


@cache
def builtin_entries() -> tuple[Entry, ...]:
    """The built-in bank, loaded once per process."""
    from drafter.core.resources import builtin_bank_dir

    return tuple(load_bank(builtin_bank_dir(), BUILTIN).entries)


def user_bank_paths(extra: Iterable[Path] = ()) -> list[Path]:
    """User banks: the config file and DRAFTER_BANKS, the user banks folder, then `extra`."""
    from drafter.core import locations
    from drafter.core.config import load_config

    paths = list(load_config().banks)
    folder = locations.user_banks_dir()
    if folder.is_dir():
        paths += sorted(p for p in folder.iterdir() if p.is_dir() or p.suffix in (".yaml", ".yml"))
    return paths + [Path(p) for p in extra]


def load_banks(extra: Iterable[Path] = (), *, builtin: bool = True, user: bool = True) -> Bank:
    """The built-in bank merged with the user's banks and `extra` ones."""
    entries: list[Entry] = list(builtin_entries()) if builtin else []
    paths = user_bank_paths(extra) if user else [Path(p) for p in extra]
    for path in paths:
        entries += load_bank(path).entries
    return Bank(entries)

"""The bank file schema (pydantic) and the YAML bank loader.

Kept apart from bank.py so that reading a cached bank imports neither pydantic nor PyYAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationInfo, field_validator

from drafter.core.bank.loading import Entry, Finding, LoadResult, Provenance
from drafter.core.errors import BankError
from drafter.core.files.fsio import read_text
from drafter.core.files.yamlio import LineMap, load_yaml
from drafter.core.validation import IsoDate, validate
from drafter.core.vocab import ASPECTS, GENERAL_SCENE, MOVES, SCENES, TOPICLESS_SECTIONS, TOPICS

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$")
SectionKey = Literal[
    "situation", "practice", "achievement", "problem", "cause",
    "countermeasure", "plan", "opening", "transition", "closing",
]  # fmt: skip


def _one_of(value: str, allowed: Iterable[str], what: str) -> str:
    allowed = list(allowed)
    if value not in allowed:
        raise ValueError(f"{what} 不能写“{value}”；可选：{'、'.join(allowed)}")
    return value


_VOCABULARIES: dict[str, Iterable[str]] = {"aspect": ASPECTS, "topic": TOPICS, "scene": SCENES}
"""The closed lists a list field's items come from, by the field's singular name."""


class ProvenanceData(BaseModel):
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
    source: ProvenanceData | None = None
    review: Literal["pending", "reviewed"] | None = None
    valid_from: IsoDate | None = None
    until: IsoDate | None = None
    aspects: list[str] = Field(default_factory=list)
    person: Literal["collective", "individual"] | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError("id 由小写英文词加点连成，如 org-life.problem.07")
        return value

    @field_validator("aspects", "topics", "scenes")
    @classmethod
    def _vocabulary(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        what = (info.field_name or "").rstrip("s")  # aspects → aspect: the key as written
        for item in value or []:
            _one_of(item, _VOCABULARIES[what], what)
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


def _entry_from(
    data: EntryData, topic: str | None, bank: str, path: Path, line: int | None
) -> Entry:
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
        valid_from=data.valid_from,
        until=data.until,
        aspects=tuple(data.aspects),
        person=data.person,
        provenance=Provenance(data.source.file, data.source.paragraph) if data.source else None,
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
        raise BankError("短语库文件应写成含 topic: 和 entries: 的映射", path, 1)
    parsed = validate(_FILE, data, path=path, lines=lines, error=BankError)
    for i, raw in enumerate(parsed.entries):
        line = lines.line(("entries", i))
        try:
            if not isinstance(raw, dict):
                raise BankError("条目应写成含 id、section、kind、text 的映射", path, line)
            entry = validate(
                _ENTRY, raw, path=path, lines=lines, error=BankError, prefix=("entries", i)
            )
            _check_topics(entry, parsed.topic, path, lines, i)
        except BankError as exc:
            if not collect:
                raise
            ident = raw.get("id") if isinstance(raw, dict) else None
            result.findings.append(
                Finding(path, exc.message, str(ident) if ident else None, exc.line)
            )
            continue
        result.entries.append(_entry_from(entry, parsed.topic, bank, path, line))
    return result


def _check_topics(entry: EntryData, topic: str | None, path: Path, lines: LineMap, i: int) -> None:
    has_topics = bool(entry.topics) or (entry.topics is None and topic)
    if not has_topics and entry.section not in TOPICLESS_SECTIONS:
        raise BankError("缺少 topics（或在文件开头写 topic:）", path, lines.line(("entries", i)))

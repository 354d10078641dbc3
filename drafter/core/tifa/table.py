"""The table of 规范表述 (提法): the Party's fixed formulas, word for word, with their dates.

`phrasebank/tifa.yaml` lists each formula with its canonical wording, its expansion in the
official order, the wrong forms people write, the document or meeting it comes from and the
days between which it reads as current (see docs/phrasebank.md). The bank check, the search
and the review check all read this one table; `tifamatch` finds formulas in running text.

Dates: `valid_from` is the first day the formula exists (a meeting's opening day, a
campaign's start; the first of the month when the source gives only the month). `until` is
the last day a draft may still speak of it as current work: for a campaign, 31 December of
the year after it closed (the next year's reports still consolidate its results).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

from drafter.core.bank.storekey import TIFA_TABLE_FILE
from drafter.core.errors import BankError
from drafter.core.files.fsio import read_text
from drafter.core.files.yamlio import load_yaml
from drafter.core.validation import IsoDate, validate

TABLE_FILE = TIFA_TABLE_FILE
"""File name of the table inside the built-in phrasebank folder (not a bank file)."""

FORMULA_KINDS: dict[str, str] = {
    "theory": "理论与战略",
    "institution": "制度与工作方法",
    "discipline": "纪律与作风",
    "campaign": "集中教育与专项整治",
    "meeting": "会议",
    "document": "文件",
}

WrongWhy = Literal["member", "order", "dropped", "old", "wording"]
WRONG_LABELS: dict[str, str] = {
    "member": "成员写错",
    "order": "顺序颠倒",
    "dropped": "漏了部分",
    "old": "旧提法",
    "wording": "措辞不准",
}

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class WrongForm(BaseModel):
    """A wrong form of a formula, as people write it, and why it is wrong."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    text: str = Field(min_length=2)
    why: WrongWhy
    fix: str = ""
    """The right words for this spot, when they differ from the whole canonical form."""


class FormulaData(BaseModel):
    """One row of the table as written in tifa.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str = Field(min_length=2)
    """The canonical short wording: 四个意识, 三会一课, 党纪学习教育."""
    kind: Literal["theory", "institution", "discipline", "campaign", "meeting", "document"]
    members: list[str] = Field(default_factory=list)
    """The parts of the expansion, in the official order."""
    expansion: str = ""
    """The expansion as written (default: the members joined by 、)."""
    aliases: list[str] = Field(default_factory=list)
    """Other correct wordings that name the same formula (二十大 for 党的二十大)."""
    replaced: dict[str, str] = Field(default_factory=dict)
    """Old members and what replaced them: {全面建成小康社会: 全面建设社会主义现代化国家}."""
    spelled_at: int | None = Field(default=None, ge=2)
    """How many parts in one list count as spelling it out without the name (default: all
    but one); raise it where a shorter list is ordinary prose (三会 without 一课)."""
    wrong: list[WrongForm] = Field(default_factory=list)
    source: str = Field(min_length=4)
    valid_from: IsoDate | None = None
    until: IsoDate | None = None
    note: str = ""

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("id 由小写拼音词加 - 连成，如 si-ge-yi-shi")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> FormulaData:
        if len(self.members) == 1:
            raise ValueError("members：列出两个以上的组成部分，或者不写")
        if len(set(self.members)) != len(self.members):
            raise ValueError("members：有一项写了两次")
        position = 0
        for member in self.members:
            found = self.expansion.find(member, position) if self.expansion else 0
            if found < 0:
                raise ValueError(f"expansion：缺少“{member}”，或顺序不对")
            position = found + len(member)
        if self.expansion and not self.members:
            raise ValueError("expansion：请在 members 下列出各组成部分")
        if self.spelled_at is not None and self.spelled_at > len(self.members):
            raise ValueError("spelled_at 大于 members 的项数")
        if self.valid_from and self.until and self.until < self.valid_from:
            raise ValueError("until 早于 valid_from")
        for form in self.wrong:
            if form.text in (self.name, *self.aliases, self.expansion_text):
                raise ValueError(f"wrong：“{form.text}”就是规范表述本身")
        return self

    @property
    def expansion_text(self) -> str:
        return self.expansion or "、".join(self.members)


class TableData(BaseModel):
    model_config = ConfigDict(extra="forbid")
    formulas: list[dict[str, object]] = Field(default_factory=list)


@dataclass(frozen=True)
class Formula:
    """A loaded formula, located in its table file."""

    id: str
    name: str
    kind: str
    members: tuple[str, ...]
    expansion: str
    aliases: tuple[str, ...]
    replaced: dict[str, str]
    wrong: tuple[WrongForm, ...]
    source: str
    spelled_at: int = 2
    valid_from: IsoDate | None = None
    until: IsoDate | None = None
    note: str = ""
    path: Path | None = None
    line: int | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """Every correct way of naming it, longest first (so 党的二十大 wins over 二十大)."""
        return tuple(sorted({self.name, *self.aliases}, key=len, reverse=True))

    @property
    def canonical(self) -> str:
        """The form a fix hint quotes: 四个意识（政治意识、大局意识、核心意识、看齐意识）."""
        if not self.expansion or self.expansion in self.name:
            return self.name
        return f"{self.name}（{self.expansion}）"

    @property
    def origin(self) -> str:
        """The document or meeting it comes from (the source without where it was checked)."""
        return self.source.split("；核对")[0]

    @property
    def triggers(self) -> tuple[str, ...]:
        """Every string the matcher looks for: names, expansion, parts, old parts, wrong forms."""
        return (
            *self.names,
            self.expansion,
            *self.members,
            *self.replaced,
            *(w.text for w in self.wrong),
        )

    def current_at(self, day: str) -> bool:
        """Whether a draft dated `day` (YYYY-MM-DD) may speak of it as current."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.until is None or day <= self.until
        )


@dataclass(frozen=True, eq=False)
class TifaTable:
    """The loaded table, looked up by id."""

    formulas: tuple[Formula, ...] = ()
    by_id: dict[str, Formula] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.formulas)

    def touched(self, text: str) -> list[Formula]:
        """The formulas `text` may hold: the first two characters of one of their strings
        occur in it. A cheap filter, so checking a bank of thousands of entries stays fast."""
        return _touched(self, text)

    @cached_property
    def by_pair(self) -> dict[str, tuple[int, ...]]:
        """First two characters of every string the matcher looks for → formula positions."""
        index: dict[str, set[int]] = {}
        for i, formula in enumerate(self.formulas):
            for trigger in formula.triggers:
                if trigger:
                    index.setdefault(trigger[:2], set()).add(i)
        return {pair: tuple(sorted(found)) for pair, found in index.items()}

    def expired(self, day: str) -> list[Formula]:
        """Formulas whose `until` lies before `day`."""
        return [f for f in self.formulas if f.until is not None and f.until < day]


@lru_cache(maxsize=64)
def _touched(table: TifaTable, text: str) -> list[Formula]:
    index = table.by_pair
    hits: set[int] = set()
    for i in range(len(text) - 1):
        found = index.get(text[i : i + 2])
        if found:
            hits.update(found)
    return [table.formulas[i] for i in sorted(hits)]


_FORMULA = TypeAdapter(FormulaData)
_TABLE = TypeAdapter(TableData)


def load_table(path: Path, *, collect: bool = False) -> tuple[TifaTable, list[BankError]]:
    """The table in `path`; with `collect`, bad rows are returned as errors and skipped."""
    data, lines = load_yaml(read_text(path, BankError), path, BankError)
    if data is None:
        return TifaTable(), []
    if not isinstance(data, dict):
        raise BankError("提法表应写成含 formulas: 的映射", path, 1)
    parsed = validate(_TABLE, data, path=path, lines=lines, error=BankError)
    formulas: list[Formula] = []
    errors: list[BankError] = []
    seen: dict[str, int | None] = {}
    for i, raw in enumerate(parsed.formulas):
        line = lines.line(("formulas", i))
        ident = raw.get("id") if isinstance(raw, dict) else None
        try:
            row = validate(_FORMULA, raw, path=path, lines=lines, error=BankError,
                           prefix=("formulas", i))  # fmt: skip
            if row.id in seen:
                raise BankError(f"id 重复（第一次出现在第 {seen[row.id]} 行）", path, line)
        except BankError as exc:
            error = BankError(f"{ident}：{exc.message}" if ident else exc.message, path, exc.line)
            if not collect:
                raise error from exc
            errors.append(error)
            continue
        seen[row.id] = line
        formulas.append(_formula(row, path, line))
    return TifaTable(tuple(formulas), {f.id: f for f in formulas}), errors


def _formula(row: FormulaData, path: Path, line: int | None) -> Formula:
    return Formula(
        id=row.id,
        name=row.name,
        kind=row.kind,
        members=tuple(row.members),
        expansion=row.expansion_text if row.members else "",
        aliases=tuple(row.aliases),
        replaced=dict(row.replaced),
        spelled_at=row.spelled_at or max(2, len(row.members) - 1),
        wrong=tuple(row.wrong),
        source=row.source,
        valid_from=row.valid_from,
        until=row.until,
        note=row.note,
        path=path,
        line=line,
    )


def iso_day(text: str) -> str:
    """A draft's meta.date as YYYY-MM-DD (2026-3-5 → 2026-03-05); '' stays ''."""
    return "-".join(f"{int(part):02d}" for part in text.split("-")) if text else ""


def table_path() -> Path:
    """Where the built-in table lives (beside the built-in bank files)."""
    from drafter.core.files.resources import builtin_bank_dir

    return builtin_bank_dir() / TABLE_FILE


@cache
def builtin_table() -> TifaTable:
    """The built-in table, loaded once per process."""
    return load_table(table_path())[0]

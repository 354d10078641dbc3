"""The entries a skeleton may use: valid at the draft's date, fit for its scene and voice.

A skeleton is assembled from bank entries only. This module decides which entries are
eligible (date window, scene, first-person voice, reviewed) and how well each fits, so
the builder can prefer a scene's own phrasing over 通用 and never use an entry twice.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from drafter.core.bank.loading import Bank, Entry
from drafter.core.vocab import ASPECTS, GENERAL_SCENE, TOPICS

# Short names of topics and aspects for the slots a skeleton leaves for the user's facts
# ({组织生活表现}): a slot name holds at most 8 characters, so the labels are cut to 4.
MATTER_NAMES: dict[str, str] = {
    "political": "政治建设",
    "theory": "理论学习",
    "organization": "组织覆盖",
    "members": "党员队伍",
    "cadres": "干部队伍",
    "org-life": "组织生活",
    "institutions": "制度落实",
    "conduct": "作风建设",
    "support": "阵地保障",
    "integration": "党建融合",
    "masses": "服务群众",
    "discipline": "监督执纪",
    "party-duty": "管党治党",
}
"""Topic labels are long (理论学习与思想建设); aspect labels are short enough but one."""


@dataclass(frozen=True)
class Matter:
    """One matter the report treats: a bank topic, or an aspect of a 对照检查材料."""

    key: str
    aspect: bool = False

    @property
    def label(self) -> str:
        return (ASPECTS if self.aspect else TOPICS)[self.key].split("（")[0]

    @property
    def short(self) -> str:
        return MATTER_NAMES.get(self.key, self.label[:4])


@dataclass
class Pool:
    """Eligible entries of a bank for one draft, and which of them are already used."""

    bank: Bank
    scene: str
    date: _dt.date
    person: str | None = None
    used: set[str] = field(default_factory=set)

    def valid(self, entry: Entry) -> bool:
        """In its date window, fit for the scene, reviewed, and unused."""
        if entry.id in self.used or entry.review == "pending":
            return False
        day = self.date.isoformat()
        if entry.valid_from and day < entry.valid_from:
            return False
        if entry.until and day > entry.until:
            return False
        return self.scene in entry.scenes or GENERAL_SCENE in entry.scenes

    def scene_fit(self, entry: Entry) -> int:
        """2 for an entry written for the draft's scene, 1 for a 通用 one."""
        return 2 if self.scene != GENERAL_SCENE and self.scene in entry.scenes else 1

    def of(
        self,
        section: str,
        matter: Matter | None,
        *,
        kind: str | None = None,
        moves: Iterable[str] | None = None,
    ) -> list[Entry]:
        """Eligible entries of a section (and matter, entry kind, moves), best fit first.

        A matter that is an aspect takes first-person entries of the draft's person; a
        topic takes entries in the third person (no `person`), whose topics include it.
        """
        wanted = set(moves) if moves is not None else None
        out = []
        for entry in self.bank:
            if entry.section != section or not self.valid(entry):
                continue
            if kind is not None and entry.kind != kind:
                continue
            if wanted is not None and entry.move not in wanted:
                continue
            if matter is not None and not self._fits(entry, matter):
                continue
            out.append(entry)
        return sorted(out, key=lambda e: -self.scene_fit(e))

    def _fits(self, entry: Entry, matter: Matter) -> bool:
        if matter.aspect:
            return matter.key in entry.aspects and (
                self.person is None or entry.person == self.person
            )
        return matter.key in entry.topics and entry.person is None

    def take(self, entry: Entry) -> Entry:
        self.used.add(entry.id)
        return entry

    def linked(self, entry: Entry, section: str, kind: str = "heading") -> list[Entry]:
        """Eligible entries of `section` this one links to, in link order."""
        return [e for e in self.bank.linked(entry, section) if e.kind == kind and self.valid(e)]

    def links_to(self, entry: Entry, targets: Iterable[Entry]) -> bool:
        ids = {t.id for t in targets}
        return bool(ids & set(entry.links))

"""What the user asks a skeleton for: a kind, a scene, a date and the matters to treat."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from drafter.core.model import Person
from drafter.core.report.kinds import ReportKind
from drafter.core.vocab import GENERAL_SCENE

MAX_PROBLEMS = 8
"""More parallel problems than this no longer read as one report's list."""


@dataclass(frozen=True)
class SkeletonRequest:
    """The few choices a skeleton is built from.

    Matters are either `topics` (bank topics such as org-life), `aspects` (the aspects of a
    对照检查材料, in the first person of `person`), or just a number of `problems`, for
    which the builder picks the topics (or the kind's aspects) that suit the scene best.
    """

    kind: ReportKind
    scene: str = GENERAL_SCENE
    date: _dt.date = field(default_factory=_dt.date.today)
    topics: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    problems: int | None = None
    person: Person | None = None
    """'collective' (领导班子) or 'individual' (本人), for first-person materials."""
    variant: int = 0
    """0 is the best choice; 1, 2 … give different, equally valid ones."""
    title: str = ""
    unit: str = ""

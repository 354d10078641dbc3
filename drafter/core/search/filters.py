"""The search filters, one row each: the engine's masks, the phrase panel's selects and
`drafter search`'s options all read this table, so a new filter is one row here (plus the
SearchFilters field it fills).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from drafter.core.bank.loading import Entry
from drafter.core.vocab import ENTRY_KINDS, GENERAL_SCENE, SCENES, SECTIONS, TOPICS


class FilterSpec(NamedTuple):
    """One filter: what it is called where, and which of its values an entry has."""

    name: str
    """The SearchFilters field and the engine's mask name."""
    label: str
    """How the phrase panel names it (部分, 场景 …)."""
    option: str
    """`drafter search`'s option."""
    help: str
    keys: Callable[[Entry], tuple[str, ...]]
    """The values an entry is found under."""
    choices: Callable[[], dict[str, str]] | None
    """Value → label; None: whatever values the loaded bank holds (not in the panel)."""
    keeps: tuple[str, ...] = ()
    """Values any choice keeps as well: 通用 entries fit every scene, and a plain-text
    bank's entries (no section) fit every step."""
    closed: bool = False
    """The CLI offers exactly the choices (others are refused by the engine with a note)."""
    on_demand: bool = False
    """The panel shows it only when the bank has such entries (harvested, pending review)."""


REVIEW_LABELS = {"reviewed": "只看已审核", "pending": "只看待审核"}

FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec(
        "section",
        "部分",
        "--section",
        "只查这一部分（problem、cause、countermeasure …）",
        lambda e: (e.section,),
        lambda: dict(SECTIONS),
        keeps=("",),
    ),
    FilterSpec(
        "scene",
        "场景",
        "--scene",
        "只查这一场景（农村、社区 …）和通用的条目",
        lambda e: e.scenes,
        lambda: {s: s for s in SCENES},
        keeps=(GENERAL_SCENE,),
    ),
    FilterSpec(
        "topic",
        "主题",
        "--topic",
        "只查这一主题（org-life、members …）",
        lambda e: e.topics,
        lambda: {key: label.split("（")[0] for key, label in TOPICS.items()},
    ),
    FilterSpec(
        "kind",
        "类型",
        "--kind",
        "只查标题、句子或段落（heading、sentence、paragraph）",
        lambda e: (e.kind,),
        lambda: dict(ENTRY_KINDS),
    ),
    FilterSpec(
        "bank",
        "来源",
        "--from-bank",
        "只查这个短语库的条目（built-in 或库名）",
        lambda e: (e.bank,),
        None,
    ),
    FilterSpec(
        "review",
        "收录",
        "--review",
        "只查已审过的条目（不列摘取后待审的），或只查待审的",
        lambda e: ("pending" if e.review == "pending" else "reviewed",),
        lambda: dict(REVIEW_LABELS),
        closed=True,
        on_demand=True,
    ),
)
"""Every filter, in the panel's order."""
FILTER_NAMES = tuple(spec.name for spec in FILTERS)

"""The phrasebank and its search engine, which the app loads off the UI thread at start-up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from drafter.core.bank import Bank, Entry


class SearchHit(Protocol):
    """What the wizard reads from a search hit (drafter.core.search.Hit)."""

    entry: Entry
    spans: tuple[tuple[int, int], ...]


class PhraseSearch(Protocol):
    """The part of drafter.core.search.SearchEngine the wizard uses."""

    def search(
        self,
        query: str,
        *,
        filters: Any = None,
        prefer_section: str | None = None,
        prefer_scene: str | None = None,
        limit: int = 20,
    ) -> list[Any]: ...


EngineFactory = Callable[[Bank], PhraseSearch]


def default_engine(bank: Bank) -> PhraseSearch:
    from drafter.core.search import SearchEngine

    engine: PhraseSearch = SearchEngine.for_bank(bank)
    return engine


def make_filters(
    section: str, topic: str, scene: str, kind: str, review: str = "", date: str = ""
) -> Any:
    """The engine's SearchFilters ('' = any); `date` keeps entries valid on that day."""
    from drafter.core.search import SearchFilters

    return SearchFilters(
        section=section or None,
        topic=topic or None,
        scene=scene or None,
        kind=kind or None,
        review=review or None,
        date=date or None,
    )


@dataclass
class Library:
    """The loaded bank and engine (None until ready); `error` when loading failed."""

    bank: Bank | None = None
    engine: PhraseSearch | None = None
    error: str = ""

    @property
    def ready(self) -> bool:
        return self.engine is not None

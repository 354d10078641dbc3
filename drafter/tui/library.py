"""The phrasebank and its search engine, which the app loads off the UI thread at start-up.

The app posts LibraryLoaded to its screens once the bank and engine are ready (or failed),
so a screen learns it by a message rather than the app reaching into it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from drafter.core.bank.loading import Bank

if TYPE_CHECKING:  # the engine's module loads the index code: imported when first searched
    from drafter.core.search.engine import Hit, SearchFilters


class PhraseSearch(Protocol):
    """The part of drafter.core.search.engine.SearchEngine the wizard uses."""

    @property
    def has_pending(self) -> bool:
        """Whether the bank holds harvested entries still waiting for review."""
        ...

    def search(
        self,
        query: str,
        filters: SearchFilters | None = None,
        prefer_section: str | None = None,
        prefer_scene: str | None = None,
        limit: int = 20,
    ) -> list[Hit]: ...


EngineFactory = Callable[[Bank], PhraseSearch]


def default_engine(bank: Bank) -> PhraseSearch:
    from drafter.core.search.engine import SearchEngine

    engine: PhraseSearch = SearchEngine.for_bank(bank)
    return engine


def make_filters(values: Mapping[str, str], date: str = "") -> SearchFilters:
    """The engine's SearchFilters from the panel's values by filter name ('' = any);
    `date` keeps entries valid on that day."""
    from drafter.core.search.engine import SearchFilters

    return SearchFilters(**{name: v or None for name, v in values.items()}, date=date or None)


@dataclass
class Library:
    """The loaded bank and engine (None until ready); `error` when loading failed."""

    bank: Bank | None = None
    engine: PhraseSearch | None = None
    error: str = ""

    @property
    def ready(self) -> bool:
        return self.engine is not None

    @property
    def has_pending(self) -> bool:
        """Whether the loaded bank holds harvested entries still pending review."""
        return self.engine is not None and self.engine.has_pending


class LibraryLoaded(Message):
    """The app loaded the bank and its engine, or failed to (see Library.error)."""

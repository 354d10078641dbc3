"""Equivalent terms of the genre (concepts.txt), used as weak expansions of a query.

活动阵地 also finds 活动场所 and 党群服务中心; 书记 also finds 带头人. An entry found only
through an equivalent ranks below entries holding the typed term (searchquery.SYNONYM).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drafter.core.search.fold import fold

MAX_ALTERNATIVES = 6
"""Alternatives kept per keyword: each one costs a lookup per query."""


@cache
def concept_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of equivalent terms, folded, longest terms first within a group."""
    text = Path(__file__).with_name("concepts.txt").read_text("utf-8")
    groups = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        terms = tuple(dict.fromkeys(fold(t) for t in line.split("/") if fold(t)))
        if len(terms) >= 2:
            groups.append(tuple(sorted(terms, key=len, reverse=True)))
    return tuple(groups)


@cache
def alternatives(word: str) -> tuple[str, ...]:
    """Other ways to write a folded Chinese keyword: each term of the table it holds
    replaced by an equivalent (the longest term first, so 党群服务中心 before 中心)."""
    found: dict[str, None] = {}
    for group in concept_groups():
        for term in group:
            if term in word:
                for other in group:
                    if other != term:
                        found[word.replace(term, other)] = None
                break
    found.pop(word, None)
    return tuple(found)[:MAX_ALTERNATIVES]

"""Ranking skips candidates by bounds (scoring.py): the results are exactly those of
scoring every candidate it looks at, for every prefix of queries of every kind."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from drafter.core.bank.loading import Entry, load_banks
from drafter.core.search import rank as rank_module
from drafter.core.search.engine import Hit, SearchEngine
from drafter.core.search.pinyin import PinyinTable

CLAUSE = re.compile(r"[，。；：、！？,;:]+")
# terms of the equivalents table (concepts.txt) and words the bank repeats in many phrases
TERMS = ["活动阵地", "村干部", "书记", "培训", "阵地建设", "走过场", "调研", "党员教育"]


@pytest.fixture(scope="module")
def bank() -> list[str]:
    """Phrases of one to three clauses of the built-in phrasebank, recombined: many share
    words, so bounds rule out most candidates (as at scale)."""
    texts = [e.text for e in load_banks(user=False) if "{" not in e.text]
    pool = sorted({c.strip() for t in texts for c in CLAUSE.split(t) if 4 <= len(c.strip()) <= 30})
    rng = random.Random(7)
    return ["，".join(rng.sample(pool, rng.choice((1, 2, 3)))) + "。" for _ in range(4000)]


def _queries(bank: list[str], table: PinyinTable) -> Iterator[str]:
    rng = random.Random(11)

    def spelled(chars: str, initials: bool = False) -> str:
        readings = [(table.readings_of(c) or ("",))[0] for c in chars]
        return "".join(r[:1] if initials else r for r in readings)

    read_as: dict[str, list[str]] = {}  # a reading → the bank's characters read so
    for char in sorted(set("".join(bank))):
        for reading in table.readings_of(char)[:1]:
            read_as.setdefault(reading, []).append(char)

    def homophone(chars: str) -> str:  # one character swapped for another read the same
        k = rng.randrange(len(chars))
        same = [c for r in table.readings_of(chars[k])[:1] for c in read_as[r] if c != chars[k]]
        return chars[:k] + (rng.choice(same) if same else "") + chars[k + 1 :]

    yield from TERMS
    for _ in range(30):
        text = rng.choice(bank)
        at = rng.randrange(max(1, len(text) - 6))
        piece = "".join(c for c in text[at : at + rng.randint(2, 6)] if "\u4e00" <= c <= "\u9fff")
        if len(piece) < 2:
            continue
        other = rng.choice(TERMS)
        yield from (piece, homophone(piece), spelled(piece), spelled(piece, initials=True))
        yield from (f"{piece} {spelled(other[:2])}", f"{other} {piece[:2]}", piece + "严重")


def _hits(hits: list[Hit]) -> list[tuple[str, float, tuple[tuple[int, int], ...]]]:
    return [(h.entry.text, h.score, h.spans) for h in hits]


def test_bounds_never_change_the_results(bank: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [Entry(id=f"p{n}", section="problem", kind="sentence", text=t)
               for n, t in enumerate(bank)]  # fmt: skip
    engine = SearchEngine(entries)
    queries = list(dict.fromkeys(_queries(bank, engine.index.table)))
    prefixes = [q[:n] for q in queries for n in range(1, len(q) + 1)]
    pruned = [_hits(engine.search(p, prefer_section="problem")) for p in prefixes]
    # every bound at its loosest: each candidate looked at is scored
    monkeypatch.setattr(rank_module, "bound_of", lambda *args: 9.0)
    monkeypatch.setattr(rank_module, "reading_bound_of", lambda *args: args[4])
    monkeypatch.setattr(rank_module, "partial_bound", lambda *args: 9.0)
    monkeypatch.setattr(rank_module, "EXACT", 9.0)
    engine = SearchEngine(entries)  # nothing kept from the searches above
    scored = [_hits(engine.search(p, prefer_section="problem")) for p in prefixes]
    differ = [p for p, a, b in zip(prefixes, pruned, scored, strict=True) if a != b]
    assert not differ, differ[:10]
    assert sum(map(len, scored)) > 10 * len(prefixes)  # the queries do find things

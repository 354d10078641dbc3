"""Search relevance: the labelled queries over the built-in bank, and generated queries over
documents the engine was not written for (../shared/corpus, read as input at test time).

recall@5 = share of the wanted entries found in the top 5 (of at most 5 wanted); MRR uses
the rank of the first wanted entry in the top 20. Both print in the test output.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from drafter.core.bank.loading import Entry, load_banks
from drafter.core.search.engine import SearchEngine
from tests.conftest import CORPUS

QUERIES = Path(__file__).with_name("search_queries.yaml")
GENRE_QUERIES = Path(__file__).with_name("search_queries_genre.yaml")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")

Metrics = dict[str, list[tuple[float, float]]]


def measure(engine: SearchEngine, query: str, want: set[str]) -> tuple[float, float]:
    got = [h.entry.id for h in engine.search(query, limit=20)]
    recall = len(want & set(got[:5])) / min(len(want), 5)
    rank = next((n for n, i in enumerate(got, 1) if i in want), None)
    return recall, 1 / rank if rank else 0.0


def report(title: str, by_kind: Metrics, capsys: pytest.CaptureFixture[str]) -> tuple[float, float]:
    every = [m for ms in by_kind.values() for m in ms]
    recall_5 = sum(r for r, _ in every) / len(every)
    mrr = sum(m for _, m in every) / len(every)
    with capsys.disabled():
        print(f"\n{title}: {len(every)} queries, recall@5 {recall_5:.3f}, MRR {mrr:.3f}")
        for kind, ms in by_kind.items():
            print(
                f"  {kind:<12} n={len(ms):<3} recall@5 {sum(r for r, _ in ms) / len(ms):.3f}"
                f"  MRR {sum(m for _, m in ms) / len(ms):.3f}"
            )
    return recall_5, mrr


def labelled(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Metrics, float, float]:
    """Run a labelled query file over the built-in bank: (metrics by kind, recall@5, MRR)."""
    import yaml

    bank = load_banks(user=False)
    engine = SearchEngine.for_bank(bank)
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    unknown = {i for q in queries for i in q["want"]} - set(bank.by_id)
    assert not unknown, f"labels name entries the bank no longer has: {sorted(unknown)}"
    by_kind: Metrics = {}
    for q in queries:
        by_kind.setdefault(q["kind"], []).append(measure(engine, q["query"], set(q["want"])))
    recall_5, mrr = report(f"{path.name}, built-in bank", by_kind, capsys)
    return by_kind, recall_5, mrr


def test_labelled_queries_reach_recall_and_mrr_targets(capsys: pytest.CaptureFixture[str]) -> None:
    by_kind, recall_5, mrr = labelled(QUERIES, capsys)
    assert sum(map(len, by_kind.values())) >= 80
    assert len(by_kind) >= 10  # every kind of query issue 4 lists
    # issue 18: recall@5 >= 0.95, and no drop in MRR from what the engine reached before
    assert recall_5 >= 0.95
    assert mrr >= 0.97


def test_genre_queries_reach_recall_and_mrr_targets(capsys: pytest.CaptureFixture[str]) -> None:
    """Equivalent terms, word boundaries, notes, partial matches, several bare words."""
    by_kind, recall_5, mrr = labelled(GENRE_QUERIES, capsys)
    assert {"synonym", "boundary", "note", "partial", "words"} <= set(by_kind)
    assert recall_5 >= 0.95
    assert mrr >= 0.9


def query_makers(rng: random.Random) -> dict[str, Callable[[str], str | None]]:
    """Each kind of query, made from a fragment of a corpus line."""
    import opencc
    from pypinyin import lazy_pinyin  # its own phrase-aware readings, not the engine's table

    from drafter.core.search.pinyin import pinyin_table

    table = pinyin_table()
    same_sound: dict[str, list[str]] = {}
    for char, readings in table.readings.items():
        same_sound.setdefault(readings[0], []).append(char)
    to_traditional = opencc.OpenCC("s2t")

    def typo(frag: str) -> str | None:
        k = rng.randrange(len(frag))
        readings = table.readings.get(frag[k])
        others = [c for c in same_sound.get(readings[0], []) if c != frag[k]] if readings else []
        return frag[:k] + rng.choice(others[:20]) + frag[k + 1 :] if others else None

    def half(frag: str) -> int:
        return len(frag) // 2

    return {
        "fragment": lambda f: f,
        "typo": typo,
        "extra": lambda f: f[:2] + rng.choice(["还", "明显", "比较"]) + f[2:],
        "keywords": lambda f: f[half(f) :] + " " + f[: half(f)],
        "pinyin": lambda f: "".join(lazy_pinyin(f)),
        "initials": lambda f: "".join(s[0] for s in lazy_pinyin(f)),
        "mixed": lambda f: f[: half(f)] + " " + "".join(lazy_pinyin(f[half(f) :])),
        "traditional": lambda f: str(to_traditional.convert(f)),
        "punctuation": lambda f: f[: half(f)] + "," + f[half(f) :],
    }


def test_generated_queries_over_unseen_documents(capsys: pytest.CaptureFixture[str]) -> None:
    """The held-out check of the issue, in small: the same kinds over other documents."""
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus is not here")
    lines = [
        line.strip()
        for path in files
        for line in path.read_text(encoding="utf-8").splitlines()
        if CJK_RUN.search(line)
    ]
    entries = [Entry(id=f"c.{n}", section="", kind="sentence", text=t) for n, t in enumerate(lines)]
    engine = SearchEngine(entries)
    rng = random.Random(2024)
    makers = query_makers(rng)
    by_kind: Metrics = {}
    while sum(len(ms) for ms in by_kind.values()) < 180:
        line = rng.choice(lines)
        run = rng.choice(CJK_RUN.findall(line))
        size = rng.randint(5, 8)
        start = rng.randrange(len(run) - size + 1)
        frag = run[start : start + size]
        want = {e.id for e in entries if frag in e.text}
        kind = rng.choice(list(makers))
        query = makers[kind](frag)
        if query is None or len(want) > 3:
            continue
        by_kind.setdefault(kind, []).append(measure(engine, query, want))
    recall_5, mrr = report("generated queries, ../shared/corpus lines", by_kind, capsys)
    assert recall_5 >= 0.9
    assert mrr >= 0.8

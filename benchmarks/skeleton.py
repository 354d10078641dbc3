"""Time report skeletons: the builder per skeleton, and `drafter new` as a user waits for it.

Target on a 2-core machine: ≤ 0.3 s per skeleton. Reported apart:
- builder, in process: every kind × scene × (three topic sets, 3–6 problems), bank loaded;
- `drafter new … --problems 4` as a whole process, first run (empty cache folder: the bank
  is parsed and cached) and repeat runs (cache warm), imports and file writing included.
Run: python benchmarks/skeleton.py
"""

from __future__ import annotations

import datetime as _dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter.core.bank.loading import load_banks
from drafter.core.report.kinds import get_kind
from drafter.core.skeleton import SkeletonRequest, build_skeleton
from drafter.core.vocab import SCENES

TOPIC_SETS = (
    ("org-life", "members", "cadres"),
    ("theory", "political", "conduct", "discipline"),
    ("organization", "support", "integration", "masses", "institutions"),
)


def builder_times() -> list[float]:
    bank = load_banks(user=False)
    times = []
    for kind_id in ("survey", "rectification", "summary"):
        kind = get_kind(kind_id)
        for scene in SCENES:
            choices: list[dict[str, object]] = [{"topics": t} for t in TOPIC_SETS]
            choices += [{"problems": n} for n in range(3, 7)]
            for choice in choices:
                request = SkeletonRequest(
                    kind,
                    scene=scene,
                    date=_dt.date(2025, 6, 30),
                    **choice,  # type: ignore[arg-type]
                )
                start = time.perf_counter()
                build_skeleton(request, bank)
                times.append(time.perf_counter() - start)
    return times


def process_time(home: Path, out: Path) -> float:
    env = dict(os.environ, DRAFTER_HOME=str(home))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "drafter", "new", "--kind", "survey", "--scene", "农村",
         "--problems", "4", "--force", "-o", str(out)],
        check=True, capture_output=True, env=env,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    times = builder_times()
    print(
        f"builder, {len(times)} skeletons: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms (target ≤ 300 ms)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        home, out = Path(tmp) / "home", Path(tmp) / "s.draft.yaml"
        first = process_time(home, out)
        repeat = [process_time(home, out) for _ in range(5)]
    print(f"drafter new --problems 4, first run (cold cache): {first * 1000:.0f} ms")
    print(
        f"drafter new --problems 4, repeat: median {statistics.median(repeat) * 1000:.0f} ms, "
        f"max {max(repeat) * 1000:.0f} ms (target ≤ 300 ms)"
    )


if __name__ == "__main__":
    main()

"""Build a 30-page draft to .docx and time it; time `drafter --help` too.

Targets on a 2-core machine: build ≤ 0.5 s (median), `drafter --help` ≤ 0.3 s.
Run: python benchmarks/build.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter import services
from drafter.core.model import Draft, Meta, Point, Section

# About 30 pages: 22 lines × 28 characters ≈ 600 characters a page.
SENTENCE = (
    "部分支部组织生活质量不高，会前准备不够充分，会后跟踪落实不到位，党员参与的积极性有待提高。"
)


def thirty_page_draft() -> Draft:
    def points(n: int) -> list[Point]:
        return [
            Point(heading=f"第{i + 1}个方面的标题", body=[SENTENCE * 4, SENTENCE * 3])
            for i in range(n)
        ]

    sections = [
        Section(id="situation", body=[SENTENCE * 5] * 4),
        Section(id="problem", points=points(20)),
        Section(id="cause", points=points(16)),
        Section(id="countermeasure", points=points(20)),
        Section(id="closing", body=[SENTENCE * 2]),
    ]
    meta = Meta(
        title="关于基层党组织建设情况的调研报告", unit="中共某县委组织部", date="2026-11-22"
    )
    return Draft(kind="survey", meta=meta, sections=sections)


def main() -> None:
    draft = thirty_page_draft()
    chars = sum(len(SENTENCE) * n for n in (20, 20 * 7, 16 * 7, 20 * 7, 2))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.docx"
        services.build(draft, out)  # warm-up: imports, template compile
        times = []
        for _ in range(7):
            start = time.perf_counter()
            services.build(draft, out)
            times.append(time.perf_counter() - start)
        size = out.stat().st_size
    print(
        f"build 30-page draft (~{chars} characters, ~{chars // 600} pages) to .docx: "
        f"median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms "
        f"(target ≤ 500 ms); file {size // 1024} KB"
    )
    helps = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "--help"], capture_output=True, check=True)
        helps.append(time.perf_counter() - start)
    print(f"drafter --help: median {statistics.median(helps) * 1000:.0f} ms (target ≤ 300 ms)")


if __name__ == "__main__":
    main()

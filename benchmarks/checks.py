"""Time the review checks on a 30-page draft; time `drafter lint` as a process too, on the
draft and on the same report built to a Word file.

Targets on a 2-core machine: run_checks on a 30-page draft ≤ 0.3 s (median, kind and bank
loaded); `drafter lint REPORT.docx` of 30 pages < 1 s as a process. Run:
python benchmarks/checks.py
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from drafter import services
from drafter.core.bank.loading import load_banks
from drafter.core.checks import run_checks
from drafter.core.checks.document import read_report
from drafter.core.files import draftfile
from drafter.core.model import (
    Draft,
    Enumeration,
    Meta,
    Point,
    Section,
    iter_points,
    paragraph_text,
)
from drafter.core.report.kinds import discover, get_kind

# Fragments combined at random into varied sentences (a report repeats itself far less
# than one sentence pasted 30 pages long would).
WHO = ["部分支部", "个别社区", "少数党员", "有的村干部", "一些机关科室", "部分年轻党员", "有的书记"]
WHAT = [
    "组织生活开展不够规范", "学习内容与实际联系不紧", "台账资料更新不及时", "服务群众的办法不多",
    "参加志愿服务的积极性不高", "对上级部署理解不透", "发挥作用的平台较少", "监督提醒不够经常",
]  # fmt: skip
HOW = [
    "，会议记录存在补记现象", "，讨论发言多停留在表态", "，群众反映的问题解决较慢",
    "，相关制度执行打了折扣", "，工作成效难以量化评价", "，与中心工作结合得不够紧密",
]  # fmt: skip
WHEN = ["近年来", "从调研情况看", "在日常工作中", "与去年相比", "在重点任务推进中"]
HEADS = ["组织生活质量不高", "党员教育针对性不强", "阵地建设相对滞后", "服务能力有待提升"]
REMEDIES = ["规范组织生活，提升质量", "分类施教，增强针对性", "盘活场地资源，建好阵地"]
CHARS_PER_PAGE = 600  # 22 lines × 28 characters, as in benchmarks/build.py


def sentence(rng: random.Random) -> str:
    return rng.choice(WHEN) + "，" + rng.choice(WHO) + rng.choice(WHAT) + rng.choice(HOW) + "。"


def paragraph(rng: random.Random, n: int) -> str:
    return "".join(sentence(rng) for _ in range(n))


def points(rng: random.Random, count: int, heads: list[str]) -> list[Point]:
    out = []
    for i in range(count):
        body: list[str | Enumeration] = [paragraph(rng, 4), paragraph(rng, 3)]
        if i % 4 == 0:
            body.append(Enumeration(lead="主要表现在：", enum=[rng.choice(WHAT) for _ in range(3)]))
        subs = [Point(heading=rng.choice(heads), body=[paragraph(rng, 2)]) for _ in range(i % 3)]
        out.append(Point(heading=rng.choice(heads), body=body, points=subs))
    return out


def thirty_page_draft() -> Draft:
    rng = random.Random(30)
    sections = [
        Section(id="opening", body=[paragraph(rng, 3)]),
        Section(id="situation", body=[paragraph(rng, 5) for _ in range(4)]),
        Section(id="problem", points=points(rng, 20, HEADS)),
        Section(id="cause", points=points(rng, 16, HEADS)),
        Section(id="countermeasure", points=points(rng, 20, REMEDIES)),
        Section(id="closing", body=[paragraph(rng, 2)]),
    ]
    meta = Meta(
        title="关于基层党组织建设情况的调研报告", unit="中共某县委组织部", target_chars=18000
    )
    return Draft(kind="survey", meta=meta, sections=sections)


def text_chars(draft: Draft) -> int:
    """Characters of headings and paragraphs: what the page count is made of."""
    total = 0
    for section in draft.sections:
        total += sum(len(paragraph_text(p)) for p in section.body)
        for point in iter_points(section.points):
            total += len(point.heading) + sum(len(paragraph_text(p)) for p in point.body)
    return total


def main() -> None:
    draft = thirty_page_draft()
    kind = get_kind(draft.kind)
    bank = load_banks()
    chars = text_chars(draft)
    start = time.perf_counter()
    findings = run_checks(draft, kind, bank)  # first run pays for imports (rapidfuzz, OpenCC)
    cold = time.perf_counter() - start
    times = []
    for _ in range(9):
        start = time.perf_counter()
        run_checks(draft, kind, bank)
        times.append(time.perf_counter() - start)
    print(
        f"run_checks on a 30-page draft ({chars} characters, ~{chars // CHARS_PER_PAGE} "
        f"pages, {len(findings)} findings): median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms, first run {cold * 1000:.0f} ms (target ≤ 300 ms)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.draft.yaml"
        draftfile.save(draft, path, backup=False)
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "drafter", "lint", str(path)], capture_output=True
            )
            runs.append(time.perf_counter() - start)
        median = statistics.median(runs) * 1000
        print(f"drafter lint as a process (start-up, loading, checks): median {median:.0f} ms")
        word = Path(tmp) / "bench.docx"
        services.build(draft, word)
        lint_word(word)


def lint_word(word: Path) -> None:
    """`drafter lint` of the report as a Word file: reading, structure, checks (target < 1 s)."""
    kinds = discover()
    times = []
    for _ in range(5):
        start = time.perf_counter()
        report = read_report(word, kinds)
        found = run_checks(report.draft, report.kind, load_banks(), document=True)
        times.append(time.perf_counter() - start)
    paragraphs = len({s.number for s in report.sources.values()})
    print(
        f"read_report + run_checks on the 30-page .docx ({paragraphs} paragraphs, "
        f"{len(found)} findings): median {statistics.median(times) * 1000:.0f} ms"
    )
    runs, cpu = [], []
    for _ in range(5):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "drafter", "lint", str(word)], capture_output=True)
        runs.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    # On a shared machine the wall clock includes waiting for a core; CPU time does not.
    print(
        f"drafter lint REPORT.docx as a process: median {statistics.median(runs) * 1000:.0f} ms "
        f"wall, {statistics.median(cpu) * 1000:.0f} ms CPU (target < 1000 ms; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()

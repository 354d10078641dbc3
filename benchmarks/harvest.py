"""Harvest throughput: megabytes of source text per second (targets: ≥ 1.5 MB/s on the
varied archive, ≥ 1 MB/s on the templated worst case, on two cores).

Three archives, each timed with `harvest()` (imports warmed up first):
- varied: copies of ../shared/corpus with one character in ten replaced at random, so each
  copy reads like a different office's report of the same kind (most sentences unique,
  with natural word statistics), saved as UTF-8, GB18030 and .docx;
- repeated: plain copies of the corpus (almost every phrase an exact duplicate);
- templated: generated reports built from a few short word lists, the worst case for the
  near-duplicate index (every bigram is common), shown to keep that case in sight.
Without the corpus, only the templated archive is timed. Each archive is harvested three
times; a line gives the median and best wall-clock MB/s and the CPU seconds spent (this
process and its workers). On a machine shared with other jobs the wall clock says more
about the neighbours than about the harvester: the reference loop printed first shows how
fast the machine is at the time.

Run: python benchmarks/harvest.py [MEGABYTES]
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx
from machine import reference_loop

from drafter.core.bank.loading import Bank
from drafter.core.harvest import harvest

RUNS = 3
TARGETS = {"varied": 1.5, "templated": 1.0}
"""MB/s a harvest must reach on two cores (issue 19)."""
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

# Word lists written for this benchmark; combined at random into report-like sentences.
SUBJECTS = [
    "部分支部",
    "个别党员",
    "少数村干部",
    "有的党小组",
    "一些机关科室",
    "部分青年党员",
    "个别支部书记",
    "有的社区党组织",
    "少数流动党员",
    "部分企业党支部",
]
VERBS = [
    "对理论学习重视不够",
    "开展组织生活流于形式",
    "落实制度不够严格",
    "联系群众不够紧密",
    "发挥作用不够明显",
    "抓党建的办法不多",
    "学习记录填写不全",
    "经费使用不够规范",
    "活动阵地利用率不高",
    "谈心谈话开展较少",
]
TAILS = [
    "影响了工作成效",
    "削弱了组织的凝聚力",
    "群众对此有一定意见",
    "与上级要求还有差距",
    "需要在今后加以改进",
    "制约了整体水平的提升",
    "反映出责任落实不到位",
    "说明思想认识还有偏差",
]
MEASURES = [
    "建立月度学习台账",
    "每季度开展一次专项督查",
    "完善党员积分管理办法",
    "推行支部书记述职评议",
    "落实经费使用公示制度",
    "开展结对帮带活动",
    "健全谈心谈话记录制度",
    "定期通报组织生活情况",
]
NOISE = [
    "当前位置：首页 > 范文 > 党建",
    "点击查看更多精彩内容",
    "上传人：某某 下载本文",
    "第1页 / 共5页",
    "……（省略812字，正式会员可完整阅读）……",
]
NUMBERS = "一二三四五六七八九十"


PLACES = ["机关", "街道", "村", "社区", "学院", "车间", "站所", "窗口", "项目部", "分公司"]
FIELDS = [
    "学习",
    "宣传",
    "阵地",
    "台账",
    "考核",
    "联系点",
    "结对",
    "积分",
    "公示",
    "督查",
    "谈话",
    "调研",
    "培训",
    "帮扶",
    "走访",
    "例会",
]


def sentence(rng: random.Random) -> str:
    place = "".join(rng.sample(PLACES, 2))
    field = "和".join(rng.sample(FIELDS, 2))
    return (f"{place}{rng.choice(SUBJECTS)}在{rng.choice(['上半年', '去年', '近期', '换届后'])}"
            f"的{field}工作中{rng.choice(VERBS)}，共涉及{rng.randint(2, 999)}人次，"
            f"{rng.choice(TAILS)}，{rng.choice(MEASURES)}。")  # fmt: skip


def report(rng: random.Random, size: int) -> str:
    lines = [rng.choice(NOISE), "关于某单位党建工作存在问题及整改措施的报告"]
    part = 0
    while sum(map(len, lines)) < size:
        part += 1
        heading = rng.choice(["存在的问题", "原因分析", "整改措施"])
        items = "".join(
            f"（{NUMBERS[i]}）{rng.choice(VERBS)}。{sentence(rng)}{sentence(rng)}"
            for i in range(rng.randint(2, 4))
        )
        lines.append(f"{NUMBERS[(part - 1) % 10]}、{heading}{items}")
        lines += [sentence(rng) + sentence(rng) for _ in range(rng.randint(3, 8))]
        if rng.random() < 0.3:
            lines.append(rng.choice(NOISE))
    return "\n".join(lines)


def mutated(text: str, rng: random.Random, pool: str) -> str:
    """The text with about one Chinese character in ten replaced by another."""
    chars = list(text)
    for i, ch in enumerate(chars):
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < 0.1:
            chars[i] = rng.choice(pool)
    return "".join(chars)


def save(folder: Path, n: int, text: str) -> int:
    """Save as .docx, GB18030 or UTF-8 text by turns; the size counted is the UTF-8 text's."""
    if n % 7 == 0:
        document = docx.Document()
        for line in text.splitlines():
            document.add_paragraph(line)
        document.save(str(folder / f"r{n}.docx"))
    else:
        encoding = "gb18030" if n % 3 == 0 else "utf-8"
        (folder / f"r{n}.txt").write_bytes(text.encode(encoding, errors="replace"))
    return len(text.encode("utf-8"))


def build_varied(folder: Path, megabytes: float, rng: random.Random) -> int:
    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    pool = "".join(ch for ch in "".join(sources) if "\u4e00" <= ch <= "\u9fff")
    total, n = 0, 0
    while total < megabytes * 1_000_000:
        n += 1
        total += save(folder, n, mutated(sources[n % len(sources)], rng, pool))
    return total


def build_archive(folder: Path, megabytes: float, rng: random.Random) -> int:
    total, n = 0, 0
    while total < megabytes * 1_000_000:
        n += 1
        text = report(rng, rng.randint(3_000, 12_000))
        if n % 7 == 0:
            document = docx.Document()
            for line in text.splitlines():
                document.add_paragraph(line)
            path = folder / f"r{n}.docx"
            document.save(str(path))
            total += len(text.encode("utf-8"))
            continue
        encoding = "gb18030" if n % 3 == 0 else "utf-8"
        path = folder / f"r{n}.txt"
        path.write_bytes(text.encode(encoding))
        total += len(text.encode("utf-8"))
    return total


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    pool = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + pool.ru_utime + pool.ru_stime


def timed(paths: list[Path], out: Path, size: int, label: str) -> float:
    """Harvest RUNS times into fresh folders; print the median and best; return the median.

    The reference loop is timed before each run: on a shared machine its speed changes
    from one minute to the next, and the pair shows which runs met a slow spell.
    """
    rates, cpus, refs = [], [], []
    for run in range(RUNS):
        refs.append(reference_loop())
        start, cpu = time.perf_counter(), _cpu()
        report_ = harvest(paths, out / str(run), existing=Bank())
        seconds = time.perf_counter() - start
        rates.append(size / seconds / 1_000_000)
        cpus.append(_cpu() - cpu)
    rate = statistics.median(rates)
    runs = ", ".join(f"{r:.2f} (loop {t:.2f} s)" for r, t in zip(rates, refs, strict=True))
    print(
        f"{label}: {size / 1e6:.1f} MB, median {rate:.2f} MB/s, best {max(rates):.2f} "
        f"(CPU {statistics.median(cpus):.2f} s; {report_.read} files, "
        f"{report_.phrases} phrases kept, {report_.duplicates} duplicates)\n  runs: {runs}"
    )
    return rate


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    rng = random.Random(7)
    print(
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (others' work slows "
        f"this); reference loop {reference_loop():.2f} s (lower is a faster machine)"
    )
    rates: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in ("varied", "repeated", "templated"):
            archive = root / name
            archive.mkdir()
            if name == "templated":
                size = build_archive(archive, megabytes, rng)
            elif not CORPUS.is_dir():
                continue
            elif name == "varied":
                size = build_varied(archive, megabytes, rng)
            else:
                for i in range(int(megabytes * 1_000_000 / 105_000) + 1):
                    for path in CORPUS.glob("*.txt"):
                        (archive / f"{i}-{path.name}").write_bytes(path.read_bytes())
                size = sum(p.stat().st_size for p in archive.iterdir())
            first = sorted(archive.iterdir())[0]
            harvest([first], root / f"warm-{name}", existing=Bank())  # imports, not timed
            rates[name] = timed([archive], root / f"bank-{name}", size, f"{name} archive")
    for name, target in TARGETS.items():
        if name in rates:
            met = "met" if rates[name] >= target else "NOT met"
            print(f"target ≥ {target} MB/s on the {name} archive: {met}")


if __name__ == "__main__":
    main()

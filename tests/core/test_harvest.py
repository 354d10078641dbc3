"""The whole harvest: bank output that loads and checks clean, dedupe, provenance, corpus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import docx
import opencc
import pytest

from drafter.core.bank.check import check_paths
from drafter.core.bank.loading import Bank, Entry, load_bank
from drafter.core.bank.schema import ID_RE
from drafter.core.harvest import HarvestError, harvest
from drafter.core.harvest.clean import clean_paragraphs
from drafter.core.harvest.readers import read_source
from drafter.core.harvest.structure import blocks
from drafter.core.text.norm import fullwidth_punctuation
from tests.conftest import CORPUS
from tests.core.harvest_samples import (
    NOISE,
    SUMMARY_MD,
    SURVEY,
    SURVEY_CAUSES,
    SURVEY_MEASURES,
    SURVEY_PROBLEMS,
)


def _headings(entries: list[Entry], section: str) -> set[str]:
    return {e.text for e in entries if e.section == section and e.kind == "heading"}


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "调研报告.txt").write_bytes(SURVEY.encode("gb18030"))
    (folder / "summary.md").write_text(SUMMARY_MD, encoding="utf-8")
    return folder


def test_an_archive_becomes_a_bank_that_loads_and_checks_clean(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bank"
    report = harvest([archive], out, existing=Bank())
    assert report.read == 2 and report.failed == 0
    loaded = load_bank(out, collect=True)
    assert loaded.findings == []
    assert check_paths([out]) == []
    entries = loaded.entries
    assert len(entries) == report.phrases > 0
    assert _headings(entries, "problem") >= SURVEY_PROBLEMS
    assert _headings(entries, "cause") == SURVEY_CAUSES
    assert _headings(entries, "countermeasure") == SURVEY_MEASURES
    assert _headings(entries, "practice") == {"推行网格化管理"}
    for entry in entries:
        assert ID_RE.match(entry.id) and entry.id.startswith("harvest-")
        assert entry.review == "pending" and entry.scenes == ("通用",)
        assert entry.topics or entry.section in ("opening", "transition", "closing")
        assert entry.provenance is not None
        assert not any(noise in entry.text for noise in NOISE)
    assert {p.name for p in out.iterdir()} == {
        "harvest-diao-yan-bao-gao.yaml",
        "harvest-summary.yaml",
    }


def test_provenance_points_at_the_source_line(archive: Path, tmp_path: Path) -> None:
    harvest([archive], tmp_path / "bank", existing=Bank())
    entries = load_bank(tmp_path / "bank").entries
    lines = SURVEY.splitlines()
    for entry in entries:
        assert entry.provenance is not None
        if entry.provenance.file.endswith(".txt") and entry.kind != "heading":
            source_line = fullwidth_punctuation(lines[entry.provenance.paragraph - 1])
            assert entry.text[:6] in source_line


def test_scene_and_sections_are_counted_per_file(archive: Path, tmp_path: Path) -> None:
    report = harvest([archive / "调研报告.txt"], tmp_path / "bank", scene="机关", existing=Bank())
    (survey,) = report.files
    assert survey.sections["problem"] >= 3 and survey.sections["countermeasure"] >= 3
    assert survey.skipped["cut off by the source (truncated page)"] == 1
    assert all(e.scenes == ("机关",) for e in load_bank(tmp_path / "bank").entries)
    data = report.to_dict()
    assert data["totals"]["phrases"] == survey.phrases
    assert data["files"][0]["sections"]["problem"] == survey.sections["problem"]


def test_traditional_script_comes_out_simplified(tmp_path: Path) -> None:
    path = tmp_path / "traditional.txt"
    path.write_text(opencc.OpenCC("s2tw").convert(SURVEY), encoding="utf-8")
    harvest([path], tmp_path / "bank", existing=Bank())
    entries = load_bank(tmp_path / "bank").entries
    assert _headings(entries, "problem") >= SURVEY_PROBLEMS
    assert _headings(entries, "countermeasure") == SURVEY_MEASURES


def test_docx_sources_harvest_like_text(tmp_path: Path) -> None:
    document = docx.Document()
    for line in SURVEY.splitlines():
        document.add_paragraph(line)
    document.save(str(tmp_path / "survey.docx"))
    harvest([tmp_path / "survey.docx"], tmp_path / "bank", existing=Bank())
    entries = load_bank(tmp_path / "bank").entries
    assert _headings(entries, "cause") == SURVEY_CAUSES


def test_duplicates_of_installed_banks_and_earlier_harvests_are_dropped(
    archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "bank"
    first = harvest([archive], out)  # the default: built-in and user banks count
    texts = {e.text for e in load_bank(out).entries}
    assert "思想认识存在偏差" not in texts  # the built-in bank already has this heading
    assert first.duplicates >= 1
    again = harvest([archive], out)  # out/ itself now counts as an installed bank
    assert again.phrases == 0 and again.duplicates == first.phrases + first.duplicates
    assert len(list(out.iterdir())) == 2  # nothing new was written


def test_near_duplicates_within_a_harvest_are_dropped(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("一、存在的问题\n有的支部学习以念文件为主，讨论交流较少，党员参与积极性不高。\n")
    b.write_text("一、存在的问题\n有的支部学习以读文件为主，讨论交流较少，党员参与积极性不高。\n")
    report = harvest([a, b], tmp_path / "bank", existing=Bank())
    assert [f.phrases for f in report.files] == [1, 0]
    assert report.files[1].duplicates == 1


def test_one_bad_file_never_stops_the_rest(archive: Path, tmp_path: Path) -> None:
    (archive / "broken.docx").write_bytes(b"PK\x03\x04 nothing")
    (archive / "empty.txt").write_bytes(b"")
    (archive / "binary.txt").write_bytes(bytes(range(256)) * 8)
    report = harvest([archive, tmp_path / "missing.docx"], tmp_path / "bank", existing=Bank())
    failures = {Path(f.path).name: f.failure for f in report.files if f.failure}
    assert set(failures) == {"broken.docx", "empty.txt", "binary.txt", "missing.docx"}
    assert all(failures.values())
    assert report.read == 2 and report.phrases > 0


def test_unwritable_output_fails_before_any_work(tmp_path: Path) -> None:
    target = tmp_path / "file.yaml"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(HarvestError, match="不是短语库文件夹"):
        harvest([tmp_path], target)
    with pytest.raises(HarvestError, match="这个场景"):
        harvest([tmp_path], tmp_path / "bank", scene="火星")


# ---- the shared corpus (read at test time; skipped when absent) -------------------------

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
_L1 = re.compile(r"^[一二三四五六七八九十]、(.*)$")
_ITEM = re.compile(r"^(?:[（(][一二三四五六七八九十][）)]|\d{1,2}[.、．]\s*)(.+?)。?$")


def _expected(path: Path) -> Iterator[tuple[str, str]]:
    """Headings a reader sees plainly: one short numbered item per line, under a section line."""
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = fullwidth_punctuation(raw.strip())
        top = _L1.match(line)
        if top:
            title = top.group(1)
            section = (
                "cause" if "原因" in title else
                "countermeasure" if re.search("措施|对策|建议|意见", title) else
                "problem" if "问题" in title else None
            )  # fmt: skip
            continue
        item = _ITEM.match(line)
        if section and item and len(item.group(1)) <= 20 and "，" not in item.group(1):
            yield section, item.group(1)


def _found(path: Path) -> set[tuple[str | None, str]]:
    lines = clean_paragraphs(read_source(path))
    return {(b.section, b.text) for b in blocks(lines) if b.kind == "heading"}


@needs_corpus
def test_rural_report_problems_and_countermeasures_land_in_their_sections() -> None:
    path = CORPUS / "rural-party-org-problems.txt"
    expected = set(_expected(path))
    assert {s for s, _ in expected} == {"problem", "cause", "countermeasure"}
    assert len(expected) >= 20
    assert expected <= _found(path)


@needs_corpus
@pytest.mark.parametrize(
    "name", ["university-and-street-party-building.txt", "township-org-life-summary.txt"]
)
def test_other_corpus_reports_place_their_plain_headings(name: str) -> None:
    expected = set(_expected(CORPUS / name))
    found = _found(CORPUS / name)
    assert expected and len(expected & found) >= 0.9 * len(expected)


@needs_corpus
def test_corpus_harvest_is_clean_of_web_noise_and_checks_clean(tmp_path: Path) -> None:
    out = tmp_path / "bank"
    report = harvest([CORPUS], out, existing=Bank())
    assert report.read == len(list(CORPUS.glob("*.txt"))) and report.phrases > 100
    assert check_paths([out]) == []
    noise = re.compile(r"https?|www\.|\.cn|省略|会员|上传|下载|点击|当前位置|小编|范文")
    texts = [e.text for e in load_bank(out).entries]
    assert [t for t in texts if noise.search(t)] == []
    summary = next(f for f in report.files if "township" in f.path)
    assert summary.skipped["cut off by the source (truncated page)"] >= 1


def test_a_worker_pool_writes_the_same_bank_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import drafter.core.harvest as harvester

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(6):
        text = SURVEY.replace("某镇", f"第{i}镇").replace("每季度", f"每{i + 2}个月")
        (folder / f"r{i}.txt").write_text(text, encoding="utf-8")
    serial = harvest([folder], tmp_path / "serial", existing=Bank())
    monkeypatch.setattr(harvester, "PARALLEL_BYTES", 0)
    pooled = harvest([folder], tmp_path / "pooled", existing=Bank())
    assert pooled.to_dict()["totals"] == serial.to_dict()["totals"]
    for path in sorted((tmp_path / "serial").iterdir()):
        assert (tmp_path / "pooled" / path.name).read_text(encoding="utf-8") == path.read_text(
            encoding="utf-8"
        )


_HOSTILE_LINES = {
    "marks.txt": "党" + ":!" * 200_000 + "。",
    "spaces.txt": "党" + " " * 1_000_000 + "员（省略",
    "wrapped.txt": "\n".join(["党员队伍建设"] * 100_000),
    "clause.txt": "一、" + "存在问题" * 250_000,
    "enumeration.txt": "一是学习。" * 100_000 + "二是落实。",
    "quotes.txt": '"' * 500_000 + "党员",
}


@pytest.mark.parametrize("name", sorted(_HOSTILE_LINES))
def test_pathological_lines_finish_and_leave_nothing_broken(tmp_path: Path, name: str) -> None:
    import signal

    path = tmp_path / name
    path.write_text(_HOSTILE_LINES[name], encoding="utf-8")

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError(f"{name} hangs the harvester")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)  # a guard against a hang, not a speed target (see benchmarks/)
    try:
        report = harvest([path], tmp_path / "bank", existing=Bank())
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert report.failed == 0
    if (tmp_path / "bank").exists():
        assert check_paths([tmp_path / "bank"]) == []


def test_a_formula_past_its_time_is_kept_with_a_note_not_dropped() -> None:
    from collections import Counter

    from drafter.core.harvest.output import Tagged, build_entries

    text = "各支部结合党纪学习教育，组织党员逐章学习纪律处分条例并开展以案说纪。"
    rejected: Counter[str] = Counter()
    phrase = Tagged("practice", "sentence", text, ("discipline",), None, 3)
    entries = build_entries("harvest-x", "x.txt", [phrase], ["通用"], rejected)
    assert [e.text for e in entries] == [text], rejected
    assert "until" in entries[0].note  # the reviewer sees the campaign is over


def test_a_misquoted_formula_is_kept_with_a_note_naming_the_fault(tmp_path: Path) -> None:
    # The order of 四个意识 swapped: the reviewer decides whether to fix or delete the entry.
    misquoted = "支部组织党员对照政治意识、大局意识、看齐意识、核心意识逐项查摆差距。"
    source = tmp_path / "report.txt"
    source.write_text(f"一、存在的问题\n{misquoted}\n", encoding="utf-8")
    report = harvest([source], tmp_path / "bank", existing=Bank())
    entries = load_bank(tmp_path / "bank").entries
    assert [e.text for e in entries] == [misquoted], report.text()
    assert entries[0].review == "pending"
    assert "顺序颠倒" in entries[0].note
    assert "政治意识、大局意识、核心意识、看齐意识" in entries[0].note  # the right order
    assert sum(report.files[0].skipped.values()) == 0
    findings = check_paths([tmp_path / "bank"])
    assert [f.severity for f in findings] == ["warning"]  # named, not failed, until reviewed

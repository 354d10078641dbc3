"""The harvester: grow a user phrasebank from an archive of past reports.

`harvest(paths, out_dir)` reads each file (readers), cleans it (clean), finds its headings
and sections (structure), cuts it into phrases (phrases), drops near-duplicates of each
other and of the installed banks (core.neardup), tags topics (topics) and writes one bank file
per source (output). One bad file never stops the rest: its failure goes in the report.
Large archives are read and written by a small process pool; deduplication stays serial.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from pathlib import Path

from drafter.core.bank.loading import Bank, builtin_entries, load_bank, load_banks
from drafter.core.bank.neardup import DuplicateIndex
from drafter.core.errors import DrafterError, os_reason
from drafter.core.files.fsio import make_private_dir, sync_folder
from drafter.core.harvest.chunks import rejoin_chunks
from drafter.core.harvest.clean import clean_paragraphs
from drafter.core.harvest.lock import harvest_lock
from drafter.core.harvest.output import Tagged, build_entries, unique_slug, write_bank_file
from drafter.core.harvest.phrases import Phrase, fragments, to_phrases
from drafter.core.harvest.proofread import with_findings
from drafter.core.harvest.readers import collect_files, read_source
from drafter.core.harvest.report import FileReport, HarvestReport
from drafter.core.harvest.rewording import reviewed
from drafter.core.harvest.source import HarvestError, ReadError
from drafter.core.harvest.structure import blocks
from drafter.core.harvest.topics import KeywordMapError, TopicTagger
from drafter.core.vocab import GENERAL_SCENE, SCENES

PARALLEL_BYTES = 512 * 1024
"""Archives smaller than this are harvested in-process (a pool costs more than it saves)."""
WORKERS = 4
SAMPLE_SHARE = 0.25
"""The leading share of an archive (by size) whose bigram counts rank them for deduplication."""

_Emitted = tuple[Counter[str], Counter[str], str | None]
"""What writing one source gives back: phrases by section, phrases left out, the bank file."""


@dataclass
class _Source:
    path: Path
    report: FileReport
    phrases: list[Phrase] = field(default_factory=list)


def harvest(
    paths: Sequence[Path],
    out_dir: Path,
    scene: str | None = None,
    existing: Bank | None = None,
    keywords: Path | None = None,
    *,
    restore: bool = False,
) -> HarvestReport:
    """Harvest `paths` (files and folders) into the bank folder `out_dir`.

    `existing` is the bank new phrases must not repeat (default: the installed banks plus
    what `out_dir` already holds); `keywords` replaces the shipped topic keyword map;
    `restore` writes the restored text of entries with suspected rewording (rewording.py).
    """
    if scene is not None and scene not in SCENES:
        raise HarvestError(f"没有“{scene}”这个场景；可选：{'、'.join(SCENES)}")
    out_dir = Path(out_dir)
    _prepare(out_dir)
    with harvest_lock(out_dir):
        try:
            return _harvest(paths, out_dir, scene, existing, keywords, restore)
        finally:  # bank files are fsynced one by one, their renames all at once (fsio)
            if out_dir.is_dir():
                sync_folder(out_dir)


def _harvest(
    paths: Sequence[Path],
    out_dir: Path,
    scene: str | None,
    existing: Bank | None,
    keywords: Path | None,
    restore: bool,
) -> HarvestReport:
    tagger = TopicTagger.load(keywords)
    report = HarvestReport(out_dir)
    if existing is None:
        existing = _installed(out_dir, report.warnings)
    files, bad = collect_files([Path(p) for p in paths])
    report.files += [FileReport(_shown(path), failure=why) for path, why in bad]
    settings = _Settings(tagger, [scene or GENERAL_SCENE])
    sizes = _sizes(files)
    reader = partial(_read, restore=restore)
    with _pool(files, sum(sizes)) as pool:
        if pool is None:
            read: Iterator[_Source] = map(reader, files)
        else:
            chunk = max(1, len(files) // (WORKERS * 4))
            read = pool.map(reader, files, chunksize=chunk)
        # The first part of the archive ranks the bigrams; the rest is deduplicated as the
        # workers read it, instead of after the last file.
        sample = list(islice(read, _sample_count(sizes)))
        index = DuplicateIndex(
            chain((e.text for e in existing), (p.text for s in sample for p in s.phrases))
        )
        index.add_many([e.text for e in existing])  # repeats in installed banks: not ours
        taken = {e.id.split(".")[0] for e in existing}
        pending: list[tuple[_Source, Future[_Emitted]]] = []
        for source in chain(sample, read):  # workers write one file while the next is read
            report.files.append(source.report)
            kept = _fresh(source, index)
            source.phrases = []  # what is kept goes to the job; the rest need not stay in memory
            if not kept:
                continue
            if not pending:
                _make_folder(out_dir)
            stem = unique_slug(source.path.stem, out_dir, taken)
            job = _Job(out_dir / f"{stem}.yaml", stem, _shown(source.path), kept)
            pending.append(
                (source, pool.submit(settings.emit, job) if pool else _done(settings.emit(job)))
            )
        for source, future in pending:
            sections, skipped, output = future.result()
            source.report.sections.update(sections)
            source.report.skipped.update(skipped)
            source.report.output = output
    return report


@contextmanager
def _pool(files: list[Path], size: int) -> Iterator[ProcessPoolExecutor | None]:
    """A few worker processes for a large archive on a forking OS; None otherwise."""
    if len(files) < 4 or (os.cpu_count() or 1) < 2 or size < PARALLEL_BYTES:
        yield None
    elif "fork" not in multiprocessing.get_all_start_methods():
        yield None  # a spawned worker re-imports everything: slower than working in-process
    else:
        workers = min(WORKERS, os.cpu_count() or 1)
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            yield pool


def _shown(path: Path) -> str:
    """A path as text that can be written (undecodable bytes in a file name become ?)."""
    return str(path).encode("utf-8", errors="replace").decode("utf-8")


def _sizes(files: list[Path]) -> list[int]:
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)  # the reader reports what is wrong with it
    return sizes


def _sample_count(sizes: list[int]) -> int:
    """How many leading files make up SAMPLE_SHARE of the archive (at least one)."""
    total, want = 0, SAMPLE_SHARE * sum(sizes)
    for count, size in enumerate(sizes, 1):
        total += size
        if total >= want:
            return count
    return len(sizes)


def _done(value: _Emitted) -> Future[_Emitted]:
    future: Future[_Emitted] = Future()
    future.set_result(value)
    return future


def _prepare(out_dir: Path) -> None:
    """Fail before any work when the bank folder cannot be written (it is made on writing)."""
    if out_dir.exists() and not out_dir.is_dir():
        raise HarvestError("这是文件，不是短语库文件夹", out_dir, noun="")
    folder = out_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise HarvestError(f"建不了短语库文件夹：{folder} 不是文件夹", out_dir)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise HarvestError("没有权限写入这个短语库文件夹", out_dir)


def _make_folder(out_dir: Path) -> None:
    try:
        make_private_dir(out_dir)
    except OSError as exc:
        raise HarvestError(f"建不了短语库文件夹：{os_reason(exc)}", out_dir) from exc
    except DrafterError as exc:
        raise HarvestError(f"建不了短语库文件夹：{exc.message}", out_dir) from exc


def _installed(out_dir: Path, warnings: list[str]) -> Bank:
    """The banks new phrases must not repeat: built-in, user banks, and out_dir itself."""
    try:
        entries = list(load_banks())
    except DrafterError as exc:
        warnings.append(f"没有和自己的短语库查重：{exc}")
        entries = list(builtin_entries())
    if out_dir.is_dir() and any(out_dir.glob("*.y*ml")):
        try:
            entries += load_bank(out_dir, collect=True).entries
        except DrafterError as exc:
            warnings.append(f"没有和 {out_dir} 查重：{exc}")
    return Bank(entries)


def _read(path: Path, *, restore: bool = False) -> _Source:
    """One file's phrases; whatever goes wrong with it is its failure, not the harvest's."""
    source = _Source(path, FileReport(_shown(path)))
    counts, skipped = source.report.cleaned, source.report.skipped
    try:
        lines = rejoin_chunks(clean_paragraphs(read_source(path), counts), counts)
        phrases = to_phrases(blocks(lines), skipped)
        counts["fragments"] += fragments(skipped)
        source.phrases = reviewed(phrases, counts, restore=restore)
    except ReadError as exc:
        source.report.failure = exc.message
    except Exception as exc:  # a file must never stop the others, even by tripping a bug
        source.report.failure = f"cannot be harvested (internal error: {type(exc).__name__}: {exc})"
    return source


@dataclass(frozen=True)
class _Job:
    target: Path
    stem: str
    source: str
    phrases: list[Phrase]


def _fresh(source: _Source, index: DuplicateIndex) -> list[Phrase]:
    """The phrases of a source not already known; the others are counted as duplicates."""
    kept: list[Phrase] = []
    for phrase, match in zip(
        source.phrases, index.add_many([p.text for p in source.phrases]), strict=True
    ):
        if match is not None:
            source.report.duplicates += 1
        else:
            kept.append(phrase)
    return kept


@dataclass(frozen=True)
class _Settings:
    """What every write job shares: the topic tagger and the scenes."""

    tagger: TopicTagger
    scenes: list[str]

    def emit(self, job: _Job) -> _Emitted:
        """Tag, check and write one source's phrases: (sections, left out, bank file)."""
        phrases = with_findings(job.phrases)  # only what is kept: duplicates cost nothing
        topics = self.tagger.tag_all([(p.text, p.context, p.paragraph) for p in phrases])
        tagged = [
            Tagged(p.section, p.kind, p.text, tuple(t), p.move, p.paragraph, p.note)
            for p, t in zip(phrases, topics, strict=True)
        ]
        rejected: Counter[str] = Counter()
        entries = build_entries(job.stem, job.source, tagged, self.scenes, rejected)
        if not entries:
            return Counter(), rejected, None
        write_bank_file(job.target, job.source, entries)
        return Counter(e.section for e in entries), rejected, str(job.target)


__all__ = ["HarvestError", "HarvestReport", "KeywordMapError", "ReadError", "harvest"]

"""Writing harvested phrases as a user bank: one YAML file per source, ids that never clash.

Every entry carries its provenance and `review: pending`. Before it is written, each entry
goes through the same checks as `drafter bank check`, so the bank loads without findings.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.core.bank import Entry, Provenance
from drafter.core.bankcheck import check_entries
from drafter.core.fsio import atomic_write_text
from drafter.core.yamlio import dump_yaml

SLUG_MAX = 40


@dataclass(frozen=True, slots=True)
class Tagged:
    """A phrase ready to be written: text, section, kind, topics, move, source paragraph."""

    section: str
    kind: str
    text: str
    topics: tuple[str, ...]
    move: str | None
    paragraph: int


def slug(name: str) -> str:
    """A file name as an id word: pinyin for Chinese, lower-case letters, digits and -."""
    if name.isascii():
        words = [name]
    else:
        from pypinyin import lazy_pinyin  # slow to load: only for names that need it

        words = lazy_pinyin(name)
    text = re.sub(r"[^a-z0-9]+", "-", "-".join(words).lower()).strip("-")
    return text[:SLUG_MAX].rstrip("-") or "file"


def unique_slug(name: str, out_dir: Path, taken: set[str]) -> str:
    """`harvest-<slug>`, numbered when a file or an existing id already uses it."""
    base = f"harvest-{slug(name)}"
    candidate, n = base, 1
    while candidate in taken or (out_dir / f"{candidate}.yaml").exists():
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def build_entries(
    stem: str, source: str, phrases: Iterable[Tagged], scenes: list[str], rejected: Counter[str]
) -> list[Entry]:
    """Entries with ids `<stem>.<section>.<NNNN>`; those failing a bank check are counted out."""
    numbers: Counter[str] = Counter()
    out: list[Entry] = []
    for phrase in phrases:
        numbers[phrase.section] += 1
        entry = Entry(
            id=f"{stem}.{phrase.section}.{numbers[phrase.section]:04d}",
            section=phrase.section,
            kind=phrase.kind,
            text=phrase.text,
            topics=phrase.topics,
            scenes=tuple(scenes),
            move=phrase.move,
            review="pending",
            provenance=Provenance(source, phrase.paragraph),
        )
        findings = check_entries([entry])
        if findings:
            rejected[f"fails bank check ({findings[0].message})"] += 1
            numbers[phrase.section] -= 1
            continue
        out.append(entry)
    return out


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry as the bank file stores it (docs/phrasebank.md)."""
    data: dict[str, Any] = {
        "id": entry.id,
        "section": entry.section,
        "kind": entry.kind,
        "text": entry.text,
        "topics": list(entry.topics),
        "scenes": list(entry.scenes),
    }
    if entry.move:
        data["move"] = entry.move
    if entry.provenance is not None:
        data["source"] = {"file": entry.provenance.file, "paragraph": entry.provenance.paragraph}
    data["review"] = entry.review or "pending"
    return data


def write_bank_file(path: Path, source: str, entries: list[Entry]) -> None:
    """One harvested bank file, written atomically."""
    header = (
        f"# Harvested by `drafter harvest` from {source.replace(chr(10), ' ')}\n"
        "# Review each entry: edit or delete it, then set `review: reviewed`.\n"
    )
    atomic_write_text(path, header + dump_yaml({"entries": [entry_data(e) for e in entries]}))

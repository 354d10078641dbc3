"""Writing harvested phrases as a user bank: one YAML file per source, ids that never clash.

Every entry carries its provenance and `review: pending`. Before it is written, each entry
goes through the same checks as `drafter bank check`: an entry with an error is left out, so
the bank loads without errors; a warning (a misquoted or past 提法) is kept in the entry's note.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafter.core.bank.check import check_entries
from drafter.core.bank.loading import Entry, Provenance
from drafter.core.files.fsio import atomic_write_text
from drafter.core.files.yamlio import dump_yaml

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
    note: str = ""


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
    """Entries with ids `<stem>.<section>.<NNNN>`; those failing a bank check are counted out,
    and a check's warning (a formula misquoted or past its time) goes into the entry's note:
    the source's wording is kept for the reviewer to judge."""
    numbers: Counter[str] = Counter()
    drafts: list[Entry] = []
    for phrase in phrases:  # numbered as if every entry passed: they nearly always do
        numbers[phrase.section] += 1
        drafts.append(
            Entry(
                id=f"{stem}.{phrase.section}.{numbers[phrase.section]:04d}",
                section=phrase.section,
                kind=phrase.kind,
                text=phrase.text,
                topics=phrase.topics,
                scenes=tuple(scenes),
                move=phrase.move,
                note=phrase.note,
                review="pending",
                provenance=Provenance(source, phrase.paragraph),
            )
        )
    failed: dict[str | None, str] = {}
    warned: dict[str | None, list[str]] = {}
    for finding in check_entries(drafts, near_duplicates=False):  # deduplicated already
        if finding.severity == "warning":  # kept, with the warning for the reviewer
            warned.setdefault(finding.entry, []).append(finding.message)
        else:
            failed.setdefault(finding.entry, finding.message)
    if not failed and not warned:
        return drafts
    numbers.clear()
    out: list[Entry] = []
    for entry in drafts:  # renumbered by section without the entries that fail
        if entry.id in failed:
            rejected[f"fails bank check ({failed[entry.id]})"] += 1
            continue
        numbers[entry.section] += 1
        note = "；".join([entry.note] * bool(entry.note) + warned.get(entry.id, []))
        ident = f"{stem}.{entry.section}.{numbers[entry.section]:04d}"
        if (ident, note) != (entry.id, entry.note):
            entry = entry._replace(id=ident, note=note)
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
    if entry.note:
        data["note"] = entry.note
    if entry.provenance is not None:
        data["source"] = {"file": entry.provenance.file, "paragraph": entry.provenance.paragraph}
    data["review"] = entry.review or "pending"
    return data


def write_bank_file(path: Path, source: str, entries: list[Entry]) -> None:
    """One harvested bank file, written atomically; the harvest syncs the folder once, after
    the last file (fsio.sync_folder)."""
    header = (
        f"# Harvested by `drafter harvest` from {escaped(source)}\n"
        "# Review each entry: edit or delete it, then set `review: reviewed`.\n"
    )
    atomic_write_text(path, header + bank_yaml(entries), private=True, sync_folder=False)


def escaped(name: str) -> str:
    """A file name fit for a one-line YAML comment: every character that is not printable
    (\\r, ESC, DEL, U+2028 …) as a \\x, \\u escape, so it can neither start a new line
    (and inject keys) nor make the bank unreadable."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


# Plain scalars the emitter always leaves as they are: a first character no YAML indicator
# or implicit type (number, bool, null, date) can start with, then no space, `:`, `#`, line
# break or character the emitter escapes (outside the BMP, the BOM, Unicode line breaks, C1).
_PLAIN = re.compile(
    r"(?:[A-Za-z/_]|[^\x00-\x7f\x85\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\x80-\x9f\U00010000-\U0010ffff])"
    r"[^\x00-\x1f :#\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff\U00010000-\U0010ffff]*"
)
_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
"""Words YAML reads as bools or null: never written plain."""


def _scalar(value: str, cache: dict[str, str | None]) -> str | None:
    """`value` as dump_yaml writes it as a mapping value; None when that is not one line."""
    known = cache.get(value, "")  # sections, kinds, topics and the like repeat: look once
    if known != "":
        return known
    if _PLAIN.fullmatch(value) and value[-1] != "\xa0" and value.lower() not in _WORDS:
        cache[value] = value
        return value
    text = dump_yaml(value)  # plain or quoted on one line, or left to dump_yaml
    if text.endswith("\n...\n"):
        text = text[:-5]
    text = text[:-1]
    broken = any(mark in text for mark in "\n\x85\u2028\u2029")  # indented after a break
    shown = text if (text == value or text[:1] in ("'", '"')) and not broken else None
    cache[value] = shown
    return shown


def _sequence(items: Sequence[str], indent: str, cache: dict[str, str | None]) -> str | None:
    if not items:
        return " []\n"
    parts = ["\n"]
    for item in items:
        shown = _scalar(item, cache)
        if shown is None:
            return None
        parts.append(f"{indent}- {shown}\n")
    return "".join(parts)


def bank_yaml(entries: list[Entry]) -> str:
    """`dump_yaml({"entries": [entry_data(e) ...]})`, byte for byte, without its slow
    Python representer: each entry's fields are laid out directly, and any value the
    emitter would not write on one line sends the whole file back to dump_yaml."""
    if not entries:
        return dump_yaml({"entries": []})
    cache: dict[str, str | None] = {}
    lines = ["entries:\n"]
    for entry in entries:
        data = entry_data(entry)
        part = _entry_yaml(data, cache)
        if part is None:
            return dump_yaml({"entries": [entry_data(e) for e in entries]})
        lines.append(part)
    return "".join(lines)


def _entry_yaml(data: dict[str, Any], cache: dict[str, str | None]) -> str | None:
    out: list[str] = []
    lead = "- "
    for key, value in data.items():
        if isinstance(value, str):
            shown = _scalar(value, cache)
            if shown is None:
                return None
            out.append(f"{lead}{key}: {shown}\n")
        elif isinstance(value, list):
            seq = _sequence(value, "  ", cache)
            if seq is None:
                return None
            out.append(f"{lead}{key}:{seq}")
        elif isinstance(value, dict) and key == "source":
            file = value["file"]
            paragraph = value["paragraph"]
            if not isinstance(file, str) or type(paragraph) is not int:
                return None
            shown = _scalar(file, cache)
            if shown is None:
                return None
            out.append(f"{lead}source:\n    file: {shown}\n    paragraph: {paragraph}\n")
        else:
            return None
        lead = "  "
    return "".join(out)

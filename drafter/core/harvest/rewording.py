"""Pseudo-original (伪原创) rewording: synonym swaps made to dodge duplicate checks, flagged.

Some sites run reports through a synonym table before posting them (基础→根底, 进行→进展,
部分→局部, 出现→消失), which leaves sentences that read oddly or say the opposite (杜绝出现
→ 杜绝消失). The swaps and the contexts that give each away are data (rewording.yaml). An
entry whose swaps weigh enough gets a note naming them and the restored text; nothing is
changed unless the harvest was asked to restore. A file with many such entries is called
伪原创 in the summary, and there a single weak swap is enough to flag an entry.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import NamedTuple

from drafter.core.errors import DrafterError
from drafter.core.files.yamlio import load_yaml
from drafter.core.harvest.phrases import Phrase

FLAG_WEIGHT = 2
"""Swap weight that marks an entry (one swap that cannot stand, or two odd ones)."""
PSEUDO_ORIGINAL_SHARE = 0.15
"""Share of a file's entries flagged that makes the file 伪原创 (with at least PSEUDO_MIN)."""
PSEUDO_MIN = 3


class Swap(NamedTuple):
    """One row of the table: the written word, the original, its context and weight."""

    written: str
    original: str
    context: re.Pattern[str]
    weight: int


@dataclass(frozen=True, slots=True)
class Found:
    """A swap found in a text: where the written word sits, and its row."""

    start: int
    swap: Swap


class _Texted(NamedTuple):
    text: str
    note: str


@cache
def swaps() -> tuple[Swap, ...]:
    """The shipped swap table (rewording.yaml), compiled."""
    source = resources.files("drafter.core.harvest") / "rewording.yaml"
    data, _ = load_yaml(source.read_text(encoding="utf-8"), None, DrafterError)
    return tuple(
        Swap(row["written"], row["original"], re.compile(row["context"]), int(row["weight"]))
        for row in data["swaps"]
    )


@cache
def _written() -> re.Pattern[str]:
    """Any written word of the table: texts without one are not looked at further."""
    return re.compile("|".join(sorted({re.escape(s.written) for s in swaps()}, key=len)[::-1]))


@cache
def _rows() -> dict[str, tuple[Swap, ...]]:
    """The rows of each written word."""
    rows: dict[str, list[Swap]] = {}
    for swap in swaps():
        rows.setdefault(swap.written, []).append(swap)
    return {word: tuple(found) for word, found in rows.items()}


def find_swaps(text: str) -> list[Found]:
    """The swaps in `text`, one per written word found (the heaviest context wins)."""
    words = _written().findall(text)
    if not words:
        return []
    rows = _rows()
    best: dict[int, Found] = {}
    for swap in (row for word in dict.fromkeys(words) for row in rows[word]):
        for match in swap.context.finditer(text):
            at = text.find(swap.written, match.start(), match.end())
            if at >= 0 and (at not in best or best[at].swap.weight < swap.weight):
                best[at] = Found(at, swap)
    return [best[at] for at in sorted(best)]


def weight(found: Sequence[Found]) -> int:
    """How strongly the swaps found point to a rewording tool."""
    return sum(f.swap.weight for f in found)


def restored(text: str, found: Sequence[Found]) -> str:
    """`text` with each swap found put back to the original word."""
    for item in sorted(found, key=lambda f: f.start, reverse=True):
        end = item.start + len(item.swap.written)
        text = text[: item.start] + item.swap.original + text[end:]
    return text


def _named(found: Sequence[Found]) -> str:
    pairs = dict.fromkeys(f"{f.swap.written}→{f.swap.original}" for f in found)
    return "、".join(pairs)


def note_for(text: str, found: Sequence[Found], *, restore: bool) -> _Texted:
    """The entry's text and note: the suggestion, or (restoring) what was changed."""
    fixed = restored(text, found)
    if restore:
        return _Texted(fixed, f"已恢复疑似伪原创改写（{_named(found)}），原文：{text}")
    return _Texted(text, f"疑似伪原创改写（{_named(found)}），建议恢复为：{fixed}")


class Review(NamedTuple):
    """What reviewing one file's texts found: per text the swaps to name (or none)."""

    flagged: list[list[Found]]
    pseudo_original: bool

    @property
    def entries(self) -> int:
        """How many texts are flagged."""
        return sum(1 for f in self.flagged if f)


def review(texts: Iterable[str]) -> Review:
    """Which of a file's texts to flag, and whether the file as a whole is 伪原创."""
    found = [find_swaps(t) for t in texts]
    strong = sum(1 for f in found if weight(f) >= FLAG_WEIGHT)
    whole = strong >= PSEUDO_MIN and strong >= PSEUDO_ORIGINAL_SHARE * max(len(found), 1)
    least = 1 if whole else FLAG_WEIGHT
    return Review([f if f and weight(f) >= least else [] for f in found], whole)


def count_into(result: Review, counts: Counter[str]) -> None:
    """Add a review's figures to a file's counts (reworded entries, 伪原创 files)."""
    counts["reworded"] += result.entries
    if result.pseudo_original:
        counts["pseudo-original"] = 1


def reviewed(phrases: list[Phrase], counts: Counter[str], *, restore: bool) -> list[Phrase]:
    """A file's phrases with rewording notes (and, restoring, the restored texts)."""
    result = review(p.text for p in phrases)
    count_into(result, counts)
    if not result.entries:
        return phrases
    out: list[Phrase] = []
    for phrase, found in zip(phrases, result.flagged, strict=True):
        if found:
            text, note = note_for(phrase.text, found, restore=restore)
            phrase = phrase._replace(text=text, note=_joined(phrase.note, note))
        out.append(phrase)
    return out


def _joined(*notes: str) -> str:
    return "；".join(n for n in notes if n)

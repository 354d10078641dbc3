"""Choosing one heading per point so that a section's headings read as a parallel set.

Each point has its own candidates (the headings linked to its problem, or a topic's
problem headings). Reviewers want one shape (X不够Y, 强化X，提升Y …) and similar lengths
across a list, so every (shape, length) target is tried and each point takes its best
candidate for it; the targets are ranked by the set they give. `variant` walks down that
ranking, among sets nearly as good as the best, for a different but equally valid choice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from drafter.core.bank.loading import Entry
from drafter.core.checks.headings import MAJORITY, MIN_LIST, heading_length, shape

SHAPE_WEIGHT = 10
LENGTH_WEIGHT = 2
SCENE_WEIGHT = 3
ORDER_WEIGHT = 1
"""Earlier candidates (a problem's first link) are what the bank's author meant most."""
OUTLIER_PENALTY = 40
"""A set the parallel-heading checks would flag (one odd shape or length) is a last resort."""
SLACK = 8
"""A set scoring within this of the best counts as equally good (for variants)."""


def _local(entry: Entry, rank: int, target: tuple[str, int], scene_fit: int) -> float:
    want_shape, want_len = target
    return (
        SHAPE_WEIGHT * (shape(entry.text) == want_shape)
        - LENGTH_WEIGHT * abs(heading_length(entry.text) - want_len)
        + SCENE_WEIGHT * scene_fit
        - ORDER_WEIGHT * min(rank, 3)
    )


def _assign(
    options: Sequence[Sequence[Entry]],
    target: tuple[str, int],
    fit: dict[str, int],
    taken: frozenset[str],
) -> tuple[float, list[Entry | None]]:
    """Best candidate per point for one target, points with fewest candidates first."""
    chosen: list[Entry | None] = [None] * len(options)
    used = set(taken)
    total = 0.0
    for i in sorted(range(len(options)), key=lambda i: len(options[i])):
        best: tuple[float, Entry] | None = None
        for rank, entry in enumerate(options[i]):
            if entry.id in used or entry.text in {e.text for e in chosen if e}:
                continue
            score = _local(entry, rank, target, fit.get(entry.id, 1))
            if best is None or score > best[0]:
                best = (score, entry)
        if best is None:
            total -= 100  # a point left without a heading is the worst outcome
            continue
        total += best[0]
        chosen[i] = best[1]
        used.add(best[1].id)
    return total, chosen


def outliers(headings: Sequence[str]) -> int:
    """Headings the parallel-heading checks (P001, P002) would flag in this list."""
    if len(headings) < MIN_LIST:
        return 0
    lengths = sorted(heading_length(h) for h in headings)
    median = (lengths[(len(lengths) - 1) // 2] + lengths[len(lengths) // 2]) / 2
    odd = sum(abs(n - median) > max(4, median / 2) for n in lengths)
    shapes = Counter(shape(h) for h in headings)
    common = shapes.most_common(1)[0][1]
    if common != len(headings) and common / len(headings) >= MAJORITY:
        odd += len(headings) - common
    return odd


def ranked(
    options: Sequence[Sequence[Entry]],
    fit: dict[str, int],
    *,
    taken: frozenset[str] = frozenset(),
    slack: float = SLACK,
) -> list[list[Entry | None]]:
    """Distinct sets of one entry per point (None where none is left), best first, down
    to `slack` below the best.

    `fit` scores each entry's scene fit (2 for the scene's own, 1 for 通用); `taken` are
    ids already used elsewhere in the draft.
    """
    every = [e for group in options for e in group]
    if not every:
        return [[None] * len(options)]
    shapes = sorted({shape(e.text) for e in every})
    lengths = sorted({heading_length(e.text) for e in every})
    scored: list[tuple[float, tuple[str, ...], list[Entry | None]]] = []
    for want_shape in shapes:
        for want_len in range(lengths[0], lengths[-1] + 1):
            score, chosen = _assign(options, (want_shape, want_len), fit, taken)
            score -= OUTLIER_PENALTY * outliers([e.text for e in chosen if e])
            key = tuple(e.id if e else "" for e in chosen)
            scored.append((score, key, chosen))
    scored.sort(key=lambda r: (-r[0], r[1]))
    best = scored[0][0]
    distinct: dict[tuple[str, ...], list[Entry | None]] = {}
    for score, key, chosen in scored:
        if score >= best - slack:
            distinct.setdefault(key, chosen)
    return list(distinct.values())


def choose(
    options: Sequence[Sequence[Entry]],
    fit: dict[str, int],
    *,
    variant: int = 0,
    taken: frozenset[str] = frozenset(),
) -> list[Entry | None]:
    """The `variant`-th of the equally good parallel sets (wrapping around)."""
    sets = ranked(options, fit, taken=taken)
    return sets[variant % len(sets)]

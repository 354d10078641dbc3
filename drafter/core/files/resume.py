"""Where the user left each draft: the wizard's step and point, kept under `state_dir()`.

Kept apart from the draft (a draft is a document that others may read, mail or diff; where
one person's cursor was is not part of it). A lost or damaged file only means starting at
step ①, never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.core.files.fsio import atomic_write_text, make_private_dir, read_text
from drafter.core.files.yamlio import dump_yaml, load_yaml

MAX_REMEMBERED = 50


@dataclass(frozen=True)
class Position:
    """A step (a section id, or REVIEW) and the point selected in it (None: its paragraphs)."""

    step: str
    point: int | None = None
    sub: tuple[int, ...] = ()
    """The sub-point of `point` selected, by its path below it ((0,): its 1.)."""

    @classmethod
    def of(cls, step: str, path: tuple[int, ...] | None) -> Position:
        """A step with the point or sub-point at `path` selected (None: its paragraphs)."""
        return cls(step, path[0], path[1:]) if path else cls(step)


REVIEW = "review"
"""The step name of the review step."""


def positions_file() -> Path:
    return locations.state_dir() / "positions.yaml"


def _load() -> dict[str, dict[str, object]]:
    path = positions_file()
    if not path.is_file():
        return {}
    try:
        data, _ = load_yaml(read_text(path), path, DrafterError)
    except (DrafterError, OSError):
        return {}
    items = data.get("drafts") if isinstance(data, dict) else None
    return (
        {k: v for k, v in items.items() if isinstance(v, dict)} if isinstance(items, dict) else {}
    )


def position(draft: Path) -> Position | None:
    """Where the user left this draft, if remembered."""
    item = _load().get(str(Path(draft).resolve()))
    if item is None or not isinstance(item.get("step"), str):
        return None
    point = item.get("point")
    if not isinstance(point, int) or point < 0:
        return Position(str(item["step"]))
    sub = item.get("sub")
    if not isinstance(sub, list) or not all(isinstance(i, int) and i >= 0 for i in sub):
        sub = []
    return Position(str(item["step"]), point, tuple(sub))


def remember(draft: Path, where: Position) -> None:
    """Note where the user is (the latest drafts first, at most MAX_REMEMBERED)."""
    key = str(Path(draft).resolve())
    items = _load()
    items.pop(key, None)
    entry: dict[str, object] = {"step": where.step}
    if where.point is not None:
        entry["point"] = where.point
        if where.sub:
            entry["sub"] = list(where.sub)
    kept = dict(list({key: entry, **items}.items())[:MAX_REMEMBERED])
    make_private_dir(positions_file().parent)
    atomic_write_text(positions_file(), dump_yaml({"drafts": kept}))

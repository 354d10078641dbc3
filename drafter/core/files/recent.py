"""The recent-drafts list the wizard offers for resuming (kept under `state_dir()`).

It lists the drafts the user opened most recently plus every draft in the drafts folder
(so an autosaved draft is offered even if the list was lost), newest change first. Each
draft is described from its first few kilobytes only (kind and meta come before sections), so
a huge or hostile file in the drafts folder cannot stall the start screen.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.core.files.fsio import atomic_write_text, make_private_dir, read_text
from drafter.core.files.yamlio import dump_yaml, load_yaml

MAX_REMEMBERED = 30
HEAD_BYTES = 16 * 1024
"""How much of a draft the listing reads: kind and meta are written before the sections."""
_last_remembered: tuple[Path, Path] | None = None


@dataclass(frozen=True)
class RecentDraft:
    """A draft offered for resuming."""

    path: Path
    title: str
    kind: str
    changed: _dt.datetime
    """The file's last modification: the last autosave."""
    error: str = ""
    """Why the draft cannot be read (it is still listed, so the user sees it)."""


def recent_file() -> Path:
    return locations.state_dir() / "recent.yaml"


def _remembered() -> list[Path]:
    path = recent_file()
    if not path.is_file():
        return []
    try:
        data, _ = load_yaml(read_text(path), path, DrafterError)
    except DrafterError:
        return []  # a damaged list is rebuilt, never a reason to fail
    items = data.get("drafts", []) if isinstance(data, dict) else []
    return [Path(p) for p in items if isinstance(p, str)]


def remember(path: Path) -> None:
    """Put a draft first in the recent list (cheap to call on every save)."""
    global _last_remembered
    path = Path(path).resolve()
    if (recent_file(), path) == _last_remembered:
        return
    paths = [path, *(p for p in _remembered() if p != path)][:MAX_REMEMBERED]
    make_private_dir(recent_file().parent)
    atomic_write_text(recent_file(), dump_yaml({"drafts": [str(p) for p in paths]}))
    _last_remembered = (recent_file(), path)


def forget(path: Path) -> None:
    """Drop a draft from the recent list (the file itself is left alone)."""
    global _last_remembered
    path = Path(path).resolve()
    paths = _remembered()
    if path in paths:
        atomic_write_text(
            recent_file(), dump_yaml({"drafts": [str(p) for p in paths if p != path]})
        )
    _last_remembered = None


def recent_drafts(limit: int = 12) -> list[RecentDraft]:
    """Remembered drafts and the drafts folder's drafts that still exist, newest first."""
    candidates = list(_remembered())
    folder = locations.drafts_dir()
    if folder.is_dir():
        candidates += sorted(folder.glob(f"*{locations.DRAFT_SUFFIX}"))
    seen: set[Path] = set()
    out: list[RecentDraft] = []
    for path in candidates:
        resolved = path.resolve()
        if resolved in seen or not resolved.is_file():
            continue
        seen.add(resolved)
        out.append(_describe(resolved))
    out.sort(key=lambda r: r.changed, reverse=True)
    return out[:limit]


def _head(path: Path) -> str:
    """The top-level keys before `sections:` (or `slots:`), from the file's first HEAD_BYTES."""
    with path.open("rb") as fh:
        raw = fh.read(HEAD_BYTES)
    lines = raw.decode("utf-8-sig", errors="replace").splitlines()
    if len(raw) == HEAD_BYTES:
        lines = lines[:-1]  # the last line may be cut in the middle
    kept: list[str] = []
    for line in lines:
        if line.startswith(("sections:", "slots:")):
            break
        kept.append(line)
    return "\n".join(kept) + "\n"


def _describe(path: Path) -> RecentDraft:
    """Title and kind read from the head of the YAML (no full parse: listing stays fast)."""
    changed = _dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        data, _ = load_yaml(_head(path), path, DrafterError)
    except OSError as exc:
        return RecentDraft(path, path.name, "", changed, error=exc.strerror or str(exc))
    except DrafterError as exc:
        return RecentDraft(path, path.name, "", changed, error=exc.message)
    if not isinstance(data, dict):
        return RecentDraft(path, path.name, "", changed, error="not a draft")
    meta = data.get("meta")
    title = meta.get("title") if isinstance(meta, dict) else None
    return RecentDraft(path, str(title or path.name), str(data.get("kind", "")), changed)

"""Results kept between runs: the built-in bank, user bank files, search indexes, pinyin.

Each is a pickle named `<kind>-<key>.pickle` in the cache folder, where the key changes
with whatever the result was computed from: a stale file is never read, only left behind.
Saving prunes each kind to its most recently used files, so the folder stops growing
when banks are edited or harvested again and again. A cache that cannot be read or
written is ignored: the result is computed again.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

KEEP = 3
"""Files kept per kind: the current one and a few for switching back (another install)."""


def load(kind: str, key: str, valid: Callable[[Any], bool]) -> Any | None:
    """The cached value, or None when there is none or it is unreadable or not `valid`."""
    path = _path(kind, key)
    try:
        value = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            IndexError, TypeError, ValueError):  # fmt: skip
        return None
    if not valid(value):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept the longest
    return value


def save(kind: str, key: str, value: Any, *, keep: int = KEEP) -> None:
    """Store `value` atomically; older files of the same kind beyond `keep` are removed."""
    from drafter.core.errors import DrafterError
    from drafter.core.fsio import atomic_write_bytes, make_private_dir

    path = _path(kind, key)
    with contextlib.suppress(OSError, DrafterError):
        make_private_dir(path.parent)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write_bytes(path, data, private=True)
        _prune(path.parent, kind, keep)


def _path(kind: str, key: str) -> Path:
    from drafter.core import locations

    return locations.index_cache_dir() / f"{kind}-{key}.pickle"


def _prune(folder: Path, kind: str, keep: int) -> None:
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    # Keys are hex digits: `bank-*` never matches another kind such as `bankfile-…`.
    files = sorted(folder.glob(f"{kind}-*.pickle"), key=used, reverse=True)
    for old in files[keep:]:
        with contextlib.suppress(OSError):
            old.unlink()

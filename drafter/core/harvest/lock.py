"""One output folder, one harvest: a second harvest into the same bank folder stops at once
with a clear error instead of overwriting the first one's files while both report success.

The lock is the per-path lock the wizard takes on a draft (session.DraftLock): created
atomically, kept under the state folder, taken over when its process died (kill -9).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from drafter.core.harvest.source import HarvestError


@contextmanager
def harvest_lock(out_dir: Path) -> Iterator[None]:
    """Hold the bank folder `out_dir` for this harvest; HarvestError when another has it."""
    from drafter.core.session import DraftLock

    lock, holder = DraftLock.acquire(Path(out_dir))
    if lock is None:
        who = f"pid {holder.pid}, since {holder.since.replace('T', ' ')}" if holder else "?"
        raise HarvestError(
            f"another harvest ({who}) is writing to this bank folder; "
            "wait for it to finish or choose another folder",
            out_dir,
        )
    try:
        yield
    finally:
        lock.release()

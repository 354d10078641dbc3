"""One output folder, one harvest: a second harvest into the same bank folder stops at once
with a clear error instead of overwriting the first one's files while both report success.

The lock is the per-path lock the wizard takes on a draft (files.draftlock.DraftLock): created
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
    from drafter.core.files.draftlock import DraftLock

    lock, holder = DraftLock.acquire(Path(out_dir))
    if lock is None:
        who = f"进程 {holder.pid}，始于 {holder.since.replace('T', ' ')}" if holder else "?"
        raise HarvestError(
            f"另一次摘取（{who}）正在写入这个短语库文件夹；请等它结束，或另选文件夹",
            out_dir,
        )
    try:
        yield
    finally:
        lock.release()

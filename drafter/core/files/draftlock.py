"""A lock against a second editor of the same draft (or a second harvest into one folder).

A lock file under `state_dir()/locks`, named after the draft's resolved path, holds the
editing process's pid, host and start time; a second editor reads it to open the draft
read-only and say who has it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.core.files.fsio import atomic_write_text, make_private_dir, read_text


@dataclass(frozen=True)
class LockHolder:
    """Who holds a draft's lock: shown to the second editor."""

    pid: int
    host: str
    since: str


class DraftLock:
    """An exclusive marker that one process is editing a draft.

    The lock file is created with a hard link, which fails when the file exists, so two
    processes starting at once cannot both win. A lock left by a dead process (kill -9) on
    this host is taken over.
    """

    def __init__(self, path: Path):
        self.path = path

    @staticmethod
    def path_for(draft_path: Path) -> Path:
        key = hashlib.sha1(str(Path(draft_path).resolve()).encode()).hexdigest()[:20]
        return locations.state_dir() / "locks" / f"{key}.lock"

    @classmethod
    def acquire(cls, draft_path: Path) -> tuple[DraftLock | None, LockHolder | None]:
        """The lock, or (None, holder) when another live process has it."""
        path = cls.path_for(draft_path)
        make_private_dir(path.parent)
        me = LockHolder(
            os.getpid(), socket.gethostname(), _dt.datetime.now().isoformat("T", "seconds")
        )
        staging = path.with_name(f"{path.name}.{me.pid}")
        atomic_write_text(staging, f"{me.pid}\n{me.host}\n{me.since}\n{draft_path}\n")
        try:
            for _ in range(2):
                try:
                    os.link(staging, path)
                    return cls(path), None
                except FileExistsError:
                    holder = _read_holder(path)
                    if holder is not None and _alive(holder):
                        return None, holder
                    with contextlib.suppress(OSError):
                        path.unlink()  # stale: its process is gone
            return None, _read_holder(path)
        finally:
            with contextlib.suppress(OSError):
                staging.unlink()

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        holder = _read_holder(self.path)
        if holder is not None and holder.pid == os.getpid():
            with contextlib.suppress(OSError):
                self.path.unlink()


def _read_holder(path: Path) -> LockHolder | None:
    try:
        lines = read_text(path).splitlines()
        return LockHolder(int(lines[0]), lines[1], lines[2])
    except (DrafterError, IndexError, ValueError):
        return None


def _alive(holder: LockHolder) -> bool:
    """Whether the lock's process still runs (other hosts and non-POSIX: assume yes)."""
    if holder.host != socket.gethostname() or os.name != "posix":
        return True
    if holder.pid == os.getpid():
        return True  # another session of this very process
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

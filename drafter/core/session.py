"""An editing session on one draft file: autosave, a lock against a second editor, recents.

The wizard edits the Draft in memory and calls `changed()`; `autosave()` (called a few times a
second) writes it through `draftfile.save` (atomic, keeps `draft~`) once a change is
`AUTOSAVE_DELAY` old, so a crash loses at most the last second. A lock file under
`state_dir()/locks` tells a second editor of the same draft to open it read-only; a file
the user made read-only opens read-only too. Before each save the file on disk is compared
with what this session last read or wrote (size, mtime, then a hash): edits made to it by
hand are never overwritten silently — `save` raises DraftChangedError and the caller asks.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError, DraftFileError
from drafter.core.files import draftfile, locations
from drafter.core.files.draftlock import DraftLock, LockHolder
from drafter.core.files.fsio import atomic_write_text, make_private_dir, read_text
from drafter.core.files.recent import remember
from drafter.core.model import Draft

AUTOSAVE_DELAY = 0.5
"""Seconds a change may wait before it is written (the wizard ticks every 0.25 s)."""
COMMENTS_SUFFIX = ".with-comments"
"""Added to a draft's file name for the copy kept of a hand-edited draft with comments."""

_UNSAFE_NAME = re.compile(r"[\\/:*?\"<>|\s\x00-\x1f]+")


class DraftChangedError(DrafterError):
    """The draft file changed on disk since this session read or wrote it."""

    noun = "草稿文件"


@dataclass(frozen=True)
class _Stamp:
    """What the draft file looked like when this session last read or wrote it."""

    mtime_ns: int
    size: int
    digest: str


def _stamp(path: Path) -> _Stamp | None:
    try:
        data = path.read_bytes()
        info = path.stat()
    except OSError:
        return None
    return _Stamp(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def _writable(path: Path) -> bool:
    """Whether the user lets drafter write the file (its mode too: root ignores access bits)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return True
    return bool(mode & 0o200) and os.access(path, os.W_OK)


def new_draft_path(title: str, folder: Path | None = None) -> Path:
    """A fresh file name for a new draft, after its title, in the drafts folder."""
    folder = folder or locations.drafts_dir()
    stem = _UNSAFE_NAME.sub("-", title.replace("{", "").replace("}", "")).strip("-.")[:40]
    if not stem:
        stem = "草稿-" + _dt.datetime.now().strftime("%Y%m%d-%H%M")
    candidate = folder / f"{stem}{locations.DRAFT_SUFFIX}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{locations.DRAFT_SUFFIX}"
        n += 1
    return candidate


class Session:
    """One draft being edited: the model, its file, and whether we may write it."""

    def __init__(
        self,
        draft: Draft,
        path: Path,
        *,
        lock: DraftLock | None = None,
        holder: LockHolder | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.draft = draft
        self.path = Path(path)
        self.lock = lock
        self.holder = holder
        """Set when another editor holds the draft: this session is read-only."""
        self._clock = clock
        self._dirty_since: float | None = None
        self._disk = _stamp(self.path)
        self.file_read_only = False
        """Set when the file itself is read-only: this session does not write it."""
        self.comments_copy: Path | None = None
        """Where the draft as opened was copied because it held hand-written # comments,
        which saving (drafter's canonical layout) does not keep."""

    @property
    def read_only(self) -> bool:
        return self.lock is None

    @property
    def dirty(self) -> bool:
        return self._dirty_since is not None

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], float] = time.monotonic) -> Session:
        """Load a draft and lock it; read-only when another editor has it."""
        path = Path(path)
        text = read_text(path, DraftFileError)
        draft = draftfile.loads(text, path)
        if not _writable(path):
            session = cls(draft, path, clock=clock)
            session.file_read_only = True
            return session
        lock, holder = DraftLock.acquire(path)
        session = cls(draft, path, lock=lock, holder=holder, clock=clock)
        if lock is not None:
            remember(path)
            if draftfile.has_comments(text):  # a save drops them: keep the file as written
                session.comments_copy = path.with_name(path.name + COMMENTS_SUFFIX)
                atomic_write_text(session.comments_copy, text)
        return session

    @classmethod
    def create(
        cls, draft: Draft, path: Path | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> Session:
        """Save a new draft (in the drafts folder unless `path` is given) and lock it."""
        if path is None:
            folder = locations.drafts_dir()
            make_private_dir(folder)
            path = new_draft_path(draft.meta.title, folder)
        path = Path(path)
        lock, holder = DraftLock.acquire(path)
        if lock is None:
            pid = holder.pid if holder else "?"
            raise DrafterError(f"另一个 drafter（进程 {pid}）正在编辑", path, noun="草稿文件")
        session = cls(draft, path, lock=lock, clock=clock)
        session.save()
        return session

    def changed(self) -> None:
        """Note that the draft changed; `autosave` writes it soon."""
        if self._dirty_since is None and not self.read_only:
            self._dirty_since = self._clock()

    def autosave(self) -> bool:
        """Write the draft if a change is at least AUTOSAVE_DELAY old; True when written."""
        if self._dirty_since is None or self._clock() - self._dirty_since < AUTOSAVE_DELAY:
            return False
        self.save()
        return True

    def save(self, *, force: bool = False) -> None:
        """Write the draft now (atomically, keeping `draft~`) and list it as recent.

        DraftChangedError when the file changed on disk since we read or wrote it, unless
        `force` (the user chose to keep this session's version)."""
        if self.read_only:
            why = "文件是只读的" if self.file_read_only else "另一个 drafter 正在编辑"
            raise DrafterError(f"以只读方式打开：{why}", self.path, noun="草稿文件")
        if not force and self.changed_on_disk():
            self._dirty_since = self._dirty_since or self._clock()
            raise DraftChangedError("上次读取或保存后，文件已被别处改动；没有覆盖", self.path)
        self._dirty_since = None
        try:
            draftfile.save(self.draft, self.path)
        except DrafterError:
            self._dirty_since = self._clock()  # try again on the next tick
            raise
        self._disk = _stamp(self.path)
        with contextlib.suppress(DrafterError, OSError):
            remember(self.path)

    def changed_on_disk(self) -> bool:
        """Whether someone else changed the file since this session read or wrote it (a
        file gone or unreadable is not a change: saving brings it back or reports why)."""
        if self._disk is None:
            return False
        try:
            info = self.path.stat()
        except OSError:
            return False
        if (info.st_mtime_ns, info.st_size) == (self._disk.mtime_ns, self._disk.size):
            return False
        now = _stamp(self.path)
        if now is None:
            return False
        if now.digest == self._disk.digest:  # touched, not changed
            self._disk = now
            return False
        return True

    def reload(self) -> None:
        """Take the file on disk as it is now, dropping unsaved changes in memory."""
        self.draft = draftfile.load(self.path)
        self._disk = _stamp(self.path)
        self._dirty_since = None

    def save_as(self, path: Path) -> None:
        """Write the draft to another file and go on editing that one (a new lock)."""
        path = Path(path)
        if path.exists():
            raise DrafterError("已经存在：请换一个文件名", path)
        lock, holder = DraftLock.acquire(path)
        if lock is None:
            pid = holder.pid if holder else "?"
            raise DrafterError(f"另一个 drafter（进程 {pid}）正在使用", path)
        try:
            draftfile.save(self.draft, path, backup=False)
        except BaseException:
            lock.release()
            raise
        if self.lock is not None:
            self.lock.release()
        self.lock, self.holder, self.path = lock, None, path
        self.file_read_only = False
        self._disk = _stamp(path)
        self._dirty_since = None
        with contextlib.suppress(DrafterError, OSError):
            remember(path)

    def close(self) -> None:
        """Save what is unsaved and release the lock. A save that fails raises and keeps the
        lock: the text is still here, and no second editor may take the file meanwhile."""
        if self.dirty and not self.read_only:
            self.save()
        self.abandon()

    def abandon(self) -> None:
        """Release the lock without saving (the user chose to drop unsaved changes)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

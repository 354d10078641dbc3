"""Safe file writes: every file drafter writes goes through here.

A write goes to a temporary file in the target folder, is flushed and fsynced, then renamed
over the target, so a crash or a full disk leaves the old file or the new one, never a mix.
A path that is a symlink is written through: the link stays and its target gets the text.
Folders and files holding the user's own data (drafts folder, state, cache, harvested banks)
are made private to the user: 0700 folders, 0600 files.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from functools import cache
from pathlib import Path

from drafter.core.errors import DrafterError, OutputError, os_reason

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def atomic_write_bytes(
    path: Path,
    data: bytes,
    *,
    backup: bool = False,
    private: bool = False,
    sync_folder: bool = True,
) -> None:
    """Write `data` to `path` atomically; with `backup`, keep the previous file as `path~`
    (and clear temporary files a killed earlier save left); `private` makes it 0600.

    `sync_folder=False` leaves the folder's fsync to the caller, who writes many files into
    it and calls `sync_folder` once after the last: each file is still whole or absent
    after a crash (its data is fsynced before the rename); only the renames become durable
    together, at that call, instead of one by one."""
    path = Path(path)
    if path.is_symlink():  # write the file the link points to; the link itself stays
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError("不存在", folder, noun="文件夹")
    if backup:
        _clear_leftovers(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"写不进去：{os_reason(exc)}", folder, noun="文件夹") from exc
    try:
        # mkstemp makes 0600 files; give the result the mode the user would expect.
        with contextlib.suppress(OSError):
            os.fchmod(fd, PRIVATE_FILE if private else _target_mode(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists() and not path.is_file():
            raise OutputError("这是文件夹，不是文件", path)
        if backup and path.is_file():
            _keep_backup(path)
        os.replace(tmp, path)
        if sync_folder:
            _fsync_dir(folder)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"写不进去：{os_reason(exc)}", path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


LEFTOVER_AGE = 60.0
"""Seconds after which a temporary file of a save is a leftover, not a save in progress."""


def _clear_leftovers(path: Path) -> None:
    """Remove `.NAME.xxxxxxxx.tmp` files an earlier save of `path` left when it was killed."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[A-Za-z0-9_]{8}\.tmp")
    now = time.time()
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > LEFTOVER_AGE:
                    os.unlink(entry.path)


def make_private_dir(folder: Path) -> Path:
    """Create `folder` and any missing parents as 0700 (existing folders are left alone)."""
    folder = Path(folder)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        with contextlib.suppress(FileExistsError):
            part.mkdir(mode=PRIVATE_DIR)
    if not folder.is_dir():
        raise OutputError("这不是文件夹", folder, noun="")
    return folder


@cache
def _umask() -> int:
    # Reading the umask means setting it; do it once, not while other threads write files.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target_mode(path: Path) -> int:
    """The existing file's permissions, or the default for a new file under the umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def _keep_backup(path: Path) -> None:
    """Keep the current file as `path~` without ever leaving `path` missing.

    A hard link (or, where links are not allowed, a copy) is made first; the new version then
    replaces `path` in one rename, so a crash at any moment leaves a complete draft in place.
    """
    backup_path = path.with_name(path.name + "~")
    staging = path.with_name(f".{path.name}.bak.tmp")
    with contextlib.suppress(OSError):
        staging.unlink()
    try:
        os.link(path, staging)
    except OSError:
        try:
            shutil.copy2(path, staging)
        except OSError:
            return  # no backup is better than no save
    with contextlib.suppress(OSError):
        os.replace(staging, backup_path)


def atomic_write_text(
    path: Path,
    text: str,
    *,
    backup: bool = False,
    private: bool = False,
    sync_folder: bool = True,
) -> None:
    """Write UTF-8 text atomically (see `atomic_write_bytes`)."""
    data = text.encode("utf-8")
    atomic_write_bytes(path, data, backup=backup, private=private, sync_folder=sync_folder)


def sync_folder(folder: Path) -> None:
    """Make the renames into `folder` durable (after writes with `sync_folder=False`)."""
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # The rename is durable only once the folder entry is on disk; not every OS allows it.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def read_text(path: Path, error: type[DrafterError] = OutputError) -> str:
    """Read a UTF-8 file (a BOM is allowed), raising `error(message, path)` on failure."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError as exc:
        raise error("这是文件夹，不是文件", path) from exc
    except FileNotFoundError as exc:
        raise error("找不到这个文件", path) from exc
    except PermissionError as exc:
        raise error("没有权限读这个文件", path) from exc
    except OSError as exc:
        raise error(f"读不出来：{os_reason(exc)}", path) from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise error("不是 UTF-8 编码的文字（请另存为 UTF-8）", path, line) from exc

"""Results kept between runs (bank stores, the pinyin table) as plain data files.

A cache file holds named byte sections (texts, arrays of numbers) and a JSON header that
says where each one lies; nothing in it is ever executed or unpickled, so a file planted in
the cache folder can at worst be rejected. The header carries a checksum of itself and of
every section: a file that fails them is removed and rebuilt, with a one-line notice.

A file's key is whatever its result was computed from (names, sizes and times of the
files read, formats), so a stale file is never read, only pruned. Files are named
`<kind>-<digest of the key>.drc` and the header holds the key itself, so a file that
only shares the name is not read either. (The digest is zlib's: hashlib's import loads
OpenSSL, ~4 ms of every `drafter search`, for a name.) Saving keeps each kind's most
recently used files, so the folder stops growing when banks are edited again and again.
Sections are read through a memory map, so opening a large file costs only its checksum,
which a caller may let run on a thread while it reads the header's parts.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import stat
import struct
import sys
import threading
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

MAGIC = b"DRAFTER-CACHE\x00\x01\x00"
"""16 bytes that open every cache file (the last two are the container's version)."""
_HEAD = struct.Struct("<16sIII")  # magic, header length, header crc32, body crc32
_ALIGN = 8
_BLOCK = 64 << 20
"""Bytes checksummed at a time: few hand-overs of the interpreter, little memory held
(a multiple of every system's mapping granularity)."""
_THREAD_FROM = 4 << 20
"""A body this large is checksummed on a thread (a smaller one costs less than a thread)."""
SUFFIX = ".drc"
KEEP = 3
"""Files kept per kind: the current one and a few for switching back (another install)."""


class CacheDamaged(Exception):
    """A cache file that is not what it claims to be (header, checksum or section)."""


class _OtherKey(Exception):
    """A sound cache file, of another key that shares the name: not the one looked for."""


def notice(message: str) -> None:
    """One line on stderr; the CLI and the app both leave stderr to such notices."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"drafter: {message}\n")


class CacheFile:
    """An open cache file: its header's `meta` and its sections, mapped, not copied.

    The header is checked at once. The body's checksum is computed on a thread of its own
    when the body is large: the caller reads the header's parts meanwhile and must call
    `verify` before it trusts anything read from the sections.
    """

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        # never through a link, never a device or a pipe: only the file written here
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(path, flags)  # (non-blocking: opening a planted pipe would wait)
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise CacheDamaged("not a regular file")
            found, self.meta, places, body, body_crc = _header(fd)
            if found != key:
                raise _OtherKey
            total = os.fstat(fd).st_size
            if not _HEAD.size <= body <= total:
                raise CacheDamaged("its contents are misplaced")
            self._map = mmap.mmap(fd, 0, access=mmap.ACCESS_READ) if total else None
            self._check = _BodyCheck(fd, body, body_crc, total - body > _THREAD_FROM)
            fd = -1  # the check closes it
        finally:
            if fd >= 0:
                os.close(fd)
        self._view = memoryview(self._map) if self._map is not None else memoryview(b"")
        self._places: dict[str, tuple[int, int, str]] = {}
        for name, place in places.items():
            if not (isinstance(place, list) and len(place) == 3):
                raise CacheDamaged(f"section {name!r} is misplaced")
            start, length, code = int(place[0]), int(place[1]), str(place[2])
            if not (body <= start and start + length <= total and code in ("B", "I", "Q")):
                raise CacheDamaged(f"section {name!r} lies outside the file")
            if length % struct.calcsize(code):
                raise CacheDamaged(f"section {name!r} is not a whole number of items")
            self._places[name] = (start, length, code)

    def verify(self) -> None:
        """Wait for the body's checksum; raise CacheDamaged when it fails."""
        self._check.wait()

    def close(self) -> None:
        """Let go of the mapping, when nothing read from it is still held."""
        self._check.wait_quietly()
        with contextlib.suppress(BufferError):
            self._view.release()
            if self._map is not None:
                self._map.close()

    def __contains__(self, name: str) -> bool:
        return name in self._places

    def section(self, name: str) -> memoryview:
        """The section's items: bytes ('B') or unsigned 32/64-bit numbers ('I', 'Q')."""
        place = self._places.get(name)
        if place is None:
            raise CacheDamaged(f"section {name!r} is missing")
        start, length, code = place
        view = self._view[start : start + length]
        if code == "I":
            return view.cast("I")
        return view.cast("Q") if code == "Q" else view


def _header(fd: int) -> tuple[object, dict[str, Any], dict[str, list[int]], int, int]:
    """The header's key, meta, section places, body offset and the body's checksum."""
    head = os.read(fd, _HEAD.size)
    if len(head) < _HEAD.size:
        raise CacheDamaged("shorter than its header")
    magic, size, head_crc, body_crc = _HEAD.unpack(head)
    if magic != MAGIC:
        raise CacheDamaged("not a drafter cache file of this version")
    if size > os.fstat(fd).st_size:  # before a buffer of that size is made
        raise CacheDamaged("shorter than its header")
    raw = os.read(fd, size)
    if len(raw) != size or zlib.crc32(raw) != head_crc:
        raise CacheDamaged("its header fails the checksum")
    try:
        header = json.loads(raw)
        key, meta, places = header["key"], header["meta"], header["sections"]
        return key, meta, places, int(header["body"]), body_crc
    except (ValueError, KeyError, TypeError) as exc:
        raise CacheDamaged("its header is not the expected JSON") from exc


class _BodyCheck:
    """The body's checksum, on a thread when asked: zlib lets go of the interpreter for
    each block, so the caller goes on opening. Closes the file descriptor it is given."""

    def __init__(self, fd: int, body: int, expected: int, threaded: bool) -> None:
        self._fd, self._body, self._expected = fd, body, expected
        self._failure: str | None = None
        self._thread: threading.Thread | None = None
        if threaded:
            self._thread = threading.Thread(target=self._run, name="cache-check", daemon=True)
            self._thread.start()
        else:
            self._run()

    def _run(self) -> None:
        try:
            crc = _crc_from(self._fd, self._body)
            if crc != self._expected:
                self._failure = "its contents fail the checksum"
        except Exception as exc:  # whatever it is, the file is not to be trusted
            self._failure = f"its contents cannot be read ({exc})"
        finally:
            os.close(self._fd)

    def wait(self) -> None:
        self.wait_quietly()
        if self._failure is not None:
            raise CacheDamaged(self._failure)

    def wait_quietly(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def _crc_from(fd: int, start: int) -> int:
    """The checksum of the file from `start` on, mapped a block at a time (faster than
    reading it, and each block is unmapped once summed, so it never sits in memory whole)."""
    size = os.fstat(fd).st_size
    crc = 0
    at = start - start % _BLOCK  # a mapping starts at a multiple of the page size
    while at < size:
        length = min(_BLOCK, size - at)
        with (
            mmap.mmap(fd, length, access=mmap.ACCESS_READ, offset=at) as block,
            memoryview(block) as view,
        ):
            crc = zlib.crc32(view[max(start - at, 0) :], crc)
        at += _BLOCK
    return crc


Section = bytes | bytearray | memoryview | Any  # bytes-like, or an array.array


def write(kind: str, key: str, meta: Mapping[str, Any], sections: Mapping[str, Section]) -> None:
    """Store the sections and meta atomically; older files of `kind` beyond KEEP go.

    A cache that cannot be written is only a slower next start: errors are swallowed.
    """
    from drafter.core.errors import DrafterError
    from drafter.core.files.fsio import make_private_dir

    path = path_of(kind, key)
    with contextlib.suppress(OSError, DrafterError):
        make_private_dir(path.parent)
        _write_atomic(path, key, meta, sections)
        _prune(path.parent, kind)


_ahead: dict[tuple[str, str], CacheFile] = {}
"""Files opened ahead of use (`open_ahead`), each taken by the next `open_file` of it."""


def open_ahead(kind: str, key: str) -> None:
    """Open the cache file of `kind` and `key` now, its checksum started, for a later
    `open_file` to take; a file that is missing or fails its header is left for that call
    to find (and report)."""
    path = path_of(kind, key)
    with contextlib.suppress(OSError, ValueError, CacheDamaged, _OtherKey):
        _ahead.setdefault((kind, key), CacheFile(path, key))


def open_file(kind: str, key: str, *, check_later: bool = False) -> CacheFile | None:
    """The cache file of `kind` and `key`, or None when there is none (or it was damaged:
    then it is removed, with a notice, so that the caller rebuilds it). With `check_later`
    the caller must `verify` it, and discard it when that fails."""
    path = path_of(kind, key)
    opened = None
    try:
        opened = _ahead.pop((kind, key), None) or CacheFile(path, key)
        if not check_later:
            opened.verify()
    except (FileNotFoundError, _OtherKey):
        return None
    except (OSError, ValueError, CacheDamaged) as exc:
        if opened is not None:
            opened.close()  # a file still mapped cannot be removed on Windows
        discard(path, str(exc))
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept the longest
    return opened


def discard(path: Path, why: str) -> None:
    """Remove a cache file found damaged, saying so in one line."""
    notice(f"cache file {path.name} ignored ({why}); rebuilding it")
    with contextlib.suppress(OSError):
        path.unlink()


def path_of(kind: str, key: str) -> Path:
    from drafter.core.files import locations

    raw = key.encode("utf-8", "surrogatepass")
    digest = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    return locations.index_cache_dir() / f"{kind}-{digest}{SUFFIX}"


def _write_atomic(
    path: Path, key: str, meta: Mapping[str, Any], sections: Mapping[str, Section]
) -> None:
    """Write section by section to a temporary file, then rename it over `path`.

    (fsio.atomic_write_bytes wants the whole file in memory: a large bank's store would
    be held twice.)
    """
    views = {name: memoryview(data).cast("B") for name, data in sections.items()}
    codes = {name: memoryview(data).format for name, data in sections.items()}
    places: dict[str, list[Any]] = {}
    offset = 0
    for name, view in views.items():
        code = codes[name] if codes[name] in ("I", "Q") else "B"
        places[name] = [offset, view.nbytes, code]
        offset += _padded(view.nbytes)
    # The body starts after the header, whose size depends on the offsets written in it.
    body = 0
    while True:
        shifted = {n: [p[0] + body, p[1], p[2]] for n, p in places.items()}
        fields = {"key": key, "meta": meta, "sections": shifted, "body": body}
        header = json.dumps(fields).encode()
        start = _padded(_HEAD.size + len(header))
        if start == body:
            break
        body = start
    import tempfile  # (only to write: a start that opens its files does without it)

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(bytes(body))
            crc = 0
            for view in views.values():
                pad = bytes(_padded(view.nbytes) - view.nbytes)
                handle.write(view)
                handle.write(pad)
                crc = zlib.crc32(pad, zlib.crc32(view, crc))
            handle.seek(0)
            handle.write(_HEAD.pack(MAGIC, len(header), zlib.crc32(header), crc) + header)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _padded(size: int) -> int:
    return -(-size // _ALIGN) * _ALIGN


def _prune(folder: Path, kind: str) -> None:
    def used(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:
            return 0.0

    # Keys are hex digits: `bank-*` never matches another kind such as `bankfile-…`.
    files = sorted(folder.glob(f"{kind}-*{SUFFIX}"), key=used, reverse=True)
    # Caches of earlier versions were pickles; they are never read, only removed.
    for old in [*files[KEEP:], *folder.glob("*.pickle")]:
        with contextlib.suppress(OSError):
            old.unlink()

"""Which bank store holds given banks (its key), and opening that store ahead of use.

Light on purpose: `drafter search` works out the key and starts the store's checksum
(cachefile.py: tens of megabytes for a large bank, summed on a thread) before it loads the
search's modules, so the sum is done by the time the store is read (store.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from drafter.core.errors import BankError

KIND = "bank"
"""The stores' kind among the cache files."""
_KEY_SEED = "bank-store-1/index-7"
"""Seeds the key, and stays as it is when the store's format changes: a store of an older
format has the key of the banks it holds, so it is found, reported and rebuilt, not left."""
TIFA_TABLE_FILE = "tifa.yaml"
"""The 规范表述 table (drafter.core.tifa.table) sits beside the bank files but is not one."""


def bank_files(root: Path) -> list[Path]:
    """The files of a bank: a folder's YAML files (recursively), or the file itself."""
    root = Path(root)
    if root.is_file():
        return [root]
    if not root.exists():
        raise BankError("找不到这个文件或文件夹", root)
    return sorted(
        p
        for p in root.rglob("*")
        if p.suffix in (".yaml", ".yml") and p.is_file() and p.name != TIFA_TABLE_FILE
    )


def named(paths: Sequence[Path]) -> list[tuple[Path, str]]:
    """Banks given by path, each named for its file or folder (as `--bank` names them)."""
    return [(Path(p), Path(p).stem) for p in paths]


def store_key(roots: Sequence[tuple[Path, str]]) -> str | None:
    """Changes whenever a bank file is added, removed or written (None: a file is unreadable,
    and loading will say which). File names, sizes and times, not contents: hashing a large
    bank would cost as much as a quick search."""
    from drafter.core.search.pinyin import data_stamp

    parts = [_KEY_SEED]
    try:
        parts.append(data_stamp())
        for root, name in roots:
            parts.append(f"{Path(root).absolute()}\0{name}")
            for path in bank_files(Path(root)):
                stat = path.stat()
                # ctime too: an edit that keeps the size and puts the mtime back still shows
                parts.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ctime_ns}")
    except (OSError, BankError):
        return None
    return "\n".join(parts)


def open_ahead(roots: Sequence[tuple[Path, str]]) -> None:
    """Open the store of these banks, if there is one, and start its checksum; opening
    them later takes this file. Any problem is left for that opening to find and report."""
    from drafter.core.files import cachefile

    with contextlib.suppress(Exception):
        key = store_key(roots)
        if key:
            cachefile.open_ahead(KIND, key)

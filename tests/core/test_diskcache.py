"""The cache folder: values come back while their key holds, and it does not grow forever."""

from __future__ import annotations

import os
from pathlib import Path

from drafter.core import diskcache


def test_a_value_comes_back_only_under_its_key_and_when_valid(drafter_home: Path) -> None:
    diskcache.save("demo", "aa11", {"党员": 3})
    assert diskcache.load("demo", "aa11", lambda v: isinstance(v, dict)) == {"党员": 3}
    assert diskcache.load("demo", "bb22", lambda v: True) is None
    assert diskcache.load("demo", "aa11", lambda v: isinstance(v, list)) is None


def test_each_kind_keeps_only_its_most_recently_used_files(drafter_home: Path) -> None:
    folder = drafter_home / "cache"
    for n, key in enumerate(["a1", "a2", "a3", "a4"]):
        diskcache.save("demo", key, n, keep=2)
        os.utime(folder / f"demo-{key}.pickle", (1_000 + n, 1_000 + n))
    diskcache.save("other", "b1", "kept", keep=2)
    assert diskcache.load("demo", "a3", lambda v: True) == 2  # used now: the newest
    diskcache.save("demo", "a5", 4, keep=2)
    names = sorted(p.name for p in folder.glob("*.pickle"))
    assert names == ["demo-a3.pickle", "demo-a5.pickle", "other-b1.pickle"]


def test_an_unwritable_cache_folder_is_not_an_error(drafter_home: Path) -> None:
    (drafter_home / "cache").write_text("a file where the folder should be")
    diskcache.save("demo", "aa11", 1)
    assert diskcache.load("demo", "aa11", lambda v: True) is None

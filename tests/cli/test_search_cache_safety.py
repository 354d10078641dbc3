"""Nothing in the cache folder ever runs: a planted pickle is rejected as data, not loaded."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

BANK = "党员教育内容单一\n组织生活会批评辣味不足。\n"


class _Planted:
    """Unpickling this runs a shell command that leaves a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _search(home: Path, bank: Path, *words: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DRAFTER_HOME": str(home), "HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "drafter", "search", *words, "--bank", str(bank)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_planted_pickles_in_the_cache_folder_never_run(tmp_path: Path) -> None:
    home, bank, marker = tmp_path / "home", tmp_path / "bank.txt", tmp_path / "ran"
    bank.write_text(BANK, encoding="utf-8")
    assert _search(home, bank, "dyjy").returncode == 0  # writes the caches
    cache = home / "cache"
    written = sorted(cache.iterdir())
    assert {p.name.split("-")[0] for p in written} >= {"bank", "pinyin"}
    payload = pickle.dumps(_Planted(marker))
    # every name a cache file has had: the files just written, and the pickles of before
    for path in written:
        path.write_bytes(payload)
        path.with_suffix(".pickle").write_bytes(payload)
    for kind in ("bank", "search", "pinyin", "entries"):
        (cache / f"{kind}-{'0' * 24}.pickle").write_bytes(payload)
    result = _search(home, bank, "dyjy")
    assert not marker.exists()
    assert result.returncode == 0
    assert "【党员教育】内容单一" in result.stdout  # rebuilt, and the search answers
    notices = [line for line in result.stderr.splitlines() if "rebuilding" in line]
    assert len(notices) == len(written)  # one line per damaged file
    assert not list(cache.glob("*.pickle"))  # old-style files are cleared away
    assert _search(home, bank, "dyjy").stderr == ""  # the rebuilt files are trusted

"""`drafter harvest` and hostile names: escaped in the bank, harmless in the terminal; one
harvest per output folder; what it writes is private to the user."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from drafter.core.bank.loading import load_bank
from drafter.core.files import cachefile, locations
from drafter.core.harvest.lock import harvest_lock
from tests.core.harvest_samples import SURVEY

Run = Callable[..., Result]
HOSTILE_NAME = "a\rreview: reviewed\x1b]0;owned\x07\x7f\u2028\x85b.txt"


def test_control_characters_in_a_file_name_are_escaped_everywhere(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "in" / HOSTILE_NAME
    source.parent.mkdir()
    source.write_text(SURVEY, encoding="utf-8")
    out = tmp_path / "bank"
    result = run("harvest", str(source.parent), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "\\x1b" in result.stdout
    (written,) = out.glob("*.yaml")
    header = written.read_text(encoding="utf-8").split("entries:")[0]
    assert header.count("\n") == 2 and "\\r" in header and "\\u2028" in header
    entries = load_bank(out).entries  # the bank stays valid: no injected keys
    assert entries and all(e.review == "pending" for e in entries)
    assert run("bank", "check", str(out)).exit_code == 0
    found = run("search", "党建", "--bank", str(out))
    assert found.exit_code == 0 and "\x1b" not in found.stdout


def test_a_second_harvest_into_the_same_folder_is_refused(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "survey.txt"
    source.write_text(SURVEY, encoding="utf-8")
    out = tmp_path / "bank"
    with harvest_lock(out):
        result = run("harvest", str(source), "-o", str(out))
    assert result.exit_code == 2
    assert "另一次摘取" in result.stderr and len(result.stderr.splitlines()) == 1
    assert not out.exists()
    assert run("harvest", str(source), "-o", str(out)).exit_code == 0  # free again


def test_harvested_banks_and_caches_are_private(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "survey.txt"
    source.write_text(SURVEY, encoding="utf-8")
    out = tmp_path / "new" / "bank"
    assert run("harvest", str(source), "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.glob("*.yaml"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    cachefile.write("test", "abc", {}, {"data": b"12"})
    cache = locations.index_cache_dir()
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    for path in cache.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path

"""The bank store: merged banks opened from one data file, read again only when a file
changes, and rebuilt (never trusted) when the file is damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import drafter.core.bank.loading as bank_module
from drafter.core.bank.loading import load_bank, load_banks
from drafter.core.search.engine import SearchEngine, SearchFilters
from tests.core.test_bank import USER_BANK, write_bank

HARVESTED = """\
topic: members
entries:
  - id: harvest-a.problem.0001
    section: problem
    kind: sentence
    text: 有的支部发展党员前的培养考察流于形式。
    note: 整改报告开头用过
    review: pending
    source: {file: 甲支部.docx, paragraph: 12}
    valid_from: 2024-04-01
    until: 2025-12-31
    aspects: [work-style]
    person: collective
"""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The YAML files read from now on (a start served by the store reads none)."""
    parsed: list[Path] = []
    real = bank_module._load_yaml
    monkeypatch.setattr(
        bank_module, "_load_yaml", lambda path, *a: parsed.append(path) or real(path, *a)
    )
    return parsed


def test_stored_entries_equal_the_parsed_ones(tmp_path: Path, parses: list[Path]) -> None:
    folder = write_bank(tmp_path / "mine")
    write_bank(folder, HARVESTED, "harvest-a.yaml")
    parsed = load_bank(folder).entries
    first = load_banks([folder], builtin=False, user=False)
    assert list(first) == parsed
    parses.clear()
    stored = load_banks([folder], builtin=False, user=False)
    assert parses == []  # from the store: no YAML read
    assert list(stored) == parsed  # every field, provenance, dates and origin included
    entry = stored.get("harvest-a.problem.0001")
    assert entry is not None and entry.provenance is not None and entry.path is not None
    assert stored.get("no.such.id") is None
    assert stored.banks == ["mine"]


def test_a_bank_is_read_again_only_when_a_file_changes(tmp_path: Path, parses: list[Path]) -> None:
    folder = write_bank(tmp_path / "mine")
    load_banks([folder], builtin=False, user=False)
    parses.clear()
    load_banks([folder], builtin=False, user=False)
    assert parses == []
    # Same length and the old modification time put back: the change time still tells.
    path = folder / "mine.yaml"
    stat = path.stat()
    path.write_text(USER_BANK.replace("停滞状态", "空转状态"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    texts = [e.text for e in load_banks([folder], builtin=False, user=False)]
    assert parses == [path]
    assert "有的楼栋党小组活动长期处于空转状态。" in texts


def test_a_new_user_bank_reads_only_its_own_files(tmp_path: Path, parses: list[Path]) -> None:
    """The built-in bank comes from its own store: a bank copied into the user banks folder
    costs a start only the reading of that bank."""
    from drafter.core.bank.loading import BUILTIN, Bank
    from drafter.core.files.resources import builtin_bank_dir

    load_banks(user=False)
    folder = write_bank(tmp_path / "mine")
    parses.clear()
    merged = load_banks([folder], user=False)
    assert parses == [folder / "mine.yaml"]
    # as if both were read from their files (the user's entry with a built-in id wins)
    files = [*load_bank(builtin_bank_dir(), BUILTIN).entries, *load_bank(folder).entries]
    assert list(merged) == list(Bank(files))


@pytest.mark.parametrize("large", [False, True], ids=["checked-at-once", "checked-on-a-thread"])
def test_a_damaged_store_is_rebuilt_with_one_line_of_notice(
    tmp_path: Path,
    drafter_home: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    large: bool,
) -> None:
    from drafter.core.files import cachefile

    if large:  # as a large bank's store is: summed while the store's parts are read
        monkeypatch.setattr(cachefile, "_THREAD_FROM", 0)
    folder = write_bank(tmp_path / "mine")
    first = list(load_banks([folder], builtin=False, user=False))
    (store,) = (drafter_home / "cache").glob("bank-*.drc")
    data = bytearray(store.read_bytes())
    data[-20] ^= 0xFF  # one flipped byte in the entries
    store.write_bytes(bytes(data))
    capsys.readouterr()
    again = load_banks([folder], builtin=False, user=False)
    assert list(again) == first
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and store.name in err and "checksum" in err
    assert SearchEngine.for_bank(again).search("停滞状态")[0].entry.id == "mine.problem.01"


def test_a_store_of_another_format_is_rebuilt_with_one_line_of_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import drafter.core.bank.store as store_module

    folder = write_bank(tmp_path / "mine")
    first = list(load_banks([folder], builtin=False, user=False))
    monkeypatch.setattr(store_module, "FORMAT", store_module.FORMAT + "-next")
    capsys.readouterr()
    assert list(load_banks([folder], builtin=False, user=False)) == first
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "another version" in err
    assert list(load_banks([folder], builtin=False, user=False)) == first
    assert capsys.readouterr().err == ""  # the rebuilt store is the current one


def test_txt_banks_in_the_user_folder_load_and_fit_every_step() -> None:
    from drafter.core.files.locations import user_banks_dir

    folder = user_banks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "摘抄.txt").write_text("楼栋党小组活动长期停滞\n党员教育形式单一。\n", "utf-8")
    bank = load_banks()
    plain = [e for e in bank if e.bank == "摘抄"]
    assert [e.text for e in plain] == ["楼栋党小组活动长期停滞", "党员教育形式单一。"]
    assert all(e.section == "" for e in plain)
    engine = SearchEngine.for_bank(bank)
    for section in ("problem", "countermeasure", "opening"):
        hits = engine.search("党小组活动长期停滞", SearchFilters(section=section))
        assert hits[0].entry.bank == "摘抄", section

"""A harvest into the user banks folder writes the bank store: the next start parses nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import drafter.core.bank.loading as bank_module
from drafter.core.bank.loading import load_banks
from drafter.core.files import locations
from tests.core.harvest_samples import SURVEY


def test_the_first_start_after_a_harvest_reads_no_yaml(
    run: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "survey.txt"
    source.write_text(SURVEY, encoding="utf-8")
    out = locations.user_banks_dir() / "harvested"
    assert run("harvest", str(source), "-o", str(out)).exit_code == 0
    parsed: list[Path] = []
    real = bank_module._load_yaml
    monkeypatch.setattr(
        bank_module, "_load_yaml", lambda path, *a: parsed.append(path) or real(path, *a)
    )
    bank = load_banks()
    assert parsed == []
    assert "harvested" in bank.banks

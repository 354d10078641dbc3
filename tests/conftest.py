"""Shared fixtures: tests never touch the real home folder or user config."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DRAFTER_HOME", str(home))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("DRAFTER_BANKS", raising=False)
    monkeypatch.delenv("DRAFTER_TEMPLATES", raising=False)
    return home


@pytest.fixture
def drafter_home(_isolated_home: Path) -> Path:
    """The per-test DRAFTER_HOME (config, user banks, drafts live below it)."""
    return _isolated_home

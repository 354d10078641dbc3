"""The built-in phrasebank meets its coverage, linking, register and originality bar."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from drafter.core.bank.check import check_paths, stats
from drafter.core.bank.loading import Bank, builtin_entries
from drafter.core.files.resources import builtin_bank_dir
from drafter.core.vocab import SCENES, TOPICS

REPO = Path(__file__).resolve().parents[2]
VERBATIM = REPO.parent / "shared" / "tools" / "verbatim_check.py"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank(builtin_entries())


def test_bank_check_has_no_findings_on_the_builtin_bank() -> None:
    assert [str(f) for f in check_paths([builtin_bank_dir()])] == []


def test_size_and_section_minimums(bank: Bank) -> None:
    data = stats(bank)
    assert data["entries"] >= 600
    framing = sum(data["sections"][s] for s in ("opening", "transition", "closing"))
    assert framing >= 40
    for section in ("practice", "achievement", "plan"):
        assert data["sections"][section] >= 20, section


@pytest.mark.parametrize("section", ["situation", "problem", "cause", "countermeasure"])
def test_every_topic_cell_has_eight_entries_and_two_headings(bank: Bank, section: str) -> None:
    data = stats(bank)
    thin = {
        t: (data["matrix"][section][t], data["headings"][section][t])
        for t in TOPICS
        if data["matrix"][section][t] < 8 or data["headings"][section][t] < 2
    }
    assert thin == {}


def test_every_scene_has_fifteen_specific_entries(bank: Bank) -> None:
    counts = Counter(scene for e in bank for scene in e.scenes)
    assert {s: counts[s] for s in SCENES[1:] if counts[s] < 15} == {}


def test_most_problems_link_to_a_cause_and_a_countermeasure(bank: Bank) -> None:
    assert stats(bank)["link_rate"] >= 0.8


@pytest.mark.skipif(
    not VERBATIM.is_file(), reason="shared/tools/verbatim_check.py not beside the repo"
)
def test_no_sentence_is_copied_from_the_corpus() -> None:
    targets = [
        str(REPO / d) for d in ("phrasebank", "templates", "examples") if (REPO / d).is_dir()
    ]
    proc = subprocess.run(
        [sys.executable, str(VERBATIM), *targets], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout[-3000:]

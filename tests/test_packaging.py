"""The wheel carries the phrasebank and templates, and finds them from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("drafter-*.whl"))


def test_wheel_contains_the_data(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    banks = {Path(n).name for n in names if n.startswith("drafter/_data/phrasebank/")}
    assert banks == {p.name for p in (REPO / "phrasebank").glob("*.yaml")}
    assert "drafter/_data/templates/survey/kind.yaml" in names
    assert "drafter/_data/templates/_shared/common.j2" in names


def test_installed_wheel_builds_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "from drafter.core.files.resources import data_dir; from drafter.core.bank.loading import load_banks;"
        "from drafter.core.report.kinds import discover;"
        "print(data_dir('phrasebank')); print(len(load_banks())); print(sorted(discover()))"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    where, count, kinds = proc.stdout.splitlines()
    assert where.startswith(str(target))
    assert int(count) > 0
    assert "survey" in kinds

"""A full disk during any write: one clear line, exit 2, the old file intact, no temp left."""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

Run = Callable[..., Result]
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "township-rural-survey.draft.yaml"


class FullDisk(io.RawIOBase):
    def __init__(self, fd: int) -> None:
        self.fd = fd

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def close(self) -> None:
        os.close(self.fd)
        super().close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("drafter.core.files.fsio.os.fdopen", lambda fd, mode="r": FullDisk(fd))


@pytest.mark.parametrize("fmt", ["docx", "md", "txt"])
def test_build_on_a_full_disk(run: Run, tmp_path: Path, full_disk: None, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    out.write_bytes(b"previous version")
    result = run("build", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 2
    assert "磁盘已满" in result.stderr and result.stderr.count("\n") == 1
    assert out.read_bytes() == b"previous version"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_new_draft_on_a_full_disk(run: Run, tmp_path: Path, full_disk: None) -> None:
    result = run("new", "--kind", "survey", "-o", str(tmp_path / "a.draft.yaml"))
    assert result.exit_code == 2 and "磁盘已满" in result.stderr
    assert list(tmp_path.iterdir()) == []

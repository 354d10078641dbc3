"""What a reader hands on: the raw paragraphs of one source file, or a ReadError."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from drafter.core.errors import DrafterError


class ReadError(DrafterError):
    """A source file that cannot be harvested; the message says why, for the summary."""


class HarvestError(DrafterError):
    """A harvest that cannot run at all: a bad argument or an output folder it cannot write."""

    noun = "短语库文件夹"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One raw paragraph as the source holds it (a line of a text file)."""

    index: int
    """1-based position in the source: the line of a text file, the paragraph of a .docx."""
    text: str
    level: int | None = None
    """Heading level the source itself marks (Word heading style, Markdown #); 0 = title."""


def read_capped(path: Path, limit: int) -> bytes:
    """A regular file's bytes, never more than `limit` whatever its size claims, and never
    waiting on a pipe: a FIFO, device or socket is refused."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(path, flags), "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("不是普通文件（是管道、设备或套接字）")
        megabytes = f"上限 {limit // 2**20} MB"
        if info.st_size > limit:
            raise ReadError(f"作为报告太大了（{info.st_size // 2**20} MB；{megabytes}）")
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadError(f"作为报告太大了（{megabytes}）")
    return data

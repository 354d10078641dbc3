"""The wizard's keys as a real terminal sends them: drafter in tmux (80×24), keys sent by
tmux itself. ctrl+shift+k cannot be sent there (it arrives as ctrl+k), so the paragraph is
deleted with ctrl+g; End reaches the end of a wrapped paragraph; alt+→ / alt+← (ESC[1;3C/D)
change a point's level."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from drafter.core.files import draftfile
from tests.tui.conftest import sample_draft

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux")

LONG = "有的支部一年只在年底集中谈一次心，平时交流很少，党员的思想动态掌握不及时，" * 2


def tmux(socket: str, *args: str) -> str:
    out = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True)
    return out.stdout


def body_on_disk(path: Path) -> list[str]:
    return [str(p) for p in draftfile.load(path).section("problem").points[0].body]


def wait_for(check, seconds: float = 8.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if check():
            return True
        time.sleep(0.2)
    return False


@contextmanager
def drafter_in_tmux(path: Path) -> Iterator[str]:
    """drafter editing `path` in a tmux of its own at 80×24; yields the tmux socket name."""
    socket = f"drafter-test-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "TERM": "xterm-256color", "XDG_STATE_HOME": str(path.parent / "state")}
    command = f"{sys.executable} -m drafter edit {path}"
    subprocess.run(
        ["tmux", "-L", socket, "new-session", "-d", "-x", "80", "-y", "24", command],
        env=env,
        check=True,
    )
    try:
        assert wait_for(lambda: "①" in tmux(socket, "capture-pane", "-p"), 20)
        yield socket
    finally:
        tmux(socket, "kill-server")


def test_end_and_ctrl_g_work_as_tmux_sends_them(tmp_path: Path) -> None:
    draft = sample_draft()
    draft.section("problem").points[0].body = [LONG, "第二段。"]
    path = tmp_path / "调研.draft.yaml"
    draftfile.save(draft, path, backup=False)
    with drafter_in_tmux(path) as socket:
        tmux(socket, "send-keys", "C-n", "C-n")  # the problem step, its first point selected
        assert wait_for(lambda: "谈心谈话开展不经常" in tmux(socket, "capture-pane", "-p"))
        tmux(socket, "send-keys", "Enter")  # to the heading
        time.sleep(1.5)
        tmux(socket, "send-keys", "End", "x")  # added to the heading, not replacing it
        heading = "谈心谈话开展不经常x"
        assert wait_for(
            lambda: draftfile.load(path).section("problem").points[0].heading == heading
        )
        tmux(socket, "send-keys", "Enter")  # to the body
        time.sleep(1.5)  # (the focus moves once the app has handled the Enter)
        tmux(socket, "send-keys", "End")
        time.sleep(1)
        tmux(socket, "send-keys", "x")
        assert wait_for(lambda: body_on_disk(path)[0] == LONG + "x"), body_on_disk(path)
        tmux(socket, "send-keys", "C-g")
        assert wait_for(lambda: body_on_disk(path) == ["第二段。"]), body_on_disk(path)


def test_alt_arrows_change_a_points_level_as_tmux_sends_them(tmp_path: Path) -> None:
    path = tmp_path / "调研.draft.yaml"
    draftfile.save(sample_draft(), path, backup=False)

    def shape() -> list[tuple[str, list[str]]]:
        points = draftfile.load(path).section("problem").points
        return [(p.heading, [s.heading for s in p.points]) for p in points]

    with drafter_in_tmux(path) as socket:
        tmux(socket, "send-keys", "C-n", "C-n")  # the problem step, its first point selected
        assert wait_for(lambda: "党员活动阵地利用率低" in tmux(socket, "capture-pane", "-p"))
        tmux(socket, "send-keys", "Down")
        time.sleep(0.5)
        tmux(socket, "send-keys", "M-Right")  # （二） becomes 1. under （一）
        expected = [("谈心谈话开展不经常", ["党员活动阵地利用率低"])]
        assert wait_for(lambda: shape() == expected), shape()
        assert "  1.党员活动阵地利用率低" in tmux(socket, "capture-pane", "-p")
        tmux(socket, "send-keys", "M-Left")
        expected = [("谈心谈话开展不经常", []), ("党员活动阵地利用率低", [])]
        assert wait_for(lambda: shape() == expected), shape()

"""A writer killed mid-save leaves the old draft or the new one, never a mix."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from drafter.core.files import draftfile
from drafter.core.model import Draft, Meta, Point, Section

WRITER = """
import sys
from pathlib import Path
from drafter.core.files import draftfile
from drafter.core.model import Draft, Meta, Point, Section
path = Path(sys.argv[1])
n = 0
print("ready", flush=True)
while True:
    n += 1
    body = [f"第{n}版正文，内容足够长以便写入需要一些时间。" * 200] * 20
    draftfile.save(Draft(kind="survey", meta=Meta(title=f"第{n}版"),
                         sections=[Section(id="problem", points=[Point(heading="标题", body=body)])]), path)
"""


def test_sigkill_during_saves_never_leaves_a_broken_draft(tmp_path: Path) -> None:
    path = tmp_path / "report.draft.yaml"
    first = Draft(
        kind="survey",
        meta=Meta(title="初版"),
        sections=[Section(id="problem", points=[Point(heading="标题")])],
    )
    draftfile.save(first, path)
    for delay in (0.05, 0.13, 0.21, 0.34, 0.55):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        draft = draftfile.load(path)  # parses: a whole version, old or new
        assert draft.meta.title == "初版" or draft.meta.title.startswith("第")
        if draft.meta.title != "初版":
            number = draft.meta.title.strip("第版")
            assert all(
                number in p for p in draft.sections[0].points[0].body
            )  # not a mix of versions
    leftovers = [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    assert len(leftovers) <= 5  # a kill may orphan a temp file, never the draft itself


def test_new_files_follow_the_umask_and_rewrites_keep_their_mode(tmp_path: Path) -> None:
    import os

    from drafter.core.files import fsio
    from drafter.core.files.fsio import atomic_write_text

    old = os.umask(0o022)
    fsio._umask.cache_clear()
    try:
        path = tmp_path / "a.txt"
        atomic_write_text(path, "一")
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o600)
        atomic_write_text(path, "二")
        assert path.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(old)
        fsio._umask.cache_clear()

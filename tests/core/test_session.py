"""Editing sessions: autosave timing, the lock against a second editor, the recent list."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.core.errors import DrafterError
from drafter.core.files import draftfile, locations
from drafter.core.files.recent import forget, recent_drafts
from drafter.core.model import Draft, Point
from drafter.core.project import new_draft
from drafter.core.report.kinds import get_kind
from drafter.core.session import AUTOSAVE_DELAY, DraftLock, Session, new_draft_path


class Clock:
    """A hand-wound clock, so autosave timing is tested without sleeping."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def make_draft(title: str = "关于社区党建工作的调研报告") -> Draft:
    return new_draft(get_kind("survey"), title=title, unit="某街道党工委")


def test_a_new_draft_is_saved_in_the_drafts_folder_under_its_title() -> None:
    session = Session.create(make_draft())
    try:
        assert session.path.parent == locations.drafts_dir()
        assert session.path.name == "关于社区党建工作的调研报告.draft.yaml"
        assert draftfile.load(session.path) == session.draft
    finally:
        session.close()


def test_two_new_drafts_with_one_title_get_two_files() -> None:
    first = Session.create(make_draft())
    second = Session.create(make_draft())
    try:
        assert first.path != second.path
        assert second.path.name == "关于社区党建工作的调研报告-2.draft.yaml"
    finally:
        first.close()
        second.close()


def test_file_names_leave_out_characters_file_systems_refuse(tmp_path: Path) -> None:
    path = new_draft_path("关于{单位}的报告: 初稿/二", tmp_path)
    assert path.parent == tmp_path
    assert not set("{}:/") & set(path.name)


def test_a_change_is_written_once_it_is_older_than_the_autosave_delay(tmp_path: Path) -> None:
    clock = Clock()
    session = Session.create(make_draft(), tmp_path / "a.draft.yaml", clock=clock)
    session.draft.section("problem").points.append(Point(heading="学习教育流于形式"))
    session.changed()
    assert not session.autosave()  # too fresh: typing goes on
    assert draftfile.load(session.path).section("problem").points == []
    clock.now += AUTOSAVE_DELAY
    assert session.autosave()
    assert draftfile.load(session.path).section("problem").points[0].heading == "学习教育流于形式"
    assert not session.dirty
    assert not session.autosave()  # nothing new to write
    session.close()


def test_continuous_typing_is_still_saved_within_one_second(tmp_path: Path) -> None:
    clock = Clock()
    session = Session.create(make_draft(), tmp_path / "a.draft.yaml", clock=clock)
    saved_at = []
    for step in range(40):  # a change every 0.05 s, autosave ticking every 0.25 s
        session.draft.meta.unit = f"单位{step}"
        session.changed()
        if step % 5 == 0 and session.autosave():
            saved_at.append(clock.now)
        clock.now += 0.05
    gaps = [b - a for a, b in itertools.pairwise(saved_at)]
    assert saved_at and max(gaps) <= 1.0
    session.close()


def test_saving_keeps_the_previous_version_as_a_backup(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "a.draft.yaml")
    session.draft.meta.title = "关于机关党建工作的调研报告"
    session.save()
    backup = tmp_path / "a.draft.yaml~"
    assert draftfile.load(backup).meta.title == "关于社区党建工作的调研报告"
    session.close()


def test_closing_saves_pending_changes_and_releases_the_lock(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "a.draft.yaml")
    session.draft.meta.unit = "某镇党委"
    session.changed()
    session.close()
    assert draftfile.load(tmp_path / "a.draft.yaml").meta.unit == "某镇党委"
    assert not DraftLock.path_for(tmp_path / "a.draft.yaml").exists()


def test_a_second_editor_opens_read_only_and_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.yaml"
    first = Session.create(make_draft(), path)
    second = Session.open(path)
    try:
        assert not first.read_only
        assert second.read_only
        assert second.holder is not None and second.holder.pid == os.getpid()
        before = path.read_bytes()
        second.draft.meta.title = "改了"
        second.changed()
        assert not second.autosave()
        with pytest.raises(DrafterError, match="只读"):
            second.save()
        assert path.read_bytes() == before
    finally:
        second.close()
        first.close()
    assert not Session.open(path).read_only  # free again once the first one closed


def test_a_lock_held_by_another_running_process_makes_the_draft_read_only(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.yaml"
    Session.create(make_draft(), path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from drafter.core.session import DraftLock; "
            "lock, _ = DraftLock.acquire(sys.argv[1]); print('ok', flush=True); sys.stdin.read()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        session = Session.open(path)
        assert session.read_only
        assert session.holder is not None and session.holder.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    # killed without releasing (like kill -9): the stale lock is taken over
    session = Session.open(path)
    assert not session.read_only
    session.close()


def test_recent_drafts_list_newest_first_with_title_and_kind(tmp_path: Path) -> None:
    older = Session.create(make_draft("关于农村党建的调研报告"), tmp_path / "old.draft.yaml")
    older.close()
    os.utime(older.path, (1_700_000_000, 1_700_000_000))
    newer = Session.create(make_draft("关于高校党建的调研报告"))
    newer.close()
    items = recent_drafts()
    assert [i.title for i in items] == ["关于高校党建的调研报告", "关于农村党建的调研报告"]
    assert {i.kind for i in items} == {"survey"}
    assert items[1].changed.timestamp() == 1_700_000_000


def test_autosaved_drafts_are_offered_even_when_the_recent_list_is_lost() -> None:
    session = Session.create(make_draft())
    session.close()
    forget(session.path)
    assert [i.path for i in recent_drafts()] == [session.path.resolve()]


def test_deleted_drafts_drop_out_and_broken_ones_show_their_error(tmp_path: Path) -> None:
    gone = Session.create(make_draft(), tmp_path / "gone.draft.yaml")
    gone.close()
    gone.path.unlink()
    broken = Session.create(make_draft(), tmp_path / "broken.draft.yaml")
    broken.close()
    broken.path.write_text("kind: [unclosed\n", encoding="utf-8")
    items = recent_drafts()
    assert [i.path.name for i in items] == ["broken.draft.yaml"]
    assert "YAML" in items[0].error

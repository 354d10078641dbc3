"""A session and the file under it: hand edits are never overwritten silently, symlinks and
read-only files are respected, killed saves leave nothing behind, private folders stay private."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from drafter.core.errors import DrafterError
from drafter.core.files import draftfile, locations
from drafter.core.files.draftlock import DraftLock
from drafter.core.files.fsio import LEFTOVER_AGE, atomic_write_text
from drafter.core.model import Draft
from drafter.core.project import new_draft
from drafter.core.report.kinds import get_kind
from drafter.core.session import DraftChangedError, Session


def make_draft(title: str = "关于社区党建工作的调研报告") -> Draft:
    return new_draft(get_kind("survey"), title=title, unit="某街道党工委")


def hand_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 5  # a coarse-mtime file system still sees a change
    os.utime(path, (later, later))


def test_a_hand_edit_on_disk_stops_the_next_save(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "d.draft.yaml")
    hand_edit(session.path, "某街道党工委", "某镇党委")
    session.draft.meta.title = "关于农村党建的调研报告"
    session.changed()
    with pytest.raises(DraftChangedError, match="已被别处改动"):
        session.save()
    assert draftfile.load(session.path).meta.unit == "某镇党委"  # the hand edit survives
    assert session.dirty  # and ours is still waiting
    session.save(force=True)  # the user chose ours
    assert draftfile.load(session.path).meta.title == "关于农村党建的调研报告"
    session.close()


def test_taking_the_file_on_disk_reloads_it(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "d.draft.yaml")
    hand_edit(session.path, "某街道党工委", "某镇党委")
    session.changed()
    session.reload()
    assert session.draft.meta.unit == "某镇党委"
    assert not session.dirty
    session.save()  # no conflict any more
    session.close()


def test_touching_the_file_without_changing_it_is_not_a_conflict(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "d.draft.yaml")
    later = time.time() + 5
    os.utime(session.path, (later, later))
    session.changed()
    session.save()
    session.close()


def test_save_as_moves_the_session_and_its_lock(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "d.draft.yaml")
    old = session.path
    session.save_as(tmp_path / "e.draft.yaml")
    assert session.path == tmp_path / "e.draft.yaml"
    assert not DraftLock.path_for(old).exists()
    assert DraftLock.path_for(session.path).exists()
    with pytest.raises(DrafterError, match="已经存在"):
        session.save_as(old)
    session.close()


def test_a_failed_save_on_close_keeps_the_lock(tmp_path: Path) -> None:
    session = Session.create(make_draft(), tmp_path / "d.draft.yaml")
    session.path.unlink()
    session.path.mkdir()  # the draft's path became a folder
    session.changed()
    with pytest.raises(DrafterError, match="文件夹"):
        session.close()
    assert session.lock is not None and DraftLock.path_for(session.path).exists()
    session.abandon()
    assert not DraftLock.path_for(session.path).exists()


def test_saving_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    target = tmp_path / "real" / "d.draft.yaml"
    target.parent.mkdir()
    draftfile.save(make_draft(), target, backup=False)
    link = tmp_path / "link.draft.yaml"
    link.symlink_to(target)
    session = Session.open(link)
    session.draft.meta.unit = "某镇党委"
    session.changed()
    session.save()
    assert link.is_symlink()
    assert draftfile.load(target).meta.unit == "某镇党委"
    second = Session.open(target)  # the same file by its real name: read-only
    assert second.read_only
    second.close()
    session.close()


def test_a_read_only_draft_opens_read_only_and_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "d.draft.yaml"
    draftfile.save(make_draft(), path, backup=False)
    before = path.read_bytes()
    path.chmod(0o444)
    session = Session.open(path)
    assert session.read_only and session.file_read_only
    session.changed()
    with pytest.raises(DrafterError, match="只读"):
        session.save()
    session.close()
    assert path.read_bytes() == before


def test_a_killed_saves_temp_file_is_cleared_by_the_next_save(tmp_path: Path) -> None:
    path = tmp_path / "d.draft.yaml"
    draftfile.save(make_draft(), path)
    leftover = tmp_path / ".d.draft.yaml.ab12cd_9.tmp"
    leftover.write_text("half a draft", encoding="utf-8")
    fresh = tmp_path / ".d.draft.yaml.zz99yy_1.tmp"  # may be a save in progress: kept
    fresh.write_text("x", encoding="utf-8")
    other = tmp_path / ".other.draft.yaml.ab12cd_9.tmp"  # another draft's: not ours to touch
    other.write_text("x", encoding="utf-8")
    old = time.time() - LEFTOVER_AGE - 10
    os.utime(leftover, (old, old))
    os.utime(other, (old, old))
    draftfile.save(make_draft(), path)
    assert not leftover.exists()
    assert fresh.exists() and other.exists()


def test_drafter_makes_its_own_folders_private(drafter_home: Path) -> None:
    session = Session.create(make_draft())
    session.close()
    for folder in (locations.drafts_dir(), locations.state_dir(), locations.state_dir() / "locks"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_private_files_are_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        atomic_write_text(tmp_path / "c.bin", "x", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "c.bin").stat().st_mode) == 0o600

"""The cache folder: data-only files that come back under their key, never trusted when
damaged, and a folder that does not grow forever."""

from __future__ import annotations

import os
from array import array
from pathlib import Path

import pytest

from drafter.core.files import cachefile


def test_sections_and_meta_come_back_under_their_key(drafter_home: Path) -> None:
    numbers = array("I", [3, 1, 4, 1, 5])
    cachefile.write("demo", "aa11", {"名称": "党员"}, {"text": "党员".encode(), "n": numbers})
    opened = cachefile.open_file("demo", "aa11")
    assert opened is not None
    assert opened.meta == {"名称": "党员"}
    assert str(opened.section("text"), "utf-8") == "党员"
    assert list(opened.section("n")) == [3, 1, 4, 1, 5]
    assert cachefile.open_file("demo", "bb22") is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:10],  # cut short
        lambda data: b"\x80\x05" + data[2:],  # not our magic (a pickle's opening bytes)
        lambda data: data[:-3] + b"xyz",  # a changed section
        lambda data: data[:40] + b"{" + data[41:],  # a changed header
    ],
)
def test_a_damaged_file_is_removed_with_one_line_of_notice(
    drafter_home: Path, capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    cachefile.write("demo", "aa11", {"k": 1}, {"text": b"0123456789" * 10})
    path = cachefile.path_of("demo", "aa11")
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cachefile.open_file("demo", "aa11") is None
    notice = capsys.readouterr().err
    assert notice.count("\n") == 1 and path.name in notice and "rebuilding" in notice
    assert not path.exists()


def test_a_file_summed_on_a_thread_is_not_trusted_until_it_passes(
    drafter_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachefile, "_THREAD_FROM", 0)  # as for a large bank's store
    cachefile.write("demo", "aa11", {"k": 1}, {"text": b"0123456789" * 10})
    path = cachefile.path_of("demo", "aa11")
    opened = cachefile.open_file("demo", "aa11", check_later=True)
    assert opened is not None
    opened.verify()
    assert bytes(opened.section("text")) == b"0123456789" * 10
    path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    damaged = cachefile.open_file("demo", "aa11", check_later=True)
    assert damaged is not None  # its header is sound: its parts may be read meanwhile
    with pytest.raises(cachefile.CacheDamaged, match="checksum"):
        damaged.verify()


@pytest.mark.parametrize("damaged", [False, True])
def test_a_file_opened_ahead_is_taken_and_checked_by_the_next_opening(
    drafter_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    damaged: bool,
) -> None:  # fmt: skip
    monkeypatch.setattr(cachefile, "_THREAD_FROM", 0)
    cachefile.write("demo", "aa11", {"k": 1}, {"text": b"0123456789" * 10})
    path = cachefile.path_of("demo", "aa11")
    if damaged:
        path.write_bytes(path.read_bytes()[:-3] + b"xyz")
    cachefile.open_ahead("demo", "aa11")
    assert capsys.readouterr().err == ""  # what it finds is told by the opening that uses it
    opened = cachefile.open_file("demo", "aa11")
    notice = capsys.readouterr().err
    if damaged:
        assert opened is None and not path.exists()
        assert notice.count("\n") == 1 and "rebuilding" in notice
    else:
        assert opened is not None and bytes(opened.section("text")) == b"0123456789" * 10
        assert notice == ""
    cachefile.open_ahead("demo", "bb22")  # none there: nothing said, nothing kept
    assert cachefile.open_file("demo", "bb22") is None and capsys.readouterr().err == ""


@pytest.mark.parametrize("body", [-8, 1 << 40, 3])
def test_a_header_that_places_the_contents_outside_the_file_is_refused(
    drafter_home: Path, monkeypatch: pytest.MonkeyPatch, body: int
) -> None:
    import json
    import zlib

    monkeypatch.setattr(cachefile, "_THREAD_FROM", 0)  # the case a thread would sum
    cachefile.write("demo", "aa11", {"k": 1}, {"text": b"0123456789" * 10})
    path = cachefile.path_of("demo", "aa11")
    data = path.read_bytes()
    magic, size, _, body_crc = cachefile._HEAD.unpack(data[: cachefile._HEAD.size])
    header = json.loads(data[cachefile._HEAD.size : cachefile._HEAD.size + size])
    header["body"] = body  # a planted file, its header checksum made to match
    raw = json.dumps(header).encode()
    head = cachefile._HEAD.pack(magic, len(raw), zlib.crc32(raw), body_crc)
    path.write_bytes(head + raw + data[cachefile._HEAD.size + size :])
    assert cachefile.open_file("demo", "aa11") is None
    assert not path.exists()


def test_each_kind_keeps_only_its_most_recently_used_files(drafter_home: Path) -> None:
    folder = drafter_home / "cache"
    for n, key in enumerate(["a1", "a2", "a3", "a4"]):
        cachefile.write("demo", key, {}, {"n": bytes([n])})
        os.utime(cachefile.path_of("demo", key), (1_000 + n, 1_000 + n))
    cachefile.write("other", "b1", {}, {})
    (folder / "search-old.pickle").write_bytes(b"left by an older drafter")
    assert cachefile.open_file("demo", "a2") is not None  # used now: the newest
    cachefile.write("demo", "a5", {}, {})
    kept = [("demo", "a2"), ("demo", "a4"), ("demo", "a5"), ("other", "b1")]
    assert sorted(folder.iterdir()) == sorted(cachefile.path_of(*k) for k in kept)


def test_a_file_of_another_key_under_the_same_name_is_not_read(
    drafter_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # names are a digest of the key: should two keys share one, the header tells them apart
    cachefile.write("demo", "党员/一.txt 120", {}, {"text": b"first"})
    other = cachefile.path_of("demo", "党员/一.txt 121")
    other.write_bytes(cachefile.path_of("demo", "党员/一.txt 120").read_bytes())
    cachefile.open_ahead("demo", "党员/一.txt 121")
    assert cachefile.open_file("demo", "党员/一.txt 121") is None
    assert capsys.readouterr().err == ""  # not damaged: only not this key's (then replaced)
    opened = cachefile.open_file("demo", "党员/一.txt 120")
    assert opened is not None and bytes(opened.section("text")) == b"first"


def test_an_unwritable_cache_folder_is_not_an_error(drafter_home: Path) -> None:
    (drafter_home / "cache").write_text("a file where the folder should be")
    cachefile.write("demo", "aa11", {}, {"n": b"1"})
    assert cachefile.open_file("demo", "aa11") is None


def test_a_link_or_device_under_a_cache_name_is_never_read(drafter_home: Path) -> None:
    cachefile.write("demo", "aa11", {}, {"n": b"1"})
    path = cachefile.path_of("demo", "aa11")
    path.unlink()
    path.symlink_to("/dev/zero")  # read to the end, it would never end
    assert cachefile.open_file("demo", "aa11") is None
    assert not path.is_symlink()


def test_a_pipe_under_a_cache_name_does_not_hang_the_start(drafter_home: Path) -> None:
    cachefile.write("demo", "aa11", {}, {"n": b"1"})
    path = cachefile.path_of("demo", "aa11")
    path.unlink()
    os.mkfifo(path)
    assert cachefile.open_file("demo", "aa11") is None

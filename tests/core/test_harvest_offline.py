"""Harvest stays on this machine and within bounds: LibreOffice runs offline in a process
group killed whole on timeout; only regular files inside the tree are read; every line is
cleaned in linear time."""

from __future__ import annotations

import http.server
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.core.harvest import office, readers
from drafter.core.harvest.clean import clean_paragraphs
from drafter.core.harvest.phrases import to_phrases
from drafter.core.harvest.readers import collect_files, read_source, text_paragraphs
from drafter.core.harvest.source import ReadError
from drafter.core.harvest.structure import blocks

REPORT = "一、存在的问题\n（一）学习教育针对性不强。部分支部学习以读文件为主。\n"


def test_the_profile_blocks_links_macros_and_the_network() -> None:
    xcu = office.profile_xcu()
    assert '"BlockUntrustedRefererLinks" oor:op="fuse"><value>true<' in xcu
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true<' in xcu
    assert "ooInetHTTPProxyName" in xcu and "ooInetHTTPSProxyName" in xcu


@pytest.fixture
def requests_seen() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every path asked of it."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_doc_naming_remote_images_and_styles_fetches_nothing(
    tmp_path: Path, requests_seen: tuple[str, list[str]]
) -> None:
    url, seen = requests_seen
    page = (  # an HTML page saved as .doc, as many web sites offer reports
        f'<html><head><link rel="stylesheet" href="{url}/style.css"></head><body>'
        f'<p>一、存在的问题</p><img src="{url}/logo.png"><p>学习教育针对性不强。</p>'
        "</body></html>"
    )
    path = tmp_path / "web.doc"
    path.write_text(page, encoding="utf-8")
    paragraphs = read_source(path)
    assert seen == []
    assert any("学习教育针对性不强" in p.text for p in paragraphs)


def test_a_hung_conversion_is_killed_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child_pid = tmp_path / "child.pid"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {child_pid}\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    path = tmp_path / "old.doc"
    path.write_bytes(b"not an OLE file, whatever")
    start = time.perf_counter()
    with pytest.raises(ReadError, match="超过了"):
        office.convert_and_read(path, timeout=0.5)
    assert time.perf_counter() - start < 5
    pid = int(child_pid.read_text())
    for _ in range(50):  # the kill is sent; give the kernel a moment to reap
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        if Path(f"/proc/{pid}/stat").is_file() and " Z " in Path(f"/proc/{pid}/stat").read_text():
            break  # a zombie: dead, waiting for init
        time.sleep(0.05)
    else:
        pytest.fail("LibreOffice's child process was left running")


def test_an_oversized_doc_is_refused_before_it_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(office, "MAX_OFFICE_BYTES", 1000)
    path = tmp_path / "huge.doc"
    with path.open("wb") as fh:
        fh.truncate(10_000)  # sparse: costs nothing on disk
    with pytest.raises(ReadError, match="太大"):
        office.convert_and_read(path)


def test_fifos_devices_and_links_out_of_the_tree_are_reported_not_read(tmp_path: Path) -> None:
    tree = tmp_path / "archive"
    tree.mkdir()
    (tree / "good.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(tree / "pipe.txt")
    (tree / "zero.txt").symlink_to("/dev/zero")
    outside = tmp_path / "secret.txt"
    outside.write_text(REPORT, encoding="utf-8")
    (tree / "out.txt").symlink_to(outside)
    (tree / "inside.txt").symlink_to(tree / "good.txt")
    files, bad = collect_files([tree])
    assert sorted(f.name for f in files) == ["good.txt", "inside.txt"]
    reasons = {p.name: why for p, why in bad}
    assert "不是普通文件" in reasons["pipe.txt"]
    assert "文件夹以外" in reasons["zero.txt"]
    assert "文件夹以外" in reasons["out.txt"]


def test_a_named_device_or_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    files, bad = collect_files([tmp_path / "pipe.txt", tmp_path / "zero.txt"])
    assert files == [] and len(bad) == 2
    for name in ("pipe.txt", "zero.txt"):
        with pytest.raises(ReadError, match="不是普通文件"):
            read_source(tmp_path / name)


def test_text_is_read_up_to_its_limit_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("中" * 100, encoding="utf-8")
    with pytest.raises(ReadError, match="太大"):
        read_source(path)


LONG_LINES = {
    "200 KB of one letter": ("a" * 200_000, False),
    "200 KB of digits": ("1" * 200_000, False),
    "a-a-a… (domain-like)": ("a-" * 100_000, False),
    "a.a.a… (address-like)": ("a." * 100_000 + "@", False),
    "100K spaces in .md": (" " * 100_000 + "x", True),
    "100K tabs in .md": ("\t" * 100_000 + "x", True),
    "unclosed links in .md": ("[a](" * 50_000, True),
    "unclosed emphasis in .md": ("*a " * 60_000, True),
    "spaced heading in .md": ("# a" + " " * 100_000 + "b", True),
    "table of spaces in .md": ("a | " * 20_000 + " " * 100_000, True),
}


@pytest.mark.parametrize("case", LONG_LINES, ids=list(LONG_LINES))
def test_one_enormous_line_is_harvested_in_linear_time(case: str) -> None:
    text, markdown = LONG_LINES[case]
    start = time.perf_counter()
    lines = clean_paragraphs(text_paragraphs(text, markdown=markdown))
    to_phrases(blocks(lines), Counter())
    assert time.perf_counter() - start < 3.0, case


def test_markdown_cleanup_still_does_its_job() -> None:
    text = "## 标题 ##\n**加粗**和*斜体*、`代码`、[链接](http://x)与![图](y.png)\n| 甲 | 乙 |\n"
    paragraphs = text_paragraphs(text, markdown=True)
    assert paragraphs[0].text == "标题" and paragraphs[0].level == 2
    assert paragraphs[1].text == "加粗和斜体、代码、链接与"
    assert paragraphs[2].text == " 甲 乙 "

"""`drafter serve` without a browser: where it listens, what it warns, how it fails."""

from __future__ import annotations

import asyncio
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import aiohttp

from tests.web.browser import WAIT, Server, free_port


def serve(*args: str) -> subprocess.CompletedProcess[str]:
    """`drafter serve ARGS` that is expected to fail at once."""
    return subprocess.run(
        [sys.executable, "-m", "drafter", "serve", *args],
        capture_output=True,
        text=True,
        timeout=WAIT,
    )


def test_a_busy_port_is_one_line_and_exit_2() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = serve("--port", str(port))
    assert result.returncode == 2
    assert result.stderr == f"drafter：错误：无法在 127.0.0.1:{port} 上监听：端口已被占用\n"


def test_an_address_this_machine_does_not_have_is_one_line_and_exit_2() -> None:
    result = serve("--host", "192.0.2.1", "--port", str(free_port()))  # TEST-NET-1
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("drafter：错误：无法在 192.0.2.1:")


def test_a_missing_bank_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = serve("--bank", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "nowhere" in result.stderr


def test_localhost_by_default_and_the_page_fetches_nothing_from_outside(tmp_path: Path) -> None:
    server = Server(tmp_path)
    try:
        out = server.wait_ready()
        with urllib.request.urlopen(server.url, timeout=WAIT) as response:
            page = response.read().decode("utf-8")
    finally:
        server.stop()
    assert f"向导地址 http://127.0.0.1:{server.port}/" in out
    assert str(tmp_path / "data" / "drafts") in out  # where the drafts live
    assert "提醒" not in out
    assert "<title>drafter" in page and "/static/js/textual.js" in page
    assert "http://" not in page and "https://" not in page  # drafter works offline


def test_any_other_address_warns_that_there_are_no_accounts(tmp_path: Path) -> None:
    server = Server(tmp_path, "--host", "0.0.0.0")
    try:
        out = server.wait_ready()
    finally:
        server.stop()
    assert "提醒：正在 0.0.0.0 上监听，能访问这个地址的人都能读写您的草稿" in out
    assert "不设账号和密码" in out


def test_open_opens_the_address_in_the_browser(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    browser = f"{shlex.quote(sys.executable)} -c 'import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])' {shlex.quote(str(opened))} %s"
    server = Server(tmp_path, "--open", env={"BROWSER": browser})
    try:
        server.wait_ready()
        deadline = time.monotonic() + WAIT
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        server.stop()
    assert opened.read_text() == server.url


def test_another_sites_page_cannot_open_a_wizard(tmp_path: Path) -> None:
    """Any page in the user's browser may open a websocket to 127.0.0.1: not to a wizard."""

    async def handshake(headers: dict[str, str]) -> int:
        timeout = aiohttp.ClientTimeout(total=WAIT)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            try:
                async with session.ws_connect(server.url + "ws", headers=headers):
                    return 101
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status

    server = Server(tmp_path)
    try:
        server.wait_ready()
        here = f"127.0.0.1:{server.port}"
        assert asyncio.run(handshake({"Origin": "https://evil.example"})) == 403
        rebound = {
            "Host": f"evil.example:{server.port}",
            "Origin": f"http://evil.example:{server.port}",
        }
        assert asyncio.run(handshake(rebound)) == 403
        assert asyncio.run(handshake({"Origin": f"http://{here}"})) == 101
    finally:
        server.stop()


def test_each_tabs_wizard_gets_the_banks_whatever_their_names() -> None:
    from drafter.web import wizard_command

    bank = Path("/tmp/单位 banks/it's mine")
    args = shlex.split(wizard_command([bank]))
    assert args == [sys.executable, "-m", "drafter", "--bank", str(bank)]

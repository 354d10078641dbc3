"""Running `drafter serve`: a warm wizard and the browser start while the server loads.

textual-serve starts the wizard command once per browser tab (each tab its own `drafter`
process on the same user's drafts and banks). One wizard is started before anything else,
so the first tab, the one --open opens, finds it loaded instead of waiting a second or two
for Python and Textual.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import signal
import socket
import subprocess
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable, Sequence
from pathlib import Path

from textual_serve.app_service import AppService  # light: no aiohttp
from textual_serve.download_manager import DownloadManager


def wizard_command(banks: Sequence[Path] = ()) -> str:
    """The shell command textual-serve runs for each tab: this Python's `drafter`."""
    args = [sys.executable, "-m", "drafter"]
    for bank in banks:
        args += ["--bank", str(bank)]
    # textual-serve runs it through the shell: cmd.exe quotes differently from sh.
    return subprocess.list2cmdline(args) if os.name == "nt" else shlex.join(args)


async def _never(_: object = None) -> None:
    """A websocket callback of a service used only for its environment."""


async def start_wizard(command: str) -> Process:
    """A wizard process as textual-serve starts one (its size comes when a tab connects)."""
    service = AppService(
        command,
        write_bytes=_never,
        write_str=_never,
        close=_never,
        download_manager=DownloadManager(),
    )
    env = service._build_environment()
    return await asyncio.create_subprocess_shell(
        command, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=env
    )


def serve(sock: socket.socket, command: str, ready: Callable[[], None]) -> None:
    """Serve the wizard on a listening socket until ctrl+c or SIGTERM; ready() is called
    once a wizard is starting, before the web server is loaded."""
    with contextlib.suppress(KeyboardInterrupt):  # ctrl+c where signals cannot be caught
        asyncio.run(_serve(sock, command, ready))


async def _serve(sock: socket.socket, command: str, ready: Callable[[], None]) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: ctrl+c interrupts instead
            loop.add_signal_handler(signum, stop.set)
    warm = await start_wizard(command)
    ready()
    from drafter.web.server import WizardServer  # aiohttp: the slow import, last

    await WizardServer(command, sock, warm).run_until(stop)

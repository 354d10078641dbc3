"""The web server behind `drafter serve`: textual-serve, with drafter's page and a quiet start.

textual-serve starts the wizard command once per browser tab (each tab its own `drafter`
process on the same user's drafts and banks) and relays the terminal over a websocket.
Files the wizard delivers (App.deliver_binary) reach the browser as downloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import shlex
import signal
import sys
from asyncio.subprocess import PIPE, Process
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

log = logging.getLogger("textual-serve")

TEMPLATES = Path(__file__).parent / "templates"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SHUTDOWN_SECONDS = 3.0
"""How long open tabs get to save and quit when the server stops."""


def is_local(host: str) -> bool:
    """True for an address only this machine can reach (no warning needed)."""
    return host in LOCAL_HOSTS or host.startswith("127.")


def page_url(host: str, port: int) -> str:
    """The address to open: IPv6 hosts in brackets, a wildcard host as localhost."""
    shown = "localhost" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def wizard_command(banks: Sequence[Path] = ()) -> str:
    """The shell command textual-serve runs for each tab: this Python's `drafter`."""
    args = [sys.executable, "-m", "drafter"]
    for bank in banks:
        args += ["--bank", str(bank)]
    return shlex.join(args)


class TabService(AppService):
    """One tab's wizard process: the warm one when it is still unused, else a new one."""

    def __init__(self, *args: Any, warm: Process | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._warm = warm

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Process:
        if self._warm is None or self._warm.returncode is not None:
            return await super()._open_app_process(width, height)
        # The browser sends its size as soon as it is connected; the wizard then redraws.
        self._process, self._warm = self._warm, None
        assert self._process.stdin is not None
        self._stdin = self._process.stdin
        return self._process


class WizardServer(Server):
    """textual-serve's server, serving drafter's page (no web fonts: drafter is offline).

    One wizard starts with the server, so the first tab (the one --open opens) finds it
    already loaded instead of waiting a second or two for Python and Textual to start.
    """

    def __init__(self, command: str, host: str, port: int) -> None:
        super().__init__(command, host=host, port=port, title="drafter 写作助手")
        self.templates_path = TEMPLATES
        self.warm: Process | None = None

    def _service(self, websocket: web.WebSocketResponse, warm: Process | None) -> TabService:
        return TabService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
            debug=self.debug,
            warm=warm,
        )

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler (1.1.3), with the tab's process from _service()."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: TabService | None = None
        try:
            await websocket.prepare(request)
            warm, self.warm = self.warm, None
            service = self._service(websocket, warm)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                await service.stop()
        return websocket

    async def _start_warm(self) -> None:
        # The environment textual-serve gives each tab's process (its size comes on connect).
        env = self._service(web.WebSocketResponse(), None)._build_environment()
        self.warm = await asyncio.create_subprocess_shell(
            self.command, stdin=PIPE, stdout=PIPE, stderr=PIPE, env=env
        )

    async def _stop_warm(self) -> None:
        warm, self.warm = self.warm, None
        if warm is None or warm.returncode is not None or warm.stdin is None:
            return
        warm.stdin.write(AppService.encode_packet(b"M", b'{"type": "quit"}'))
        with contextlib.suppress(OSError):
            await warm.stdin.drain()
        try:
            await asyncio.wait_for(warm.wait(), SHUTDOWN_SECONDS)
        except asyncio.TimeoutError:
            warm.kill()

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: the command prints the address once the port is open."""

    def run(self, ready: Callable[[], None]) -> None:
        """Listen until ctrl+c or SIGTERM; call ready() once the port is open.

        Raises OSError when the address cannot be bound (port busy, unknown host).
        """
        asyncio.run(self._run(ready))

    async def _run(self, ready: Callable[[], None]) -> None:
        runner = web.AppRunner(
            await self._make_app(), access_log=None, shutdown_timeout=SHUTDOWN_SECONDS
        )
        await runner.setup()
        try:
            await web.TCPSite(runner, self.host, self.port).start()
            await self._start_warm()
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(signum, stop.set)
            ready()
            await stop.wait()
        finally:
            # Open tabs are told to quit: each wizard saves its draft on the way out.
            await self._stop_warm()
            await runner.cleanup()

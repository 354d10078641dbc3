"""The web server behind `drafter serve`: textual-serve, with drafter's page.

textual-serve starts the wizard command once per browser tab and relays the terminal over
a websocket; files the wizard delivers (App.deliver_binary) reach the browser as downloads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from asyncio.subprocess import Process
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from drafter.web.address import trusted

log = logging.getLogger("textual-serve")

TEMPLATES = Path(__file__).parent / "templates"
SHUTDOWN_SECONDS = 3.0
"""How long open tabs get to save and quit when the server stops."""


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
    """textual-serve's server on an open socket, serving drafter's page (no web fonts:
    drafter works offline), the first tab served by the wizard already started."""

    def __init__(self, command: str, sock: socket.socket, warm: Process | None) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(command, host=host, port=port, title="drafter 写作助手")
        self.templates_path = TEMPLATES
        self.sock = sock
        self.warm = warm
        self.tabs: set[TabService] = set()
        """The tabs' wizards now running."""

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: `drafter serve` has printed the address already."""

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
        """textual-serve's handler (1.1.3), with the tab's process from _service(), for
        drafter's own page only (another site's page must not drive a wizard)."""
        self._refuse_other_sites(request)
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: TabService | None = None
        try:
            await websocket.prepare(request)
            warm, self.warm = self.warm, None
            service = self._service(websocket, warm)
            self.tabs.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            if service is not None:
                self.tabs.discard(service)
                await service.stop()
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        self._refuse_other_sites(request)
        return await super().handle_download(request)

    def _refuse_other_sites(self, request: web.Request) -> None:
        if not trusted(self.host, request.host, request.headers.get("Origin")):
            raise web.HTTPForbidden(text="drafter: only drafter's own page may use this\n")

    async def run_until(self, stop: asyncio.Event) -> None:
        """Serve until the event is set; then open tabs save and quit."""
        runner = web.AppRunner(
            await self._make_app(), access_log=None, shutdown_timeout=SHUTDOWN_SECONDS
        )
        await runner.setup()
        try:
            await web.SockSite(runner, self.sock).start()
            await stop.wait()
        finally:
            await asyncio.gather(self._quit_tabs(), self._stop_warm())
            await runner.cleanup()

    async def _quit_tabs(self) -> None:
        """Ask every tab's wizard to save and quit, and wait (a while) until they have."""
        await asyncio.gather(*(tab.send_meta({"type": "quit"}) for tab in self.tabs))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + SHUTDOWN_SECONDS
        while self.tabs and loop.time() < deadline:
            await asyncio.sleep(0.05)

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

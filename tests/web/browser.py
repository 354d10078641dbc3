"""Driving `drafter serve` from a real Chromium (Playwright on the system browser binary).

The wizard draws on an xterm.js canvas, so there is no DOM to query: an init script keeps
a copy of everything the server sends, and `TerminalLog` finds text (and where it was
drawn, for mouse clicks) in that stream of Textual's cursor moves and characters.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT = 30.0
"""Seconds any one step may take (a shared two-core machine can be slow)."""

# A copy of the terminal output in window.__drafterLog, and the size the page sent.
CAPTURE = """
(() => {
  const decoder = new TextDecoder();
  window.__drafterLog = [];
  window.__drafterSize = null;
  const Native = window.WebSocket;
  function Capturing(url, protocols) {
    const ws = protocols === undefined ? new Native(url) : new Native(url, protocols);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__drafterLog.push(decoder.decode(new Uint8Array(event.data), {stream: true}));
      }
    });
    const send = ws.send.bind(ws);
    ws.send = (data) => {
      const message = JSON.parse(data);
      if (message[0] === "resize") window.__drafterSize = message[1];
      return send(data);
    };
    return ws;
  }
  Capturing.prototype = Native.prototype;
  window.WebSocket = Capturing;
})();
"""

TOKEN = re.compile(
    r"\x1b\[(\d+);(\d+)H|\x1b\[[0-9;:?<>=]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b.|(.)", re.S
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def cell_width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def cells(stream: str) -> Iterator[tuple[int, int, str]]:
    """(row, column, character) for each character drawn, 0-based, in drawing order."""
    row = col = 0
    for match in TOKEN.finditer(stream):
        if match.group(1):
            row, col = int(match.group(1)) - 1, int(match.group(2)) - 1
        elif (char := match.group(3)) is not None:
            if char in "\r\n":
                continue
            yield row, col, char
            col += cell_width(char)


def screen_grid(stream: str, rows: int, cols: int) -> list[list[str]]:
    """The screen as the stream left it (Textual redraws by cursor moves and text only);
    the cell after a wide character holds ""."""
    grid = [[" "] * cols for _ in range(rows)]
    for row, col, char in cells(stream):
        if row < rows and col < cols:
            grid[row][col] = char
            if cell_width(char) == 2 and col + 1 < cols:
                grid[row][col + 1] = ""
    return grid


class TerminalLog:
    """What the server sent one page: wait for text, find where it is, click it."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.mark = 0

    def stream(self) -> str:
        return str(self.page.evaluate("window.__drafterLog.join('')"))

    def text(self, since: int = 0) -> str:
        """The characters drawn (escape sequences removed) since an offset of the stream."""
        return "".join(c for _, _, c in cells(self.stream()[since:]))

    def grid(self) -> list[list[str]]:
        size = self.page.evaluate("window.__drafterSize")
        return screen_grid(self.stream(), size["height"], size["width"])

    def screen(self) -> str:
        """The screen as drawn so far, one line per row."""
        return "\n".join("".join(line).rstrip() for line in self.grid())

    def checkpoint(self) -> None:
        """Later waits look only at what is drawn from now on."""
        self.mark = len(self.stream())

    def wait_for(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until one of the texts is drawn after the checkpoint; return it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            drawn = self.text(self.mark)
            for text in texts:
                if text in drawn:
                    return text
            self.page.wait_for_timeout(100)
        raise AssertionError(f"not drawn within {timeout:.0f} s: {texts}\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = WAIT) -> None:
        """Wait until the text is no longer on the screen (a dialog has closed)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text not in self.screen().replace("\n", ""):
                return
            self.page.wait_for_timeout(100)
        raise AssertionError(f"still on the screen after {timeout:.0f} s: {text}")

    def where(self, text: str) -> tuple[int, int]:
        """(row, column) of the text on the screen now, the topmost if it is there twice."""
        for row, line in enumerate(self.grid()):
            drawn = [(col, char) for col, char in enumerate(line) if char]
            index = "".join(char for _, char in drawn).find(text)
            if index >= 0:
                return row, drawn[index][0]
        raise AssertionError(f"{text!r} is not on the screen:\n{self.screen()}")

    def click(self, text: str) -> None:
        """Click the middle of the first character of the text, as a user would."""
        row, col = self.where(text)
        size = self.page.evaluate("window.__drafterSize")
        box = self.page.locator(".xterm-screen").bounding_box()
        width, height = box["width"] / size["width"], box["height"] / size["height"]
        x = box["x"] + (col + cell_width(text[0]) / 2) * width
        y = box["y"] + (row + 0.5) * height
        self.page.mouse.click(x, y)


def compose(page: Any, text: str) -> None:
    """Type text through the input method path: a composition, then its commit."""
    cdp = page.context.new_cdp_session(page)
    half = text[: max(1, len(text) // 2)]
    cdp.send(
        "Input.imeSetComposition",
        {"text": half, "selectionStart": len(half), "selectionEnd": len(half)},
    )
    cdp.send("Input.insertText", {"text": text})
    cdp.detach()


class Server:
    """`drafter serve` in its own process group, killed (with its tabs) at the end."""

    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = home / "serve.log"
        env = dict(os.environ, DRAFTER_HOME=str(home), **(env or {}))
        with self.log.open("w") as out:  # a file, not a pipe: a full pipe would stall it
            self.process = subprocess.Popen(
                [sys.executable, "-m", "drafter", "serve", "--port", str(self.port), *args],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = WAIT) -> str:
        """The line the server prints once it listens."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if "向导地址" in (out := self.output()):
                socket.create_connection(("127.0.0.1", self.port), 5).close()
                return out
            assert self.process.poll() is None, f"drafter serve ended: {out}"
            time.sleep(0.1)
        raise AssertionError(f"drafter serve not ready within {timeout:.0f} s: {self.output()}")

    def stop(self) -> str:
        """Stop the server (its tabs save and quit), kill whatever is left; its output."""
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(5)
        return self.output()

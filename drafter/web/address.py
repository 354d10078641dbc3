"""Where `drafter serve` listens: the socket is opened first, before the server's imports.

Opening the port before importing aiohttp (about half a second) lets a busy port fail at
once and lets the browser start while the server is still loading: its first request
waits in the socket's queue until the server takes it.
"""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def is_local(host: str) -> bool:
    """True for an address only this machine can reach (no warning needed)."""
    return host in LOCAL_HOSTS or host.startswith("127.")


def page_url(host: str, port: int) -> str:
    """The address to open: IPv6 hosts in brackets, a wildcard host as localhost."""
    shown = "localhost" if host in ("0.0.0.0", "::", "") else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"


def trusted(bound: str, host: str, origin: str | None) -> bool:
    """Whether a request may drive a wizard: it comes from drafter's own page.

    A browser lets any web page open a websocket to 127.0.0.1, so a page's Origin must be
    this server; and on a local address the Host must name this machine, so a site whose
    name was pointed at 127.0.0.1 (DNS rebinding) is refused too. Programs that send no
    Origin are let in: they are on this machine, or --host let them in.
    """
    host = host.lower()
    name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
    if is_local(bound) and not is_local(name):
        return False
    return origin is None or urlsplit(origin.lower()).netloc == host


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port. Raises OSError (busy port, unknown address)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock

"""`drafter serve`: the wizard in a browser tab, for colleagues who never open a terminal.

Each tab runs its own wizard process on this user's drafts and banks. There are no accounts:
whoever can reach the address can read and write the drafts, so the server listens on this
machine only unless --host says otherwise (and then it warns).
"""

from __future__ import annotations

import os
import socket
import threading
import webbrowser
from pathlib import Path

import click

from drafter.cli import fail
from drafter.cli.options import wizard_banks_option
from drafter.cli.wizard import check_inputs


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; any other than this machine's lets others in (no accounts).",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: a free one).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the wizard in the browser.")
@wizard_banks_option
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, open_browser: bool, banks: tuple[str, ...]
) -> None:
    """Serve the wizard to a web browser: each tab is a wizard on your drafts (ctrl+c stops)."""
    # `drafter --bank B serve` too: the wizard's --bank, given before the command.
    outer = ctx.parent.params.get("banks", ()) if ctx.parent else ()
    bank_paths = [Path(b).expanduser().resolve() for b in (*outer, *banks)]
    check_inputs(None, bank_paths)
    from drafter.core.files import locations
    from drafter.web import is_local, listen, page_url, serve, wizard_command

    try:
        sock = listen(host, port)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {_reason(exc)}")
    url = page_url(host, sock.getsockname()[1])  # --port 0: the port the system chose

    def ready() -> None:
        if not is_local(host):
            click.echo(
                f"drafter: warning: listening on {host}: anyone who can reach this address "
                "can read and write your drafts (drafter has no accounts or passwords)",
                err=True,
            )
        click.echo(f"drafter: the wizard is at {url} (drafts in {locations.drafts_dir()})")
        click.echo("drafter: ctrl+c stops the server")
        if open_browser:
            # A text-mode browser would block here: open it beside the server.
            threading.Thread(target=_open, args=(url,), daemon=True).start()

    serve(sock, wizard_command(bank_paths), ready)


def _reason(exc: OSError) -> str:
    """ "address already in use", not aiohttp's sentence around it."""
    if isinstance(exc, socket.gaierror) or not exc.errno or exc.errno < 0:
        return exc.strerror or str(exc)
    return os.strerror(exc.errno).lower()


def _open(url: str) -> None:
    if not webbrowser.open(url):
        click.echo(f"drafter: no browser found: open {url} yourself", err=True)

"""`drafter serve`: the wizard in a browser tab, for colleagues who never open a terminal.

Each tab runs its own wizard process on this user's drafts and banks. There are no accounts:
whoever can reach the address can read and write the drafts, so the server listens on this
machine only unless --host says otherwise (and then it warns).
"""

from __future__ import annotations

import socket
import threading
import webbrowser
from pathlib import Path

import click

from drafter.cli.failure import fail
from drafter.cli.options import wizard_banks_option
from drafter.cli.usage import Command
from drafter.cli.wizard import check_inputs
from drafter.core.errors import os_reason


@click.command(cls=Command)
@click.option(
    "--host",
    default="127.0.0.1",
    help="监听的地址（默认 127.0.0.1，只限本机）；写别的地址，别人也能进来（不设账号）",
)
@click.option(
    "--port",
    default=8765,
    type=click.IntRange(0, 65535),
    help="监听的端口（默认 8765；写 0 则任选一个空闲端口）",
)
@click.option("--open", "open_browser", is_flag=True, help="在浏览器中打开向导")
@wizard_banks_option
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, open_browser: bool, banks: tuple[str, ...]
) -> None:
    """在浏览器中使用向导：每个标签页都是一个向导，编辑您的草稿（按 ctrl+c 停止）。"""
    # `drafter --bank B serve` too: the wizard's --bank, given before the command.
    outer = ctx.parent.params.get("banks", ()) if ctx.parent else ()
    bank_paths = [Path(b).expanduser().resolve() for b in (*outer, *banks)]
    check_inputs(None, bank_paths)
    from drafter.core.files import locations
    from drafter.web import is_local, listen, page_url, serve, wizard_command

    try:
        sock = listen(host, port)
    except OSError as exc:
        fail(f"无法在 {host}:{port} 上监听：{_reason(exc)}")
    url = page_url(host, sock.getsockname()[1])  # --port 0: the port the system chose

    def ready() -> None:
        if not is_local(host):
            click.echo(
                f"drafter：提醒：正在 {host} 上监听，能访问这个地址的人都能读写您的草稿"
                "（drafter 不设账号和密码）",
                err=True,
            )
        click.echo(f"drafter：向导地址 {url}（草稿存在 {locations.drafts_dir()}）")
        click.echo("drafter：按 ctrl+c 停止服务")
        if open_browser:
            # A text-mode browser would block here: open it beside the server.
            threading.Thread(target=_open, args=(url,), daemon=True).start()

    serve(sock, wizard_command(bank_paths), ready)


def _reason(exc: OSError) -> str:
    """ "端口已被占用", not aiohttp's sentence around it."""
    if isinstance(exc, socket.gaierror):
        return "找不到这个地址"
    if not exc.errno or exc.errno < 0:
        return exc.strerror or str(exc)
    return os_reason(exc)


def _open(url: str) -> None:
    if not webbrowser.open(url):
        click.echo(f"drafter：没有找到浏览器，请自己打开 {url}", err=True)

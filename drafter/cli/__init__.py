"""The `drafter` command: thin wrappers that parse arguments, call the core and print.

Subcommands live one module each and are imported only when used, so `drafter --help`
stays fast. Every DrafterError becomes one line on stderr and exit status 2.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from drafter import __version__
from drafter.core.errors import DrafterError

# name → "module:attribute", imported on first use.
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("drafter.cli.new:new", "Write a starter draft or a whole report skeleton."),
    "build": ("drafter.cli.build:build", "Turn a draft into .docx, .md or .txt."),
    "templates": ("drafter.cli.build:templates", "List the report kinds."),
    "edit": ("drafter.cli.wizard:edit", "Open a draft in the wizard."),
    "bank": ("drafter.cli.bank:bank", "Check and inspect phrasebanks."),
    "search": ("drafter.cli.search:search", "Search the phrasebank."),
    "lint": ("drafter.cli.lint:lint", "Review a draft or a Word/WPS report, as a reviewer would."),
    "check": ("drafter.cli.check:check", "Check a Word file against GB/T 9704-2012."),
    "harvest": ("drafter.cli.harvest:harvest", "Grow a user phrasebank from past reports."),
    "serve": ("drafter.cli.serve:serve", "Serve the wizard to a web browser."),
}


def fail(message: str, code: int = 2) -> None:
    """Print one error line and exit (a file name's control characters shown escaped)."""
    from drafter.core.text.norm import for_terminal

    shown = for_terminal(message).replace("\n", "\\n")
    click.echo(f"drafter: error: {shown}", err=True)
    sys.exit(code)


class LazyGroup(click.Group):
    """A group whose subcommands are imported when called, and whose errors are one line."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        target, _ = COMMANDS[name]
        module, attr = target.split(":")
        try:
            command: click.Command = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            return None
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table, so `drafter --help` imports no subcommand.
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            sys.exit(0)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug must still end in one line, not a traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} (set DRAFTER_DEBUG=1 for details)", 70
            )


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="drafter")
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=str),
    help="Extra phrasebank folder or file for the wizard (repeatable).",
)
@click.pass_context
def main(ctx: click.Context, banks: tuple[str, ...]) -> None:
    """drafter: write 问题–原因–对策 reports offline, in GB/T 9704 format.

    Without a command, opens the wizard on the built-in phrasebank.
    """
    if ctx.invoked_subcommand is None:
        from drafter.cli.wizard import run_wizard

        run_wizard(None, banks)


__all__ = ["fail", "main"]

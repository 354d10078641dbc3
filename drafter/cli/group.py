"""The `drafter` command group (click): thin wrappers that parse arguments, call the core
and print.

Subcommands live one module each and are imported only when used, so `drafter --help`
stays fast. Every DrafterError, and every usage error click finds, becomes one Chinese
line on stderr and exit status 2.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import Any

import click

from drafter import __version__
from drafter.cli.failure import fail, guarded
from drafter.cli.usage import Group, help_hint, usage_error_line

# name → "module:attribute", imported on first use.
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("drafter.cli.new:new", "新建草稿，或生成整篇报告的提纲"),
    "build": ("drafter.cli.build:build", "把草稿生成 .docx、.md 或 .txt 文件"),
    "templates": ("drafter.cli.build:templates", "列出报告类型"),
    "edit": ("drafter.cli.wizard:edit", "在向导中打开草稿"),
    "bank": ("drafter.cli.bank:bank", "检查、统计短语库"),
    "search": ("drafter.cli.search:search", "在短语库中查找"),
    "lint": ("drafter.cli.lint:lint", "像审稿人那样审读草稿或 Word/WPS 报告"),
    "check": ("drafter.cli.check:check", "按 GB/T 9704-2012 检查 Word 文件格式"),
    "harvest": ("drafter.cli.harvest:harvest", "从以往报告中摘取短语，充实自己的短语库"),
    "serve": ("drafter.cli.serve:serve", "在浏览器中使用向导"),
}


class _NeverRaised(click.ClickException):
    pass


# click ≥ 8.2 raises this for a group called without its command; older click prints help.
_NoArgsIsHelp: type[click.ClickException] = getattr(
    click.exceptions, "NoArgsIsHelpError", _NeverRaised
)


class LazyGroup(Group):
    """A group whose subcommands are imported when called, and whose errors are one line."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """click's main, with its usage errors printed as one Chinese line (exit 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _NoArgsIsHelp as exc:  # `drafter bank` alone: its help, as click shows it
            click.echo(exc.format_message(), err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            fail(usage_error_line(exc) + help_hint(exc), exc.exit_code)
        except click.Abort:
            fail("已取消", 1)
        sys.exit(code if isinstance(code, int) else 0)

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
        with formatter.section("命令"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        return guarded(lambda: super(LazyGroup, self).invoke(ctx), _CLICK_ENDINGS)


_CLICK_ENDINGS = (click.ClickException, click.exceptions.Exit, click.Abort)
"""click's own ways to end a command: it prints and exits for them itself."""


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(
    __version__, prog_name="drafter", message="%(prog)s %(version)s", help="显示版本号并退出"
)
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=str),
    help="向导另用的短语库文件夹或文件（可写多次）",
)
@click.pass_context
def main(ctx: click.Context, banks: tuple[str, ...]) -> None:
    """drafter：离线起草“问题—原因—对策”类报告，按 GB/T 9704 排版。

    不写命令时，打开向导，使用内置短语库。
    """
    if ctx.invoked_subcommand is None:
        from drafter.cli.wizard import run_wizard

        run_wizard(None, banks)


__all__ = ["fail", "main"]

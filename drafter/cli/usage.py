"""click's own words in Chinese: help pages and the line a usage error prints.

click spells its help headings and usage errors in English through the process-wide
gettext domain, which depends on the user's locale and a compiled catalogue. Instead,
every drafter command uses `Command` / `Group` below (a formatter with Chinese headings)
and the top-level group turns each click error into one Chinese line from the
exception's own fields (`usage_error_line`), so nothing depends on the locale.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import click

from drafter.core.text.linebreak import break_lines, cell_width

HELP_TEXT = "显示本说明并退出"

_HEADINGS = {"Options": "选项", "Commands": "命令", "Positional arguments": "参数"}

# click's metavars and help tails, as they appear in the option table and usage line.
_WORDS = [
    (re.compile(r"\bINTEGER RANGE\b"), "整数"),
    (re.compile(r"\bINTEGER\b"), "整数"),
    (re.compile(r"\bTEXT\b"), "文字"),
    (re.compile(r"\bPATH\b"), "路径"),
    (re.compile(r"\bDATETIME\b"), "日期"),
    (re.compile(r"\[OPTIONS\]"), "[选项]"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "命令 [参数]..."),
    (re.compile(r"\[COMMAND\] \[ARGS\]\.\.\."), "[命令] [参数]..."),
    (re.compile(r"\[required\]"), "[必填]"),
    (re.compile(r"\[default: ([^\]]*)\]"), r"[默认 \1]"),
]


def _zh(text: str) -> str:
    for pattern, words in _WORDS:
        text = pattern.sub(words, text)
    return text


def _cells(text: str) -> int:
    return sum(cell_width(c) for c in text)


def _join(lines: list[str]) -> str:
    """A paragraph's source lines as one: no space where a Chinese line runs on."""
    out = ""
    for line in (x.strip() for x in lines):
        wide = out and (cell_width(out[-1]) == 2 or cell_width(line[:1] or " ") == 2)
        out += line if not out or wide else " " + line
    return out


class HelpFormatter(click.HelpFormatter):
    """click's formatter with Chinese headings and metavars, wrapped by terminal cells
    (a Chinese character takes two) with the 避头尾 rules of the wizard."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, _zh(args), "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{_HEADINGS.get(heading, heading)}：\n")

    def _wrapped(self, text: str, indent: int, first: str = "") -> None:
        """`text` from column `indent` (the first line after `first`), wrapped."""
        width = max(self.width - indent, 20)
        lines = [x.strip() for x in break_lines(text, width)] or [""]
        self.write(f"{first}{lines[0]}\n")
        for line in lines[1:]:
            self.write(f"{'':>{indent}}{line}\n")

    def write_text(self, text: str) -> None:
        paragraphs = [p.splitlines() for p in text.split("\n\n")]
        for i, lines in enumerate(paragraphs):
            if i:
                self.write("\n")
            indent = self.current_indent
            self._wrapped(_join(lines), indent, " " * indent)

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(_zh(a), _zh(b)) for a, b in rows]
        first = min(max((_cells(a) for a, _ in rows), default=0), col_max)
        column = self.current_indent + first + col_spacing
        for term, text in rows:
            head = f"{'':>{self.current_indent}}{term}"
            if not text:
                self.write(head + "\n")
                continue
            if _cells(term) <= first:
                head += " " * (first - _cells(term) + col_spacing)
            else:
                self.write(head + "\n")
                head = " " * column
            self._wrapped(_join(text.splitlines()), column, head)


class Context(click.Context):
    formatter_class = HelpFormatter


def _chinese_help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = HELP_TEXT
    return option


class Command(click.Command):
    """A drafter command: Chinese help page (pass as `cls=` to click.command)."""

    context_class = Context

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _chinese_help_option(super().get_help_option(ctx))


class Group(click.Group):
    """A drafter command group: Chinese help page, Chinese "no such command"."""

    context_class = Context
    command_class = Command

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _chinese_help_option(super().get_help_option(ctx))

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if self.get_command(ctx, name) is None and not name.startswith("-"):
            known = "、".join(self.list_commands(ctx))
            raise click.UsageError(f"没有 {name} 这个命令；可用的命令：{known}", ctx)
        return super().resolve_command(ctx, args)


def _name(exc: click.BadParameter) -> str:
    """The option or argument as the user sees it: --format, 草稿 …"""
    if exc.param_hint is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    if exc.param is None:
        return ""
    if isinstance(exc.param, click.Option):
        return " / ".join(exc.param.opts)
    return exc.param.human_readable_name


def _bad_value(exc: click.BadParameter) -> str:
    """Why a value was refused, said from the parameter's type (not click's English)."""
    kind = exc.param.type if exc.param is not None else None
    if isinstance(kind, click.Choice):
        return "只能是 " + "、".join(str(c) for c in kind.choices)
    if isinstance(kind, click.IntRange):
        low = "" if kind.min is None else f"{kind.min}"
        high = "" if kind.max is None else f"{kind.max}"
        if low and high:
            return f"要写 {low} 到 {high} 之间的整数"
        return f"要写不小于 {low} 的整数" if low else f"要写不大于 {high} 的整数"
    if isinstance(kind, click.types.IntParamType):
        return "要写整数"
    if isinstance(kind, click.DateTime):
        return "日期写成 年-月-日，如 2026-11-22"
    return exc.message


_EXTRA = re.compile(r"unexpected extra arguments? \((.*)\)")
_OPTION = re.compile(r"Option '([^']+)' (does not take a value|requires)")


def usage_error_line(exc: click.ClickException) -> str:
    """One Chinese line for a click error, naming the option or argument at fault."""
    if isinstance(exc, click.MissingParameter):
        what = "选项" if isinstance(exc.param, click.Option) else "参数"
        return f"缺少{what} {_name(exc)}"
    if isinstance(exc, click.BadParameter):
        return f"{_name(exc)} 的值不对：{_bad_value(exc)}"
    if isinstance(exc, click.NoSuchOption):
        line = f"没有 {exc.option_name} 这个选项"
        if exc.possibilities:
            line += f"；是不是 {' 或 '.join(exc.possibilities)}？"
        return line
    if isinstance(exc, click.BadOptionUsage):
        match = _OPTION.search(exc.message)
        if match and match.group(2) == "requires":
            return f"选项 {match.group(1)} 后面要写一个值"
        if match:
            return f"选项 {match.group(1)} 不带值"
    extra = _EXTRA.search(exc.message)
    if extra:
        return f"多了参数：{extra.group(1)}"
    return exc.message


def help_hint(exc: click.ClickException) -> str:
    """ "（用 drafter build --help 查看用法）" when the error came from a command."""
    ctx = exc.ctx if isinstance(exc, click.UsageError) else None
    return f"（用 {ctx.command_path} --help 查看用法）" if ctx is not None else ""

"""The jinja2 environment report templates run in: immutable sandbox, bounded in time and size.

Templates are untrusted data (a kind folder may come from anyone). jinja2's sandbox stops
them from reaching Python; this module also stops them from exhausting the machine:

- arithmetic and repetition that would build huge values (`10**(10**9)`, `'x'*10**10`,
  `'%1000000000s'`, `|center(10**9)`) is refused before it is computed;
- rendering stops after RENDER_SECONDS (a trace function on the template's own frames
  checks the clock on each line, so nested loops end too) or MAX_OUTPUT characters;
- template files are read only from inside their folder: a symbolic link is refused
  (it could print any file the user can read into the report).
"""

from __future__ import annotations

import math
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from drafter.core.errors import TemplateError

RENDER_SECONDS = 5.0
"""A report template renders in milliseconds; this much means a runaway loop."""
MAX_OUTPUT = 2_000_000
"""Characters a template may produce (or any one value it may build): a long report is
well under 200,000."""
MAX_DIGITS = 1000
"""Digits an integer a template computes may have."""

_BIG_NUMBER = re.compile(r"\d{7,}")
"""A width or precision in a format string that would pad to millions of characters."""


class RenderLimitError(Exception):
    """A template went over a time or size limit (turned into a TemplateError by kinds)."""


def _too_big(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value.bit_length() > MAX_DIGITS * 3.33 or abs(value) > MAX_OUTPUT * 1000
    if isinstance(value, (str, list, tuple)):
        return len(value) > MAX_OUTPUT
    return False


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call with a count or width argument large enough to exhaust memory."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
            raise SecurityError(f"参数 {value} 太大（上限 {MAX_OUTPUT:,}）")


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The immutable sandbox with arithmetic, calls and format strings bounded."""

    intercepted_binops = frozenset({"*", "**", "+", "%", "//"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters = {name: _bounded(f) for name, f in self.filters.items()}

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "**" and _is_number(left) and _is_number(right):
            if abs(left) > 1 and right > 0 and right * math.log10(abs(left)) > MAX_DIGITS:
                raise SecurityError(f"{left} ** {right} 太大，不予计算")
        elif operator == "*":
            count, seq = (left, right) if isinstance(left, int) else (right, left)
            repeated = isinstance(count, int) and isinstance(seq, (str, list, tuple))
            if repeated and len(seq) * count > MAX_OUTPUT:
                raise SecurityError(f"把一个值重复 {count} 次，结果太大")
        elif operator == "%" and isinstance(left, str) and _BIG_NUMBER.search(left):
            raise SecurityError("格式的宽度或精度太大")
        result = super().call_binop(context, operator, left, right)
        if _too_big(result):
            raise SecurityError(f"{operator} 的结果太大")
        return result

    def call(
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        _check_args(args, kwargs)
        result = super().call(__context, __obj, *args, **kwargs)
        if _too_big(result):
            raise SecurityError("调用返回的值太大")
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and _BIG_NUMBER.search(owner):
            raise SecurityError("格式的宽度或精度太大")
        return super().wrap_str_format(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _bounded(func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge count or width arguments (`|center(10**9)`)."""

    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[1:], kwargs)  # the first argument is the value filtered
        return func(*args, **kwargs)

    for attr in ("jinja_pass_arg", "__name__", "__doc__"):
        if hasattr(func, attr):
            setattr(bounded, attr, getattr(func, attr))
    return bounded


class FolderLoader(jinja2.FileSystemLoader):
    """Template files from the given folders only: a symbolic link, or a path that leads
    out of its folder, is refused before anything is read."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        for root in self.searchpath:
            candidate = Path(root, *pieces)
            if candidate.is_symlink() or (
                candidate.exists()
                and not Path(os.path.realpath(candidate)).is_relative_to(os.path.realpath(root))
            ):
                raise TemplateError(
                    f"模板文件 {template} 是符号链接：模板必须是报告类型文件夹中的普通文件",
                    candidate,
                )
            if candidate.is_file():
                break
        return super().get_source(environment, template)


def render_bounded(template: jinja2.Template, context: dict[str, Any]) -> str:
    """Render within RENDER_SECONDS and MAX_OUTPUT characters; RenderLimitError otherwise."""
    environment = template.environment
    deadline = time.monotonic() + RENDER_SECONDS

    def on_line(frame: FrameType, event: str, arg: Any) -> Any:
        if time.monotonic() > deadline:
            raise RenderLimitError(f"模板生成超过了 {RENDER_SECONDS:g} 秒")
        return on_line

    def on_call(frame: FrameType, event: str, arg: Any) -> Any:
        # Only the template's own compiled code is traced: the rest runs at full speed.
        if frame.f_globals.get("environment") is environment:
            return on_line
        return None

    previous = sys.gettrace()
    sys.settrace(on_call)
    try:
        return _collect(template.generate(context))
    finally:
        sys.settrace(previous)


def _collect(chunks: Iterator[str]) -> str:
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise RenderLimitError(f"模板写出了超过 {MAX_OUTPUT:,} 个字符")
        out.append(chunk)
    return "".join(out)

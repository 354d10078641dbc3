"""Turn pydantic validation errors into one located, readable message."""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BeforeValidator, TypeAdapter, ValidationError

from drafter.core.errors import DrafterError
from drafter.core.files.yamlio import LineMap

M = TypeVar("M")
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: object) -> object:
    """A YAML date (2024-04-01 unquoted) or the same as text; anything else is refused."""
    if isinstance(value, _dt.date):
        value = value.isoformat()
    if not (isinstance(value, str) and _ISO_DATE_RE.match(value)):
        raise ValueError("日期写成 年-月-日，如 2024-04-01")
    _dt.date.fromisoformat(value)  # raises for 2024-02-30
    return value


IsoDate = Annotated[str, BeforeValidator(_iso_date)]
"""A day as YYYY-MM-DD text (entries' and formulas' valid_from / until)."""


def validate(
    adapter: TypeAdapter[M],
    data: Any,
    *,
    path: Path | None,
    lines: LineMap,
    error: type[DrafterError],
    prefix: tuple[str | int, ...] = (),
) -> M:
    """Validate `data`; on failure raise `error` naming the first bad field and its line."""
    try:
        return adapter.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(x for x in first["loc"] if not _is_union_tag(x))
        message = _describe(first, loc)
        if any(_is_union_tag(x) for x in first["loc"]) and first["type"] != "extra_forbidden":
            field = ".".join(str(x) for x in loc)
            message = f"{field}：应写文字，或按说明写成含规定字段的映射"
        raise error(message, path, lines.line((*prefix, *loc))) from exc


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the tried union member ("str", "Enumeration") into the location.
    return isinstance(part, str) and (
        part[:1].isupper() or "[" in part or part in ("str", "int", "float")
    )


# pydantic's error types, as a user would be told (the rest: pydantic's own words).
_KINDS = {
    "string_type": "应写文字",
    "int_type": "应写整数",
    "int_parsing": "应写整数",
    "float_type": "应写数字",
    "float_parsing": "应写数字",
    "bool_type": "应写 true 或 false",
    "bool_parsing": "应写 true 或 false",
    "list_type": "应写成列表（每项以“- ”开头）",
    "dict_type": "应写成“键: 值”的映射",
    "model_type": "应写成“键: 值”的映射",
    "model_attributes_type": "应写成“键: 值”的映射",
    "date_type": "日期写成 年-月-日，如 2026-11-22",
    "date_from_datetime_parsing": "日期写成 年-月-日，如 2026-11-22",
    "too_short": "太短或是空的",
    "string_too_short": "不能是空的",
    "greater_than_equal": "数值太小",
    "less_than_equal": "数值太大",
}


def _describe(err: Any, loc: tuple[Any, ...]) -> str:
    field = ".".join(str(x) for x in loc) or "文件"
    kind = err["type"]
    if kind == "extra_forbidden" or kind == "unexpected_keyword_argument":
        return f"没有 {loc[-1] if loc else field} 这个字段"
    if kind == "missing" or kind == "missing_argument":
        return f"缺少字段 {field}"
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        return f"{field}：只能是 {allowed.replace(' or ', '、').replace(', ', '、')}"
    msg = _KINDS.get(kind) or str(err["msg"]).removeprefix("Value error, ")
    return f"{field}：{msg}" if loc else msg

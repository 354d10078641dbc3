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
        raise ValueError("a date is written YYYY-MM-DD, e.g. 2024-04-01")
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
            message = f"{field}: expected text or a mapping of the documented fields"
        raise error(message, path, lines.line((*prefix, *loc))) from exc


def _is_union_tag(part: Any) -> bool:
    # pydantic puts the tried union member ("str", "Enumeration") into the location.
    return isinstance(part, str) and (
        part[:1].isupper() or "[" in part or part in ("str", "int", "float")
    )


def _describe(err: Any, loc: tuple[Any, ...]) -> str:
    field = ".".join(str(x) for x in loc) or "document"
    kind = err["type"]
    if kind == "extra_forbidden" or kind == "unexpected_keyword_argument":
        return f"unknown field '{loc[-1] if loc else field}'"
    if kind == "missing" or kind == "missing_argument":
        return f"missing field '{field}'"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{field}: {msg}"

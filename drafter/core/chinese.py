"""Traditional → simplified conversion (OpenCC), loaded once and only when first needed."""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters and phrases made simplified; simplified text comes back as is."""
    return str(_converter().convert(text))

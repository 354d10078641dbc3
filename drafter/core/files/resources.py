"""Where the built-in phrasebank and templates live.

The wheel carries them under drafter/_data (hatch force-include); an editable install or a
checkout has them at the repository root. This module is the only place that knows.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drafter.core.errors import DrafterError


@cache
def data_dir(name: str) -> Path:
    """The folder of built-in data `name` ("phrasebank" or "templates")."""
    package = Path(__file__).resolve().parents[2]  # (importlib.resources: 4 ms to import)
    packaged = package / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = package.parent / name
    if checkout.is_dir():
        return checkout
    raise DrafterError(f"安装不完整，缺少内置的 {name}：请重新安装 drafter")


def builtin_bank_dir() -> Path:
    return data_dir("phrasebank")


def builtin_templates_dir() -> Path:
    return data_dir("templates")

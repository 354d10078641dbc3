"""Review checks: what a section chief would send back, found before the report goes up.

`run_checks(draft, kind, bank)` runs the table in `registry.CHECKS`; each finding carries a
code, a severity, its place (section, point path, paragraph), a message and a fix hint.

The names below load on first use: the config file reads `checks.settings` at every start,
and importing the whole table (every check and its word lists) would cost that start a
noticeable fraction of a second.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafter.core.checks.base import SEVERITIES, Check, Finding, Limits, Severity, place_label
    from drafter.core.checks.matrix import Answer, AnswerMatrix, PointRef, answer_matrix
    from drafter.core.checks.registry import BY_CODE, CHECKS, run_checks, yaml_path

_HOMES = {
    "SEVERITIES": "base",
    "Check": "base",
    "Finding": "base",
    "Limits": "base",
    "Severity": "base",
    "place_label": "base",
    "Answer": "matrix",
    "AnswerMatrix": "matrix",
    "PointRef": "matrix",
    "answer_matrix": "matrix",
    "BY_CODE": "registry",
    "CHECKS": "registry",
    "run_checks": "registry",
    "yaml_path": "registry",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BY_CODE",
    "CHECKS",
    "SEVERITIES",
    "Answer",
    "AnswerMatrix",
    "Check",
    "Finding",
    "Limits",
    "PointRef",
    "Severity",
    "answer_matrix",
    "place_label",
    "run_checks",
    "yaml_path",
]

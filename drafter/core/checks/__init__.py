"""Review checks: what a section chief would send back, found before the report goes up.

`run_checks(draft, kind, bank)` runs the table in `registry.CHECKS`; each finding carries a
code, a severity, its place (section, point path, paragraph), a message and a fix hint.
"""

from drafter.core.checks.base import SEVERITIES, Check, Finding, Limits, Severity, place_label
from drafter.core.checks.matrix import Answer, AnswerMatrix, PointRef, answer_matrix
from drafter.core.checks.registry import BY_CODE, CHECKS, run_checks, yaml_path

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

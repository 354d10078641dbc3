"""What a user may change about the checks: turn some off, change a severity, move a limit
(the `checks:` mapping of config.yaml), and what a draft silences (`lint: {ignore: …}`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from drafter.core.checks.base import SEVERITIES, Finding, Limits, Severity


@dataclass(frozen=True)
class CheckSettings:
    """The user's changes to the check table; the defaults change nothing."""

    disable: frozenset[str] = frozenset()
    """Codes of checks that do not run (`disable`, not `off`: YAML reads off as false)."""
    severity: Mapping[str, Severity] = field(default_factory=dict)
    """Code → severity, overriding the table (and its per-kind severities)."""
    limits: Limits = field(default_factory=Limits)


def parse_settings(data: Any, known: Iterable[str]) -> CheckSettings:
    """Settings from the `checks:` mapping; ValueError says which key is wrong.

    ```yaml
    checks:
      disable: [R002]
      severity: {B002: info, A001: error}
      sentence_chars: 120        # any field of Limits
    ```
    """
    if data is None:
        return CheckSettings()
    if not isinstance(data, dict):
        raise ValueError("checks：应写成含 disable、severity 或某项限值的映射")
    codes = set(known)
    limit_names = {f.name for f in dataclasses.fields(Limits)}
    disable = data.get("disable", [])
    if not isinstance(disable, list) or not all(c in codes for c in disable):
        raise ValueError(f"checks.disable：应写检查代号的列表（{_some(codes)}）")
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ValueError("checks.severity：应写成“代号: error|warning|info”的映射")
    for code, value in severity.items():
        if code not in codes or value not in SEVERITIES:
            raise ValueError(f"checks.severity.{code}：应写检查代号和 error|warning|info")
    limits: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("disable", "severity"):
            continue
        if isinstance(key, bool):  # off: / no: / yes: read as booleans
            raise ValueError(
                f"checks.{str(key).lower()}：没有这项设置（关掉检查请写 disable: [代号]）"
            )
        if key not in limit_names:
            names = ", ".join(["disable", "severity", *sorted(limit_names)])
            raise ValueError(f"checks.{key}：没有这项设置（可用：{names}）")
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise ValueError(f"checks.{key}：应写数字")
        limits[key] = value
    return CheckSettings(frozenset(disable), dict(severity), Limits(**limits))


def _some(codes: set[str]) -> str:
    return "、".join(sorted(codes)[:4]) + "…"


def ignored(finding: Finding, entries: Iterable[str]) -> bool:
    """Whether a draft's `lint.ignore` entries silence a finding.

    An entry is a code (L005: everywhere) or CODE@place, where place is as Finding.place
    spells it: a section (problem), a point in it (problem.2), a sub-point (problem.2.1), a
    paragraph (problem.2#3) or the title (title). A place covers everything inside it.
    """
    place = finding.place
    for entry in entries:
        code, _, where = entry.partition("@")
        if code != finding.code:
            continue
        if not where or place == where or place.startswith((where + ".", where + "#")):
            return True
    return False

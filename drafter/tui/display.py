"""How the wizard writes paths and times for people: ~ for the home folder, short dates."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path


def tilde(path: Path) -> str:
    """A path with the home folder written as ~ (shorter, and the same on every machine)."""
    try:
        return "~/" + str(Path(path).resolve().relative_to(Path.home().resolve()))
    except (ValueError, RuntimeError, OSError):
        return str(path)


def changed_label(when: _dt.datetime, today: _dt.date) -> str:
    """A last-change time as people say it: 今天 14:03, 昨天 09:10, 11-02 16:40, 2025-11-02."""
    if when.date() == today:
        return f"今天 {when:%H:%M}"
    if when.date() == today - _dt.timedelta(days=1):
        return f"昨天 {when:%H:%M}"
    if when.year == today.year:
        return f"{when:%m-%d %H:%M}"
    return f"{when:%Y-%m-%d}"

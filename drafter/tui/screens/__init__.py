"""The wizard's screens and dialogs.

Names are re-exported lazily (PEP 562): importing one screen does not load the others, so
the start screen paints before the wizard (and the draft model it needs) is imported.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "ConfirmDialog": "dialogs",
    "ExportDialog": "dialogs",
    "SlotValuesDialog": "dialogs",
    "HelpScreen": "help",
    "ReviewStep": "review",
    "StartScreen": "start",
    "WizardScreen": "wizard",
}
__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)

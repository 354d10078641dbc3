"""Widgets of the wizard: they show values and post messages, and hold no draft."""

from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.outline_row import OutlineRow
from drafter.tui.widgets.phrase_panel import Filters, PhrasePanel, ResultRow
from drafter.tui.widgets.step_indicator import StepIndicator

__all__ = ["Filters", "OutlineEditor", "OutlineRow", "PhrasePanel", "ResultRow", "StepIndicator"]

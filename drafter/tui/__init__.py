"""The Textual wizard. Import it only where a terminal UI is wanted (never from drafter.core)."""

from drafter.tui.app import DrafterApp, make_app

__all__ = ["DrafterApp", "make_app"]

"""The wizard in a browser tab (`drafter serve`): textual-serve runs one wizard per tab.

Kept apart from drafter.tui so the server process never imports Textual itself: each tab's
wizard is its own `drafter` process, started by the server.
"""

from drafter.web.server import WizardServer, is_local, wizard_command

__all__ = ["WizardServer", "is_local", "wizard_command"]

"""The wizard in a browser tab (`drafter serve`): textual-serve runs one wizard per tab.

Kept apart from drafter.tui: the server process never imports Textual (each tab's wizard
is its own `drafter` process), and nothing here imports aiohttp until the port is open and
the browser is on its way (drafter.web.server is imported last, by `serve`).
"""

from drafter.web.address import is_local, listen, page_url
from drafter.web.serve import serve, wizard_command

__all__ = ["is_local", "listen", "page_url", "serve", "wizard_command"]

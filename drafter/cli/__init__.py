"""The `drafter` command line: the group of commands is `group.main` (click), one module
a command beside it.
"""

from __future__ import annotations

import sys


def run() -> None:
    """What the installed `drafter` and `python -m drafter` start: the plainest `drafter
    search` calls go through the quick lane (lane.py), everything else to click."""
    if sys.argv[1:2] == ["search"]:
        from drafter.cli.lane import quick_search

        quick_search(sys.argv[2:])  # returns only when click must read the call
    from drafter.cli.group import main

    main()

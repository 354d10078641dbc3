"""The `drafter` command line: `main` is the group of commands (group.py, click).

`run` is what the installed `drafter` and `python -m drafter` start: the plainest
`drafter search` goes through the quick lane (lane.py), everything else to click.
"""

from __future__ import annotations

import sys


def run() -> None:
    if sys.argv[1:2] == ["search"]:
        from drafter.cli.lane import quick_search

        if quick_search(sys.argv[2:]):
            return
    from drafter.cli.group import main

    main()

"""The quick lane: `drafter search WORDS [--bank PATH]... [--limit N] [--json]` without
importing click.

Such a call is what scripts and editors run again and again, and click's import is about a
third of it. The lane reads only those forms, exactly as the click command reads them;
anything else (another option, a value it would have to check, --help) is left to click,
which reads and reports it in full. What is searched and printed is lookup.py's, as from
the click command.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

_FLAGS = {"--json"}
_VALUED = {"--bank", "--limit"}
_EXPANDED = sys.platform == "win32"


def quick_search(args: Sequence[str]) -> None:
    """Run `drafter search ARGS` and end the process, if the lane reads every argument;
    otherwise return, for click to read them."""
    read = _read(args)
    if read is None:
        return
    words, banks, limit, as_json = read
    # The process lives for one search and ends below without tearing down: collecting
    # cycles would only cost (~25 passes over the young objects of the imports, ~4 ms).
    gc.disable()
    if banks:  # the store's checksum (tens of MB for a large bank) runs as modules load
        from drafter.core.bank.storekey import named, open_ahead

        open_ahead(named(banks))
    from drafter.cli.failure import guarded
    from drafter.cli.lookup import search_and_print
    from drafter.core.search.filters import FILTER_NAMES

    chosen = dict.fromkeys(FILTER_NAMES)
    guarded(lambda: search_and_print(words, banks, chosen, None, False, limit, as_json))
    # All is printed and flushed, and any file written is closed: the interpreter's
    # teardown (freeing the index and every module, ~10 ms of a 90 ms search) is skipped.
    sys.stderr.flush()
    os._exit(0)


def _read(args: Sequence[str]) -> tuple[list[str], list[Path], int, bool] | None:
    words: list[str] = []
    banks: list[Path] = []
    limit, as_json = 20, False
    at = 0
    while at < len(args):
        arg = args[at]
        if _EXPANDED and any(c in arg for c in "*?[~$%"):
            return None  # click expands globs, ~ and variables on Windows
        if not arg.startswith("-") or arg == "-":
            words.append(arg)
        elif arg in _FLAGS:
            as_json = True
        elif arg in _VALUED and at + 1 < len(args) and not args[at + 1].startswith("-"):
            value = args[at + 1]
            at += 1
            if arg == "--bank" and value:
                banks.append(Path(value))
            elif arg == "--limit" and value.isascii() and value.isdigit() and int(value) >= 1:
                limit = int(value)
            else:
                return None
        else:
            return None
        at += 1
    return words, banks, limit, as_json

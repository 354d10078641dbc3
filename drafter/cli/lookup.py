"""What `drafter search` does once its arguments are read: search the banks and print.

Free of click, so both ways in — the click command (search.py) and the quick lane for the
plainest calls (lane.py) — print the same, through this one module.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from drafter.core.bank.loading import load_banks
from drafter.core.search.engine import Hit, SearchEngine, SearchFilters
from drafter.core.text.terminal import for_terminal

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def search_and_print(
    words: Sequence[str],
    banks: Sequence[Path],
    chosen: Mapping[str, str | None],
    day: str | None,
    all_dates: bool,
    limit: int,
    as_json: bool,
) -> None:
    """Search the given banks (or the built-in and the user's) and print the hits."""
    query = " ".join(words)
    bank = load_banks(banks, builtin=False, user=False) if banks else load_banks()
    engine = SearchEngine.for_bank(bank)
    filters = SearchFilters(**chosen, date=None if all_dates else day or time.strftime("%Y-%m-%d"))
    hits = engine.search(query, filters=filters, limit=limit)
    if as_json:
        _print(json.dumps([_as_dict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        sys.stderr.write("没有找到相符的短语\n")
        return
    bold = sys.stdout.isatty()
    lines = []
    for hit in hits:
        entry = hit.entry
        label = entry.section_label or "-"
        shown = f"{for_terminal(entry.id)}  {for_terminal(label)}"
        lines.append(f"{hit.score:.2f}  {shown}  {marked(entry.text, hit.spans, bold)}")
    _print("\n".join(lines))


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()  # a closed pipe shows here, where the caller ends quietly


def marked(text: str, spans: tuple[tuple[int, int], ...], bold: bool = False) -> str:
    """The text with its matched spans in 【】 (or in bold on a terminal); control
    characters in the text are shown escaped, never sent to the terminal."""
    left, right = (_BOLD, _RESET) if bold else ("【", "】")
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += [for_terminal(text[last:start]), left, for_terminal(text[start:end]), right]
        last = end
    out.append(for_terminal(text[last:]))
    return "".join(out)


def _as_dict(hit: Hit) -> dict[str, object]:
    e = hit.entry
    return {
        "id": e.id,
        "text": e.text,
        "section": e.section,
        "topics": list(e.topics),
        "scenes": list(e.scenes),
        "kind": e.kind,
        "bank": e.bank,
        "valid_from": e.valid_from,
        "until": e.until,
        "score": hit.score,
        "spans": [list(span) for span in hit.spans],
    }

"""`drafter search`: find phrases by characters, pinyin or initials."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from drafter.core.bank.loading import load_banks
from drafter.core.search.engine import Hit, SearchEngine, SearchFilters
from drafter.core.search.filters import FILTERS
from drafter.core.text.norm import for_terminal

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"
F = TypeVar("F", bound=Callable[..., Any])


def filter_options(command: F) -> F:
    """One option per row of the filter table (searchfilters.FILTERS)."""
    for spec in reversed(FILTERS):
        kind = click.Choice(list(spec.choices())) if spec.closed and spec.choices else None
        command = click.option(spec.option, spec.name, type=kind, help=spec.help)(command)
    return command


@click.command()
@click.argument("words", nargs=-1)
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Search only this phrasebank folder, YAML file or .txt file (one phrase a line); "
    "repeatable. Default: the built-in and user banks.",
)
@filter_options
@click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    help="Offer entries valid on this day (a campaign's dates, a meeting's); default today.",
)
@click.option("--all-dates", is_flag=True, help="Keep entries outside their valid_from/until.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def search(
    words: tuple[str, ...],
    banks: tuple[Path, ...],
    day: str | None,
    all_dates: bool,
    limit: int,
    as_json: bool,
    **chosen: str | None,
) -> None:
    """Search the phrasebank for WORDS: characters, pinyin (dangyuan) or initials (dyjy).

    Several keywords (one argument or several: 党员 教育) may come in any order;
    traditional characters, typos and half-width punctuation are all understood. Without
    WORDS, lists the bank.
    """
    query = " ".join(words)
    bank = load_banks(banks, builtin=False, user=False) if banks else load_banks()
    engine = SearchEngine.for_bank(bank)
    filters = SearchFilters(
        **{spec.name: chosen.get(spec.name) for spec in FILTERS},
        date=None if all_dates else day or date.today().isoformat(),
    )
    hits = engine.search(query, filters=filters, limit=limit)
    if as_json:
        click.echo(json.dumps([_as_dict(h) for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo("no matching phrases", err=True)
        return
    bold = sys.stdout.isatty()
    for hit in hits:
        entry = hit.entry
        label = entry.section_label or "-"
        shown = f"{for_terminal(entry.id)}  {for_terminal(label)}"
        click.echo(f"{hit.score:.2f}  {shown}  {marked(entry.text, hit.spans, bold)}")


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

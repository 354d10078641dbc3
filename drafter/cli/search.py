"""`drafter search`: find phrases by characters, pinyin or initials."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click

from drafter.cli.usage import Command
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


@click.command(cls=Command)
@click.argument("words", metavar="[关键词]...", nargs=-1)
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path),
    help="只在这个短语库文件夹、YAML 文件或 .txt 文件（一行一条）中查找，可写多次；"
    "默认查内置短语库和自己的短语库",
)
@filter_options
@click.option(
    "--date",
    "day",
    metavar="年-月-日",
    help="只列这一天有效的条目（如某次专题教育、某次会议的日子），默认今天",
)
@click.option("--all-dates", is_flag=True, help="也列不在 valid_from/until 有效期内的条目")
@click.option("--limit", default=20, type=click.IntRange(min=1), help="最多列出几条（默认 20）")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 列表输出")
def search(
    words: tuple[str, ...],
    banks: tuple[Path, ...],
    day: str | None,
    all_dates: bool,
    limit: int,
    as_json: bool,
    **chosen: str | None,
) -> None:
    """在短语库中查找关键词：汉字、拼音（dangyuan）或首字母（dyjy）都可以。

    几个关键词（写在一起或分开写：党员 教育）不分先后；繁体字、错别字、半角标点也能认出。
    不写关键词时，列出短语库。
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
        click.echo("没有找到相符的短语", err=True)
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

"""`drafter search`: find phrases by characters, pinyin or initials."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from drafter.cli.lookup import search_and_print
from drafter.cli.usage import Command
from drafter.core.search.filters import FILTERS

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
    search_and_print(words, banks, chosen, day, all_dates, limit, as_json)

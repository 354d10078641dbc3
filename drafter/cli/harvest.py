"""`drafter harvest PATH… -o BANK_DIR`: grow a user phrasebank from past reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.cli.usage import Command
from drafter.core.files import locations
from drafter.core.harvest import harvest as run_harvest
from drafter.core.text.terminal import for_terminal
from drafter.core.vocab import SCENES


@click.command(cls=Command)
@click.argument(
    "paths", metavar="路径...", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="写入哪个短语库文件夹（没有就新建）",
)
@click.option("--scene", type=click.Choice(SCENES), help="所有条目的场景（默认 通用）")
@click.option(
    "--keywords",
    type=click.Path(path_type=Path),
    help="改用这个主题关键词表（YAML），不用内置的",
)
@click.option(
    "--restore",
    is_flag=True,
    help="经“伪原创”工具改写过的条目，写入还原后的文字（条目中注明）",
)
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出汇总")
def harvest(
    paths: tuple[Path, ...],
    out_dir: Path,
    scene: str | None,
    keywords: Path | None,
    restore: bool,
    as_json: bool,
) -> None:
    """从 .docx、.txt、.md 文件和文件夹中摘取短语（装有 LibreOffice 时也读 .doc/.wps）。

    读到了文件时退出码为 0，一个也读不了时为 1，参数或输出位置有误时为 2。
    """
    report = run_harvest(list(paths), out_dir, scene=scene, keywords=keywords, restore=restore)
    if report.phrases:
        from drafter.core.bank.store import prepare

        prepare()  # the bank store is written now, not on the next start
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(for_terminal(report.text()))  # file names may hold escape sequences
        if report.phrases:
            click.echo(
                f"接着：审看这些条目，用 drafter bank check {out_dir} 检查，"
                f"再把文件夹复制到 {locations.user_banks_dir()} 即可使用"
            )
    if report.read == 0:
        sys.exit(1)

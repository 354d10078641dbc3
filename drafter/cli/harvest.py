"""`drafter harvest PATH… -o BANK_DIR`: grow a user phrasebank from past reports."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.core.files import locations
from drafter.core.harvest import harvest as run_harvest
from drafter.core.text.norm import for_terminal
from drafter.core.vocab import SCENES


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out_dir",
    required=True,
    type=click.Path(path_type=Path),
    help="Bank folder to write into (created if missing).",
)
@click.option("--scene", type=click.Choice(SCENES), help="Scene of every entry (default 通用).")
@click.option(
    "--keywords",
    type=click.Path(path_type=Path),
    help="Topic keyword map (YAML) to use instead of the built-in one.",
)
@click.option(
    "--restore",
    is_flag=True,
    help="Write the restored text of entries reworded by a 伪原创 tool (noted in each entry).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def harvest(
    paths: tuple[Path, ...],
    out_dir: Path,
    scene: str | None,
    keywords: Path | None,
    restore: bool,
    as_json: bool,
) -> None:
    """Harvest .docx, .txt, .md (and .doc/.wps with LibreOffice) files and folders.

    Exit 0 when files were read, 1 when none could be, 2 on bad arguments or output.
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
                f"next: review the entries, check them with `drafter bank check {out_dir}`, "
                f"then copy the folder into {locations.user_banks_dir()} to use it"
            )
    if report.read == 0:
        sys.exit(1)

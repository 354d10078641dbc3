"""`drafter check FILE.docx`: GB/T 9704 conformance of a Word file, drafter's or anyone's.

Prints one line per fault (or `ok`); `--render` also prints through LibreOffice and
measures the pages. Exit status: 0 conforming, 1 faults found, 2 the file cannot be read
or rendering is not possible here (one line from the group).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument(
    "paths", metavar="FILE.docx", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--render", is_flag=True, help="Also render with LibreOffice and measure the pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def check(paths: tuple[Path, ...], render: bool, as_json: bool) -> None:
    """Check Word files against GB/T 9704-2012 (page, grid, fonts, headings, ending)."""
    from drafter.writers.check import CheckError, check_files

    for path in paths:
        if path.is_dir():
            raise CheckError("is a folder, not a .docx file", path)
        if not path.is_file():
            raise CheckError("no such file", path)
    reports = check_files(list(paths), render=render)
    if as_json:
        data = [r.as_dict() for r in reports]
        click.echo(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            pages = f" ({report.pages} pages)" if report.pages is not None else ""
            if report.ok:
                click.echo(f"{report.path}: ok{pages}")
            for fault in report.faults():
                click.echo(f"{report.path}: {fault}")
    sys.exit(0 if all(r.ok for r in reports) else 1)

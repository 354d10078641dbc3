"""`drafter bank check` and `drafter bank stats`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.core.bank.check import check_paths, stats
from drafter.core.bank.loading import load_banks
from drafter.core.files.resources import builtin_bank_dir
from drafter.core.vocab import ASPECTS, PERSONS, SECTIONS, TOPICS


@click.group()
def bank() -> None:
    """Check and inspect phrasebanks."""


@bank.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """Validate banks (default: the built-in one and its 提法 table).

    Exit 1 on errors (warnings are printed, the check passes), 2 if unreadable.
    """
    findings = check_paths(list(paths) or [builtin_bank_dir()])
    for finding in findings:
        click.echo(str(finding))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        click.echo(f"{len(errors)} finding(s)", err=True)
        sys.exit(1)
    warnings = len(findings) - len(errors)
    click.echo(f"ok: {warnings} warning(s)" if warnings else "ok: no findings")


@bank.command(name="stats")
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra bank to merge (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def stats_command(banks: tuple[Path, ...], as_json: bool) -> None:
    """Coverage of the merged bank: sections × topics, scenes, link rate."""
    data = stats(load_banks(banks))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    short = {t: label.split("（")[0][:4] for t, label in TOPICS.items()}
    click.echo(f"{'':<8}" + "".join(f"{short[t]:\u3000<5}" for t in TOPICS) + "合计")
    for section, label in SECTIONS.items():
        row = data["matrix"][section]
        cells = "".join(f"{row[t]:>3}/{data['headings'][section][t]:<2}\u3000" for t in TOPICS)
        click.echo(f"{label[:4]:\u3000<4}{cells}{data['sections'][section]}")
    click.echo("(cells: entries/headings)")
    scenes = "  ".join(f"{k} {v}" for k, v in data["scenes"].items())
    click.echo(f"scenes: {scenes}")
    click.echo(
        f"entries: {data['entries']}; problems linked to a cause and a countermeasure: "
        f"{data['problems_linked']}/{data['problems']} ({data['link_rate']:.0%})"
    )
    dated = data["dated"]
    until = "  ".join(f"{year} {n}" for year, n in dated["until"].items()) or "-"
    begins = "  ".join(f"{year} {n}" for year, n in dated["valid_from"].items()) or "-"
    click.echo(
        f"dated entries: {dated['entries']} ({dated['current_today']} on offer today); "
        f"expire by year: {until}; no end: {dated['open_ended']}; start by year: {begins}"
    )
    persons = "/".join(PERSONS.values())
    first = "  ".join(
        f"{ASPECTS[a]} {'/'.join(str(n) for n in counts.values())}"
        for a, counts in data["first_person"].items()
    )
    click.echo(f"first person ({persons}): {first}")
    named = "  ".join(f"{name} {n}" for name, n in data["formulas"].items())
    click.echo(f"entries naming a 提法: {named or '-'}")

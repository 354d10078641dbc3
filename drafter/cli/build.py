"""`drafter build`, `drafter templates`."""

from __future__ import annotations

from pathlib import Path

import click

from drafter import services
from drafter.cli.options import templates_option
from drafter.core import project
from drafter.core.errors import DrafterError, DraftFileError
from drafter.core.files import draftfile
from drafter.core.report.kinds import discover
from drafter.core.report.render import RenderOptions
from drafter.writers import FORMATS


@click.command()
@click.argument("draft_path", metavar="DRAFT", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    help="Output file (default: beside the draft, as .docx); - for standard output (md, txt).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Output format (default: from the output's extension).",
)
@click.option(
    "--fonts",
    default="gb2312",
    show_default=True,
    help="Font profile: gb2312, windows, or a YAML file of role: font name.",
)
@click.option("--keep-punctuation", is_flag=True, help="Do not make , ; : ( ) full-width.")
@click.option("--strict", is_flag=True, help="Fail on unfilled slots instead of warning.")
@click.option("--h3-regular", is_flag=True, help="Set 1. headings in regular weight, not bold.")
@templates_option
def build(
    draft_path: Path,
    out: Path | None,
    fmt: str | None,
    fonts: str,
    keep_punctuation: bool,
    strict: bool,
    h3_regular: bool,
    template_dirs: tuple[Path, ...],
) -> None:
    """Turn a draft into a GB/T 9704 Word file (or Markdown, or plain text)."""
    draft = draftfile.load(draft_path)
    if out is None:
        out = project.default_output(draft_path, fmt or "docx")
    project.check_output(draft_path, out)
    options = RenderOptions(keep_punctuation=keep_punctuation, strict=strict)
    try:
        result = services.build(
            draft,
            out,
            fmt=fmt,
            options=options,
            fonts=fonts,
            h3_bold=not h3_regular,
            templates=template_dirs,
        )
    except DraftFileError as exc:
        if exc.path is None:  # a fault in the draft's content: name the draft
            exc.path = draft_path
        raise
    for warning in result.warnings:
        click.echo(f"drafter: warning: {warning}", err=True)
    if result.data is not None:  # -o -
        click.echo(result.data, nl=False)
    else:
        click.echo(f"wrote {result.path}")


@click.command()
@templates_option
def templates(template_dirs: tuple[Path, ...]) -> None:
    """List the report kinds and their sections."""
    for kind in discover(template_dirs).values():
        origin = "" if kind.builtin else f"  [{kind.folder}]"
        click.echo(f"{kind.id:<16}{kind.name}{origin}")
        parts = [f"{s.label}{'*' if s.required else ''}" for s in kind.sections]
        click.echo(f"{'':<16}{' / '.join(parts)}")
    click.echo("(* required)")


__all__ = ["DrafterError", "build", "templates"]

"""Options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra folder of report kinds (repeatable).",
)

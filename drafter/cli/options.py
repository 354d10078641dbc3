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

wizard_banks_option = click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=str),
    help="Extra phrasebank folder or file (repeatable).",
)
"""Extra banks for the wizard (edit, serve): paths as given, resolved by the app."""

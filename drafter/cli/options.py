"""Options several commands share."""

from __future__ import annotations

from pathlib import Path

import click

templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="另加的报告类型文件夹（可写多次）",
)

wizard_banks_option = click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=str),
    help="另加的短语库文件夹或文件（可写多次）",
)
"""Extra banks for the wizard (edit, serve): paths as given, resolved by the app."""

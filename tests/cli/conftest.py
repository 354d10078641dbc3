from __future__ import annotations

from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from drafter.cli.group import main


@pytest.fixture
def run() -> Callable[..., Result]:
    """Run `drafter ARGS…` in-process; stdout and stderr are kept apart."""

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke

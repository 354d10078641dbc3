"""Use cases the CLI and the wizard both call, above the core and the writers.

Layers (import-linter enforces them): core ← writers ← services ← cli / tui.
"""

from drafter.services.build import BuildResult, build

__all__ = ["BuildResult", "build"]

"""Errors the core raises; the CLI and the TUI turn each into one readable line."""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """A user-facing error, located in a file (and a line) when it can be."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


class DraftFileError(DrafterError):
    """A draft file that cannot be read, parsed or validated."""


class BankError(DrafterError):
    """A phrasebank file that cannot be read, parsed or validated."""


class TemplateError(DrafterError):
    """A report kind whose kind.yaml or jinja2 template is broken or unknown."""


class OutputError(DrafterError):
    """An output file that cannot be written."""


class QueryError(DrafterError):
    """A search query or filter that cannot be used (unknown filter values …)."""

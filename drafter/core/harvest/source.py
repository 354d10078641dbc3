"""What a reader hands on: the raw paragraphs of one source file, or a ReadError."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.errors import DrafterError


class ReadError(DrafterError):
    """A source file that cannot be harvested; the message says why, for the summary."""


class HarvestError(DrafterError):
    """A harvest that cannot run at all: a bad argument or an output folder it cannot write."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One raw paragraph as the source holds it (a line of a text file)."""

    index: int
    """1-based position in the source: the line of a text file, the paragraph of a .docx."""
    text: str
    level: int | None = None
    """Heading level the source itself marks (Word heading style, Markdown #); 0 = title."""

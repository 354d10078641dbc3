"""One row of the outline list: what it shows for a point, a sub-point or the section's
own paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from drafter.core.model import PointPath


@dataclass(frozen=True)
class OutlineRow:
    """What the editor shows for one row (a point, or the section's own paragraphs)."""

    label: str
    """（一）, 1. or （1） for a point, '' for the section's own paragraphs."""
    heading: str
    body: str
    """Paragraphs, one a line."""
    path: PointPath | None = None
    """Where the point is (None: the section's own paragraphs)."""
    slots: str = ""
    """Its {slots} with their values (村数＝12), shown under the body."""

    @property
    def is_point(self) -> bool:
        return self.path is not None


def row_prompt(row: OutlineRow) -> Content:
    """One line of the outline list: number (sub-points indented), heading or a placeholder,
    and a paragraph count."""
    paragraphs = len([line for line in row.body.split("\n") if line.strip()])
    if row.path is None:
        head = Content.styled("¶ 不编号的段落", "italic")
    else:
        indent = "  " * (len(row.path) - 1)
        if row.heading:
            head = Content(indent + row.label + row.heading)
        else:
            head = Content(indent + row.label) + Content.styled("（无标题）", "$text-muted")
    extra = f" · {paragraphs}段" if paragraphs else ""
    return head + Content.styled(extra, "$text-muted")

"""The body editor: a soft-wrapped TextArea, one paragraph a line, with keys that work in
every common terminal (tmux, xterm, Windows Terminal).

Textual's own ctrl+shift+k (delete line) arrives as ctrl+k in tmux and xterm, which deletes
to the end of the line instead; ctrl+g deletes the paragraph everywhere. End and Home go to
the paragraph's end and start: on a wrapped line Textual's End stops one character short of
the visual line's end (its last character would wrap), which is never what a writer wants.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea


class BodyArea(TextArea):
    """Paragraphs of a point, one a line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "delete_line", "删除段落", show=False),
        Binding("end", "paragraph_end", show=False),
        Binding("home", "paragraph_start", show=False),
        Binding("shift+end", "paragraph_end(True)", show=False),
        Binding("shift+home", "paragraph_start(True)", show=False),
        Binding("ctrl+end", "text_end", show=False),
        Binding("ctrl+home", "text_start", show=False),
    ]

    def action_paragraph_end(self, select: bool = False) -> None:
        """To the end of the paragraph (the document line), wrapped or not."""
        row, _ = self.cursor_location
        self.move_cursor((row, len(self.document[row])), select=select)

    def action_paragraph_start(self, select: bool = False) -> None:
        row, _ = self.cursor_location
        self.move_cursor((row, 0), select=select)

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

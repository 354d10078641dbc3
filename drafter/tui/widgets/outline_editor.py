"""The outline of one section: a list of its points, the heading and the body of the selected one.

Row 0 is the section's own unnumbered paragraphs; then every point and sub-point, depth
first, each named by its path (drafter.core.model.PointPath). The editor keeps only what it
shows (rows of text); every edit is posted up as a message for the step to apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static, TextArea

from drafter.core.model import PointPath
from drafter.tui.widgets.body_area import BodyArea
from drafter.tui.widgets.outline_row import OutlineRow, row_prompt


class OutlineEditor(Vertical):
    """Points of one section: select, add, delete, move, indent, edit heading and paragraphs.

    alt+arrows work as tmux, xterm and Windows Terminal send them (ESC [1;3A …); the footer
    shows them as one entry."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("alt+up", "move(-1)", "移动升降", key_display="alt+↑↓←→"),
        Binding("alt+down", "move(1)", "下移", show=False),
        Binding("alt+right", "level(1)", "降为子项", show=False),
        Binding("alt+left", "level(-1)", "升一级", show=False),
        Binding("delete", "delete_point", "删除要点", show=False),
        Binding("escape", "focus_list", "回到要点列表", show=False),
    ]

    @dataclass
    class RowSelected(Message):
        """The user selected a point (None: the section's own paragraphs)."""

        editor: OutlineEditor
        path: PointPath | None

    @dataclass
    class PointAdded(Message):
        """Add an empty point after `after`, at its level (None: at the end of the section);
        with `sub`, add it as the last sub-point of `after` instead."""

        editor: OutlineEditor
        after: PointPath | None
        sub: bool = False

    @dataclass
    class PointDeleted(Message):
        editor: OutlineEditor
        path: PointPath

    @dataclass
    class PointMoved(Message):
        """Move a point among those of its level (offset ±1)."""

        editor: OutlineEditor
        path: PointPath
        offset: int

    @dataclass
    class LevelChanged(Message):
        """Make a point a sub-point of the one above (deeper) or one level up (not deeper)."""

        editor: OutlineEditor
        path: PointPath
        deeper: bool

    @dataclass
    class HeadingEdited(Message):
        editor: OutlineEditor
        path: PointPath
        heading: str

    @dataclass
    class BodyEdited(Message):
        """The paragraphs (one a line) of a point, or of the section when path is None."""

        editor: OutlineEditor
        path: PointPath | None
        text: str

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="outline-editor")
        self.key = key
        """Which section this editor shows (a UI key, set by the screen)."""
        self.rows: list[OutlineRow] = []
        self.row = 0

    def compose(self) -> ComposeResult:
        yield OptionList(id="points")
        with Horizontal(classes="outline-buttons"):
            yield Button("＋要点", id="add", compact=True, tooltip="新增同级要点 (ctrl+o)")
            yield Button("＋子项", id="add-sub", compact=True, tooltip="在所选要点下新增子项")
            yield Button("删除", id="delete", compact=True, tooltip="删除要点及其子项 (delete)")
            yield Button("↑", id="up", compact=True, tooltip="上移 (alt+↑)")
            yield Button("↓", id="down", compact=True, tooltip="下移 (alt+↓)")
            yield Button("←", id="outdent", compact=True, tooltip="升一级 (alt+←)")
            yield Button("→", id="indent", compact=True, tooltip="降为上一要点的子项 (alt+→)")
        # Not selected on focus: a key typed on arrival adds to the heading, never replaces it.
        yield Input(placeholder="要点标题（小标题，不写序号）", id="heading", select_on_focus=False)
        yield BodyArea(
            id="body",
            soft_wrap=True,
            placeholder="正文：一段一行。可在右侧搜索短语，回车插入。",
        )
        yield Static("", id="slot-values")

    @property
    def path(self) -> PointPath | None:
        """The selected point's path (None: the section's own paragraphs)."""
        return self.rows[self.row].path if self.row < len(self.rows) else None

    @property
    def point(self) -> int | None:
        """The index of the top-level point that holds the selection (None: the section's
        own paragraphs): what spans sections (linked problems, resume) goes by it."""
        path = self.path
        return path[0] if path else None

    @property
    def body(self) -> TextArea:
        return self.query_one("#body", TextArea)

    def show(
        self, rows: list[OutlineRow], path: PointPath | None, *, focus: str | None = None
    ) -> None:
        """Show new rows, select a point (or, when it is gone, the nearest one above it) and
        load its heading and body into the fields. Writing on in the same text (a point just
        indented), the cursor stays where it was; else it goes to the end."""
        writing = (self.body.text, self.body.cursor_location) if self.body.has_focus else None
        before = self.path
        self.rows = rows
        self.row = self._row_of(path)
        if self.path != before:  # an added, moved or indented point: where the user is now
            self.post_message(self.RowSelected(self, self.path))
        points = self.query_one("#points", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            points.clear_options()
            points.add_options([row_prompt(r) for r in rows])
            points.highlighted = self.row
        self._load_fields()
        if focus:
            target = self.query_one(f"#{focus}")
            target.focus()
            if focus == "body":
                same = writing is not None and writing[0] == self.body.text
                self.body.move_cursor(writing[1] if same and writing else self.body.document.end)

    def focused_part(self) -> str:
        """Which field has the focus ('points' when neither text field): kept across a reload."""
        for part in ("heading", "body"):
            if self.query_one(f"#{part}").has_focus:
                return part
        return "points"

    def focus_body(self) -> None:
        """Back to writing: the body, with the cursor where it was."""
        self.body.focus()

    def _row_of(self, path: PointPath | None) -> int:
        paths = [row.path for row in self.rows]
        while path:
            if path in paths:
                return paths.index(path)
            path = (*path[:-1], path[-1] - 1) if path[-1] > 0 else path[:-1]
        return 0

    def update_row(self, row: OutlineRow) -> None:
        """Refresh one row's label after an edit (the fields are left alone)."""
        index = self._row_of(row.path)
        old, self.rows[index] = self.rows[index], row
        if index == self.row and row.slots != old.slots:
            self._show_slots(row)
        prompt = row_prompt(row)
        if prompt.plain != row_prompt(old).plain:  # typing in the body rarely changes the label
            self.query_one("#points", OptionList).replace_option_prompt_at_index(index, prompt)

    def set_read_only(self, read_only: bool) -> None:
        self.query_one("#heading", Input).disabled = read_only
        self.body.read_only = read_only
        for button in self.query(Button):
            button.disabled = read_only

    def _load_fields(self) -> None:
        row = self.rows[self.row] if self.rows else OutlineRow("", "", "")
        heading = self.query_one("#heading", Input)
        with self.prevent(Input.Changed, TextArea.Changed):
            heading.value = row.heading
            heading.display = row.is_point
            self.body.load_text(row.body)
        self._show_slots(row)

    def _show_slots(self, row: OutlineRow) -> None:
        """The filled values of the row's {slots} (the text keeps the slots themselves)."""
        values = self.query_one("#slot-values", Static)
        values.update(f"待补项：{row.slots}（ctrl+l 填写）" if row.slots else "")
        values.display = bool(row.slots)

    @on(OptionList.OptionHighlighted, "#points")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_index != self.row:
            self.row = event.option_index
            self._load_fields()
            self.post_message(self.RowSelected(self, self.path))

    @on(OptionList.OptionSelected, "#points")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = "#heading" if self.path is not None else "#body"
        self.query_one(target).focus()

    @on(Input.Changed, "#heading")
    def _heading_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.path is not None:
            self.post_message(self.HeadingEdited(self, self.path, event.value))

    @on(Input.Submitted, "#heading")
    def _heading_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.body.focus()

    @on(TextArea.Changed, "#body")
    def _body_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.BodyEdited(self, self.path, event.text_area.text))

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        actions: dict[str, Callable[[], None]] = {
            "add": self.action_add_point,
            "add-sub": self.action_add_subpoint,
            "delete": self.action_delete_point,
            "up": partial(self._move_point, -1),
            "down": partial(self._move_point, 1),
            "indent": partial(self.action_level, 1),
            "outdent": partial(self.action_level, -1),
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    def action_add_point(self) -> None:
        self.post_message(self.PointAdded(self, self.path))

    def action_add_subpoint(self) -> None:
        """A sub-point under the selected point (under the section's paragraphs: a point)."""
        self.post_message(self.PointAdded(self, self.path, sub=self.path is not None))

    def action_delete_point(self) -> None:
        if self.path is not None:
            self.post_message(self.PointDeleted(self, self.path))

    def action_level(self, step: int) -> None:
        if self.path is not None:
            self.post_message(self.LevelChanged(self, self.path, deeper=step > 0))

    def action_focus_list(self) -> None:
        self.query_one("#points").focus()

    def action_move(self, offset: int) -> None:
        """Move the paragraph under the cursor when editing the body, else the point."""
        if self.body.has_focus:
            self.move_paragraph(offset)
        else:
            self._move_point(offset)

    def _move_point(self, offset: int) -> None:
        if self.path is not None:
            self.post_message(self.PointMoved(self, self.path, offset))

    def move_paragraph(self, offset: int) -> None:
        """Swap the cursor's line (one paragraph) with its neighbour."""
        body = self.body
        if body.read_only:
            return
        lines = body.text.split("\n")
        row, col = body.cursor_location
        target = row + offset
        if not (0 <= row < len(lines) and 0 <= target < len(lines)):
            return
        lines[row], lines[target] = lines[target], lines[row]
        body.replace("\n".join(lines), (0, 0), body.document.end)
        body.move_cursor((target, col))

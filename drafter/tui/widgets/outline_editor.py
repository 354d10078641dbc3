"""The outline of one section: a list of its points, the heading and the body of the selected one.

Row 0 is the section's own unnumbered paragraphs; row k is point k-1. The editor keeps only
what it shows (rows of text); every edit is posted up as a message for the screen to apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Static, TextArea

from drafter.tui.widgets.body_area import BodyArea


@dataclass(frozen=True)
class OutlineRow:
    """What the editor shows for one row (a point, or the section's own paragraphs)."""

    label: str
    """（一）… for a point, '' for the section's own paragraphs."""
    heading: str
    body: str
    """Paragraphs, one a line."""
    is_point: bool = True
    subpoints: int = 0
    slots: str = ""
    """Its {slots} with their values (村数＝12), shown under the body."""


def row_prompt(row: OutlineRow) -> Content:
    """One line of the outline list: number, heading (or a placeholder) and a paragraph count."""
    paragraphs = len([line for line in row.body.split("\n") if line.strip()])
    if not row.is_point:
        head = Content.styled("¶ 不编号的段落", "italic")
    elif row.heading:
        head = Content(row.label + row.heading)
    else:
        head = Content(row.label) + Content.styled("（无标题）", "$text-muted")
    extra = f" · {paragraphs}段" if paragraphs else ""
    if row.subpoints:
        extra += f" · {row.subpoints}个子项"
    return head + Content.styled(extra, "$text-muted")


def _point(row: int) -> int | None:
    return row - 1 if row > 0 else None


class OutlineEditor(Vertical):
    """Points of one section: select, add, delete, move, edit heading and paragraphs."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("alt+up", "move(-1)", "移动", key_display="alt+↑↓"),
        Binding("alt+down", "move(1)", "下移", show=False),
        Binding("delete", "delete_point", "删除要点", show=False),
        Binding("escape", "focus_list", "回到要点列表", show=False),
    ]

    @dataclass
    class RowSelected(Message):
        """The user selected a point (None: the section's own paragraphs)."""

        editor: OutlineEditor
        index: int | None

    @dataclass
    class PointAdded(Message):
        """Add an empty point after `after` (None: at the end)."""

        editor: OutlineEditor
        after: int | None

    @dataclass
    class PointDeleted(Message):
        editor: OutlineEditor
        index: int

    @dataclass
    class PointMoved(Message):
        editor: OutlineEditor
        index: int
        offset: int

    @dataclass
    class HeadingEdited(Message):
        editor: OutlineEditor
        index: int
        heading: str

    @dataclass
    class BodyEdited(Message):
        """The paragraphs (one a line) of a point, or of the section when index is None."""

        editor: OutlineEditor
        index: int | None
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
            yield Button("＋要点", id="add", compact=True, tooltip="新增要点 (ctrl+o)")
            yield Button("删除", id="delete", compact=True, tooltip="删除要点 (delete)")
            yield Button("↑", id="up", compact=True, tooltip="上移 (alt+↑)")
            yield Button("↓", id="down", compact=True, tooltip="下移 (alt+↓)")
        # Not selected on focus: a key typed on arrival adds to the heading, never replaces it.
        yield Input(placeholder="要点标题（小标题，不写序号）", id="heading", select_on_focus=False)
        yield BodyArea(
            id="body",
            soft_wrap=True,
            placeholder="正文：一段一行。可在右侧搜索短语，回车插入。",
        )
        yield Static("", id="slot-values")

    @property
    def point(self) -> int | None:
        """The selected point's index (None: the section's own paragraphs)."""
        return _point(self.row)

    @property
    def body(self) -> TextArea:
        return self.query_one("#body", TextArea)

    def show(self, rows: list[OutlineRow], point: int | None, *, focus: str | None = None) -> None:
        """Show new rows, select a point and load its heading and body into the fields."""
        self.rows = rows
        self.row = 0 if point is None else min(point + 1, len(rows) - 1)
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
                self.body.move_cursor(self.body.document.end)

    def focus_body(self) -> None:
        """Back to writing: the body, with the cursor where it was."""
        self.body.focus()

    def update_row(self, point: int | None, row: OutlineRow) -> None:
        """Refresh one row's label after an edit (the fields are left alone)."""
        index = 0 if point is None else point + 1
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
        row = self.rows[self.row] if self.rows else OutlineRow("", "", "", is_point=False)
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
            self.post_message(self.RowSelected(self, self.point))

    @on(OptionList.OptionSelected, "#points")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = "#heading" if self.point is not None else "#body"
        self.query_one(target).focus()

    @on(Input.Changed, "#heading")
    def _heading_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.point is not None:
            self.post_message(self.HeadingEdited(self, self.point, event.value))

    @on(Input.Submitted, "#heading")
    def _heading_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.body.focus()

    @on(TextArea.Changed, "#body")
    def _body_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.BodyEdited(self, self.point, event.text_area.text))

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {"add": self.action_add_point, "delete": self.action_delete_point}
        if event.button.id in actions:
            actions[event.button.id]()
        elif event.button.id in ("up", "down"):
            self._move_point(-1 if event.button.id == "up" else 1)

    def action_add_point(self) -> None:
        self.post_message(self.PointAdded(self, self.point))

    def action_delete_point(self) -> None:
        if self.point is not None:
            self.post_message(self.PointDeleted(self, self.point))

    def action_focus_list(self) -> None:
        self.query_one("#points").focus()

    def action_move(self, offset: int) -> None:
        """Move the paragraph under the cursor when editing the body, else the point."""
        if self.body.has_focus:
            self.move_paragraph(offset)
        else:
            self._move_point(offset)

    def _move_point(self, offset: int) -> None:
        if self.point is not None:
            self.post_message(self.PointMoved(self, self.point, offset))

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

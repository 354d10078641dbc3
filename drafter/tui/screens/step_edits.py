"""The outline side of a wizard step: the rows its editor shows, and the editor's messages
applied to the step's section through drafter.core.editing.

OutlineEdits is composed into a SectionStep; one table maps each editor message to the
edit it asks for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.message import Message

from drafter.core import editing
from drafter.core.model import Point, PointPath, Section, iter_points, point_at, walk_points
from drafter.core.skeleton import Placed
from drafter.core.text.numbering import heading_label
from drafter.core.text.slots import slot_summary
from drafter.tui.screens.dialogs import ConfirmDialog
from drafter.tui.widgets.outline_editor import OutlineEditor
from drafter.tui.widgets.outline_row import OutlineRow

if TYPE_CHECKING:
    from drafter.tui.screens.section_step import SectionStep


def outline_rows(section: Section, values: dict[str, str]) -> list[OutlineRow]:
    """The rows the outline editor shows for a section; `values`: the draft's slot values,
    shown beside the {slots} of each row."""

    def row(label: str, heading: str, body: str, path: PointPath | None) -> OutlineRow:
        slots = slot_summary(f"{heading}\n{body}", values)
        return OutlineRow(label, heading, body, path, slots=slots)

    rows = [row("", "", editing.body_text(section.body), None)]
    for path, point in walk_points(section.points):
        label = heading_label(len(path) + 1, path[-1] + 1)  # （一）, 1., （1）
        rows.append(row(label, point.heading, editing.body_text(point.body), path))
    return rows


class OutlineEdits:
    """Applies one step's outline edits to its section and tells the step what changed."""

    def __init__(self, step: SectionStep) -> None:
        self.step = step
        self.state = step.state
        self.handlers: dict[type[Message], Callable[[Any], None]] = {
            OutlineEditor.PointAdded: lambda m: self.add_point(m.after, sub=m.sub),
            OutlineEditor.PointDeleted: lambda m: self.delete_point(m.path),
            OutlineEditor.PointMoved: lambda m: self.move_point(m.path, m.offset),
            OutlineEditor.LevelChanged: lambda m: self.change_level(m.path, deeper=m.deeper),
            OutlineEditor.HeadingEdited: lambda m: self.set_heading(m.path, m.heading),
            OutlineEditor.BodyEdited: lambda m: self.set_body(m.path, m.text),
        }

    @property
    def section(self) -> Section:
        return self.step.section

    def apply(self, message: Message) -> None:
        self.handlers[type(message)](message)

    def _point(self, path: PointPath) -> Point | None:
        """The point at `path`, or None when an edit arrives for one no longer there."""
        try:
            return point_at(self.section.points, path)
        except IndexError:
            return None

    def add_point(self, after: PointPath | None, *, sub: bool = False) -> None:
        """A new point after `after` at its level, or (sub) as its last sub-point."""
        if not self.state.editable(self.step):
            return
        try:
            if sub and after is not None:
                path = editing.add_subpoint(self.section, after)
            else:
                path = editing.add_point(self.section, after)
        except ValueError as exc:
            self.step.notify(str(exc), severity="warning")
            return
        self.step.changed(reload=path, focus="heading")

    def delete_point(self, path: PointPath) -> None:
        """Delete a point with its sub-points (asking first when it has content); a
        problem's delete may leave causes and countermeasures that only it needed: the step
        posts them up."""
        point = self._point(path)
        if point is None or not self.state.editable(self.step):
            return

        def delete(confirmed: bool | None = True) -> None:
            if confirmed:
                orphans = self.orphans_of(path)
                after = editing.delete_point(self.section, path)
                self.step.changed(reload=after, focus="points")
                if orphans:
                    self.step.post_message(self.step.ThreadOrphaned(self.step, orphans))

        if point.heading.strip() or point.body or point.points:
            self.step.app.push_screen(ConfirmDialog(delete_question(point), "删除"), delete)
        else:
            delete()

    def orphans_of(self, path: PointPath) -> list[Placed]:
        """Causes and countermeasures only this problem needed (none for other steps, and
        none for a sub-point: links go from whole problems)."""
        from drafter.core.skeleton import dependents

        bank = self.state.library.bank
        if self.step.spec.bank_section != "problem" or bank is None or len(path) > 1:
            return []
        return dependents(self.state.draft, self.state.kind, bank, path[0])

    def move_point(self, path: PointPath, offset: int) -> None:
        if self._point(path) is not None and self.state.editable(self.step):
            path = editing.move_point(self.section, path, offset)
            self.step.changed(reload=path, focus="points")

    def change_level(self, path: PointPath, *, deeper: bool) -> None:
        """Indent a point under the one above it, or outdent it; say why when it cannot."""
        if self._point(path) is None or not self.state.editable(self.step):
            return
        shift = editing.indent_point if deeper else editing.outdent_point
        try:
            path = shift(self.section, path)
        except ValueError as exc:
            self.step.notify(str(exc), severity="warning", timeout=3)
            return
        self.step.changed(reload=path, focus=self.step.editor.focused_part())

    def set_heading(self, path: PointPath, heading: str) -> None:
        point = self._point(path)
        if point is not None and not self.state.read_only and point.heading != heading.strip():
            editing.set_heading(self.section, path, heading)
            self.step.changed()

    def set_body(self, path: PointPath | None, text: str) -> None:
        point = None if path is None else self._point(path)
        if self.state.read_only or (path is not None and point is None):
            return
        body = self.section.body if point is None else point.body
        if editing.body_text(body) != text:
            editing.set_body(self.section, path, text)
            self.step.changed()


def delete_question(point: Point) -> str:
    """What the delete dialog asks: the point's name and what goes with it."""
    counts = ((len(point.body), "段正文"), (len(iter_points(point.points)), "个子项"))
    parts = "和".join(f" {n} {what}" for n, what in counts if n)
    return f"删除要点“{point.heading or '（无标题）'}”" + (f"及其{parts}？" if parts else "？")

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
from drafter.core.model import Section, iter_points
from drafter.core.skeleton import Placed
from drafter.core.text.numbering import heading_label
from drafter.core.text.slots import slot_summary
from drafter.tui.screens.dialogs import ConfirmDialog
from drafter.tui.widgets.outline_editor import OutlineEditor, OutlineRow

if TYPE_CHECKING:
    from drafter.tui.screens.section_step import SectionStep


def outline_rows(section: Section, values: dict[str, str]) -> list[OutlineRow]:
    """The rows the outline editor shows for a section; `values`: the draft's slot values,
    shown beside the {slots} of each row."""

    def row(label: str, heading: str, body: str, *, point: bool = True, sub: int = 0) -> OutlineRow:
        slots = slot_summary(f"{heading}\n{body}", values)
        return OutlineRow(label, heading, body, is_point=point, subpoints=sub, slots=slots)

    rows = [row("", "", editing.body_text(section.body), point=False)]
    for i, point in enumerate(section.points):
        subpoints = len(iter_points(point.points))
        body = editing.body_text(point.body)
        rows.append(row(heading_label(2, i + 1), point.heading, body, sub=subpoints))
    return rows


class OutlineEdits:
    """Applies one step's outline edits to its section and tells the step what changed."""

    def __init__(self, step: SectionStep) -> None:
        self.step = step
        self.state = step.state
        self.handlers: dict[type[Message], Callable[[Any], None]] = {
            OutlineEditor.PointAdded: lambda m: self.add_point(m.after),
            OutlineEditor.PointDeleted: lambda m: self.delete_point(m.index),
            OutlineEditor.PointMoved: lambda m: self.move_point(m.index, m.offset),
            OutlineEditor.HeadingEdited: lambda m: self.set_heading(m.index, m.heading),
            OutlineEditor.BodyEdited: lambda m: self.set_body(m.index, m.text),
        }

    @property
    def section(self) -> Section:
        return self.step.section

    def apply(self, message: Message) -> None:
        self.handlers[type(message)](message)

    def add_point(self, after: int | None) -> None:
        if self.state.editable(self.step):
            index = editing.add_point(self.section, after)
            self.step.changed(reload=index, focus="heading")

    def delete_point(self, index: int) -> None:
        """Delete a point (asking first when it has content); a problem's delete may leave
        causes and countermeasures that only it needed: the step posts them up."""
        if not self.state.editable(self.step):
            return
        point = self.section.points[index]

        def delete(confirmed: bool | None = True) -> None:
            if confirmed:
                orphans = self.orphans_of(index)
                after = editing.delete_point(self.section, index)
                self.step.changed(reload=after, focus="points")
                if orphans:
                    self.step.post_message(self.step.ThreadOrphaned(self.step, orphans))

        if point.heading.strip() or point.body or point.points:
            name = point.heading or "（无标题）"
            question = f"删除要点“{name}”及其 {len(point.body)} 段正文？"
            self.step.app.push_screen(ConfirmDialog(question, "删除"), delete)
        else:
            delete()

    def orphans_of(self, index: int) -> list[Placed]:
        """Causes and countermeasures only this problem needed (none for other steps)."""
        from drafter.core.skeleton import dependents

        bank = self.state.library.bank
        if self.step.spec.bank_section != "problem" or bank is None:
            return []
        return dependents(self.state.draft, self.state.kind, bank, index)

    def move_point(self, index: int, offset: int) -> None:
        if self.state.editable(self.step):
            index = editing.move_point(self.section, index, offset)
            self.step.changed(reload=index, focus="points")

    def set_heading(self, index: int, heading: str) -> None:
        points = self.section.points
        if (
            index < len(points)
            and not self.state.read_only
            and points[index].heading != heading.strip()
        ):
            editing.set_heading(self.section, index, heading)
            self.step.changed()

    def set_body(self, index: int | None, text: str) -> None:
        section = self.section
        if self.state.read_only or (index is not None and index >= len(section.points)):
            return
        body = section.body if index is None else section.points[index].body
        if editing.body_text(body) != text:
            editing.set_body(section, index, text)
            self.step.changed()

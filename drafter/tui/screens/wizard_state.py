"""What every part of the wizard reads: the session (the draft and its autosave), the report
kind the app holds, and the phrase library. Parts get it passed in; none reaches into another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.widget import Widget

from drafter.core.files import resume
from drafter.core.model import Draft, PointPath, Section, point_at
from drafter.core.report.kinds import ReportKind, SectionSpec
from drafter.core.session import Session
from drafter.tui.library import Library

READ_ONLY_NOTE = "只读打开：另一个 drafter 正在编辑这份草稿"


@dataclass
class WizardState:
    """The draft being written and what it is written with."""

    session: Session
    kind: ReportKind
    """The report kind the app resolved (a --templates kind included): export uses it too."""
    library: Library
    kinds: dict[str, ReportKind] = field(default_factory=dict)
    """Every report kind the app knows (the phrases that suit this kind are offered first)."""

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def read_only(self) -> bool:
        return self.session.read_only

    def editable(self, node: Widget) -> bool:
        """Whether the draft may change; if not, say so where the user is."""
        if self.session.read_only:
            node.notify(READ_ONLY_NOTE, severity="warning")
        return not self.session.read_only

    def label(self, section_id: str) -> str:
        """A section's step label (存在的问题), or its id when the kind has no such step."""
        spec = self.kind.section_spec(section_id)
        return spec.label if spec is not None else section_id


def start_point(
    section: Section, spec: SectionSpec, left: resume.Position | None
) -> PointPath | None:
    """The point a step first selects: where the user left it (a sub-point too), else a
    titled section's first point."""
    if left is not None and left.step == spec.id and left.point is not None:
        for path in ((left.point, *left.sub), (left.point,)):
            try:
                point_at(section.points, path)
            except IndexError:
                continue
            return path
    return (0,) if section.points and spec.title else None

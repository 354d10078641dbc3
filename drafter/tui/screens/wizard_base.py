"""What every part of the wizard shares: the draft's session, the steps, the outline rows.

The wizard screen is assembled from parts (PhraseSteps, ReviewActions, WizardScreen), each
a subclass of WizardBase, so each part reads the same state and type-checks on its own.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer

from drafter.core import editing
from drafter.core.kinds import ReportKind, SectionSpec
from drafter.core.model import Draft, Section, iter_points
from drafter.core.numbering import heading_label
from drafter.core.session import Session
from drafter.tui.library import Library
from drafter.tui.widgets.outline_editor import OutlineEditor, OutlineRow
from drafter.tui.widgets.phrase_panel import PhrasePanel
from drafter.tui.widgets.step_indicator import StepIndicator

REVIEW_LABEL = "审阅导出"
INFO_DELAY = 0.3
"""Seconds of quiet typing before the linked suggestions and unanswered problems update."""


def outline_rows(section: Section) -> list[OutlineRow]:
    """The rows the outline editor shows for a section."""
    rows = [OutlineRow("", "", editing.body_text(section.body), is_point=False)]
    for i, point in enumerate(section.points):
        rows.append(
            OutlineRow(
                heading_label(2, i + 1),
                point.heading,
                editing.body_text(point.body),
                subpoints=len(iter_points(point.points)),
            )
        )
    return rows


class WizardBase(Screen[None]):
    """The wizard's state: the session, the report kind, the steps and what is selected."""

    step: reactive[int] = reactive(0, bindings=True, init=False)

    def __init__(self, session: Session, kind: ReportKind, library: Library) -> None:
        super().__init__()
        self.session = session
        self.kind = kind
        self.library = library
        self.specs: list[SectionSpec] = list(kind.sections)
        self.selected: dict[str, int | None] = {}
        for spec in self.specs:
            section = self.draft.section(spec.id)
            self.selected[spec.id] = 0 if section.points and spec.title else None
        self.findings: list[Any] = []
        """The review checks' findings shown in the review step."""
        self.last_export: Path | None = None
        self.built: dict[str, asyncio.Event] = {}
        """Steps whose widgets are mounted (each is built when first shown)."""
        self.jump_focus: dict[str, str] = {}
        """Where to put the focus when a step is next shown (a finding jumped there)."""
        self.ready = False
        """Set once mounted: steps are built from then on."""
        self.info_timer: Timer | None = None
        self.fresh: set[str] = set()
        """Steps whose phrase panel shows results for its current query."""
        self.keep_highlight: set[str] = set()
        """Steps whose next results keep the highlighted phrase (a refresh after inserting)."""

    @property
    def draft(self) -> Draft:
        return self.session.draft

    @property
    def last_step(self) -> int:
        return len(self.specs)

    @property
    def spec(self) -> SectionSpec | None:
        return self.specs[self.step] if self.step < len(self.specs) else None

    def is_built(self, key: str) -> bool:
        return key in self.built and self.built[key].is_set()

    def editor(self, key: str) -> OutlineEditor:
        return self.query_one(f"#outline-{key}", OutlineEditor)

    def panel(self, key: str) -> PhrasePanel:
        return self.query_one(f"#phrases-{key}", PhrasePanel)

    def editable(self) -> bool:
        if self.session.read_only:
            self.notify("只读打开：另一个 drafter 正在编辑这份草稿", severity="warning")
        return not self.session.read_only

    def changed(
        self, key: str, *, reload: int | bool | None = False, focus: str | None = None
    ) -> None:
        """Note a change; reload the outline (selecting `reload`) or just refresh labels."""
        self.session.changed()
        editor = self.editor(key)
        rows = outline_rows(self.draft.section(key))
        if reload is not False:
            self.selected[key] = reload if not isinstance(reload, bool) else None
            editor.show(rows, self.selected[key], focus=focus)
        else:
            point = editor.point
            editor.update_row(point, rows[0 if point is None else point + 1])
        self.mark_done()
        if reload is False:  # typing: the links and answers can wait for a pause
            if self.info_timer is not None:
                self.info_timer.stop()
            self.info_timer = self.set_timer(INFO_DELAY, self.refresh_info)
        else:
            self.refresh_info()

    def mark_done(self) -> None:
        done = {
            i
            for i, spec in enumerate(self.specs)
            if (s := self.draft.find_section(spec.id)) and (s.body or s.points)
        }
        self.query_one(StepIndicator).mark_done(done)

    def refresh_info(self) -> None:
        """The note under the phrase results (PhraseSteps fills it in)."""

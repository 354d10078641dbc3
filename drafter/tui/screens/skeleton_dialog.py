"""从提纲开始: choose the matters of a report and see its skeleton before accepting it.

The dialog holds no draft: it builds the skeleton in the core on every change (a few
hundredths of a second) to show its outline, and returns the request the user accepted.
"""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from drafter.core.bank.loading import Bank
from drafter.core.errors import DrafterError
from drafter.core.model import Draft, Person
from drafter.core.skeleton import (
    Matter,
    Pool,
    SkeletonRequest,
    build_skeleton,
    offered_matters,
    scene_weight,
    suggested_matters,
    usable_problems,
)
from drafter.core.text.numbering import heading_label
from drafter.core.text.slots import pending_by_section
from drafter.core.vocab import PERSONS

DEFAULT_PROBLEMS = 4
UNIT_VOICE = "unit"
"""The voice choice for a report about the unit's work (matters are topics)."""


def matter_prompt(matter: Matter, pool: Pool) -> str:
    """组织生活 7（农村5）: problems the bank offers for it, entries written for the scene."""
    count = usable_problems(matter, pool)
    own = scene_weight(matter, pool)
    return f"{matter.label} {count}" + (f"（{pool.scene}{own}）" if own else "")


def outline_text(draft: Draft, labels: dict[str, str]) -> str:
    """The skeleton's headings, section by section, and how many 【待补】 each leaves."""
    pending = pending_by_section(draft)
    lines = []
    for section in draft.sections:
        if not section.points:
            continue
        left = len(pending.get(section.id, []))
        lines.append(f"{labels.get(section.id, section.id)}" + (f"  待补{left}" if left else ""))
        lines += [f"  {heading_label(2, i + 1)}{p.heading}" for i, p in enumerate(section.points)]
    return "\n".join(lines) or "（选择至少一项）"


class SkeletonDialog(ModalScreen[SkeletonRequest | None]):
    """Pick matters (topics, or aspects of a 对照检查材料) and accept the outline."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        Binding("ctrl+r", "another", "换一组", priority=True),
        Binding("ctrl+n", "accept", "确定", priority=True),
    ]

    def __init__(self, request: SkeletonRequest, bank: Bank) -> None:
        super().__init__(classes="dialog-screen")
        self.request = request
        self.bank = bank
        self.labels = {s.id: s.label for s in request.kind.sections}

    def compose(self) -> ComposeResult:
        kind = self.request.kind
        with Vertical(classes="dialog", id="skeleton-dialog"):
            yield Static(f"从提纲开始：{kind.name} · {self.request.scene}", classes="dialog-title")
            if kind.spec.skeleton.aspects:
                voices = [("单位工作（按主题）", UNIT_VOICE)]
                voices += [(f"{label}对照检查（按方面）", key) for key, label in PERSONS.items()]
                yield Select(voices, value=UNIT_VOICE, allow_blank=False, compact=True, id="voice")
            with Horizontal(id="skeleton-body"):
                yield SelectionList[str](id="matters")
                with VerticalScroll(id="skeleton-preview"):
                    yield Static("", id="outline")
            yield Static(
                "空格勾选 · ctrl+r 换一组同样合适的标题 · ctrl+n 确定 · esc 取消",
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("换一组", id="another", compact=True)
                yield Button("确定", variant="primary", id="ok", compact=True)
                yield Button("取消", id="cancel", compact=True)

    def on_mount(self) -> None:
        self._fill_matters()
        # A kind with first-person materials asks whose it is first (单位、班子 or 个人).
        self.query_one("#voice" if self.query("#voice") else "#matters").focus()

    @property
    def person(self) -> Person | None:
        if not self.query("#voice"):
            return None
        value = self.query_one("#voice", Select).value
        return value if value == "collective" or value == "individual" else None

    def _pool(self) -> Pool:
        return Pool(self.bank, self.request.scene, self.request.date, self.person)

    def _fill_matters(self) -> None:
        """Offer the matters of the current voice; the ones the builder would pick are ticked."""
        pool = self._pool()
        matters = offered_matters(self.request.kind, pool)
        chosen = {m.key for m in suggested_matters(matters, pool, DEFAULT_PROBLEMS)}
        listing = self.query_one("#matters", SelectionList)
        listing.clear_options()
        listing.add_options(
            [Selection(matter_prompt(m, pool), m.key, m.key in chosen) for m in matters]
        )
        self._preview()

    def _request(self, **changes: object) -> SkeletonRequest:
        person = self.person
        base = dataclasses.replace(self.request, person=person, topics=(), aspects=())
        return dataclasses.replace(base, **changes)  # type: ignore[arg-type]

    def current(self) -> SkeletonRequest | None:
        """The request for what is ticked now; None when nothing is."""
        keys = tuple(self.query_one("#matters", SelectionList).selected)
        if not keys:
            return None
        field = "aspects" if self.person else "topics"
        return self._request(**{field: keys})

    def _preview(self) -> None:
        outline = self.query_one("#outline", Static)
        request = self.current()
        if request is None:
            outline.update("（勾选至少一项）")
            return
        try:
            outline.update(outline_text(build_skeleton(request, self.bank), self.labels))
        except DrafterError as exc:
            outline.update(str(exc))

    @on(SelectionList.SelectedChanged)
    def _ticked(self) -> None:
        self._preview()

    @on(Select.Changed, "#voice")
    def _voice(self) -> None:
        self._fill_matters()

    def action_another(self) -> None:
        self.request = dataclasses.replace(self.request, variant=self.request.variant + 1)
        self._preview()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "another":
            self.action_another()
        elif event.button.id == "ok":
            self.action_accept()
        else:
            self.dismiss(None)

    def action_accept(self) -> None:
        request = self.current()
        if request is None:
            self.notify("请至少勾选一项", severity="warning")
            return
        self.dismiss(request)

    def action_cancel(self) -> None:
        self.dismiss(None)

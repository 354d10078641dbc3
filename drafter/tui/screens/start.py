"""The start screen: a new draft (kind, title, unit, scene, date, signature) or a recent one."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from drafter.core.files.recent import RecentDraft
from drafter.core.vocab import SCENES
from drafter.tui.display import changed_label, tilde


@dataclass(frozen=True)
class KindChoice:
    """A report kind as the form offers it."""

    id: str
    name: str
    title_hint: str = ""


@dataclass(frozen=True)
class NewDraftForm:
    """What the user filled in for a new draft."""

    kind: str
    title: str
    unit: str
    scene: str
    date: _dt.date
    signature: str
    path: Path | None


def recent_prompt(item: RecentDraft, kinds: dict[str, str], today: _dt.date) -> Content:
    kind = kinds.get(item.kind, item.kind or "?").split("（")[0]
    detail = item.error or f"{kind} · {changed_label(item.changed, today)}"
    if not item.path.name.startswith(item.title):  # the file name says something the title does not
        detail += f"\n  {item.path.name}"
    return Content(item.title) + Content.styled(f"\n  {detail}", "$text-muted")


class StartScreen(Screen[None]):
    """Begin a new report or go on with one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "create", "空白开始", priority=True),
        Binding("ctrl+t", "outline", "从提纲开始", priority=True),
    ]

    @dataclass
    class NewDraftRequested(Message):
        form: NewDraftForm

    @dataclass
    class OutlineRequested(Message):
        """The user wants the report's skeleton first (从提纲开始)."""

        form: NewDraftForm

    @dataclass
    class ResumeRequested(Message):
        path: Path

    def __init__(
        self,
        kinds: list[KindChoice],
        recent: list[RecentDraft],
        *,
        today: _dt.date,
        preset_path: Path | None = None,
        drafts_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.kinds = kinds
        self.recent = recent
        self.today = today
        self.preset_path = preset_path
        self.drafts_label = tilde(drafts_dir) if drafts_dir else "草稿文件夹"

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="start"):
            with Vertical(id="new-draft"):
                yield Static("新建报告", classes="start-title")
                with Grid(id="new-form"):
                    yield Label("类型")
                    yield Select(
                        [(k.name, k.id) for k in self.kinds],
                        prompt="正在载入报告类型…",
                        value=self.kinds[0].id if self.kinds else Select.NULL,
                        compact=True,
                        id="kind",
                    )
                    yield Label("标题")
                    yield Input(id="title", compact=True)
                    yield Label("单位")
                    yield Input(placeholder="发文单位，如 中共某镇委员会", id="unit", compact=True)
                    yield Label("场景")
                    yield Select(
                        [(s, s) for s in SCENES],
                        value=SCENES[0],
                        allow_blank=False,
                        compact=True,
                        id="scene",
                    )
                    yield Label("日期")
                    yield Input(self.today.isoformat(), id="date", compact=True)
                    yield Label("署名")
                    yield Input(placeholder="默认同单位", id="signature", compact=True)
                    yield Label("保存到")
                    yield Input(
                        str(self.preset_path or ""),
                        placeholder=f"默认：{self.drafts_label}",
                        id="path",
                        compact=True,
                    )
                with Horizontal(id="start-buttons"):
                    yield Button("从提纲开始 ctrl+t", variant="primary", id="outline")
                    yield Button("空白开始 ctrl+n", id="create")
            with Vertical(id="recent-drafts"):
                yield Static("继续写作", classes="start-title")
                if self.recent:
                    names = {k.id: k.name for k in self.kinds}
                    yield OptionList(
                        *[
                            Option(recent_prompt(r, names, self.today), id=str(i))
                            for i, r in enumerate(self.recent)
                        ],
                        id="recent",
                    )
                else:
                    yield Static(
                        "还没有草稿。左边填好后从提纲开始或空白开始，每次改动都会自动保存。",
                        id="no-recent",
                    )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "drafter · 问题–原因–对策报告写作助手"
        self._update_title_hint()
        # A returning user most likely goes on with a draft; a new one starts with the title.
        self.query_one("#recent" if self.recent else "#title").focus()

    @on(Select.Changed, "#kind")
    @on(Input.Changed, "#unit")
    def _update_title_hint(self) -> None:
        kind = self._kind()
        if kind is None:
            return
        unit = self.query_one("#unit", Input).value.strip() or "某单位"
        hint = kind.title_hint.replace("{单位}", unit).replace("{年份}", str(self.today.year))
        self.query_one("#title", Input).placeholder = hint or "报告标题"

    def set_kinds(self, kinds: list[KindChoice]) -> None:
        """Offer the report kinds once they are loaded (after the first paint)."""
        if self.kinds:
            return
        self.kinds = kinds
        select: Select[str] = self.query_one("#kind", Select)
        select.prompt = "选择报告类型"  # the loading note must not stay in the list
        select.set_options([(k.name, k.id) for k in kinds])
        if kinds:
            select.value = kinds[0].id
        if self.recent:  # now the kinds' names can replace their ids
            names = {k.id: k.name for k in kinds}
            recent = self.query_one("#recent", OptionList)
            for i, item in enumerate(self.recent):
                recent.replace_option_prompt_at_index(i, recent_prompt(item, names, self.today))

    def _kind(self) -> KindChoice | None:
        value = self.query_one("#kind", Select).value
        return next((k for k in self.kinds if k.id == value), self.kinds[0] if self.kinds else None)

    def form(self) -> NewDraftForm | None:
        """What the form says, or None (with a note) while it cannot start a draft."""

        def text(name: str) -> str:
            return self.query_one(f"#{name}", Input).value.strip()

        kind = self._kind()
        if kind is None:
            self.notify("报告类型还在载入，请稍候", severity="warning")
            return None
        try:
            date = _dt.date.fromisoformat(text("date"))
        except ValueError:
            self.notify("日期写成 2026-11-22 的样子", severity="error")
            self.query_one("#date", Input).focus()
            return None
        scene = self.query_one("#scene", Select).value
        path = Path(text("path")).expanduser() if text("path") else None
        return NewDraftForm(
            kind=kind.id,
            title=text("title"),
            unit=text("unit"),
            scene=scene if isinstance(scene, str) else SCENES[0],
            date=date,
            signature=text("signature"),
            path=path,
        )

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        if form := self.form():
            self.post_message(self.NewDraftRequested(form))

    @on(Button.Pressed, "#outline")
    def action_outline(self) -> None:
        if form := self.form():
            self.post_message(self.OutlineRequested(form))

    @on(OptionList.OptionSelected, "#recent")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ResumeRequested(self.recent[int(event.option.id or 0)].path))

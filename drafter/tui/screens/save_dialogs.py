"""Dialogs for a save that cannot go ahead as usual: the file changed on disk, or it cannot
be written. Both keep the text in the app until the user has chosen where it goes."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from drafter.tui.display import tilde

DiskChoice = Literal["mine", "disk", "elsewhere"]


class DiskChangedDialog(ModalScreen[DiskChoice | None]):
    """The draft file was changed outside drafter: keep ours, take the file's, or save ours
    under another name. Escape decides nothing (the next save asks again)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "以后再说")]

    def __init__(self, path: Path) -> None:
        super().__init__(classes="dialog-screen")
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("草稿文件在别处被改过", classes="dialog-title")
            yield Static(
                f"{tilde(self.path)} 在本窗口上次保存之后被修改了（手工编辑或另一个程序）。"
                "保留哪一份？",
                classes="dialog-text",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("保留本窗口的", variant="primary", id="mine")
                yield Button("用文件里的", id="disk")
                yield Button("本窗口的另存…", id="elsewhere")

    def on_mount(self) -> None:
        self.query_one("#elsewhere").focus()  # the choice that loses nothing

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        if choice in ("mine", "disk", "elsewhere"):
            self.dismiss(choice)  # type: ignore[arg-type]

    def action_cancel(self) -> None:
        self.dismiss(None)


SaveChoice = Path | Literal["discard"] | None


class SaveElsewhereDialog(ModalScreen[SaveChoice]):
    """The draft cannot be saved where it is: name another file, or quit without saving
    (only when quitting, and only by pressing that button)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, reason: str, default: Path, *, quitting: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.reason = reason
        self.default = default
        self.quitting = quitting

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("草稿没能保存", classes="dialog-title")
            yield Static(self.reason, classes="dialog-text")
            yield Static("另存到：", classes="dialog-text")
            yield Input(str(self.default), id="path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("另存", variant="primary", id="ok")
                if self.quitting:
                    yield Button("不保存，退出", variant="error", id="discard")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        elif event.button.id == "discard":
            self.dismiss("discard")
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.notify("请填写文件路径", severity="warning")
            return
        self.dismiss(Path(text).expanduser())

    def action_cancel(self) -> None:
        self.dismiss(None)

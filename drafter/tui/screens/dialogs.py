"""Small modal dialogs that return a value: slot values, export path, yes/no."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)

from drafter.writers import WRITERS

META_FIELDS = {"title": "标题", "unit": "单位", "signature": "署名", "date": "日期"}


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; Enter (on 确定) confirms, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "取消"),
        Binding("y", "confirm", "确定", show=False),
    ]

    def __init__(self, question: str, confirm: str = "确定") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.confirm_label = confirm

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.confirm_label, variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#ok").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "ok")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class SlotValuesDialog(ModalScreen[dict[str, str] | None]):
    """Ask for the slot values a phrase needs; empty ones stay 【待补】 in the report."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(
        self,
        names: list[str],
        text: str,
        *,
        title: str = "这句短语要填几处内容：",
        ok: str = "插入",
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.names = names
        self.text = text
        self.heading = title
        self.ok = ok

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.heading, classes="dialog-title")
            if self.text:
                yield Static(self.text, classes="dialog-text")
            with Grid(classes="slot-grid"):
                for i, name in enumerate(self.names):
                    yield Label(name)
                    yield Input(id=f"slot-{i}", placeholder="留空则稍后补", compact=True)
            yield Static(f"回车到下一项；全部填完后回车{self.ok}。", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.ok, variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        # Slot names run to 8 characters (16 cells): the label column fits the longest.
        widest = max((cell_len(name) for name in self.names), default=4)
        self.query_one(".slot-grid", Grid).styles.grid_columns = f"{max(10, widest + 2)} 1fr"
        self.query_one("#slot-0", Input).focus()

    def values(self) -> dict[str, str]:
        return {
            name: self.query_one(f"#slot-{i}", Input).value for i, name in enumerate(self.names)
        }

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        index = int((event.input.id or "slot-0").split("-")[1]) + 1
        if index < len(self.names):
            self.query_one(f"#slot-{index}", Input).focus()
        else:
            self.dismiss(self.values())

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self.values() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ExportDialog(ModalScreen[tuple[Path, str] | None]):
    """Where to write the report and in which format (the suffix follows the format)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, default: Path, fmt: str = "docx") -> None:
        super().__init__(classes="dialog-screen")
        self.default = default
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("导出到：", classes="dialog-title")
            yield Input(str(self.default), id="path")
            with RadioSet(id="format"):
                for fmt in WRITERS.values():
                    yield RadioButton(fmt.label, value=fmt.name == self.fmt, name=fmt.name)
            with Horizontal(classes="dialog-buttons"):
                yield Button("导出", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(RadioSet.Changed)
    def _format(self, event: RadioSet.Changed) -> None:
        self.fmt = event.pressed.name or "docx"
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value.strip() or str(self.default))
        if path.suffix.lstrip(".") in WRITERS:
            path_input.value = str(path.with_suffix(f".{self.fmt}"))

    @on(Input.Submitted, "#path")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        text = self.query_one("#path", Input).value.strip()
        if not text:
            self.notify("请填写导出路径", severity="warning")
            return
        path = Path(text).expanduser()
        if path.suffix.lstrip(".") not in WRITERS:
            path = path.with_name(f"{path.name}.{self.fmt}")
        self.dismiss((path, path.suffix.lstrip(".")))

    def action_cancel(self) -> None:
        self.dismiss(None)


class MetaDialog(ModalScreen[dict[str, str] | None]):
    """Edit what the report is and who issues it: title, unit, signature, date, scene."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, values: dict[str, str], scenes: tuple[str, ...]) -> None:
        super().__init__(classes="dialog-screen")
        self.values = values
        self.scenes = scenes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("报告信息", classes="dialog-title")
            with Grid(classes="slot-grid"):
                for name, label in META_FIELDS.items():
                    yield Label(label)
                    yield Input(self.values.get(name, ""), id=f"meta-{name}", compact=True)
                yield Label("场景")
                yield Select(
                    [(s, s) for s in self.scenes],
                    value=self.values.get("scene", self.scenes[0]),
                    allow_blank=False,
                    compact=True,
                    id="meta-scene",
                )
            yield Static("日期写成 2026-11-22；署名留空则同单位。", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#meta-title", Input).focus()

    def _values(self) -> dict[str, str]:
        out = {name: self.query_one(f"#meta-{name}", Input).value.strip() for name in META_FIELDS}
        scene = self.query_one("#meta-scene", Select).value
        out["scene"] = scene if isinstance(scene, str) else self.scenes[0]
        return out

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(self._values())

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(self._values() if event.button.id == "ok" else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ProblemsDialog(ModalScreen[list[str] | None]):
    """Which problems a cause or countermeasure answers: the problems' headings, ticked
    with space (or Enter); 确定 keeps the ticks, Escape changes nothing."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "取消")]

    def __init__(self, point: str, problems: list[str], ticked: list[str]) -> None:
        super().__init__(classes="dialog-screen")
        self.point = point
        self.problems = problems
        self.ticked = ticked

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(f"“{self.point}”对应哪些问题（空格勾选）：", classes="dialog-title")
            yield SelectionList[str](
                *((h, h, h in self.ticked) for h in self.problems), id="problems"
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("确定", variant="primary", id="ok")
                yield Button("取消", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#problems").focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.action_confirm()
        else:
            self.dismiss(None)

    def action_confirm(self) -> None:
        self.dismiss(list(self.query_one("#problems", SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)

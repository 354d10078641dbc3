"""The row of steps at the top of the wizard: ①基本情况 ②存在的问题 … ⑦审阅导出."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Label


def circled(n: int) -> str:
    """1 → ①, 20 → ⑳ (beyond that, the plain number)."""
    return chr(0x2460 + n - 1) if 1 <= n <= 20 else f"{n}."


class StepLabel(Label):
    """One step; clicking it asks to go there."""

    def __init__(self, index: int, text: str) -> None:
        super().__init__(f"{circled(index + 1)}{text}", classes="step")
        self.index = index

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(StepIndicator.StepClicked(self.index))


class StepIndicator(HorizontalScroll):
    """Shows every step, the current one highlighted and the finished ones marked."""

    DEFAULT_CSS = """
    StepIndicator { height: 1; width: 1fr; scrollbar-size: 0 0; background: $panel; }
    StepIndicator .step { padding: 0 1; color: $text-muted; }
    StepIndicator .step.-done { color: $text; }
    StepIndicator .step.-current { background: $accent; color: $text; text-style: bold; }
    StepIndicator .step:hover { text-style: underline; }
    """

    can_focus = False
    current: reactive[int] = reactive(0)

    @dataclass
    class StepClicked(Message):
        """The user clicked a step."""

        index: int

    def __init__(self, labels: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels = labels
        self.done: set[int] = set()

    def compose(self) -> ComposeResult:
        for i, text in enumerate(self.labels):
            yield StepLabel(i, text)

    def on_mount(self) -> None:
        self._restyle()

    def watch_current(self) -> None:
        self._restyle()

    def mark_done(self, done: set[int]) -> None:
        """Steps that have content get a brighter label."""
        if done != self.done:  # called on every keystroke: restyle only on a change
            self.done = done
            self._restyle()

    def _restyle(self) -> None:
        if not self.is_mounted:
            return
        for label in self.query(StepLabel):
            label.set_class(label.index == self.current, "-current")
            label.set_class(label.index in self.done, "-done")
            if label.index == self.current:
                self.scroll_to_widget(label, animate=False)

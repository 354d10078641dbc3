"""The command palette (ctrl+p): the wizard's actions, found by typing a few characters."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class WizardCommands(Provider):
    """Offers the actions of the screen the palette was opened over (and the app's)."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        screen = self.screen
        commands: list[tuple[str, str, str]] = []
        describe = getattr(screen, "palette_commands", None)
        if callable(describe):
            commands += describe()
        commands += [
            ("立即保存", "app.save", "保存草稿（平时每秒自动保存）"),
            ("切换明暗主题", "app.toggle_theme", "在浅色和深色之间切换"),
            ("帮助：所有按键", "app.help", "F1"),
            ("新建或打开其他草稿", "app.home", "回到开始页（当前草稿已保存）"),
        ]
        return [
            (title, partial(screen.run_action, action), help_) for title, action, help_ in commands
        ]

    async def discover(self) -> Hits:
        for title, callback, help_ in self._commands():
            yield DiscoveryHit(title, callback, help=help_)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_ in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_)

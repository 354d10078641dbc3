"""What the app does when a save cannot simply go ahead: the draft changed on disk, or the
file cannot be written. The user decides; until then the text stays in the app and
autosave waits, so nothing is overwritten silently and nothing is lost on quit."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.tui.display import tilde

if TYPE_CHECKING:
    from drafter.tui.app import DrafterApp
    from drafter.tui.screens.save_dialogs import DiskChoice, SaveChoice

SNOOZE = 30.0
"""Seconds autosave waits before asking again when the user put the question off (Escape);
Ctrl+S and quitting ask at once."""


class SaveFlow:
    """The save dialogs of one app, and whether one of them is open."""

    def __init__(self, app: DrafterApp) -> None:
        self.app = app
        self.asking = False
        """A save dialog is open: autosave and quit wait for the user's answer."""
        self._snoozed_until = 0.0

    def disk_changed(self, *, quitting: bool = False, auto: bool = False) -> None:
        """The draft changed on disk: ask which version to keep (`auto`: from autosave,
        which does not ask again for SNOOZE seconds after the question was put off)."""
        from drafter.tui.screens.save_dialogs import DiskChangedDialog

        app, session = self.app, self.app.session
        if session is None or self.asking or (auto and time.monotonic() < self._snoozed_until):
            return
        self.asking = True

        def chosen(choice: DiskChoice | None) -> None:
            self.asking = False
            if choice is None:
                self._snoozed_until = time.monotonic() + SNOOZE
            try:
                if choice == "mine":
                    session.save(force=True)
                elif choice == "disk":
                    session.reload()
                    app.reopen_wizard()
                elif choice == "elsewhere":
                    reason = "草稿文件在别处被改过；把本窗口的内容另存为新文件。"
                    self.save_elsewhere(reason, quitting=quitting)
                    return
                else:
                    return
            except DrafterError as exc:
                app.notify(str(exc), title="保存失败", severity="error", timeout=15)
                return
            if quitting:
                app.call_later(app.action_quit)

        app.push_screen(DiskChangedDialog(session.path), chosen)

    def save_elsewhere(self, reason: str, *, quitting: bool = False) -> None:
        """Offer another file for a draft that cannot be saved where it is."""
        from drafter.tui.screens.save_dialogs import SaveElsewhereDialog

        app, session = self.app, self.app.session
        if session is None or self.asking:
            return
        self.asking = True
        name = session.path.name.removesuffix(locations.DRAFT_SUFFIX) + "-另存"
        default = locations.drafts_dir() / f"{name}{locations.DRAFT_SUFFIX}"

        def chosen(choice: SaveChoice) -> None:
            self.asking = False
            if choice == "discard":
                session.abandon()
                app.session = None
                app.exit(return_code=1, message="drafter: quit without saving the last changes")
                return
            if choice is None:
                return
            try:
                choice.parent.mkdir(parents=True, exist_ok=True)
                session.save_as(choice)
            except (DrafterError, OSError) as exc:
                app.notify(str(exc), title="另存失败", severity="error", timeout=15)
                return
            app.notify(f"已另存到 {tilde(session.path)}，之后自动保存到这里。", timeout=8)
            if quitting:
                app.call_later(app.action_quit)

        app.push_screen(SaveElsewhereDialog(reason, default, quitting=quitting), chosen)

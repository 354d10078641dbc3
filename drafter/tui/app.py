"""The drafter wizard app: start screen, wizard, autosave, bank loading, theme and help.

`make_app` builds it from paths (and fakes in tests); `drafter` and `drafter edit` run it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from drafter.core.bank.loading import Bank, load_banks
from drafter.core.errors import DrafterError
from drafter.core.files import locations
from drafter.core.files.recent import recent_drafts
from drafter.tui import chinese_wrap, widechars
from drafter.tui import library as phrase_library
from drafter.tui.commands import WizardCommands
from drafter.tui.display import tilde
from drafter.tui.library import EngineFactory, Library, LibraryLoaded, PhraseSearch
from drafter.tui.save_flow import SaveFlow
from drafter.tui.screens.start import KindChoice, StartScreen
from drafter.tui.start_flow import StartFlow

if TYPE_CHECKING:
    from drafter.core.report.kinds import ReportKind
    from drafter.core.session import Session

# The draft model, report kinds and the wizard load pydantic and jinja2: they are imported
# when first needed, so the start screen paints before them.

AUTOSAVE_TICK = 0.25
PALETTE_PLACEHOLDER = "搜索命令：输入命令中的几个字…"
DARK, LIGHT = "textual-dark", "textual-light"


class DrafterApp(App[None]):
    """From a blank page to a finished report; every change is saved within a second."""

    CSS_PATH = "drafter.tcss"
    TITLE = "drafter"
    # Textual's own commands are in English; ours cover what a writer needs of them.
    COMMANDS = {WizardCommands}  # noqa: RUF012 (Textual's type)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual's type)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "帮助"),
        Binding("question_mark", "help", "帮助", show=False),
        Binding("f2", "toggle_theme", "主题", show=False),
        Binding("ctrl+s", "save", "保存", priority=True, show=False),
        Binding("ctrl+q", "quit", "退出", priority=True),
        Binding("ctrl+p", "command_palette", "命令", show=False, priority=True),
    ]

    def __init__(
        self,
        draft_path: Path | None = None,
        banks: Sequence[Path] = (),
        *,
        bank: Bank | None = None,
        builtin_bank: bool = True,
        engine_factory: EngineFactory | None = None,
        today: _dt.date | None = None,
        templates: Sequence[Path] = (),
        kinds: dict[str, ReportKind] | None = None,
    ) -> None:
        super().__init__()
        self.draft_path = Path(draft_path) if draft_path else None
        self.bank_paths = [Path(p) for p in banks]
        self.builtin_bank = builtin_bank
        self.engine_factory = engine_factory or phrase_library.default_engine
        self.today = today or _dt.date.today()
        self.templates = list(templates)
        self._kinds = kinds
        """Report kinds, when the caller already discovered them (`drafter edit` has)."""
        self.library = Library(bank=bank)
        self.session: Session | None = None
        self._save_failed = False
        self.saves = SaveFlow(self)
        self.starts = StartFlow(self)

    def on_mount(self) -> None:
        widechars.install()  # Chinese characters survive where widget edges cut a line
        chinese_wrap.install()  # and the body editor wraps them by 避头尾
        self.theme = DARK
        # Kinds and the bank load after the first frame, so they do not delay the first paint.
        self.call_after_refresh(self.load_in_background)
        self.set_interval(AUTOSAVE_TICK, self.autosave)
        if self.draft_path is not None and self.draft_path.exists():
            self.open_draft(self.draft_path)
        if self.session is None:
            self.show_start(self.draft_path)

    @property
    def kinds(self) -> dict[str, ReportKind]:
        """The report kinds (built-in and the user's), discovered on first use."""
        if self._kinds is None:
            from drafter.core.report.kinds import discover

            self._kinds = discover(self.templates)
        return self._kinds

    @work(thread=True, exclusive=True, group="library")
    def load_in_background(self) -> None:
        """Report kinds for the start screen, then the banks and the search index."""
        try:
            choices = kind_choices(self.kinds)
        except DrafterError as exc:
            self.call_from_thread(self.notify, str(exc), title="报告类型", severity="error")
        else:
            self.call_from_thread(self._kinds_ready, choices)
        try:
            bank = self.library.bank or load_banks(self.bank_paths, builtin=self.builtin_bank)
            engine = self.engine_factory(bank)
        except DrafterError as exc:
            self.call_from_thread(self._library_failed, str(exc))
            return
        except Exception as exc:  # without phrases the wizard still edits and exports
            self.call_from_thread(self._library_failed, f"{type(exc).__name__}: {exc}")
            return
        self.call_from_thread(self._library_ready, bank, engine)
        warm = getattr(engine, "warm", None)  # a stand-in engine (tests) may have none
        if warm is not None:  # still off the UI thread: a large bank's keystrokes then load nothing
            with contextlib.suppress(Exception):  # only a head start: a search loads the same
                warm()

    def _kinds_ready(self, choices: list[KindChoice]) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.set_kinds(choices)

    def _library_ready(self, bank: Bank, engine: PhraseSearch) -> None:
        self.library.bank = bank
        self.library.engine = engine
        self._tell_screens()
        self.starts.library_ready()

    def _tell_screens(self) -> None:
        """Tell every open screen the library is loaded (or failed): a wizard searches."""
        for screen in self.screen_stack:
            screen.post_message(LibraryLoaded())

    def _library_failed(self, message: str) -> None:
        self.library.error = message
        self.notify(message, title="短语库载入失败", severity="error", timeout=15)
        self._tell_screens()

    # -- drafts ---------------------------------------------------------------------------

    def show_start(self, preset: Path | None = None) -> None:
        kinds = kind_choices(self._kinds) if self._kinds is not None else []
        try:
            recent = recent_drafts()
        except (DrafterError, OSError) as exc:
            self.notify(f"最近草稿列表读不出来：{exc}", severity="warning")
            recent = []
        screen = StartScreen(
            kinds, recent, today=self.today, preset_path=preset, drafts_dir=locations.drafts_dir()
        )
        self.push_screen(screen)

    def open_draft(self, path: Path) -> None:
        from drafter.core.session import Session

        try:
            session = Session.open(path)
            kind = self._kind(session.draft.kind)
        except DrafterError as exc:
            self.notify(str(exc), title="打不开草稿", severity="error", timeout=10)
            return
        self.starts.tell_opened(session)
        self.show_wizard(session, kind)

    def _kind(self, kind_id: str) -> ReportKind:
        if kind_id not in self.kinds:
            known = "、".join(f"{k.name}（{k.id}）" for k in self.kinds.values())
            raise DrafterError(f"不认识报告类型“{kind_id}”；可用的有：{known}")
        return self.kinds[kind_id]

    def show_wizard(self, session: Session, kind: ReportKind) -> None:
        from drafter.tui.screens.wizard import WizardScreen  # imported when first needed

        self.session = session
        wizard = WizardScreen(session, kind, self.library, self.kinds)
        if isinstance(self.screen, StartScreen):
            self.switch_screen(wizard)
        else:
            self.push_screen(wizard)

    def on_start_screen_new_draft_requested(self, message: StartScreen.NewDraftRequested) -> None:
        self.starts.blank(message.form)

    def on_start_screen_outline_requested(self, message: StartScreen.OutlineRequested) -> None:
        self.starts.outline(message.form)

    def on_start_screen_resume_requested(self, message: StartScreen.ResumeRequested) -> None:
        self.open_draft(message.path)

    def autosave(self) -> None:
        """Write pending changes (called every AUTOSAVE_TICK seconds)."""
        from drafter.core.session import DraftChangedError

        if self.session is None or self.session.read_only or self.saves.asking:
            return
        try:
            saved = self.session.autosave()
        except DraftChangedError:
            self.saves.disk_changed(auto=True)
        except DrafterError as exc:
            if not self._save_failed:
                self.notify(f"自动保存失败：{exc}", severity="error", timeout=15)
            self._save_failed = True
        else:
            if saved and self._save_failed:
                self._save_failed = False
                self.notify("已重新保存。", timeout=4)

    def close_session(self) -> None:
        """Save and release the draft; on failure the session stays open (nothing lost)."""
        if self.session is not None:
            self.session.close()
            self.session = None

    def reopen_wizard(self) -> None:
        """Show the wizard again on the session's (reloaded) draft."""
        from drafter.tui.screens.wizard import WizardScreen

        screen = self.screen
        if self.session is not None and isinstance(screen, WizardScreen):
            self.switch_screen(WizardScreen(self.session, screen.kind, self.library, self.kinds))

    # -- actions --------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.session is None:
            return
        if self.session.read_only:
            self.notify("只读打开：不能保存", severity="warning")
            return
        from drafter.core.session import DraftChangedError

        try:
            self.session.save()
        except DraftChangedError:
            self.saves.disk_changed()
        except DrafterError as exc:
            self.notify(str(exc), title="保存失败", severity="error")
        else:
            self.notify(f"已保存 {tilde(self.session.path)}", timeout=3)

    def action_command_palette(self) -> None:
        """The command palette, asking in Chinese."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            palette = CommandPalette(placeholder=PALETTE_PLACEHOLDER, id="--command-palette")
            self.push_screen(palette)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def action_help(self) -> None:
        from drafter.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_home(self) -> None:
        """Close the draft (it is saved) and go back to the start screen."""
        from drafter.core.session import DraftChangedError

        try:
            self.close_session()
        except DraftChangedError:
            self.saves.disk_changed()
            return
        except DrafterError as exc:
            self.notify(str(exc), title="保存失败", severity="error")
            return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.show_start()

    async def action_quit(self) -> None:
        """Quit once the draft is saved; a save that fails keeps the app (and the text) open."""
        from drafter.core.session import DraftChangedError

        if self.saves.asking:
            return
        try:
            self.close_session()
        except DraftChangedError:
            self.saves.disk_changed(quitting=True)
            return
        except DrafterError as exc:
            self.saves.save_elsewhere(f"退出前保存失败：{exc}", quitting=True)
            return
        self.exit()

    def on_unmount(self) -> None:
        # A failure here was already reported by autosave; nothing more can be done.
        with contextlib.suppress(DrafterError):
            self.close_session()


def kind_choices(kinds: dict[str, ReportKind]) -> list[KindChoice]:
    """Kinds as the start screen offers them; the survey report, the main one, first."""
    ordered = sorted(kinds.values(), key=lambda k: (k.id != "survey", k.id))
    return [KindChoice(k.id, k.name, k.spec.title_hint) for k in ordered]


def make_app(
    draft_path: Path | None = None, banks: Sequence[Path] = (), **options: Any
) -> DrafterApp:
    """Build the wizard app. Options (see DrafterApp): bank=, builtin_bank=, engine_factory=,
    today=, templates=, kinds= — tests pass tmp paths, a small bank and a fixed date."""
    return DrafterApp(draft_path, banks, **options)

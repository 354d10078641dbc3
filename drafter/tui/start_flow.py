"""Starting a draft from the start screen: blank (空白开始) or from a skeleton (从提纲开始).

Both end the same way: the draft is created on disk (never over an existing file) and the
wizard opens on it; the skeleton route first asks for the matters in SkeletonDialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from drafter.core.errors import DrafterError
from drafter.tui.display import tilde

if TYPE_CHECKING:
    from drafter.core.model import Draft
    from drafter.core.session import Session
    from drafter.core.skeleton import SkeletonRequest
    from drafter.tui.app import DrafterApp
    from drafter.tui.screens.start import NewDraftForm


class StartFlow:
    """Turns a filled-in start form into an open draft."""

    def __init__(self, app: DrafterApp) -> None:
        self.app = app
        self.waiting: NewDraftForm | None = None
        """A 从提纲开始 asked for before the phrasebank was loaded: opened once it is."""

    def library_ready(self) -> None:
        from drafter.tui.screens.start import StartScreen

        form, self.waiting = self.waiting, None
        if form is not None and isinstance(self.app.screen, StartScreen):  # still asked for
            self.outline(form)

    def _path(self, form: NewDraftForm) -> tuple[bool, Path | None]:
        """(ok, where to save): the form's path with the draft suffix; not ok if it exists."""
        from drafter.core import project

        path = form.path
        if path is not None and not path.name.endswith(project.DRAFT_SUFFIX):
            path = path.with_name(path.name + project.DRAFT_SUFFIX)
        if path is not None and path.exists():
            self.app.notify(
                f"{path} 已存在：换个名字，或在右边“继续写作”里打开它", severity="error"
            )
            return False, None
        return True, path

    def blank(self, form: NewDraftForm) -> None:
        """空白开始: the kind's sections, empty."""
        from drafter.core import project

        self.waiting = None  # a 从提纲开始 still waiting for the bank is superseded
        ok, path = self._path(form)
        if not ok:
            return
        kind = self.app.kinds[form.kind]
        draft = project.new_draft(
            kind,
            title=form.title,
            unit=form.unit,
            scene=form.scene,
            date=form.date,
            signature=form.signature,
        )
        self._open(draft, path)

    def outline(self, form: NewDraftForm) -> None:
        """从提纲开始: choose matters in the dialog, then open the skeleton."""
        from drafter.core.skeleton import SkeletonRequest
        from drafter.tui.screens.skeleton_dialog import SkeletonDialog

        ok, path = self._path(form)
        bank = self.app.library.bank
        if not ok:
            return
        if bank is None:
            if self.app.library.error:
                self.app.notify(self.app.library.error, severity="error")
            else:
                self.waiting = form
                self.app.notify("短语库正在载入，载入后即打开提纲", timeout=4)
            return
        kind = self.app.kinds[form.kind]
        request = SkeletonRequest(
            kind, scene=form.scene, date=form.date, title=form.title, unit=form.unit
        )

        def accepted(chosen: SkeletonRequest | None) -> None:
            if chosen is not None:
                self._build(chosen, form, path)

        self.app.push_screen(SkeletonDialog(request, bank), accepted)

    def _build(self, request: SkeletonRequest, form: NewDraftForm, path: Path | None) -> None:
        from drafter.core.skeleton import build_skeleton

        bank = self.app.library.bank
        assert bank is not None  # the dialog was opened with it
        try:
            draft = build_skeleton(request, bank)
        except DrafterError as exc:
            self.app.notify(str(exc), title="提纲生成失败", severity="error", timeout=10)
            return
        draft.meta.signature = form.signature
        self._open(draft, path)

    def _open(self, draft: Draft, path: Path | None) -> None:
        from drafter.core.session import Session

        try:
            session = Session.create(draft, path)
        except DrafterError as exc:
            self.app.notify(str(exc), title="无法新建草稿", severity="error", timeout=10)
            return
        self.app.notify(f"草稿保存在 {tilde(session.path)}，之后每次改动自动保存。", timeout=6)
        self.app.show_wizard(session, self.app.kinds[draft.kind])

    def tell_opened(self, session: Session) -> None:
        """What the user must know about a draft just opened: read-only, or comments that a
        save does not keep (a copy was made)."""
        if session.comments_copy is not None:
            self.app.notify(
                f"草稿里有手写的注释（# …），drafter 保存时不保留注释；"
                f"原文件已另存为 {tilde(session.comments_copy)}",
                title="注释",
                severity="warning",
                timeout=15,
            )
        if session.file_read_only:
            self.app.notify(
                "文件是只读的：可以查看和导出，不能修改。", title="只读打开", severity="warning"
            )
        elif session.read_only and session.holder is not None:
            holder = session.holder
            since = holder.since.replace("T", " ")[:16]
            self.app.notify(
                f"另一个 drafter（进程 {holder.pid}，{since} 起）正在编辑这份草稿，"
                "本窗口只读：可以查看和导出，不能修改。",
                title="只读打开",
                severity="warning",
                timeout=15,
            )

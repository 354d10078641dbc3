"""What the wizard does across sections: the report information, a problem with its linked
cause and countermeasure (and pruning them again), every 【待补】 at once; and the palette's
list of the wizard's actions.

DraftActions is composed into the WizardScreen (as the app composes SaveFlow): it asks
through dialogs, applies the answer to the draft, and has the screen refresh the steps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.core import editing
from drafter.core.report.kinds import SectionSpec
from drafter.core.skeleton import Placed
from drafter.core.stepinfo import ANSWERING_ROLES
from drafter.core.text.slots import pending_by_section
from drafter.core.vocab import SCENES
from drafter.tui.screens.dialogs import (
    ConfirmDialog,
    MetaDialog,
    ProblemsDialog,
    SlotValuesDialog,
)
from drafter.tui.screens.review import ReviewStep

if TYPE_CHECKING:
    from drafter.tui.screens.wizard import WizardScreen

REVIEW_LABEL = "审阅导出"
META_NAMES = ("title", "unit", "signature", "date", "scene")


class DraftActions:
    """The wizard's edits that reach beyond one step."""

    def __init__(self, screen: WizardScreen) -> None:
        self.screen = screen
        self.state = screen.state

    def edit_meta(self) -> None:
        if self.state.editable(self.screen):
            meta = self.state.draft.meta
            values = {name: getattr(meta, name) for name in META_NAMES}
            self.screen.app.push_screen(MetaDialog(values, SCENES), self.apply_meta)

    def apply_meta(self, values: dict[str, str] | None) -> None:
        """Take the edited report information; a bad date is refused with a note."""
        if values is None:
            return
        try:
            editing.set_meta(self.state.draft, values)
        except ValueError as exc:
            self.screen.notify(str(exc), title="报告信息没有改", severity="error")
            return
        self.screen.show_title()
        self.state.session.changed()
        self.screen.notify("报告信息已更新", timeout=3)

    def add_thread(self) -> None:
        """Add the highlighted bank problem with a linked cause and countermeasure."""
        from drafter.core.skeleton import add_thread

        screen, bank = self.screen, self.state.library.bank
        spec = screen.spec
        if spec is None or bank is None or not self.state.editable(screen):
            return
        entry = bank.get(screen.panel(spec.id).highlighted_entry or "")
        if entry is None or entry.section != "problem" or entry.kind != "heading":
            screen.notify("先在右边选中一个问题标题，再按 ctrl+t", severity="warning")
            return
        after = screen.editor(spec.id).point
        try:
            placed = add_thread(self.state.draft, self.state.kind, bank, entry, after=after)
        except ValueError as exc:
            screen.notify(str(exc), severity="warning")
            return
        screen.refresh_sections(placed, current=spec.id)
        added = "、".join(self.state.label(p.section) for p in placed[1:])
        screen.notify(f"已加入“{entry.text}”" + (f"，并在{added}加入对应条目" if added else ""))

    def link_problems(self) -> None:
        """Tell which problems the selected cause or countermeasure answers (one written in
        the user's own words has no bank links, and its wording may not name them)."""
        screen, draft = self.screen, self.state.draft
        spec = screen.spec
        point = screen.editor(spec.id).point if spec is not None else None
        if spec is None or spec.bank_section not in ANSWERING_ROLES or point is None:
            screen.notify("先在原因或对策一步选中一个要点，再关联到问题", severity="warning")
            return
        problems = [
            p.heading.strip()
            for s in self.state.kind.sections
            if s.bank_section == "problem"
            for p in draft.section(s.id).points
            if p.heading.strip()
        ]
        if not problems:
            screen.notify("存在的问题一步还没有带标题的问题", severity="warning")
            return
        if not self.state.editable(screen):
            return
        target = draft.section(spec.id).points[point]

        def done(ticked: list[str] | None) -> None:
            if ticked is not None:
                target.answers = ticked
                self.state.session.changed()
                step = screen.section_step(spec.id)
                step.fresh = False
                step.start_search()  # the ↳ marks and the note follow the new links
                step.refresh_info()

        name = target.heading or "（无标题）"
        screen.app.push_screen(ProblemsDialog(name, problems, list(target.answers)), done)

    def offer_removal(self, orphans: list[Placed], current: str) -> None:
        """Offer to delete the causes and countermeasures only a deleted problem needed."""
        from drafter.core.skeleton import remove

        names = "；".join(f"{self.state.label(p.section)}“{p.heading}”" for p in orphans)

        def answer(confirmed: bool | None) -> None:
            if confirmed:
                remove(self.state.draft, orphans)
                self.screen.refresh_sections(orphans, current=current)

        question = f"这些条目只对应刚删去的问题：{names}。一并删除？"
        self.screen.app.push_screen(ConfirmDialog(question, "一并删除"), answer)

    def fill_slots(self) -> None:
        """Ask for every 【待补】 value at once; what is left empty stays to fill."""
        draft = self.state.draft
        names = list(dict.fromkeys(n for v in pending_by_section(draft).values() for n in v))
        if not names:
            self.screen.notify("没有待补项了", timeout=3)
            return
        if not self.state.editable(self.screen):
            return

        def done(values: dict[str, str] | None) -> None:
            if values:
                editing.store_slots(draft, values)
                self.state.session.changed()
                self.screen.show_title()
                if (spec := self.screen.spec) is not None:  # the values beside the {slots}
                    self.screen.section_step(spec.id).refresh_row()
                else:
                    self.screen.query_one(ReviewStep).refresh_review()
                left = sum(map(len, pending_by_section(draft).values()))
                message = f"还有 {left} 处待补" if left else "待补项都已填好"
                self.screen.notify(message, timeout=4)

        title = f"填写待补项（共{len(names)}项，留空的以后再补）："
        self.screen.app.push_screen(SlotValuesDialog(names, "", title=title, ok="填好"), done)


def palette_commands(specs: list[SectionSpec]) -> list[tuple[str, str, str]]:
    """The wizard's actions for the command palette: (title, action, help)."""
    steps = [(f"转到：{s.label}", f"goto({i})", "") for i, s in enumerate(specs)]
    return [
        ("下一步", "next", "ctrl+n"),
        ("上一步", "back", "ctrl+b"),
        (f"转到：{REVIEW_LABEL}", "review", "ctrl+r"),
        *steps,
        ("搜索短语", "find", "ctrl+f"),
        ("修改报告信息（标题、单位、日期、场景）", "edit_meta", ""),
        ("新增要点（与所选要点同级）", "add_point", "ctrl+o"),
        ("新增子项：在所选要点下加 1. 或（1）", "add_subpoint", "或 ctrl+o 后 alt+→"),
        ("降为子项：所选要点归入上一要点", "level(1)", "alt+→"),
        ("升一级：所选子项提到上一级", "level(-1)", "alt+←"),
        ("加入选中的问题，连同关联原因和对策", "add_thread", "ctrl+t"),
        ("关联到问题：选中的原因或对策回应哪些问题", "link_problems", ""),
        ("填写待补项", "fill_slots", "ctrl+l"),
        ("导出报告", "export", "docx / md / txt"),
    ]

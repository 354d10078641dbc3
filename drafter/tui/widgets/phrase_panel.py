"""The phrase panel: a search box, visible filters, results with highlights, and notes.

It only shows what the screen gives it and posts what the user did: the screen runs the
search off the UI thread and inserts the chosen phrase.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from drafter.core.text.linebreak import break_lines, cell_width
from drafter.core.text.slots import SLOT_RE

ALL = ""
"""Filter value meaning "any"."""
NOTHING_FOUND = "没有找到短语：可换拼音或首字母，或放宽上面的筛选"


@dataclass(frozen=True)
class ResultRow:
    """One search result as shown: text with highlighted spans and its tags."""

    entry_id: str
    text: str
    spans: tuple[tuple[int, int], ...] = ()
    tags: str = ""
    """Kind, topic and scene, e.g. 标题·组织生活·农村."""
    mark: str = ""
    """A prefix such as ↳ for a suggestion linked to the problems."""


@dataclass(frozen=True)
class Filters:
    """The panel's filter values by name ('' = any)."""

    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, **values: str) -> Filters:
        return cls(tuple(values.items()))

    def __getitem__(self, name: str) -> str:
        return dict(self.values).get(name, ALL)


@dataclass(frozen=True)
class FilterChoice:
    """A filter as the panel offers it: name, label and its (label, value) options."""

    name: str
    label: str
    options: list[tuple[str, str]] = field(default_factory=list)
    on_demand: bool = False
    """Shown only once asked for (the 收录 filter, when the bank has harvested entries)."""


def broken(content: Content, width: int) -> Content:
    """Content in lines of at most `width` cells by Chinese rules (no line opens with ，),
    its styles kept: the list would otherwise wrap by cell count alone."""
    lines = break_lines(content.plain, width)
    if len(lines) < 2:
        return content
    offsets = list(itertools.accumulate(len(line) for line in lines))[:-1]
    return Content("\n").join(content.divide(offsets))


def result_prompt(row: ResultRow, width: int = 0) -> Content:
    """The text with matched characters highlighted and slots set apart, then its tags;
    with a `width`, in lines broken by Chinese rules, the tags after the text if they fit
    on its last line, else on a line of their own."""
    text = Content(row.text)
    for match in SLOT_RE.finditer(row.text):
        text = text.stylize("italic $text-secondary", match.start(), match.end())
    for start, end in row.spans:
        text = text.stylize("bold $text-accent underline", start, end)
    mark = Content.styled(row.mark, "$text-success") if row.mark else Content("")
    tags = f"  {row.tags}"
    if width <= 0:
        return mark + text + Content.styled(tags, "$text-muted")
    body = broken(mark + text, width)
    last = body.plain.rsplit("\n", 1)[-1]
    if sum(map(cell_width, last + tags)) <= width:
        return body + Content.styled(tags, "$text-muted")
    return (
        body + Content("\n") + Content.styled("\n".join(tag_lines(row.tags, width)), "$text-muted")
    )


def tag_lines(tags: str, width: int) -> list[str]:
    """Tags (标题·组织生活·通用) in lines of whole tags where they fit: a line never ends
    in the middle of 通用."""
    lines = [""]
    for tag in tags.split("·"):
        joined = f"{lines[-1]}·{tag}" if lines[-1] else tag
        if lines[-1] and sum(map(cell_width, joined)) > width:
            lines[-1] += "·"  # the separator ends the line, as punctuation does
            lines.append(tag)
        else:
            lines[-1] = joined
    return [part for line in lines for part in break_lines(line, width)]


class PhrasePanel(Vertical):
    """Search box, filters and results of one wizard step."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "cursor(8)", show=False),
        Binding("pageup", "cursor(-8)", show=False),
        Binding("tab", "leave_query", show=False),
    ]

    @dataclass
    class QueryChanged(Message):
        """The query or a filter changed: search again."""

        panel: PhrasePanel
        query: str
        filters: Filters

    @dataclass
    class QueryLeft(Message):
        """Tab in the search box: the user goes back to writing."""

        panel: PhrasePanel

    @dataclass
    class PhraseChosen(Message):
        """The user pressed Enter on a result."""

        panel: PhrasePanel
        entry_id: str

    def __init__(
        self, key: str, choices: list[FilterChoice], filters: Filters, *, id: str | None = None
    ) -> None:
        super().__init__(classes="phrase-panel", id=id)
        self.key = key
        self.info = ""
        self.rows: list[ResultRow] = []
        self.note = ""
        self.choices = choices
        self.initial = filters

    def compose(self) -> ComposeResult:
        yield Input(placeholder="搜短语：汉字、拼音或首字母", id="query")
        always = [c for c in self.choices if not c.on_demand]
        for i in range(0, len(always), 2):  # two selects a row
            with Horizontal(classes="filters"):
                for choice in always[i : i + 2]:
                    yield self._select(choice)
        with Horizontal(classes="filters", id="on-demand"):
            for choice in self.choices:
                if choice.on_demand:
                    yield self._select(choice)
        yield OptionList(id="results")
        yield Static("", id="info")

    def _select(self, choice: FilterChoice) -> Select[str]:
        select: Select[str] = Select(
            [(f"{choice.label}：{text}", v) for text, v in choice.options],
            value=self.initial[choice.name],
            allow_blank=False,
            compact=True,
            id=f"filter-{choice.name}",
        )
        return select

    @property
    def query_text(self) -> str:
        return self.query_one("#query", Input).value

    @property
    def filters(self) -> Filters:
        def value(name: str) -> str:
            v = self.query_one(f"#filter-{name}", Select).value
            return v if isinstance(v, str) else ALL

        return Filters(tuple((c.name, value(c.name)) for c in self.choices))

    def show_on_demand(self, show: bool) -> None:
        """Offer the filters shown on demand (收录: reviewed / pending)."""
        self.query_one("#on-demand").display = show

    def focus_query(self) -> None:
        """Focus the search box with its old query selected, so typing replaces it."""
        query = self.query_one("#query", Input)
        query.focus()
        query.select_all()

    def action_leave_query(self) -> None:
        """Tab from the search box goes back to the text; elsewhere in the panel it moves on."""
        if self.query_one("#query", Input).has_focus:
            self.post_message(self.QueryLeft(self))
        else:
            self.screen.focus_next()

    def show_results(self, rows: list[ResultRow], note: str = "", *, keep: bool = False) -> None:
        """Replace the results and highlight the first (or, with `keep`, the same one as before)."""
        results = self.query_one("#results", OptionList)
        before = None
        if keep and results.highlighted is not None:
            before = results.get_option_at_index(results.highlighted).id
        self.rows, self.note = rows, note
        # the width the list lays options out in, less a scrollbar (many results show one)
        padding = results.get_component_styles("option-list--option").padding.width
        width = results.content_region.width - padding
        prompts = [result_prompt(r, width) for r in rows]
        if sum(p.plain.count("\n") + 1 for p in prompts) > results.content_region.height:
            width -= results.styles.scrollbar_size_vertical  # the list will show a scrollbar
            prompts = [result_prompt(r, width) for r in rows]
        results.clear_options()
        results.add_options([Option(p, id=r.entry_id) for p, r in zip(prompts, rows, strict=True)])
        if rows:
            ids = [r.entry_id for r in rows]
            results.highlighted = ids.index(before) if before in ids else 0
        else:
            results.add_option(
                Option(Content.styled(note or NOTHING_FOUND, "$text-muted"), disabled=True)
            )

    def show_info(self, info: Content | str) -> None:
        """Linked suggestions, unanswered problems or a usage note under the results."""
        if str(info) == self.info:
            return  # unchanged (it is refreshed as the user types)
        self.info = str(info)
        self.query_one("#info", Static).update(info)
        self.query_one("#info").display = bool(self.info)

    def on_resize(self) -> None:
        """Break the results' lines anew for the new width."""
        if self.rows:
            self.show_results(self.rows, self.note, keep=True)

    def on_mount(self) -> None:
        self.query_one("#info").display = False
        self.query_one("#on-demand").display = False

    def request_search(self) -> None:
        self.post_message(self.QueryChanged(self, self.query_text, self.filters))

    @on(Input.Changed, "#query")
    @on(Select.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.request_search()

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose_highlighted()

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.PhraseChosen(self, event.option.id))

    @property
    def highlighted_entry(self) -> str | None:
        """The id of the highlighted result, if any."""
        results = self.query_one("#results", OptionList)
        if results.highlighted is None:
            return None
        option = results.get_option_at_index(results.highlighted)
        return option.id if option.id and not option.disabled else None

    def _choose_highlighted(self) -> None:
        if entry_id := self.highlighted_entry:
            self.post_message(self.PhraseChosen(self, entry_id))

    def action_cursor(self, offset: int) -> None:
        """Up/down in the search box move the highlight in the results."""
        results = self.query_one("#results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + offset))

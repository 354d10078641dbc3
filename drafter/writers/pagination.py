"""Where the main text ends: page and line, predicted from the grid (GB/T 9704 §5.2.1).

Every paragraph of the 主体 sits on the 22-line grid at one line a line, and a line holds 28
characters, so pages can be counted before Word lays them out: the 版记 needs it, since it
goes on the foot of the last even page, beside the text when there is room (§7.4), and its
page is numbered unless a blank page comes before it (§7.5). Keep rules follow Word:
keep-with-next ties a paragraph's last line to the next one's first, keep-lines ties all of
a paragraph's lines, widow control ties the first two and the last two. LibreOffice moves a
kept paragraph whole instead (it keeps its lines together unless it starts a page);
`libreoffice=True` counts that way, for the tests that render through it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from drafter.core.text.linebreak import break_lines

PAGE_LINES = 22
LINE_CHARS = 28
BODY_PT = 16.0  # 3号: the grid's character
TEXT_WIDTH_MM = 156.0
TEXT_HEIGHT_MM = 225.0


@dataclass(frozen=True)
class Para:
    """A paragraph as printed: its grid lines and how it may break across pages."""

    lines: int
    keep_next: bool = False
    keep_lines: bool = False
    widow_control: bool = False


@dataclass(frozen=True)
class TextEnd:
    """The page (from 1) and the line on it (from 1) of the main text's last line."""

    page: int
    line: int

    @property
    def lines_free(self) -> int:
        return PAGE_LINES - self.line


def _cells(char: str) -> int:
    """Half-character cells a character takes in the body font: Chinese, full-width and the
    quotes and dashes a Chinese font draws a full cell wide take two; digits and Latin one."""
    return 2 if unicodedata.east_asian_width(char) in "WFA" else 1


def printed_lines(
    text: str, *, first: float = 0.0, left: float = 0.0, chars: int = LINE_CHARS
) -> int:
    """Lines a paragraph prints on: `first` and `left` are its indents in characters (a
    hanging first line is a negative `first`), broken by 避头尾 as Word breaks Chinese."""
    if not text:
        return 1
    width = round((chars - left) * 2)
    lead = round((left + first) * 2) - round(left * 2)
    if lead >= 0:
        lines = break_lines("\u3000" * (lead // 2) + " " * (lead % 2) + text, width, _cells)
    else:  # a hanging first line: as wide as the line plus the hang
        lines = break_lines(text, width - lead, _cells)
        if len(lines) > 1:
            rest = text[len(lines[0]) :]
            lines = lines[:1] + break_lines(rest, width, _cells)
    return len(lines)


def text_end(
    paras: list[Para], *, first_page: int = PAGE_LINES, libreoffice: bool = False
) -> TextEnd:
    """Where the last line prints: see `page_starts`."""
    starts = page_starts(paras, first_page=first_page, libreoffice=libreoffice)
    total = sum(p.lines for p in paras)
    return TextEnd(len(starts), total - starts[-1] + (PAGE_LINES - first_page) * (len(starts) == 1))


def breaks_after(paras: list[Para], index: int, *, first_page: int = PAGE_LINES) -> bool:
    """Whether Word starts a page right after paragraph `index`."""
    after = sum(p.lines for p in paras[: index + 1])
    return after in page_starts(paras, first_page=first_page)


def page_starts(
    paras: list[Para], *, first_page: int = PAGE_LINES, libreoffice: bool = False
) -> list[int]:
    """The first line of each page, the paragraphs laid on pages of 22 lines (`first_page`
    on the first, below a 版头), each page broken at the last line the keep rules allow (or
    at the foot when the whole page is tied together)."""
    glue: list[bool] = []  # glue[k]: line k and line k + 1 must share a page
    widow: list[bool] = []  # the part of glue[k] that widow control asks
    head: list[int] = []  # LibreOffice: first line of the kept paragraph whose chain ties k
    chain = -1
    for para in paras:
        first = len(glue)
        if libreoffice and para.keep_next and para.lines > 1 and not para.keep_lines:
            chain = first if chain < 0 else chain
        for k in range(para.lines):
            last = k == para.lines - 1
            widow.append(para.widow_control and (k == 0 or k == para.lines - 2))
            glue.append(para.keep_next if last else para.keep_lines or widow[-1])
            head.append(chain if (not last or para.keep_next) else -1)
        chain = chain if para.keep_next else -1
    if glue:
        glue[-1] = False

    def tied(k: int, page_start: int) -> bool:
        if head[k] < 0 or head[k] < page_start:
            return glue[k]
        # LibreOffice moves a kept paragraph whole; one that starts the page drops its keeps
        return head[k] > page_start or widow[k]

    starts, room = [0], first_page
    while len(glue) - starts[-1] > room:
        start = starts[-1]
        end = start + room
        starts.append(next((b for b in range(end, start, -1) if not tied(b - 1, start)), end))
        room = PAGE_LINES
    return starts

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

from dataclasses import dataclass, replace

from drafter.core.text.linebreak import break_lines
from drafter.core.text.titlebreak import is_wide

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
    lo_lines: int = -1
    """Lines in LibreOffice when it breaks them otherwise (it hangs 。，、 past the line's end
    where Word may not, and the other way round); -1: as in Word."""

    def printed(self, libreoffice: bool) -> int:
        return self.lo_lines if libreoffice and self.lo_lines >= 0 else self.lines

    def longer(self, delta: int) -> Para:
        """The same paragraph `delta` lines longer (or shorter), in both."""
        lo = self.lo_lines + delta if self.lo_lines >= 0 else -1
        return replace(self, lines=self.lines + delta, lo_lines=lo)


@dataclass(frozen=True)
class TextEnd:
    """The page (from 1) and the line on it (from 1) of the main text's last line."""

    page: int
    line: int

    @property
    def lines_free(self) -> int:
        return PAGE_LINES - self.line


_SEAM = "\ue000"  # LibreOffice's quarter-character space where Chinese meets digits
_INDENT = "\ue001"  # a quarter character of indent


def _quarters(char: str) -> int:
    """Quarter characters a character takes in the body font: four for a wide one, two for
    digits and Latin."""
    if char in (_SEAM, _INDENT):
        return 1
    return 4 if is_wide(char) else 2


def _with_seams(text: str) -> str:
    out = []
    for n, char in enumerate(text):
        if n and is_wide(char) != is_wide(text[n - 1]) and not text[n - 1].isspace():
            out.append(_SEAM)
        out.append(char)
    return "".join(out)


def printed_lines(
    text: str,
    *,
    first: float = 0.0,
    left: float = 0.0,
    chars: int = LINE_CHARS,
    hang: bool = False,
    autospace: bool = False,
) -> int:
    """Lines a paragraph prints on: `first` and `left` are its indents in characters (a
    hanging first line is a negative `first`), broken by 避头尾 as Word breaks Chinese;
    `hang` when punctuation may hang past the line's end, `autospace` when a quarter
    character of space separates Chinese from digits and Latin (LibreOffice always)."""
    if not text:
        return 1
    if autospace:
        text = _with_seams(text)

    def lines_of(piece: str, width: int) -> list[str]:
        return break_lines(piece, width, _quarters, hang=hang)

    width = round((chars - left) * 4)
    lead = round((left + first) * 4) - round(left * 4)
    if lead >= 0:
        lines = lines_of(_INDENT * lead + text, width)
    else:  # a hanging first line: as wide as the line plus the hang
        lines = lines_of(text, width - lead)
        if len(lines) > 1:
            lines = lines[:1] + lines_of(text[len(lines[0]) :], width)
    return len(lines)


def text_end(
    paras: list[Para], *, first_page: int = PAGE_LINES, libreoffice: bool = False
) -> TextEnd:
    """Where the last line prints: see `page_starts`."""
    starts = page_starts(paras, first_page=first_page, libreoffice=libreoffice)
    total = sum(p.printed(libreoffice) for p in paras)
    return TextEnd(len(starts), total - starts[-1] + (PAGE_LINES - first_page) * (len(starts) == 1))


def breaks_after(
    paras: list[Para], index: int, *, first_page: int = PAGE_LINES, libreoffice: bool = False
) -> bool:
    """Whether a page starts right after paragraph `index`."""
    after = sum(p.printed(libreoffice) for p in paras[: index + 1])
    return after in page_starts(paras, first_page=first_page, libreoffice=libreoffice)


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
        first, lines = len(glue), para.printed(libreoffice)
        if libreoffice and para.keep_next and lines > 1 and not para.keep_lines:
            chain = first if chain < 0 else chain
        for k in range(lines):
            last = k == lines - 1
            widow.append(para.widow_control and (k == 0 or k == lines - 2))
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

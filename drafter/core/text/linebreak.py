"""Chinese line breaking for fixed-width screens: 避头尾 and whole numbers.

A line may not start with closing punctuation (，。；” …) nor end with opening punctuation
(“（《 …), and a run of digits or Latin letters (286份's 286, GB/T) is not split: when the
natural break would do either, the break moves back a few characters, as Word's kinsoku
does in the .docx. Widths are terminal cells (a Chinese character is two).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

NO_START = frozenset("，。、；：？！,.;:?!）)］]｝}》〉」』】〕〗”’…—%％·・～~")
"""Characters that may not begin a line (closing punctuation, pauses, ellipsis, dash)."""
NO_END = frozenset("（(［[｛{《〈「『【〔〖“‘")
"""Characters that may not end a line (opening punctuation)."""
MAX_PULL = 4
"""At most this many characters move to the next line to honour the rules."""


def cell_width(char: str) -> int:
    """Terminal cells a character takes: 2 for wide and full-width, 0 for combining."""
    if unicodedata.combining(char) or char in "\u200b\u2060\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _keeps_together(before: str, after: str) -> bool:
    """Whether a line may not break between these two characters."""
    if after in NO_START or before in NO_END:
        return True
    return before.isascii() and after.isascii() and before.isalnum() and after.isalnum()


def break_lines(
    text: str, width: int, measure: Callable[[str], int] = cell_width, *, hang: bool = False
) -> list[str]:
    """`text` in lines of at most `width` cells (existing newlines kept), broken by the
    rules above; nothing is added or lost: "".join of a paragraph's lines is the paragraph.
    `measure` gives a character's cells (the Word writer counts a printed page's widths);
    with `hang`, one closing punctuation mark may hang past the line's end instead.
    """
    if width < 2:
        return text.split("\n")
    out: list[str] = []
    for paragraph in text.split("\n"):
        out += _break(paragraph, width, measure, hang)
    return out


def _break(text: str, width: int, measure: Callable[[str], int], hang: bool) -> list[str]:
    lines: list[str] = []
    start = 0
    while True:
        used, end = 0, start
        while end < len(text) and used + measure(text[end]) <= width:
            used += measure(text[end])
            end += 1
        if hang and end < len(text) and text[end] in NO_START:
            end += 1  # 。 hangs in the margin (Word's overflowPunct)
        if end >= len(text):
            lines.append(text[start:])
            return lines
        end = max(end, start + 1)  # a character wider than the line still moves on
        cut = end
        while (
            cut - start > 1 and end - cut < MAX_PULL and _keeps_together(text[cut - 1], text[cut])
        ):
            cut -= 1
        if _keeps_together(text[cut - 1], text[cut]):
            cut = end  # no better place within reach: break where it fills
        lines.append(text[start:cut])
        start = cut


def adjust_breaks(text: str, offsets: list[int], start: int = 0) -> list[int]:
    """Break offsets (character indices where wrapped lines start, the first line starting
    at `start`) moved back by the same rules, so that no line starts with closing
    punctuation nor splits a number. The line before a moved break gets shorter; the one
    after it longer, so the caller wraps the rest again from the moved break."""
    out: list[int] = []
    previous = start
    for offset in offsets:
        cut = offset
        while (
            cut - previous > 1
            and offset - cut < MAX_PULL
            and 0 < cut < len(text)
            and _keeps_together(text[cut - 1], text[cut])
        ):
            cut -= 1
        if 0 < cut < len(text) and _keeps_together(text[cut - 1], text[cut]):
            cut = offset  # no better place within reach
        out.append(cut)
        previous = cut
    return out

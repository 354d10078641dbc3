"""The ending kept on one page (GB/T 9704 §7.3.5): which paragraphs go with the signature.

The last body paragraph is kept with the signature (two when the last is a one-liner such
as 特此报告。 after a short one); a long one only where it would otherwise end a page, as
LibreOffice and WPS move a kept paragraph whole where Word moves its last two lines.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.core.report.blocks import Block
from drafter.core.text.titlebreak import text_width
from drafter.writers.pagination import LINE_CHARS, Para, breaks_after

KEPT_BODY_LINES = 6  # the longest paragraph kept with a one-line closing (特此报告。)
ENDING = ("attachment", "signature", "date", "note")
"""Blocks of the ending: a signature or date never stands alone on a page."""


def _lines(block: Block) -> float:
    return (text_width(block.full_text) + 2) / LINE_CHARS


def kept_from(blocks: list[Block]) -> int:
    """Index of the first block kept with the signature: the last body paragraph, whatever
    its length (two when the last is a one-liner such as 特此报告。 after a short one).

    Keep-with-next holds "at least part" of a paragraph with the next (ECMA-376 keepNext):
    Word moves only the last lines of a long one, two of them under widow control;
    LibreOffice moves the whole paragraph (see `keep_needed`).
    """
    first = next((i for i, b in enumerate(blocks) if b.kind in ENDING), len(blocks))
    if first == len(blocks) or first == 0:
        return first
    start = first - 1
    before = blocks[start - 1] if start > 0 else None
    short = _lines(blocks[start]) <= 1
    if short and before and before.kind == "body" and _lines(before) <= KEPT_BODY_LINES:
        start -= 1
    return start


def keep_needed(laid: list[Para], index: int, first_pages: tuple[int, ...]) -> bool:
    """Whether a long closing paragraph must be kept with the signature: whether, unkept,
    it would end a page in Word or LibreOffice, or would a line longer or shorter (the space
    LibreOffice sets between Chinese and digits; a font drawn wider), on any first page a
    版头 may leave.

    Kept, Word moves its last two lines over with the signature, but LibreOffice (and WPS)
    move the whole paragraph, leaving white space at the foot of the page before, or, when
    it and the ending outgrow a page, the date alone; so it is kept only where needed.
    """
    for delta in (-1, 0, 1):
        trial = list(laid)
        trial[index] = replace(laid[index].longer(delta), keep_next=False)
        for first in first_pages:
            if any(
                breaks_after(trial, index, first_page=first, libreoffice=lo) for lo in (False, True)
            ):
                return True
    return False

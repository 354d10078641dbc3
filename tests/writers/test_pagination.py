"""Counting pages on the grid: lines a paragraph prints on, and where keep rules break pages,
as Word does and as LibreOffice does (the 版记's placement depends on it)."""

from __future__ import annotations

from drafter.writers.pagination import Para, printed_lines, text_end


def test_a_body_line_holds_26_characters_after_the_indent_then_28() -> None:
    assert printed_lines("党" * 26, first=2) == 1
    assert printed_lines("党" * 27, first=2) == 2
    assert printed_lines("党" * 54, first=2) == 2
    assert printed_lines("党" * 55, first=2) == 3


def test_digits_take_half_a_character_and_punctuation_never_starts_a_line() -> None:
    assert printed_lines("党" * 22 + "2026", first=2) == 1  # 22 + 4 halves = 24 of 26
    assert printed_lines("党" * 26 + "。", first=2) == 2  # 。 takes 党 with it
    assert printed_lines("党" * 25 + "。", first=2) == 1


def test_a_hanging_indent_gives_the_first_line_the_hang() -> None:
    # 附件：名称: the first line starts two in (26 characters), the rest five in (23)
    assert printed_lines("附件：" + "党" * 23, first=-3, left=5) == 1
    assert printed_lines("附件：" + "党" * 23 + "党" * 23, first=-3, left=5) == 2
    assert printed_lines("附件：" + "党" * 24 + "党" * 23, first=-3, left=5) == 3


def ending(closing: int, before: int) -> list[Para]:
    """`before` free lines, a kept closing paragraph, 空一行, signature, date."""
    return [
        Para(before),
        Para(closing, keep_next=True, widow_control=True),
        Para(1, keep_next=True),
        Para(1, keep_next=True, keep_lines=True),
        Para(1, keep_lines=True),
    ]


def test_a_page_holds_22_lines() -> None:
    assert (text_end([Para(22)]).page, text_end([Para(22)]).line) == (1, 22)
    assert (text_end([Para(23)]).page, text_end([Para(23)]).line) == (2, 1)
    assert text_end([Para(5)], first_page=12).line == 15  # below a 版头 of ten lines


def test_word_takes_the_last_two_lines_over_with_the_signature() -> None:
    # 6 lines, then 14: the ending no longer fits on page 1
    word = text_end(ending(14, 6))
    assert (word.page, word.line) == (2, 5)  # two lines, blank, signature, date


def test_libreoffice_moves_the_kept_paragraph_whole() -> None:
    lo = text_end(ending(14, 6), libreoffice=True)
    assert (lo.page, lo.line) == (2, 17)
    # too long to go with the ending even on a page of its own: the date goes on alone
    lo = text_end(ending(20, 6), libreoffice=True)
    assert (lo.page, lo.line) == (3, 1)
    # longer than a page: split on the next page, its last two lines with the ending
    lo = text_end(ending(23, 6), libreoffice=True)
    assert (lo.page, lo.line) == (3, 5)
    word = text_end(ending(23, 6))  # Word fills page 1 and goes on
    assert (word.page, word.line) == (2, 10)


def test_a_heading_is_not_left_at_the_foot_of_a_page() -> None:
    paras = [Para(21), Para(1, keep_next=True, keep_lines=True), Para(3)]
    end = text_end(paras)
    assert (end.page, end.line) == (2, 4)  # the heading went over with its text


def test_hanging_punctuation_keeps_a_full_line_whole() -> None:
    """With a font profile that lets 。 hang past the line's end, 26 characters and a 。
    print on one line; without, the 。 takes the last character down with it."""
    assert printed_lines("党" * 26 + "。", first=2, hang=True) == 1
    assert printed_lines("党" * 26 + "。", first=2) == 2

"""Chinese line breaking for the screen: 避头尾, whole numbers, nothing lost."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from drafter.core.text.linebreak import NO_END, NO_START, break_lines, cell_width


def width_of(line: str) -> int:
    return sum(map(cell_width, line))


def test_a_comma_never_starts_a_line_nor_a_quote_ends_one() -> None:
    text = "全镇共有党员二百八十六名，其中农村党员一百九十名。"
    lines = break_lines(text, 24)  # 12 characters a line: the comma would start line 2
    assert "".join(lines) == text
    assert all(line[0] not in NO_START for line in lines[1:])
    lines = break_lines("我们要做到“三个必须”。", 10)
    assert all(line[-1] not in NO_END for line in lines[:-1])


def test_numbers_and_units_stay_whole() -> None:
    lines = break_lines("收回问卷286份，有效率98%。", 16)
    assert not any(a[-1].isdigit() and b[0].isdigit() for a, b in itertools.pairwise(lines))
    assert "".join(lines) == "收回问卷286份，有效率98%。"


CHARS = st.sampled_from(list("党员支部，。、；“”（）《》286GBT 的问题组织生活"))


@given(st.text(CHARS, max_size=80), st.integers(min_value=4, max_value=40))
def test_nothing_is_lost_and_no_line_is_too_wide(text: str, width: int) -> None:
    lines = break_lines(text, width)
    assert "".join(lines) == text
    assert all(width_of(line) <= width for line in lines)


@given(st.text(CHARS, max_size=80), st.integers(min_value=4, max_value=40))
def test_adjusted_breaks_move_back_and_keep_their_order(text: str, width: int) -> None:
    from drafter.core.text.linebreak import adjust_breaks

    offsets = list(range(width // 2, len(text), width // 2))
    adjusted = adjust_breaks(text, offsets)
    assert all(a <= o for a, o in zip(adjusted, offsets, strict=True))
    assert adjusted == sorted(set(adjusted))

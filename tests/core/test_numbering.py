from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.core.text.numbering import (
    chinese_date,
    chinese_number,
    count_number,
    enumerate_items,
    heading_label,
)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (35, "三十五"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_counting_uses_liang_for_two() -> None:
    assert count_number(2) == "两"
    assert count_number(3) == "三"


def test_heading_labels_follow_gbt9704_levels() -> None:
    assert [heading_label(level, 2) for level in (1, 2, 3, 4)] == ["二、", "（二）", "2.", "（2）"]


def test_enumeration_replaces_item_punctuation_and_closes_with_full_stop() -> None:
    text = enumerate_items(["会前准备不充分。", "议题针对性不强；", "会后跟踪落实不够"])
    assert text == "一是会前准备不充分；二是议题针对性不强；三是会后跟踪落实不够。"


def test_enumeration_skips_blank_items() -> None:
    assert enumerate_items(["学习", "  ", "讨论"]) == "一是学习；二是讨论。"


def test_dates_have_no_leading_zeros() -> None:
    assert chinese_date("2026-01-05") == "2026年1月5日"
    assert chinese_date("2026-11-22") == "2026年11月22日"


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numbers_are_distinct(n: int) -> None:
    assert chinese_number(n) != chinese_number(n + 1 if n < 999 else n - 1)

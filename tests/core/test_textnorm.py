from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.core.text.norm import (
    _OPEN_RE,
    _PUNCT_RE,
    HALF_TO_FULL,
    fullwidth_punctuation,
    strip_controls,
)


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("党员,干部;群众:好?行!", "党员，干部；群众：好？行！"),
        ("(一)组织建设", "（一）组织建设"),
        ("全村(含流动党员)共计", "全村（含流动党员）共计"),
        ("支部书记, 村委主任", "支部书记，村委主任"),
    ],
)
def test_halfwidth_marks_in_chinese_become_fullwidth(typed: str, fixed: str) -> None:
    assert fullwidth_punctuation(typed) == fixed


@pytest.mark.parametrize("text", ["1,000人", "Hello, world", "see (a) and (b)", "3:2", "v1.2"])
def test_latin_and_numbers_keep_their_marks(text: str) -> None:
    assert fullwidth_punctuation(text) == text


@given(st.text())
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = fullwidth_punctuation(text)
    assert fullwidth_punctuation(once) == once


def test_control_characters_are_removed_and_counted() -> None:
    assert strip_controls("党\x00员\x0b教育\t\n") == ("党员教育\t\n", 2)


@given(st.text(alphabet=st.sampled_from(list("党员学习a1 ,;:?!()（），\t")), max_size=30))
def test_the_early_return_for_text_without_half_width_marks_changes_nothing(text: str) -> None:
    slow = _PUNCT_RE.sub(
        lambda m: HALF_TO_FULL[m.group(1) or m.group(2)],
        _OPEN_RE.sub(lambda m: f"（{m.group(1)}）", text),
    )
    assert fullwidth_punctuation(text) == slow

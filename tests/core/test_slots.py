"""Slots shown beside the text: values, and what is left to fill."""

from __future__ import annotations

from drafter.core.text.slots import slot_summary


def test_the_slot_summary_shows_values_and_what_is_left_to_fill() -> None:
    text = "全镇{村数}个村，{支部数}个支部，{村数}个村委会。"
    assert slot_summary(text, {"村数": "12"}) == "村数＝12　支部数＝【待补】"
    assert slot_summary("没有待补项。", {"村数": "12"}) == ""

"""Reading annotations: pinyin and 注音 after characters come out; real brackets stay."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.core.harvest.annotations import has_candidates, remove_annotations
from drafter.core.harvest.clean import clean_paragraphs
from drafter.core.harvest.source import Paragraph


@pytest.mark.parametrize(
    ("annotated", "plain", "count"),
    [
        ("机(jī)关(guān)党(dǎng)建工作", "机关党建工作", 3),  # toned, after each character
        ("机（jī）关（guān）作风建设", "机关作风建设", 2),  # full-width brackets
        ("支部书记（zhī bù shū jì）带头讲党课", "支部书记带头讲党课", 1),  # after a word
        ("支部书记(zhībùshūjì)带头讲党课", "支部书记带头讲党课", 1),  # syllables run together
        ("组织生活(zuzhishenghuo)要经常开展", "组织生活要经常开展", 1),  # toneless
        ("组织生活 (zu zhi sheng huo) 要经常开展", "组织生活 要经常开展", 1),
        ("台账（tai2 zhang4）要及时更新", "台账要及时更新", 1),  # tone digits
        ("绿(lǜ)色发展，绿(lv4)色", "绿色发展，绿色", 2),  # ü and its typed v
        ("党员（ㄉㄤˇ ㄩㄢˊ）队伍", "党员队伍", 1),  # bopomofo
        ("认识偏差（音：piān chā）较大", "认识偏差较大", 1),  # labelled reading
        ("考核（拼音：kǎo hé）结果", "考核结果", 1),
        ("党建（Dǎng Jiàn）引领", "党建引领", 1),  # capitalised
        ("安(Ān)全生产", "安全生产", 1),
    ],
)
def test_every_kind_of_reading_is_removed(annotated: str, plain: str, count: int) -> None:
    assert has_candidates(annotated)
    assert remove_annotations(annotated) == (plain, count)


@pytest.mark.parametrize(
    "text",
    [
        "修订考核办法（试行）并印发",
        "在(2023)年度考核中",
        "(一)党员队伍老化",
        "中国(China)的基层治理",  # a translation, not the reading of 中国
        "方案(A)和方案(B)",  # letters that are syllables, but not these characters' readings
        "推行PPP(PPP)模式",
        "利用App(应用程序)开展学习",
        "见附件(略)",
    ],
)
def test_real_brackets_are_left_alone(text: str) -> None:
    assert remove_annotations(text) == (text, 0)


def test_cleaning_removes_annotations_and_counts_them() -> None:
    counts: Counter[str] = Counter()
    lines = clean_paragraphs(
        [
            Paragraph(1, "一、存(cún)在(zài)的问题"),
            Paragraph(2, "部分党员（dǎng yuán）学习不够主动(zhǔ dòng)，落实制度（试行）不严。"),
        ],
        counts,
    )
    assert [line.text for line in lines] == [
        "一、存在的问题",
        "部分党员学习不够主动，落实制度（试行）不严。",
    ]
    assert counts["annotations"] == 4


def test_text_without_readings_is_not_searched_further() -> None:
    assert not has_candidates("党员队伍（一）建设（试行）(2023)")


@given(
    st.text(
        alphabet=st.sampled_from(list("党员学习机关（）()jīguānzhibu 2023一、试行")), max_size=40
    )
)
def test_only_bracketed_readings_are_ever_removed(text: str) -> None:
    cleaned, removed = remove_annotations(text)
    chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    assert [ch for ch in cleaned if "\u4e00" <= ch <= "\u9fff"] == chinese
    assert removed == 0 or len(cleaned) < len(text)
    if "(" not in text and "（" not in text:
        assert cleaned == text

"""Cleaning: furniture out, noise out, script and punctuation normalised, cuts marked."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.core.harvest.clean import CUT, clean_paragraphs, clean_text
from drafter.core.harvest.source import Paragraph
from drafter.core.text.norm import has_halfwidth_punctuation
from drafter.core.text.slots import SLOT_RE


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 范文大全 > 党建材料",
        "您的位置：某某网>>工作总结>>正文",
        "上传人：张某 上传时间：某日",
        "点击查看更多相关范文",
        "- 格式：doc",
        "- 文档页数：5",
        "第1页 / 共5页",
        "— 3 —",
        "12",
        "版权所有 某某网站",
        "Copyright 2009-2020 example.com All rights reserved",
        "下载本文 收藏本文",
        "关键词：基层党组织；问题；对策",
        "[3]某某。基层党建研究[J].某刊，2009(3)：1-3.",
        "参考文献：",
        "发表时间：2013/10/19 11:54:48",
    ],
)
def test_site_and_page_furniture_is_dropped(line: str) -> None:
    assert clean_text(line)[0] == ""


def test_noise_inside_a_line_is_removed() -> None:
    text, _ = clean_text(
        "详见www.example.com或http://a.cn/x，咨询电话：010-12345678，邮箱a@b.cn。党员要带头。"
    )
    assert text == "详见或，咨询，邮箱。党员要带头。"


def test_traditional_script_and_halfwidth_punctuation_are_normalised() -> None:
    text, _ = clean_text('黨支部要加強學習,提高"三會一課"質量;每月至少開展一次(含線上)活動!')
    assert text == "党支部要加强学习，提高“三会一课”质量；每月至少开展一次（含线上）活动！"


def test_spaces_between_chinese_characters_are_closed_up() -> None:
    assert clean_text("  党员  队伍 建设　不断 加强。 ")[0] == "党员队伍建设不断加强。"


def test_a_paywall_notice_leaves_a_cut_mark() -> None:
    assert clean_text("……（某某网省略647字，正式会员可完整阅读）……")[0] == CUT
    text, _ = clean_text("目前全镇共有党支部……（未完，全文共3595字，当前仅显示1815字")
    assert text.endswith(CUT) and "未完" not in text


def test_a_copy_protection_dot_is_removed_but_numbering_kept() -> None:
    assert clean_text("发挥党组织的.战斗堡垒作用。")[0] == "发挥党组织的战斗堡垒作用。"
    assert clean_text("一.存在的问题")[0] == "一.存在的问题"


def test_glued_web_pages_are_split_at_their_chapter_marks() -> None:
    lines = clean_paragraphs(
        [
            Paragraph(1, "第一篇的最后一句话。"),
            Paragraph(2, "篇2：某某工作总结"),
            Paragraph(3, "正文。"),
        ]
    )
    assert [(line.index, line.text, line.new_document) for line in lines] == [
        (1, "第一篇的最后一句话。", False),
        (2, "", True),
        (2, "某某工作总结", False),
        (3, "正文。", False),
    ]


def test_braces_are_kept_only_around_a_slot_name() -> None:
    assert clean_text("按{要求开展活动。")[0] == "按要求开展活动。"
    assert clean_text("按{ok}开展活动。")[0] == "按ok开展活动。"
    assert (
        clean_text("全{乡镇}共有党支部{支部数}个。")[0] == "全{乡镇}共有党支部{支部数}个。"
    )  # slots
    assert clean_text("按{㐀}开展活动。")[0] == "按㐀开展活动。"  # not a slot name the bank accepts


@given(
    st.text(alphabet=st.sampled_from(list('党员支部学习，。,;:()!?"（） \t.…a1{}x')), max_size=60)
)
def test_cleaned_text_is_stable_and_has_no_halfwidth_marks(raw: str) -> None:
    text, _ = clean_text(raw)
    assert not has_halfwidth_punctuation(text)
    outside_slots = SLOT_RE.sub("", text)
    assert "{" not in outside_slots and "}" not in outside_slots
    assert text == text.strip()


def test_the_particle_zhe_of_a_traditional_document_is_simplified_but_not_a_simplified_zhu() -> (
    None
):
    traditional = clean_paragraphs(
        [Paragraph(1, "隨著工作的深入，黨員們帶著問題學習，「三會一課」逐步規範，確保件件有著落。")]
    )
    assert (
        traditional[0].text
        == "随着工作的深入，党员们带着问题学习，“三会一课”逐步规范，确保件件有着落。"
    )
    simplified = clean_paragraphs([Paragraph(1, "引导党员读原著、学原文，培养见微知著的警觉。")])
    assert simplified[0].text == "引导党员读原著、学原文，培养见微知著的警觉。"


@pytest.mark.parametrize(
    "line",
    [
        "首页 | 工作总结 | 调研报告 | 心得体会 | 会员中心",
        "范文 > 党建 > 调研报告",
        "学习｜宣传｜阵地",
    ],
)
def test_navigation_bars_are_furniture(line: str) -> None:
    assert clean_text(line)[0] == ""


def test_text_resuming_after_a_paywall_cut_loses_its_first_sentence() -> None:
    lines = clean_paragraphs(
        [
            Paragraph(
                1, "班子成员调研次数偏少。有的事项跟踪……（未完，全文共4000字，当前仅显示1500字）"
            ),
            Paragraph(2, "下载该文档需要5积分"),
            Paragraph(3, "督促落实少，部分工作前紧后松。对请示报告制度执行不严。"),
            Paragraph(4, "（三）纪律意识有所松懈"),
        ]
    )
    assert [line.text for line in lines] == [
        f"班子成员调研次数偏少。有的事项跟踪{CUT}",
        f"{CUT}督促落实少，部分工作前紧后松。对请示报告制度执行不严。",
        "（三）纪律意识有所松懈",
    ]


def test_an_inline_trial_reading_notice_cuts_the_text_but_keeps_the_line() -> None:
    text, _ = clean_text("（二）宗旨意识有所淡化。部分同志...(试读结束，登录后查看全文)")
    assert text == f"（二）宗旨意识有所淡化。部分同志{CUT}"

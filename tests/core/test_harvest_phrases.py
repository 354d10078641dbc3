"""Phrases: sentence splitting, what is kept and why the rest is left out, dates into slots."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter.core.harvest.clean import CUT
from drafter.core.harvest.phrases import (
    Phrase,
    fragments,
    slot_dates,
    split_sentences,
    to_phrases,
)
from drafter.core.harvest.structure import Block


def _one(
    text: str, section: str | None = "problem", kind: str = "body"
) -> tuple[list[Phrase], Counter[str]]:
    skipped: Counter[str] = Counter()
    return to_phrases([Block(kind, text, 7, section, "存在的问题")], skipped), skipped


def test_sentences_keep_their_end_marks_and_closing_quotes() -> None:
    assert split_sentences("要抓实。他说：“要抓细！”还要抓常？") == [
        "要抓实。",
        "他说：“要抓细！”",
        "还要抓常？",
    ]


@given(st.text(alphabet=st.sampled_from(list("党员学习。！？”“，")), max_size=40))
def test_splitting_loses_no_characters(text: str) -> None:
    assert "".join(split_sentences(text)) == "".join(text.split())


def test_a_paragraph_becomes_sentence_phrases_with_provenance() -> None:
    phrases, skipped = _one("有的支部学习以读文件为主，讨论交流较少。个别党员参加学习不够主动。")
    assert [(p.kind, p.section, p.paragraph, p.text) for p in phrases] == [
        ("sentence", "problem", 7, "有的支部学习以读文件为主，讨论交流较少。"),
        ("sentence", "problem", 7, "个别党员参加学习不够主动。"),
    ]
    assert not skipped


def test_an_enumeration_is_one_paragraph_phrase() -> None:
    phrases, _ = _one("一是会前准备不充分；二是议题针对性不强；三是会后跟踪落实不够。")
    assert [(p.kind, p.move) for p in phrases] == [("paragraph", "enumeration")]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"目前全镇共有党支部{CUT}", "truncated"),
        ("、城建等方面的会议主题都要征求意见。", "fragment"),
        ("党员队伍结构需要进一步优化，年龄", "no sentence end"),
        ("短句。", "too short"),
        ("他在会上强调“要抓实。", "unbalanced"),
        ("本文从三个方面分析了基层党建工作中存在的问题。", "web page or article"),
        ("完善_，增强组织生活的规范性。", "placeholder"),
    ],
)
def test_unusable_sentences_are_counted_by_reason(text: str, reason: str) -> None:
    phrases, skipped = _one(text)
    assert phrases == []
    assert any(reason in why for why in skipped)


def test_text_outside_any_section_is_left_out() -> None:
    phrases, skipped = _one("这一段不知道属于哪个部分的内容。", section=None)
    assert phrases == [] and skipped["no section recognised"] == 1


def test_headings_are_trimmed_and_checked() -> None:
    phrases, _ = _one("组织生活不够规范；", kind="heading")
    assert [(p.kind, p.text) for p in phrases] == [("heading", "组织生活不够规范")]
    for bad in ("短", "某单位党建工作总结", "这个标题实在太长了已经远远超过了二十个字的限制"):
        assert _one(bad, kind="heading")[0] == []


@pytest.mark.parametrize(
    ("text", "slotted"),
    [
        ("2023年以来，全镇新发展党员12名。", "{年度}年以来，全镇新发展党员12名。"),
        ("深入学习党的十九大精神。", "深入学习党的{会议}精神。"),
        ("学习贯彻十七届四中全会精神。", "学习贯彻{会议}精神。"),
        ("XX村党支部带头开展活动。", "某村党支部带头开展活动。"),
        ("**街道党工委抓好落实。", "某街道党工委抓好落实。"),
        ("全国第二大城市的党建经验。", "全国第二大城市的党建经验。"),
        ("以创先争优迎十八大为主题。", "以创先争优迎{会议}为主题。"),
        ("开展学习“十六大、新党章”知识竞赛。", "开展学习“{会议}、新党章”知识竞赛。"),
        ("第十八大队的党员带头值守。", "第十八大队的党员带头值守。"),
        ("实施十大工程。", "实施十大工程。"),
    ],
)
def test_dates_and_blanks_go_into_slots(text: str, slotted: str) -> None:
    assert slot_dates(text) == slotted


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("二是督查督办机制。对支部工作的督查多集中在年底。", "督查督办机制"),
        ("2、从力气上，抓好两支队伍。一方面抓好支部书记队伍。", "从力气上，抓好两支队伍"),
        ("一要强化思想教育。组织党员每月集中学习一次。", "强化思想教育"),
    ],
)
def test_a_point_label_becomes_a_heading(text: str, heading: str) -> None:
    phrases, _ = _one(text)
    assert (phrases[0].kind, phrases[0].text) == ("heading", heading)
    assert phrases[1].kind == "sentence" and not phrases[1].text[0].isdigit()


def test_a_hand_typed_number_is_no_part_of_a_sentence_and_scraps_are_fragments() -> None:
    phrases, skipped = _one(
        "③严把入党关口，积极吸收符合条件的优秀青年加入党组织。次党委会研究了三项工作。"
    )
    assert [p.text for p in phrases] == ["严把入党关口，积极吸收符合条件的优秀青年加入党组织。"]
    assert fragments(skipped) == 1


@pytest.mark.parametrize(
    "scrap",
    ["支部书记和党务干部两支队伍。", "党员活动室的桌椅和图书。", "各村的党员名册、花名册。"],
)
def test_a_sentence_with_no_verb_is_a_fragment_left_out_and_counted(scrap: str) -> None:
    phrases, skipped = _one(scrap)
    assert phrases == []
    assert skipped["no verb (fragment)"] == 1 and fragments(skipped) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "个别党员党性意识淡薄。",  # a judgement ending is the predicate
        "学习氛围还不够浓厚。",
        "加强党员日常教育管理。",  # heading-like, with a verb: a sentence to keep
        "支部的组织生活会质量有待提高。",
        "全镇下辖十二个村和三个社区。",
    ],
)
def test_short_sentences_that_say_something_are_kept(sentence: str) -> None:
    phrases, skipped = _one(sentence)
    assert [p.text for p in phrases] == [sentence], skipped


def test_a_heading_verb_phrase_too_short_for_a_sentence_is_kept_as_a_heading() -> None:
    phrases, skipped = _one("强化理论武装。组织党员每月集中学习一次。")
    assert [(p.kind, p.text) for p in phrases] == [
        ("heading", "强化理论武装"),
        ("sentence", "组织党员每月集中学习一次。"),
    ]
    assert fragments(skipped) == 0
    assert _one("加强学习。")[0] == []  # four characters: too short even for a heading

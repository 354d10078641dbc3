"""Structure: numbering markers, run-together headings, sections, document boundaries."""

from __future__ import annotations

import pytest

from drafter.core.harvest.clean import Line
from drafter.core.harvest.headings import split_heading
from drafter.core.harvest.markers import cn_number, inner_markers, marker_at_start
from drafter.core.harvest.sections import (
    is_title,
    keyword_section,
    paragraph_cue,
    sentence_section,
    shape_section,
)
from drafter.core.harvest.structure import Block, blocks, join_wrapped


def _blocks(*texts: str) -> list[Block]:
    return list(blocks([Line(i, t) for i, t in enumerate(texts, 1)]))


def _headings(found: list[Block]) -> list[tuple[str | None, str]]:
    return [(b.section, b.text) for b in found if b.kind == "heading"]


@pytest.mark.parametrize(
    ("line", "level", "number"),
    [
        ("一、存在的问题", 1, 1),
        ("十二、其他", 1, 12),
        ("第三，加强保障", 1, 3),
        ("（二）组织生活不规范", 2, 2),
        ("(四)阵地建设滞后", 2, 4),
        ("3.制度执行不严", 3, 3),
        ("3、制度执行不严", 3, 3),
        ("（5）台账不全", 4, 5),
        ("②经费不足", 4, 2),
    ],
)
def test_numbering_levels_are_recognised(line: str, level: int, number: int) -> None:
    marker = marker_at_start(line)
    assert marker is not None and (marker.level, marker.number) == (level, number)


@pytest.mark.parametrize("line", ["1.5万元用于阵地建设。", "2022年全镇党员大会召开。", "一二三四"])
def test_numbers_that_are_not_markers(line: str) -> None:
    assert marker_at_start(line) is None


def test_chinese_numbers() -> None:
    assert [cn_number(t) for t in ("一", "十", "十二", "二十", "二十三")] == [1, 10, 12, 20, 23]


def test_markers_inside_a_line_follow_the_numbering_seen_so_far() -> None:
    text = (
        "一、存在的问题（一）学习不深入。形式单一、内容陈旧。（二）制度不落实。（五）跳号的不算。"
    )
    last: dict[int, int] = {1: 1}
    found = inner_markers(text, last, 1, 2)
    assert [(m.level, m.number) for m in found] == [(2, 1), (2, 2)]  # 单一、 is not 一、


def test_a_run_together_page_yields_headings_in_their_sections() -> None:
    found = _blocks(
        "一、存在的问题（一）学习教育针对性不强。有的支部学习以读文件为主。（二）阵地建设滞后",
        "二、原因分析1.责任落实不到位一些支部书记抓党建的精力不足。",
        "三、对策建议（一）压实党建责任。每季度听取一次支部书记述职。",
    )
    assert _headings(found) == [
        ("problem", "学习教育针对性不强"),
        ("problem", "阵地建设滞后"),
        ("cause", "责任落实不到位"),
        ("countermeasure", "压实党建责任"),
    ]
    bodies = {b.text: b.section for b in found if b.kind == "body"}
    assert bodies["一些支部书记抓党建的精力不足。"] == "cause"
    assert bodies["每季度听取一次支部书记述职。"] == "countermeasure"


@pytest.mark.parametrize(
    ("segment", "heading", "body"),
    [
        ("组织生活不规范。有的支部会议记录不全。", "组织生活不规范", "有的支部会议记录不全。"),
        (
            "学习制度落实不力在一些支部中，学习常被挤占。",
            "学习制度落实不力",
            "在一些支部中，学习常被挤占。",
        ),
        ("对策针对上述问题，提出以下建议。", "对策", "针对上述问题，提出以下建议。"),
        ("健全制度，规范管理", "健全制度，规范管理", ""),
    ],
)
def test_heading_is_split_from_its_body(segment: str, heading: str, body: str) -> None:
    split = split_heading(segment)
    assert (split.heading, split.body) == (heading, body)


def test_a_long_first_sentence_gives_its_first_clause_as_heading() -> None:
    split = split_heading("村级活动场所普遍不足，多数支部只能借用村委会办公室开展活动。其余正文。")
    assert split.heading == "村级活动场所普遍不足"
    assert split.sentence == "村级活动场所普遍不足，多数支部只能借用村委会办公室开展活动。"
    assert split.body == "其余正文。"


def test_a_dependent_clause_is_not_made_a_heading() -> None:
    split = split_heading("以创建活动为契机，着力提升社区党组织的服务能力和工作水平。")
    assert split.heading is None


@pytest.mark.parametrize(
    ("heading", "anywhere", "section"),
    [
        ("存在的问题", False, "problem"),
        ("问题原因分析", True, "cause"),
        ("存在的问题及原因", True, "problem"),
        ("进一步加强机关党建工作的对策建议", True, "countermeasure"),
        ("下一步工作打算", False, "plan"),
        ("基本情况", False, "situation"),
        ("主要做法", False, "practice"),
        ("取得的成效", False, "achievement"),
        ("阵地经费保障不足", False, None),  # a point heading, not a section title
        ("整改措施落实不力", False, None),
        ("努力方向和整改措施", True, "countermeasure"),  # the measures are what follows
        ("履职情况", True, "practice"),  # a 述职报告's account of its work
        ("加强高校基层党组织建设的重要性和紧迫性", True, "opening"),  # why it matters
    ],
)
def test_section_titles(heading: str, anywhere: bool, section: str | None) -> None:
    assert keyword_section(heading, anywhere=anywhere) == section


@pytest.mark.parametrize(
    ("heading", "summary", "section"),
    [
        ("党员发展后继乏力", False, "problem"),
        ("强化教育培训", False, "countermeasure"),
        ("强化教育培训", True, "practice"),
        ("组织覆盖面进一步扩大", False, "achievement"),
        ("党员队伍结构", False, None),
    ],
)
def test_shape_of_a_point_heading(heading: str, summary: bool, section: str | None) -> None:
    assert shape_section(heading, summary=summary) == section


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("究其原因，既有客观因素，也有主观因素。", "cause"),
        ("针对上述问题，建议从三个方面着力解决。", "countermeasure"),
        ("下一步，我们将持续抓好整改落实。", "plan"),
        ("总之，基层党建是一项长期工作。", "closing"),
        ("但对照上级要求，我们的工作还存在一些差距和不足。", "transition"),
        ("全镇共有党支部四十个。", None),
    ],
)
def test_paragraph_cues(text: str, section: str | None) -> None:
    assert paragraph_cue(text) == section


def test_a_paragraph_cue_never_moves_the_report_back() -> None:
    assert paragraph_cue("针对以上问题，我将从三个方面改进。", "problem") == "countermeasure"
    assert paragraph_cue("针对以上问题，我将从三个方面改进。", "plan") is None
    assert paragraph_cue("但是，部分支部仍存在学习不深的问题。", "problem") is None


@pytest.mark.parametrize(
    ("text", "around", "section"),
    [
        ("下一步，我们将把整改成果转化为长效机制。", "countermeasure", "plan"),
        ("全街道共有社区党组织九个、党员六百余名。", "opening", "situation"),
        ("调研发现，多数支部活动场所基本达标。", "opening", "situation"),
        ("然而对照新要求，我们仍存在不少短板。", "opening", "transition"),
        ("为摸清底数，我们开展了专题调研。", "opening", "opening"),
        ("全街道共有社区党组织九个、党员六百余名。", "problem", "problem"),
    ],
)
def test_sentence_cues_refile_one_sentence(text: str, around: str, section: str) -> None:
    assert sentence_section(text, around) == section


def test_a_paragraph_opening_with_a_short_first_point_gives_its_heading() -> None:
    lines = [
        Line(1, "存在的问题"),
        Line(2, "一是阵地建设标准不高。部分村活动室面积偏小，设施陈旧。"),
        Line(3, "二是学习教育形式单一，多以读文件为主，党员参与热情不高。"),
    ]
    found = [(b.kind, b.section, b.text) for b in blocks(lines)]
    assert ("heading", "problem", "阵地建设标准不高") in found
    assert ("body", "problem", "部分村活动室面积偏小，设施陈旧。") in found
    # A point that runs on with commas is a sentence of the paragraph, not a heading.
    assert not any(kind == "heading" and "学习教育" in text for kind, _, text in found)


def test_titles_and_section_labels() -> None:
    assert is_title("关于某镇党建工作的调研报告")
    assert is_title("机关党建存在的问题及对策")
    assert not is_title("存在的问题")


def test_a_new_document_restarts_sections() -> None:
    found = _blocks(
        "一、存在的问题",
        "（一）党员教育管理不严",
        "某街道党建工作总结",
        "今年以来，街道党工委扎实开展各项工作。",
        "一、主要做法",
        "（一）抓好阵地建设",
    )
    assert _headings(found) == [("problem", "党员教育管理不严"), ("practice", "抓好阵地建设")]
    intro = next(b for b in found if b.kind == "body")
    assert intro.section == "opening"


def test_headings_above_a_phrase_are_its_context() -> None:
    found = _blocks("一、存在的问题", "（一）组织生活不规范", "有的支部记录不全。")
    assert found[-1].context == "存在的问题 组织生活不规范"


def test_lines_broken_mid_sentence_are_joined() -> None:
    lines = join_wrapped(
        [Line(1, "一些支部的干部缺乏相关理论知识和"), Line(2, "实践经验，难以胜任工作。")]
    )
    assert [(line.index, line.text) for line in lines] == [
        (1, "一些支部的干部缺乏相关理论知识和实践经验，难以胜任工作。")
    ]


def test_a_title_wrapped_over_lines_does_not_take_the_body_after_it() -> None:
    lines = join_wrapped(
        [
            Line(1, "以“三个加强”推动新形势下机关"),
            Line(2, "党支部建设提质增效"),
            Line(3, "某局机关党建工作经验总结"),
            Line(4, "机关党支部是党在机关中的战斗堡垒，承担着教育党员、管理党员的职责。"),
        ]
    )
    assert lines[-1].text == "机关党支部是党在机关中的战斗堡垒，承担着教育党员、管理党员的职责。"


def test_a_megabyte_line_without_sentence_ends_is_dropped_quickly() -> None:
    assert _blocks("党" * 1_000_000) == []
    found = _blocks("党员要带头学习。" * 100_000)
    assert len(found) >= 40 and all(len(b.text) <= 20_000 for b in found)


def test_the_rest_of_a_dropped_megabyte_sentence_is_not_kept() -> None:
    found = _blocks("存" * 50_000 + "。这一句是完整的。" + "在" * 30_000 + "！结尾也完整。")
    assert [b.text for b in found] == ["这一句是完整的。", "结尾也完整。"]


def test_a_heading_hard_wrapped_over_two_lines_is_joined() -> None:
    found = _blocks(
        "三、对策建议",
        "4.充实工作力量，完善考评",
        "激励机制",
        "（二）理想信念教育针对性不强，",
        "青年干部参与热情不高",
        "要通过选派、招聘等方式充实党务工作者队伍。",
    )
    assert _headings(found) == [
        ("countermeasure", "充实工作力量，完善考评激励机制"),
        ("countermeasure", "理想信念教育针对性不强"),
    ]


def test_a_short_line_after_a_whole_heading_is_not_its_tail() -> None:
    found = _blocks("一、存在的问题", "（一）党员教育管理不严", "某街道党建工作总结")
    assert _headings(found) == [("problem", "党员教育管理不严")]

"""The answering matrix: which countermeasure answers which problem, which problem each cause
explains — by phrasebank link first, then by text, then by shared topic and weaker text."""

from __future__ import annotations

import json

import pytest

from drafter.core.bank.loading import Bank, Entry
from drafter.core.checks import answer_matrix, run_checks
from drafter.core.model import Draft, Point, Section
from drafter.core.report.kinds import get_kind

BANK = Bank(
    [
        Entry("t.problem.01", "problem", "heading", "台账资料管理混乱", ("institutions",),
              links=("t.cause.01", "t.countermeasure.01")),
        Entry("t.problem.02", "problem", "heading", "党员教育方式陈旧", ("theory",),
              links=("t.cause.02",)),
        Entry("t.cause.01", "cause", "heading", "岗位职责划分不清", ("institutions",)),
        Entry("t.cause.02", "cause", "heading", "培训资源投入有限", ("theory",),
              links=("t.countermeasure.02",)),
        Entry("t.countermeasure.01", "countermeasure", "heading", "建立专人负责制度", ("institutions",)),
        Entry("t.countermeasure.02", "countermeasure", "heading", "引入线上课程平台", ("theory",)),
        Entry("t.problem.03", "problem", "sentence", "网上宣传阵地建设薄弱，内容更新慢。", ("masses",)),
        Entry("t.countermeasure.03", "countermeasure", "sentence", "开设社区公众号专栏。", ("masses",)),
    ]
)  # fmt: skip


def point(heading: str, body: str, *phrases: str) -> Point:
    return Point(heading=heading, body=[body], phrases=list(phrases))


def survey_draft(
    problems: list[Point], remedies: list[Point], causes: list[Point] | None = None
) -> Draft:
    return Draft(
        kind="survey",
        sections=[
            Section(id="problem", points=problems),
            Section(id="cause", points=causes or []),
            Section(id="countermeasure", points=remedies),
        ],
    )


def test_a_phrasebank_link_answers_a_problem_whose_words_differ() -> None:
    draft = survey_draft(
        [point("台账资料管理混乱", "有的社区台账堆放无序。", "t.problem.01")],
        [point("建立专人负责制度", "每个社区明确一名专职人员。", "t.countermeasure.01")],
    )
    kind = get_kind("survey")
    assert answer_matrix(draft, kind, BANK).cells[0, 0].reason == "link"
    assert answer_matrix(draft, kind).unanswered() == [0]  # no bank, no shared words
    assert "A001" not in {f.code for f in run_checks(draft, kind, BANK)}
    assert "A001" in {f.code for f in run_checks(draft, kind)}


def test_a_link_through_a_cause_answers_the_problem() -> None:
    draft = survey_draft(
        [point("党员教育方式陈旧", "学习多为念文件。", "t.problem.02")],
        [point("引入线上课程平台", "为每名党员开通学习账号。", "t.countermeasure.02")],
    )
    assert answer_matrix(draft, get_kind("survey"), BANK).cells[0, 0].reason == "link"


def test_typed_headings_that_match_bank_headings_use_their_links() -> None:
    draft = survey_draft(
        [point("台账资料管理混乱", "有的社区台账堆放无序。")],
        [point("建立专人负责制度", "每个社区明确一名专职人员。")],
        [point("岗位职责划分不清", "谁来管台账没有说法。")],
    )
    matrix = answer_matrix(draft, get_kind("survey"), BANK)
    assert matrix.cells[0, 0].reason == "link"
    assert matrix.cause_cells[0, 0].reason == "link"
    assert matrix.orphan_causes() == []


def test_a_shared_topic_lowers_the_bar_for_text_similarity() -> None:
    problem = point("网上宣传阵地薄弱", "部分社区的公众号长期不更新。", "t.problem.03")
    remedy_text = "每月推送两期党员先进事迹，扩大网上宣传覆盖。"
    kind = get_kind("survey")
    tagged = survey_draft([problem], [point("讲好身边故事", remedy_text, "t.countermeasure.03")])
    untagged = survey_draft([problem], [point("讲好身边故事", remedy_text)])
    assert answer_matrix(tagged, kind, BANK).cells[0, 0].reason == "topic"
    assert answer_matrix(untagged, kind, BANK).unanswered() == [0]


def test_text_similarity_pairs_problems_with_the_remedies_that_name_them() -> None:
    draft = survey_draft(
        [
            point("志愿服务参与不够广泛", "参加志愿服务的多是退休党员。"),
            point("活动阵地建设滞后", "有的活动室面积偏小。"),
        ],
        [
            point("盘活场地资源，改善活动阵地", "闲置用房优先用于党员活动。"),
            point("完善报到机制，扩大志愿服务参与", "在职党员每季度至少参加一次志愿服务。"),
        ],
        [point("激励措施不够有力", "参与志愿服务缺少激励，这是志愿服务参与不够广泛的原因之一。")],
    )
    matrix = answer_matrix(draft, get_kind("survey"))
    assert matrix.answers(0) == [1]
    assert matrix.answers(1) == [0]
    assert {k for k, _ in matrix.cause_cells} == {0}
    assert matrix.cells[0, 1].reason == "text"


def test_an_orphan_cause_is_reported_at_its_heading() -> None:
    draft = survey_draft(
        [point("活动阵地建设滞后", "有的活动室面积偏小。")],
        [point("盘活场地资源，改善活动阵地", "闲置用房优先用于党员活动。")],
        [
            point("思想认识存在偏差", "有的书记认为党建是软任务。"),
            point("经费保障渠道单一", "这也是活动阵地建设滞后的重要原因。"),
        ],
    )
    found = [f for f in run_checks(draft, get_kind("survey")) if f.code == "A002"]
    assert [(f.section, f.path, f.part) for f in found] == [("cause", (0,), "heading")]
    assert found[0].message == "原因（一）“思想认识存在偏差”对应不上任何问题"


def test_an_unanswered_problem_is_named_in_the_message() -> None:
    draft = survey_draft(
        [point("组织生活质量不高", "有的支部“三会一课”照本宣科。")],
        [point("盘活场地资源，改善活动阵地", "闲置用房优先用于党员活动。")],
    )
    [found] = [f for f in run_checks(draft, get_kind("survey")) if f.code == "A001"]
    assert found.message == "问题（一）“组织生活质量不高”没有对策回应"
    assert found.hint == "增加一条回应它的对策，或在对策中点明它的对象"


@pytest.mark.parametrize(
    ("kind_id", "remedy_section"), [("summary", "plan"), ("rectification", "countermeasure")]
)
def test_the_kind_decides_which_section_answers(kind_id: str, remedy_section: str) -> None:
    sections = [
        Section(id="problem", points=[point("活动阵地建设滞后", "有的活动室面积偏小。")]),
        Section(
            id=remedy_section,
            points=[point("盘活场地资源，改善活动阵地", "闲置用房优先用于党员活动。")],
        ),
    ]
    if kind_id == "rectification":  # its plan section must not count as the answer
        sections.append(Section(id="plan", points=[point("活动阵地", "持续改善活动阵地。")]))
        sections[1].points[0] = point("强化组织领导", "成立工作专班。")
    matrix = answer_matrix(Draft(kind=kind_id, sections=sections), get_kind(kind_id))
    assert [r.section for r in matrix.countermeasures] == [remedy_section]
    assert matrix.unanswered() == ([0] if kind_id == "rectification" else [])


def test_no_problem_points_means_no_answering_findings() -> None:
    draft = survey_draft([], [], [point("经费保障渠道单一", "自筹渠道有限。")])
    codes = {f.code for f in run_checks(draft, get_kind("survey"))}
    assert not codes & {"A001", "A002"}


def test_matrix_serialises_with_locations() -> None:
    draft = survey_draft(
        [point("活动阵地建设滞后", "有的活动室面积偏小。")],
        [point("盘活场地资源，改善活动阵地", "闲置用房优先用于党员活动。")],
    )
    data = json.loads(
        json.dumps(answer_matrix(draft, get_kind("survey")).to_dict(), ensure_ascii=False)
    )
    assert data["problems"] == [{"section": "problem", "path": [0], "heading": "活动阵地建设滞后"}]
    assert data["answers"] == [
        {"row": 0, "column": 0, "reason": "text", "score": data["answers"][0]["score"]}
    ]
    assert data["answers"][0]["score"] >= 60

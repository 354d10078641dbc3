"""Each review check fires on a draft that has the fault and stays quiet on one that has not."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.core.checks import CHECKS, SEVERITIES, Finding, Limits, place_label, run_checks
from drafter.core.checks.base import FAMILIES, STANDARDS
from drafter.core.files import draftfile
from drafter.core.model import Draft, Paragraph, Point, Section
from drafter.core.report.kinds import ReportKind, get_kind

from ..conftest import CORPUS

HEAD = """\
kind: survey
meta:
  title: 关于某街道社区党建工作的调研报告
  unit: 中共某街道工作委员会
  date: '2026-05-12'
"""
PROBLEMS = """\
- id: problem
  points:
  - {heading: 活动阵地建设滞后, body: [有的社区党群服务中心面积偏小，设施多年未更新。]}
"""
# The other required sections of a survey.
REST = """\
- id: situation
  body: [辖区共有社区党组织五个。]
- id: cause
  points: [{heading: 经费保障渠道单一, body: [这也是活动阵地建设滞后的重要原因。]}]
- id: countermeasure
  points: [{heading: 盘活场地资源，改善活动阵地, body: [闲置用房优先用于党员活动。]}]
"""
# A sentence of 30 characters, repeated to make long text.
LONG = "社区党组织每月召开一次党员大会，通报近期工作并听取党员意见。"


def doc(sections: str, head: str = HEAD) -> str:
    return head + "sections:\n" + textwrap.dedent(sections)


def point_doc(*bodies: str, heading: str = "活动阵地建设滞后") -> str:
    """A draft whose one problem point has these paragraphs."""
    body = "".join(f"\n    - '{b}'" for b in bodies)
    return doc(f"- id: problem\n  points:\n  - heading: {heading}\n    body:{body}\n")


def headings_doc(*headings: str) -> str:
    points = "".join(f"\n  - {{heading: {h}, body: [情况属实。]}}" for h in headings)
    return doc(f"- id: problem\n  points:{points}\n")


@pytest.fixture
def survey() -> ReportKind:
    return get_kind("survey")


def findings(
    text: str, kind: ReportKind, *, limits: Limits | None = None, only: list[str] | None = None
) -> list[Finding]:
    return run_checks(draftfile.loads(text), kind, limits=limits, only=only)


CASES = [
    pytest.param(
        "A001",
        doc(
            PROBLEMS
            + """\
  - {heading: 志愿服务参与不够广泛, body: [参加志愿服务的多是退休党员，在职党员参与较少。]}
- id: countermeasure
  points:
  - {heading: 盘活场地资源，改善活动阵地, body: [每年排查一次场所使用情况，闲置用房优先用于党员活动。]}
"""
        ),
        doc(
            PROBLEMS
            + """\
  - {heading: 志愿服务参与不够广泛, body: [参加志愿服务的多是退休党员，在职党员参与较少。]}
- id: countermeasure
  points:
  - {heading: 盘活场地资源，改善活动阵地, body: [每年排查一次场所使用情况，闲置用房优先用于党员活动。]}
  - {heading: 完善报到机制，扩大志愿服务参与, body: [推行在职党员到社区报到，每季度至少参加一次志愿服务。]}
"""
        ),
        id="A001-unanswered-problem",
    ),
    pytest.param(
        "A002",
        doc(
            PROBLEMS
            + """\
- id: cause
  points:
  - {heading: 经费保障渠道单一, body: [社区党建经费主要依靠上级拨付，自筹渠道有限。]}
"""
        ),
        doc(
            PROBLEMS
            + """\
- id: cause
  points:
  - {heading: 经费保障渠道单一, body: [社区党建经费主要依靠上级拨付，这也是活动阵地建设滞后的重要原因。]}
"""
        ),
        id="A002-orphan-cause",
    ),
    pytest.param(
        "P001",
        headings_doc(
            "活动阵地建设滞后",
            "服务能力不强",
            "宣传引导不够有力",
            "部分在职党员到社区报到以后参与志愿服务和社区治理的积极性普遍不高",
        ),
        headings_doc("活动阵地建设滞后", "服务能力不强", "宣传引导不够有力", "在职党员作用不明显"),
        id="P001-heading-length",
    ),
    pytest.param(
        "P002",
        headings_doc("活动阵地建设滞后", "服务能力不强", "宣传引导不够有力", "加强在职党员管理"),
        headings_doc("活动阵地建设滞后", "服务能力不强", "宣传引导不够有力", "在职党员管理不严"),
        id="P002-heading-structure",
    ),
    pytest.param(
        "C001",
        doc(REST),
        doc(PROBLEMS + REST),
        id="C001-empty-required-section",
    ),
    pytest.param(
        "C002",
        doc("- id: situation\n  body: ['{单位}所辖社区共有党员{党员数}名。']\n"),
        doc(
            "- id: situation\n  body: ['{单位}所辖社区共有党员{党员数}名。']\n",
            HEAD + "slots:\n  党员数: '214'\n",
        ),
        id="C002-unfilled-slot",
    ),
    *[
        pytest.param(
            "C003",
            point_doc(f"{mark}社区的党员活动室长期闲置。"),
            point_doc("某社区的党员活动室长期闲置。"),
            id=f"C003-placeholder-{mark}",
        )
        for mark in ("XX", "××", "……", "【待补：名称】", "【】", "...")
    ],
    pytest.param(
        "C004",
        doc("- id: problem\n  points:\n  - heading: 活动阵地建设滞后\n"),
        doc(
            "- id: problem\n  points:\n  - heading: 活动阵地建设滞后\n"
            "    points: [{heading: 场所面积偏小, body: [有的活动室不足二十平方米。]}]\n"
        ),
        id="C004-heading-without-body",
    ),
    pytest.param(
        "C005",
        doc(PROBLEMS + "- id: appendix\n  body: [附表另附。]\n"),
        doc(PROBLEMS),
        id="C005-unknown-section",
    ),
    pytest.param(
        "C006",
        doc(PROBLEMS, HEAD.replace("关于某街道社区党建工作的调研报告", "''")),
        doc(PROBLEMS),
        id="C006-missing-title",
    ),
    pytest.param(
        "R001",
        point_doc(
            "部分党员参加组织生活的积极性不高，存在应付心态。",
            "部分党员参加组织生活的积极性不高，存在应付的心态。",
        ),
        point_doc(
            "部分党员参加组织生活的积极性不高，存在应付心态。",
            "情况属实。情况属实。社区对此已有察觉并着手调整。",
        ),
        id="R001-repeated-sentence",
    ),
    pytest.param(
        "R002",
        point_doc(
            "进一步摸清底数，进一步明确责任，进一步压实任务。", "进一步健全制度，进一步加强督促。"
        ),
        point_doc("进一步摸清底数，明确责任，压实任务。", "健全制度，进一步加强督促。"),
        id="R002-stock-phrase",
    ),
    pytest.param(
        "B001",
        doc("- id: closing\n  body: [特此报告。]\n"),
        doc(f"- id: closing\n  body: [{LONG * 3}]\n"),
        id="B001-section-short",
    ),
    pytest.param(
        "B001",
        doc(f"- id: closing\n  body: [{LONG * 15}]\n"),
        doc(f"- id: closing\n  body: [{LONG * 3}]\n"),
        id="B001-section-long",
    ),
    pytest.param("B002", point_doc(LONG * 11), point_doc(LONG * 9), id="B002-long-paragraph"),
    pytest.param(
        "B003",
        doc(f"- id: situation\n  body: [{LONG * 5}]\n", HEAD + "  target_chars: 600\n"),
        doc(
            f"- id: situation\n  body: [{LONG * 5}]\n",
            HEAD + f"  target_chars: {len(LONG) * 5 + 10}\n",
        ),
        id="B003-report-length",
    ),
    *[
        pytest.param("L001", point_doc(bad), point_doc(good), id=f"L001-halfwidth-{i}")
        for i, (bad, good) in enumerate(
            [
                (
                    "辖区党员,群众代表参加了座谈。",
                    "辖区党员、群众代表参加了座谈，投入资金1,200万元。",
                ),
                ("社区共有党员56名.", "社区共有党员56名，占比为12.5%。"),
                ("党员(含预备党员)都参加了学习。", "党员（含预备党员）都参加了学习。"),
            ]
        )
    ],
    pytest.param(
        "L002",
        point_doc("社區黨組織每月開展一次活動。"),
        point_doc("社区党组织每月开展一次活动。"),
        id="L002-traditional",
    ),
    *[
        pytest.param("L003", headings_doc(bad), headings_doc(good), id=f"L003-{i}")
        for i, (bad, good) in enumerate(
            [
                ("一、活动阵地建设滞后", "活动阵地建设滞后"),
                ("（二）服务能力不强", "服务能力不强"),
                ("3.宣传引导不够有力", "一肩挑比例偏高"),
                ("第一，宣传引导不够有力", "第一书记作用发挥不够"),
            ]
        )
    ],
    *[
        pytest.param("L004", point_doc(bad), point_doc(good), id=f"L004-{i}")
        for i, (bad, good) in enumerate(
            [
                ("1.社区党组织每月召开一次党员大会。", "12.5%的党员年龄在35岁以下。"),
                ("（一）社区党组织每月召开一次党员大会。", "社区党组织每月召开一次党员大会。"),
            ]
        )
    ],
    pytest.param(
        "L005",
        point_doc("一是会前准备不足；二是讨论不够深入；四是会后落实不力。"),
        point_doc(
            "一是会前准备不足；二是讨论不够深入；三是会后落实不力。",
            "工作统一是前提，一是摸底，二是建账。",
        ),
        id="L005-skipped-in-paragraph",
    ),
    pytest.param(
        "L005",
        point_doc("一是会前准备不足。", "三是会后落实不力。"),
        point_doc("一是会前准备不足。", "二是会后落实不力。"),
        id="L005-skipped-across-paragraphs",
    ),
    *[
        pytest.param(
            "L006", point_doc(bad), point_doc("会议开得很短，讨论也不充分。"), id=f"L006-{bad[-3:]}"
        )
        for bad in ("会议开得很短。。", "会议开得很短，，讨论也不充分。", "会议开得很短，。")
    ],
    *[
        pytest.param("L007", point_doc(bad), point_doc(good), id=f"L007-{i}")
        for i, (bad, good) in enumerate(
            [
                ("“三会一课制度落实不够。", "“三会一课”（含主题党日）制度落实不够。"),
                ("学习《条例的党员不多。", "学习《条例》的党员不多。"),
                ("有的支部活动较少）。", "有的支部（特别是老旧小区）活动较少。"),
                ("活动记录不全】。", "活动记录不全。"),
            ]
        )
    ],
]


@pytest.mark.parametrize(("code", "bad", "good"), CASES)
def test_check_fires_on_the_fault_and_not_without_it(
    code: str, bad: str, good: str, survey: ReportKind
) -> None:
    assert code in [f.code for f in findings(bad, survey)]
    assert code not in [f.code for f in findings(good, survey)]


def test_every_check_in_the_table_has_a_case() -> None:
    from .test_checks_proofreading import CASES as PROOFREADING

    covered = {p.values[0] for p in [*CASES, *PROOFREADING]}
    # The 提法 checks (F) are tested with their table, beside it.
    assert covered == {c.code for c in CHECKS if not c.code.startswith("F")}


def test_the_table_is_well_formed() -> None:
    codes = [c.code for c in CHECKS]
    assert len(codes) == len(set(codes))
    for check in CHECKS:
        assert check.severity in SEVERITIES
        assert check.hint and "\n" not in check.hint
        assert check.code[0] in FAMILIES and check.code[1:].isdigit()
        assert check.standard in STANDARDS


def test_findings_locate_section_point_path_and_paragraph(survey: ReportKind) -> None:
    text = doc(
        PROBLEMS
        + """\
  - heading: 服务能力不强
    body: [有的社工业务不熟。]
    points:
    - heading: 窗口服务不够规范
      body: [有的窗口人员态度生硬。, 有的窗口下班提前关门。。]
"""
    )
    [found] = findings(text, survey, only=["L006"])
    assert (found.section, found.path, found.paragraph, found.part) == (
        "problem",
        (1, 0),
        1,
        "body",
    )
    assert found.severity == "error" and found.hint
    [heading] = findings(
        doc("- id: problem\n  points:\n  - heading: 一、服务能力不强\n"), survey, only=["L003"]
    )
    assert (heading.section, heading.path, heading.paragraph, heading.part) == (
        "problem",
        (0,),
        None,
        "heading",
    )


def test_places_read_as_a_reader_names_them(survey: ReportKind) -> None:
    text = doc(
        PROBLEMS
        + """\
  - heading: 服务能力不强
    points:
    - {heading: 窗口服务不够规范, body: [有的窗口人员态度生硬。, 有的窗口下班提前关门。。]}
""",
        HEAD.replace("关于某街道", "关于XX街道") + "  target_chars: 9000\n",
    )
    labels = {
        f.code: place_label(survey, f.section, f.path, f.paragraph, f.part)
        for f in findings(text, survey, only=["L006", "B003", "C003"])
    }
    assert labels == {"L006": "存在的问题（二）1. ¶2", "B003": "全文", "C003": "标题"}


def test_title_findings_have_no_section(survey: ReportKind) -> None:
    text = doc(PROBLEMS, HEAD.replace("关于某街道", "关于XX街道"))
    [found] = findings(text, survey, only=["C003"])
    assert (found.section, found.path, found.part) == (None, (), "title")


def test_findings_come_in_reading_order(survey: ReportKind) -> None:
    text = doc(
        """\
- id: countermeasure
  points: [{heading: 完善制度，规范管理, body: [每季度检查一次。。]}]
- id: problem
  points: [{heading: 管理不够规范, body: [有的支部记录不全。。]}]
"""
    )
    located = [f.section for f in findings(text, survey, only=["L006"])]
    assert located == ["problem", "countermeasure"]


def test_enumerations_written_as_enum_are_never_flagged_for_numbering(survey: ReportKind) -> None:
    text = doc(
        """\
- id: problem
  points:
  - heading: 组织生活不够规范
    body:
    - lead: 主要表现在：
      enum: [会前准备不足, 讨论不够深入, 会后落实不力, 记录不全, 考勤不严]
"""
    )
    codes = [f.code for f in findings(text, survey)]
    assert "L005" not in codes and "L004" not in codes


def test_limits_change_the_thresholds(survey: ReportKind) -> None:
    text = point_doc(LONG * 2)
    assert "B002" not in [f.code for f in findings(text, survey)]
    assert "B002" in [f.code for f in findings(text, survey, limits=Limits(paragraph_chars=40))]
    twice = point_doc("进一步摸清底数，进一步明确责任。")
    assert "R002" in [f.code for f in findings(twice, survey, limits=Limits(stock_phrase_times=1))]


def test_known_slots_count_as_filled_and_unknown_ones_are_named(survey: ReportKind) -> None:
    text = doc("- id: situation\n  body: ['{单位}{年份}年共发展党员{发展数}名。']\n")
    [found] = findings(text, survey, only=["C002"])
    assert "{发展数}" in found.message and "{单位}" not in found.message


def test_messages_read_as_a_reviewer_writes_them(survey: ReportKind) -> None:
    [empty] = findings(doc(REST), survey, only=["C001"])
    assert empty.message == "必填部分“存在的问题”还没有内容"
    assert empty.hint == "补写这一部分：此类报告必须包含"
    lengths = findings(doc(PROBLEMS + REST), survey, only=["B001"])
    [short] = [f for f in lengths if f.section == "problem"]
    assert re.fullmatch(r"“存在的问题”共\d+字，少于建议的800–4000字", short.message)
    [doubled] = findings(point_doc("会议开得很短。。"), survey, only=["L006"])
    assert doubled.message == "标点重复“。。”：“会议开得很短。。”"
    [skipped] = findings(point_doc("一是会前准备不足，三是会后落实不力。"), survey, only=["L005"])
    assert skipped.message == "“一是”之后是“三是”，中间跳了号"


def test_hints_are_chinese_with_full_width_punctuation() -> None:
    for check in CHECKS:
        bare = re.sub(r"[A-Za-z_.]+:?", "", check.hint)  # field names such as meta.title
        assert re.search(r"[\u4e00-\u9fff]", bare), check.code
        assert not re.search(r"[,;:?!()]", bare), (check.code, check.hint)


def test_traditional_characters_are_named(survey: ReportKind) -> None:
    [found] = findings(point_doc("社區黨組織每月開展一次活動。"), survey, only=["L002"])
    assert "區→区" in found.message and "黨→党" in found.message


def test_finding_serialises_to_json(survey: ReportKind) -> None:
    found = findings(point_doc("会议开得很短。。"), survey, only=["L006"])
    data = json.loads(json.dumps([f.to_dict() for f in found], ensure_ascii=False))
    assert data[0]["code"] == "L006" and data[0]["path"] == [0] and data[0]["paragraph"] == 0


def test_a_draft_built_in_code_is_checked_like_a_loaded_one(survey: ReportKind) -> None:
    draft = Draft(
        kind="survey",
        sections=[
            Section(id="problem", points=[Point(heading="（一）服务能力不强", body=["情况属实。"])])
        ],
    )
    codes = {f.code for f in run_checks(draft, survey)}
    assert {"C006", "L003", "C001"} <= codes  # no title, typed number, cause section empty


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("党员支部组织一二三是要第、，。；：“”‘’（）()《》【】{}XX×….,;:?! \n1十百")
    ),
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(heading=_TEXT, paragraph=_TEXT)
def test_no_text_makes_the_checks_fail(heading: str, paragraph: str, survey: ReportKind) -> None:
    point = Point(heading=heading, body=[paragraph], points=[Point(heading=paragraph)])
    draft = Draft(kind="survey", sections=[Section(id="problem", points=[point, point])])
    for found in run_checks(draft, survey):
        assert found.code and found.message


def test_real_report_text_runs_through_every_check(survey: ReportKind) -> None:
    source = CORPUS / "rural-party-org-problems.txt"
    if not source.is_file():
        pytest.skip("the shared corpus is not beside the checkout")
    text = source.read_text(encoding="utf-8")
    lines: list[Paragraph] = [line.strip() for line in text.splitlines() if len(line.strip()) > 20]
    draft = Draft(kind="survey", sections=[Section(id="situation", body=lines)])
    codes = {f.code for f in run_checks(draft, survey)}
    assert "L001" in codes  # the web copy has half-width commas between Chinese words

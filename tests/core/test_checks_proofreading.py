"""The proofreading checks (punctuation, numbers, words, genre): each fires on the fault and
stays quiet on clean text that looks like it; settings and lint.ignore change what is said."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafter.core.checks import run_checks
from drafter.core.checks.base import Limits
from drafter.core.checks.settings import CheckSettings, parse_settings
from drafter.core.checks.words import parse_rules, rules
from drafter.core.files import draftfile
from drafter.core.report.kinds import ReportKind, get_kind

from .test_checks import HEAD, PROBLEMS, doc, findings, headings_doc, point_doc

RECTIFY_HEAD = """\
kind: rectification
meta:
  title: 关于某局巡察反馈问题整改情况的报告
  unit: 中共某局党组
  date: '2026-05-12'
"""


@pytest.fixture
def survey() -> ReportKind:
    return get_kind("survey")


def remedy_doc(*bodies: str) -> str:
    body = "".join(f"\n    - '{b}'" for b in bodies)
    return doc(
        f"- id: countermeasure\n  points:\n  - heading: 规范台账管理，提升工作质量\n    body:{body}\n",
        RECTIFY_HEAD,
    )


def closing_doc(closing: str) -> str:
    return doc(PROBLEMS + f"- id: closing\n  body: ['{closing}']\n", RECTIFY_HEAD)


def pairs(
    code: str, cases: list[tuple[str, str]], build: Callable[[str], str] = point_doc
) -> list[Any]:
    return [
        pytest.param(code, build(bad), build(good), id=f"{code}-{i}")
        for i, (bad, good) in enumerate(cases)
    ]


CASES = [
    pytest.param(
        "A003",
        doc(
            PROBLEMS
            + """\
- id: countermeasure
  points:
  - {heading: 盘活场地资源，改善活动阵地, body: [闲置用房优先用于党员活动。]}
  - {heading: 畅通网上渠道，办好社区公众号, body: [每周更新一次社区公众号。]}
"""
        ),
        doc(
            PROBLEMS
            + """\
- id: countermeasure
  points:
  - {heading: 盘活场地资源，改善活动阵地, body: [闲置用房优先用于党员活动。]}
"""
        ),
        id="A003-unrequested-countermeasure",
    ),
    *pairs(
        "L008",
        [
            ("一是会前准备不足、二是讨论不够深入。", "一是会前准备不足；二是讨论不够深入。"),
            ("第一，摸清底数、第二，建立台账。", "走访了老党员、困难党员、流动党员三类对象。"),
        ],
    ),
    *pairs(
        "L009",
        [
            ("走访了老党员、困难党员、等对象。", "走访了老党员、困难党员等对象。"),
            ("存在观望、等等问题。", "存在“推、拖、等、看”的思想，有的观望、等待。"),
        ],
    ),
    *pairs(
        "L010",
        [("活动阵地建设滞后。", "活动阵地建设滞后")],
        build=lambda h: headings_doc(h),
    ),
    *pairs(
        "L011",
        [
            (
                "主要问题是：有的支部记录不全：缺少签到。",
                "主要问题是：有的支部记录不全。时间：5月12日 地点：会议室。",
            ),
        ],
    ),
    *pairs(
        "L012",
        [("社区党员活动室长期闲置？", "社区党员活动室为什么长期闲置？")],
    ),
    *pairs(
        "L013",
        [
            (
                "学习“中国共产党支部工作条例（试行）”不够深入。",
                "学习《中国共产党支部工作条例（试行）》不够深入，“三会一课”落实不够。",
            ),
        ],
    ),
    *pairs(
        "N001",
        [
            ("计划25年底前全部完成。", "计划2025年底前全部完成，工作已满25年。"),
            ("会议于2026.3.15召开。", "会议于2026年3月15日召开，文号2026-03-15。"),
            ("会议于2026年03月05日召开。", "会议于2026年3月5日召开。"),
            ("要求6月30号前报送。", "要求6月30日前报送。"),
        ],
    ),
    *pairs(
        "N002",
        [
            ("参与率提高了3～5%。", "参与率提高了3%～5%，用时3～5天。"),
            ("制定2026-2030年规划。", "制定2026—2030年规划。"),
            ("投入资金15～20万元。", "投入资金15万～20万元。"),
        ],
    ),
    *pairs(
        "N003",
        [
            ("社区共有党员１２名。", "社区共有党员12名。"),
            ("投入资金5千元。", "投入资金5000元，道路长3千米。"),
            ("每村储备后备干部2-3名。", "每村储备后备干部两三名，分别为3、4名的有两个村。"),
            ("每村配备三、四名网格员。", "在第三、四季度各开展一次。"),
            ("发挥第1书记作用。", "发挥第一书记作用，分两批，第1批12人。"),
        ],
    ),
    *pairs("W001", [("其它支部也有类似情况。", "其他支部也有类似情况。")]),
    pytest.param(
        "G001",
        point_doc("有的支部" + "，会议记录存在补记现象" * 11 + "。"),
        point_doc("有的支部会议记录存在补记现象。" * 11),
        id="G001-long-sentence",
    ),
    pytest.param(
        "G002",
        doc("- id: closing\n  body: [以上报告，妥否，请批示。]\n"),
        doc("- id: closing\n  body: [特此报告。]\n"),
        id="G002-request-in-report",
    ),
    *pairs(
        "G003",
        [
            ("整改时限：尽快完成。", "整改时限：2026年6月底前完成。"),
            ("近期组织一次台账清理。", "近期组织一次台账清理，9月底前完成。"),
        ],
        build=remedy_doc,
    ),
    pytest.param(
        "G004",
        headings_doc("思想认识不到位", "活动阵地建设滞后"),
        headings_doc("组织生活不够规范", "活动阵地建设滞后"),
        id="G004-problem-as-cause",
    ),
    *pairs(
        "G004",
        [("长效机制不健全", "制度执行不够严格"), ("主观原因分析不深", "理想信念教育抓得不紧")],
        build=lambda h: headings_doc(h),
    ),
    *pairs(
        "G005",
        [
            (
                "我们将坚决扛起责任，切实提高认识，全力抓好落实，确保取得实效。",
                "我们将坚决扛起责任，每季度召开一次专题会，切实抓好落实，确保取得实效。",
            ),
        ],
    ),
    pytest.param(
        "G006",
        closing_doc("我们将持续抓好整改落实。"),
        closing_doc("我们将持续抓好整改落实。特此报告。"),
        id="G006-missing-closing",
    ),
]
# Each rule of words.yaml: a text it corrects and look-alike text it leaves alone.
WORD_CASES = {
    "qita": ("其它支部", "其他支部"),
    "jiezhi-time": ("截止目前已完成", "报名截止日期为月底，截止到6月底"),
    "zuochu": ("党组做出了部署", "党组作出部署，做出了成绩"),
    "ji-you": ("即要抓学习，又要抓落实", "立即整改，又发现新问题"),
    "jishi": ("既使任务再重，也要按期完成", "即使任务再重，既使工作落空，也削弱了作用"),
    "jiran": ("即然定了", "既然定了"),
    "yizhiyu": ("以致于进度滞后", "以至于进度滞后"),
    "yizhi-result": ("以至造成损失", "从支部以至全镇"),
    "bixu-verb": ("必需坚持问题导向", "这是必需的条件"),
    "bixu-goods": ("发放生活必须品", "发放生活必需品，必须坚持"),
    "bixu-suo": ("工作所必须的经费", "工作所必需的经费"),
    "zhiding": ("制订了管理制度", "制订工作计划，制定管理制度"),
    "de-complement": ("有的支部落实的不到位", "我们所做的不够扎实的地方"),
    "de-adverbial": ("认真的开展自查", "得到认真的落实，发挥积极的推动作用，积极的参与度"),
}


@pytest.mark.parametrize(("code", "bad", "good"), CASES)
def test_check_fires_on_the_fault_and_not_without_it(
    code: str, bad: str, good: str, survey: ReportKind
) -> None:
    kind = get_kind(draftfile.loads(bad).kind)
    assert code in [f.code for f in findings(bad, kind)]
    assert code not in [f.code for f in findings(good, kind)]


def test_every_word_rule_has_a_case() -> None:
    assert set(WORD_CASES) == {rule.id for rule in rules()}


@pytest.mark.parametrize("rule_id", sorted(WORD_CASES))
def test_word_rule_corrects_and_spares_its_counter_example(rule_id: str) -> None:
    rule = next(r for r in rules() if r.id == rule_id)
    bad, good = WORD_CASES[rule_id]
    assert list(rule.matches(bad)), bad
    assert not list(rule.matches(good)), good


def test_a_word_finding_names_the_right_word(survey: ReportKind) -> None:
    [found] = findings(point_doc("截止目前已完成。"), survey, only=["W001"])
    assert "“截止”应为“截至”" in found.message and found.standard == "现代汉语词典"


def test_a_bad_word_table_names_the_entry() -> None:
    with pytest.raises(ValueError, match="entry x"):
        parse_rules([{"id": "x", "pattern": "其它", "right": "其他", "why": "."}])


def test_number_messages_give_the_fixed_form(survey: ReportKind) -> None:
    texts = {"N001": "会议于2026.3.15召开。", "N002": "提高3～5%。", "N003": "发挥第1书记作用。"}
    fixes = {"N001": "2026年3月15日", "N002": "3%～5%", "N003": "第一书记"}
    for code, text in texts.items():
        [found] = findings(point_doc(text), survey, only=[code])
        assert f"应为“{fixes[code]}”" in found.message
        assert found.standard == "GB/T 15835-2011"


def test_third_and_fourth_quarter_is_not_a_list(survey: ReportKind) -> None:
    text = point_doc("第三、四季度，各支部集中开展一次走访。")
    assert not findings(text, survey, only=["L005", "N003"])


def test_fixed_formulas_do_not_count_as_stock_phrases(survey: ReportKind) -> None:
    text = point_doc("落实全面从严治党要求。" * 3, "推动全面从严治党向基层延伸。" * 2)
    assert not findings(text, survey, only=["R002"], limits=Limits(stock_phrase_times=1))
    assert findings(
        point_doc("全面排查，全面整改。"),
        survey,
        only=["R002"],
        limits=Limits(stock_phrase_times=1),
    )


def test_shared_generic_words_do_not_make_an_answer(survey: ReportKind) -> None:
    text = doc(
        """\
- id: problem
  points:
  - {heading: 党员队伍结构不优, body: [有的村五年没有发展党员。]}
  - {heading: 带头人队伍能力不强, body: [有的书记带富能力弱。]}
- id: countermeasure
  points:
  - {heading: 选优育强书记，建强带头人队伍, body: [每年轮训村党组织书记一次。]}
"""
    )
    [unanswered] = findings(text, survey, only=["A001"])
    assert "党员队伍结构不优" in unanswered.message


def test_an_unanswered_problem_is_an_error_in_a_survey_and_a_warning_in_a_summary() -> None:
    problem = "- id: problem\n  points: [{heading: 活动阵地建设滞后, body: [有的活动室闲置。]}]\n"
    plan = "- id: plan\n  points: [{heading: 规范会议记录, body: [每月检查一次。]}]\n"
    remedy = "- id: countermeasure\n  points: [{heading: 规范会议记录, body: [每月检查一次。]}]\n"
    summary_head = HEAD.replace("kind: survey", "kind: summary")
    [survey_finding] = findings(doc(problem + remedy), get_kind("survey"), only=["A001"])
    [summary_finding] = findings(
        doc(problem + plan, summary_head), get_kind("summary"), only=["A001"]
    )
    assert survey_finding.severity == "error" and summary_finding.severity == "warning"


def test_settings_turn_checks_off_and_change_severity(survey: ReportKind) -> None:
    draft = draftfile.loads(point_doc("其它支部会议开得很短。。"))
    settings = parse_settings({"disable": ["W001"], "severity": {"L006": "info"}}, ["W001", "L006"])
    found = {f.code: f.severity for f in run_checks(draft, survey, settings=settings)}
    assert "W001" not in found and found["L006"] == "info"
    assert parse_settings({"sentence_chars": 20}, []).limits.sentence_chars == 20


@pytest.mark.parametrize(
    "data",
    [[], {"disable": ["Z999"]}, {"severity": {"L006": "fatal"}}, {"sentence_char": 3}, {False: []}],
    ids=["not-a-mapping", "unknown-code", "bad-severity", "unknown-limit", "yaml-off"],
)
def test_bad_settings_say_which_key(data: object) -> None:
    with pytest.raises(ValueError, match="checks"):
        parse_settings(data, ["L006"])


def test_a_draft_silences_one_finding_by_code_and_place(survey: ReportKind) -> None:
    two = point_doc("其它支部开得很短。", "其它社区也一样。")
    assert len(findings(two, survey, only=["W001"])) == 2
    silenced = two + "lint:\n  ignore: ['W001@problem.1#2']\n"
    [left] = findings(silenced, survey, only=["W001"])
    assert left.place == "problem.1#1"
    assert not findings(two + "lint: {ignore: [W001@problem]}\n", survey, only=["W001"])
    assert not findings(two + "lint: {ignore: [W001]}\n", survey, only=["W001"])


def test_lint_ignore_survives_a_save_and_rejects_a_bad_entry() -> None:
    text = point_doc("其它支部。") + "lint:\n  ignore: [W001@problem.1]\n"
    draft = draftfile.loads(text)
    assert draftfile.loads(draftfile.dumps(draft)).lint.ignore == ["W001@problem.1"]
    with pytest.raises(Exception, match="代号@位置"):
        draftfile.loads(point_doc("其它支部。") + "lint: {ignore: ['其它']}\n")


def test_document_mode_skips_draft_only_checks(survey: ReportKind) -> None:
    draft = draftfile.loads(headings_doc("一、活动阵地建设滞后"))
    codes = {f.code for f in run_checks(draft, survey, document=True)}
    assert "L003" not in codes and "C001" not in codes
    assert "L003" in {f.code for f in run_checks(draft, survey)}


def test_default_settings_change_nothing(survey: ReportKind) -> None:
    draft = draftfile.loads(point_doc("其它支部。"))
    assert run_checks(draft, survey) == run_checks(draft, survey, settings=CheckSettings())


def test_docs_list_every_check_with_its_standard() -> None:
    from drafter.core.checks import CHECKS

    from ..conftest import REPO

    rows = {
        line.split("|")[1].strip(): line
        for line in (REPO / "docs" / "checks.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and line.count("|") > 5
    }
    for check in CHECKS:
        assert check.code in rows, check.code
        assert f"| {check.name} |" in rows[check.code] and check.standard in rows[check.code]


def test_the_build_prints_the_closing_formula_for_an_addressed_draft() -> None:
    text = closing_doc("我们将持续抓好整改落实。").replace(
        "  unit: 中共某局党组\n", "  unit: 中共某局党组\n  recipient: 区委巡察办\n"
    )
    assert not findings(text, get_kind("rectification"), only=["G006"])


@pytest.mark.parametrize(("closing", "flagged"), [("", True), ("特此报告。\n", False)])
def test_an_addressed_report_file_needs_its_kinds_closing(
    closing: str, flagged: bool, tmp_path: Path
) -> None:
    from drafter.core.checks.document import read_report
    from drafter.core.report.kinds import discover

    path = tmp_path / "summary.txt"
    path.write_text(
        "某支部2026年上半年工作总结\n县委组织部：\n一、存在问题\n（一）学习研讨深度不够\n"
        "有的党员谈体会多、谈措施少。\n二、下步打算\n（一）深化学习研讨\n"
        f"每次研讨前提出具体问题。\n{closing}某支部委员会\n2026年7月3日\n",
        encoding="utf-8",
    )
    report = read_report(path, discover())
    assert report.kind.id == "summary" and report.draft.meta.recipient == "县委组织部"
    codes = [f.code for f in run_checks(report.draft, report.kind, document=True)]
    assert ("G006" in codes) is flagged

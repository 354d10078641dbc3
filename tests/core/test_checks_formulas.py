"""F001/F002: every fixed formula a draft spells out matches the 提法 table, in its time."""

from __future__ import annotations

import textwrap

import pytest

from drafter.core.checks import Finding, run_checks
from drafter.core.files import draftfile
from drafter.core.report.kinds import get_kind

HEAD = """\
kind: survey
meta:
  title: 关于某街道社区党建工作的调研报告
  unit: 中共某街道工作委员会
  date: '{date}'
sections:
- id: problem
  points:
  - heading: 理论学习不够深入
    body:
"""


def findings(*paragraphs: str, date: str = "2025-05-12") -> list[Finding]:
    body = "".join(f"    - '{p}'\n" for p in paragraphs)
    draft = draftfile.loads(textwrap.dedent(HEAD.format(date=date)) + body)
    return run_checks(draft, get_kind("survey"), only=["F001", "F002"])


FLAGGED = [
    (
        "牢固树立政治意识、核心意识、大局意识、看齐意识，自觉在思想上政治上行动上同党中央保持高度一致。",
        "顺序颠倒",
    ),
    ("增强“四个意识”，即政治意识、大局意识、服务意识、看齐意识。", "成员写错"),
    ("要求党员牢固树立政治意识、大局意识、核心意识，不断提高政治判断力。", "漏了部分"),
    (
        "统筹推进“五位一体”总体布局，协调推进全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。",
        "旧提法",
    ),
    ("坚决做到“两个维护”，即坚决维护党中央权威和集中统一领导。", "漏了部分"),
    ("深刻领悟“两个确立”，确立习近平总书记党中央的核心、全党的核心地位。", "措辞不准"),
    ("个别书记对抓好党建是本职、抓不好党建是失职认识不足。", "成员写错"),
    ("上半年开展习近平新时代中国特色社会主义思想主题教育。", "漏了部分"),
    ("坚持不想腐、不敢腐、不能腐一体推进，持续保持高压态势。", "顺序颠倒"),
    ("有的班子成员认为党委负监督责任，抓业务才是主业。", "成员写错"),
    ("坚持和发展“新时代枫桥经验”，矛盾纠纷就地化解。", "措辞不准"),
]

CLEAN = [
    "全体党员增强“四个意识”、坚定“四个自信”、做到“两个维护”，深刻领悟“两个确立”的决定性意义。",
    "引导党员牢固树立政治意识、大局意识、核心意识、看齐意识。",
    "统筹推进经济建设、政治建设、文化建设、社会建设、生态文明建设“五位一体”总体布局。",
    "严格落实“三会一课”制度，按时召开支部党员大会、支部委员会、党小组会。",
    "定期召开支部党员大会、支部委员会、党小组会，按时上好党课。",
    "坚持创新、协调、绿色、开放、共享的新发展理念。",
    "有的党员增强政治意识、大局意识还停留在口头上。",
    "扎实开展学习贯彻习近平新时代中国特色社会主义思想主题教育。",
    "落实“第一议题”制度，及时学习习近平总书记最新重要讲话和重要指示批示精神。",
    "坚决反对形式主义、官僚主义、享乐主义和奢靡之风。",
    "一体推进不敢腐、不能腐、不想腐，党委负主体责任，纪委负监督责任。",
    "深入学习贯彻党的二十大和二十届历次全会精神。",
    "坚持和发展新时代“枫桥经验”，推动矛盾纠纷就地化解。",
    "持续深化“两学一做”学习教育常态化制度化，学党章党规、学系列讲话，做合格党员。",
    "党员干部要增强政治意识、大局意识、核心意识、看齐意识和责任意识。",
]


@pytest.mark.parametrize(("text", "label"), FLAGGED)
def test_a_misquoted_formula_is_an_error_with_the_canonical_form_as_fix(
    text: str, label: str
) -> None:
    found = findings(text)
    assert [(f.code, f.severity) for f in found] == [("F001", "error")]
    assert label in found[0].message
    assert found[0].hint.startswith("改为“") and "出处：" in found[0].hint
    assert found[0].section == "problem" and found[0].paragraph == 0


@pytest.mark.parametrize("text", CLEAN)
def test_correct_formulas_and_short_names_are_never_flagged(text: str) -> None:
    assert findings(text) == []


def test_the_fix_hint_is_one_line_with_the_official_order() -> None:
    (found,) = findings("牢固树立政治意识、核心意识、大局意识、看齐意识。")
    assert "\n" not in found.hint
    assert "四个意识（政治意识、大局意识、核心意识、看齐意识）" in found.hint


@pytest.mark.parametrize(
    ("date", "codes"),
    [
        ("2024-09-01", []),  # during the campaign
        ("2025-11-30", []),  # the next year's reports still consolidate it
        ("2026-03-01", ["F002"]),  # past its until
        ("2023-06-01", ["F002"]),  # before the year it began
    ],
)
def test_a_campaign_named_out_of_its_time_is_an_error(date: str, codes: list[str]) -> None:
    found = findings("深入开展党纪学习教育，组织党员逐章逐条学习。", date=date)
    assert [f.code for f in found] == codes
    assert all(f.severity == "error" and "党纪学习教育" in f.hint for f in found)


def test_a_meeting_may_be_looked_forward_to_within_its_year() -> None:
    assert findings("以优异成绩迎接党的二十大胜利召开。", date="2022-05-01") == []
    assert [f.code for f in findings("深入学习党的二十届三中全会精神。", date="2023-12-01")] == [
        "F002"
    ]


def test_a_draft_without_a_date_is_not_judged_on_dates() -> None:
    assert findings("深入开展党纪学习教育。", date="") == []

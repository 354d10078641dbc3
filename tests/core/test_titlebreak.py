from __future__ import annotations

import pytest

from drafter.core.text.titlebreak import TITLE_LINE_CHARS, break_title, text_width

# Twenty ordinary titles of the genre, 15–45 characters, each with the words a reviewer
# would not accept cut at a line break.
TITLES = {
    "关于巡察反馈意见整改情况的报告": ["反馈意见", "整改情况"],
    "某镇党委书记抓基层党建工作述职报告": ["述职报告", "党建工作"],
    "某区机关党支部标准化规范化建设情况汇报": ["党支部", "规范化", "情况汇报"],
    "关于某镇农村基层党组织建设情况的调研报告": ["基层党组织", "调研报告"],
    "某局党组领导班子专题民主生活会对照检查材料": ["领导班子", "专题民主生活会", "对照检查材料"],
    "某社区党委2026年度组织生活会对照检查材料": ["2026年度", "组织生活会", "对照检查材料"],
    "关于某村“三会一课”制度落实情况的调研报告": ["“三会一课”", "调研报告"],
    "中共某县委员会关于某镇基层治理工作的调研报告": ["委员会", "基层治理", "调研报告"],
    "关于进一步落实全面从严治党主体责任的整改报告": ["全面从严治党", "主体责任", "整改报告"],
    "某局党组关于意识形态工作责任制落实情况的报告": ["意识形态", "责任制", "落实情况"],
    "关于非公企业和社会组织党组织覆盖情况的调研报告": ["非公企业", "社会组织", "党组织", "调研报告"],
    "某区直机关党员干部作风建设存在的问题及整改措施": ["党员干部", "作风建设", "整改措施"],
    "关于高校学生党员发展质量和教育管理问题的调研报告": ["学生党员", "发展质量", "教育管理"],
    "关于加强和改进某县社区党组织服务群众能力的调研报告": ["社区党组织", "服务群众", "调研报告"],
    "关于新时代加强基层党组织带头人队伍建设的调研与思考": ["新时代", "基层党组织", "带头人", "调研"],
    "某市国有企业党建工作与生产经营深度融合问题及对策研究": ["国有企业", "生产经营", "深度融合", "对策"],
    "某国有企业党委关于党风廉政建设和反腐败工作情况的报告": ["党风廉政建设", "反腐败", "工作情况"],
    "某学院党委关于落实上级专项巡视反馈意见整改情况的报告": ["专项巡视", "反馈意见", "整改情况"],
    "关于某县乡村振兴中发挥基层党组织战斗堡垒作用情况的调研报告": ["乡村振兴", "基层党组织", "战斗堡垒"],
    "中共某市某区委员会关于全区街道社区党组织开展党建引领城市基层治理工作情况和下一步打算的报告": [
        "委员会", "街道社区", "党建引领", "基层治理", "下一步", "打算",
    ],
}  # fmt: skip


def cut_words(lines: list[str], protected: list[str]) -> list[str]:
    """Protected words that a line break falls inside."""
    whole = "".join(lines)
    breaks, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        breaks.append(at)
    cut = []
    for word in protected:
        start = whole.find(word)
        assert start >= 0, word
        if any(start < b < start + len(word) for b in breaks):
            cut.append(word)
    return cut


def test_the_titles_cover_15_to_45_characters() -> None:
    lengths = [len(t) for t in TITLES]
    assert min(lengths) == 15 and max(lengths) >= 45


@pytest.mark.parametrize("title", TITLES)
def test_titles_break_balanced_without_cutting_a_word(title: str) -> None:
    lines = break_title(title)
    assert "".join(lines) == title
    widths = [text_width(line) for line in lines]
    assert max(widths) <= TITLE_LINE_CHARS
    assert min(widths) >= max(widths) / 2, lines
    peak = widths.index(max(widths))
    assert widths[: peak + 1] == sorted(widths[: peak + 1]), lines  # rising to the peak …
    assert widths[peak:] == sorted(widths[peak:], reverse=True), lines  # … then falling
    if len(lines) == 2:
        assert widths[0] >= widths[1], lines  # 梯形: the longer line above
    assert cut_words(lines, TITLES[title]) == [], lines


def test_a_short_title_stays_on_one_line_and_a_typed_break_wins() -> None:
    assert break_title("关于巡察反馈意见整改情况的报告") == ["关于巡察反馈意见整改情况的报告"]
    typed = "某局党组领导班子\n专题民主生活会对照检查材料"
    assert break_title(typed) == ["某局党组领导班子", "专题民主生活会对照检查材料"]


def test_the_21_character_title_no_longer_leaves_one_character_alone() -> None:
    lines = break_title("某局党组领导班子专题民主生活会对照检查材料")
    assert len(lines) > 1 and min(len(line) for line in lines) > 1

from __future__ import annotations

import math

import pytest

from drafter.core.text.titlebreak import (
    TITLE_LINE_CHARS,
    break_title,
    text_width,
    title_width,
    words,
)

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
    if len(lines) == 2 and widths[0] < widths[1]:  # 上短下长 only when 上长下短 cannot be
        assert longer_above_splits(title) == [], lines
    assert cut_words(lines, TITLES[title]) == [], lines


def longer_above_splits(title: str) -> list[list[str]]:
    """Two-line splits at word boundaries, longer line above, neither under half the other."""
    pieces = words(title)
    out = []
    for cut in range(1, len(pieces)):
        top, bottom = "".join(pieces[:cut]), "".join(pieces[cut:])
        a, b = title_width(top), title_width(bottom)
        if TITLE_LINE_CHARS >= a >= b >= a / 2:
            out.append([top, bottom])
    return out


@pytest.mark.parametrize("title", TITLES)
def test_titles_take_the_fewest_lines_that_fit(title: str) -> None:
    """A title two lines can hold is set on two, not three (8 / 7 / 6 for 21 characters)."""
    fewest = math.ceil(title_width(title) / TITLE_LINE_CHARS)
    assert len(break_title(title)) == fewest, break_title(title)


def test_printed_width_counts_full_width_quotes_and_the_space_before_digits() -> None:
    """“” print a full cell in a Chinese font, and LibreOffice spaces Chinese from digits:
    both once made a 20-cell title wrap its last character onto a line of its own."""
    assert text_width("“三会一课”") == 6
    assert title_width("党委2026年度") == text_width("党委2026年度") + 0.5
    for title in (
        "关于某村“三会一课”制度落实情况的调研报告",
        "某社区党委2026年度组织生活会对照检查材料",
    ):
        lines = break_title(title)
        assert len(lines) == 2 and all(title_width(line) <= TITLE_LINE_CHARS for line in lines)


def test_a_short_title_stays_on_one_line_and_a_typed_break_wins() -> None:
    assert break_title("关于巡察反馈意见整改情况的报告") == ["关于巡察反馈意见整改情况的报告"]
    typed = "某局党组领导班子\n专题民主生活会对照检查材料"
    assert break_title(typed) == ["某局党组领导班子", "专题民主生活会对照检查材料"]


def test_the_21_character_title_no_longer_leaves_one_character_alone() -> None:
    lines = break_title("某局党组领导班子专题民主生活会对照检查材料")
    assert lines == ["某局党组领导班子", "专题民主生活会对照检查材料"]

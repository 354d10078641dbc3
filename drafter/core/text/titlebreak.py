"""Breaking a long title into balanced lines that keep words whole (GB/T 9704 §7.3.1).

A 2号 title fits 20 characters on the 156 mm text block. A longer one is set on as few
lines as keep it "词意完整，排列对称": no word is cut, no line is shorter than half the
longest, and the lines form a 梯形 longer above or a 菱形 (the middle line longest); a 梯形
longer below only when neither keeps the words whole (某局党组领导班子 / 专题民主生活会
对照检查材料 rather than three lines). A line break the user typed wins. Pure function,
so the writers and the wizard's preview break titles the same way.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from typing import Any

TITLE_LINE_CHARS = 20.0
"""Full-width characters a 2号 (22 pt, condensed 0.25 pt) line holds in 156 mm."""

# Terms of the genre a general-purpose segmenter would split or join wrongly; each is kept
# whole on one line (jieba's user dictionary).
GENRE_TERMS = (
    "调研报告",
    "对照检查材料",
    "对照检查",
    "基层党组织",
    "党组织",
    "整改情况",
    "整改报告",
    "专题民主生活会",
    "民主生活会",
    "组织生活会",
    "领导班子",
    "党组领导班子",
    "党支部",
    "党总支",
    "党委",
    "党组",
    "党建工作",
    "工作总结",
    "情况汇报",
    "情况报告",
    "述职报告",
    "问题清单",
    "三会一课",
    "主题教育",
    "乡村振兴",
    "基层治理",
    "党风廉政建设",
    "全面从严治党",
    "意识形态工作",
    "巡察反馈意见",
    "巡视反馈意见",
    "非公企业",
    "社会组织",
    "两新组织",
    "机关党建",
    "高校党建",
    "国有企业",
    "某镇",
    "某县",
    "某区",
    "某市",
    "某局",
    "某村",
    "某社区",
    "某大学",
    "某学院",
    "生产经营",
    "深度融合",
    "专项巡视",
    "反馈意见",
    "带头人队伍",
    "战斗堡垒作用",
    "存在的问题",
    "整改措施",
    "对策建议",
    "问题及对策",
)
# A line may well end after these words or start with these: breaking there reads naturally.
_BREAK_AFTER = frozenset({"的", "关于", "中", "上"})
_BREAK_BEFORE = frozenset({"关于", "和", "与", "及", "的", "存在的问题", "问题及对策"})
_BAD_BREAK_COST = 2.0
"""A break between two content words costs as much as two characters of imbalance."""

_OPENING = "“‘《（〈「『【〔([<"
_CLOSING = "”’》）〉」』】〕)]>、，。；：！？,.;:!?"
_DIGITS_RE = re.compile(r"^[0-9A-Za-z.%]+$")
_MEASURE_RE = re.compile(r"^[年月日个项条次名家号]")


def is_wide(char: str) -> bool:
    """Whether a Chinese font draws the character a full cell wide: CJK, full-width and the
    ambiguous “”‘’—…·; digits and Latin letters take half."""
    return unicodedata.east_asian_width(char) in "WFA"


def text_width(text: str) -> float:
    """Width in full-width cells: 1 for a wide character (`is_wide`), ½ for the others."""
    return sum(1.0 if is_wide(c) else 0.5 for c in text)


def title_width(text: str) -> float:
    """A title line's printed width: `text_width`, plus a quarter cell wherever Chinese meets
    digits or Latin letters. LibreOffice inserts that space whatever the file says (Word
    honours autoSpaceDE="0"), so a line measured this way fits in both."""
    wide = [is_wide(c) for c in text]
    seams = sum(1 for a, b in itertools.pairwise(wide) if a != b)
    return text_width(text) + seams / 4


@cache
def _tokenizer() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    try:
        from drafter.core.files.locations import index_cache_dir

        folder = index_cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder)
    except OSError:
        pass  # jieba falls back to the system temp folder
    for term in GENRE_TERMS:
        tokenizer.add_word(term, freq=10**6)
    return tokenizer


def words(text: str) -> list[str]:
    """The title's unbreakable pieces: words, with punctuation and numbers held on."""
    pieces: list[str] = []
    glue_next = False
    for token in _tokenizer().cut(text, HMM=True):
        if not token:
            continue
        attach = pieces and (
            glue_next
            or token[0] in _CLOSING
            or (_DIGITS_RE.match(pieces[-1]) and _MEASURE_RE.match(token))
            or (_DIGITS_RE.match(pieces[-1]) and _DIGITS_RE.match(token))
        )
        if attach:
            pieces[-1] += token
        else:
            pieces.append(token)
        glue_next = token[-1] in _OPENING
    return pieces


def _shape(widths: list[float]) -> int | None:
    """0 for a 梯形 longer above, 1 for a 菱形 (rising to one peak, then falling), 2 for a
    梯形 longer below (the fallback when no other shape keeps words whole); None otherwise."""
    if all(a >= b for a, b in itertools.pairwise(widths)):
        return 0
    if all(a <= b for a, b in itertools.pairwise(widths)):
        return 2
    peak = widths.index(max(widths))
    rising, falling = widths[: peak + 1], widths[peak:]
    if all(a <= b for a, b in itertools.pairwise(rising)) and all(
        a >= b for a, b in itertools.pairwise(falling)
    ):
        return 1
    return None


def _candidates(pieces: list[str], lines: int) -> list[tuple[list[str], float]]:
    """Every way to split the pieces into `lines` groups, with the cost of its breaks."""
    out = []
    for cuts in itertools.combinations(range(1, len(pieces)), lines - 1):
        bounds = (0, *cuts, len(pieces))
        cost = sum(
            0.0 if pieces[c - 1] in _BREAK_AFTER or pieces[c] in _BREAK_BEFORE else _BAD_BREAK_COST
            for c in cuts
        )
        out.append((["".join(pieces[a:b]) for a, b in itertools.pairwise(bounds)], cost))
    return out


def _best(pieces: list[str], line_chars: float) -> list[str] | None:
    """The fewest lines that fit; among those, a 梯形 longer above or a 菱形 before one
    longer below, then the most even at natural breaks, then a longer first line."""
    total = sum(text_width(p) for p in pieces)
    fewest = max(2, int(-(-total // line_chars)))
    for lines in range(fewest, min(fewest + 2, len(pieces)) + 1):
        scored = []
        for groups, cost in _candidates(pieces, lines):
            widths = [title_width(g) for g in groups]
            longest = max(widths)
            shape = _shape(widths)
            if longest > line_chars or min(widths) < longest / 2 or shape is None:
                continue
            scored.append((shape == 2, longest - min(widths) + cost, shape, -widths[0], groups))
        if scored:
            return min(scored)[-1]
    return None


def break_title(title: str, line_chars: float = TITLE_LINE_CHARS) -> list[str]:
    """The title's lines: as typed when it holds a newline, else balanced whole-word lines."""
    if "\n" in title:
        return [line.strip() for line in title.split("\n") if line.strip()]
    title = title.strip()
    if title_width(title) <= line_chars:
        return [title] if title else []
    pieces = words(title)
    best = _best(pieces, line_chars)
    if best is None:  # one word longer than a line, or no balanced split: cut by characters
        best = _best(list(title), line_chars) or [title]
    return best

"""Number usage (GB/T 15835-2011, 出版物上数字用法) and the 公文 way of writing dates.

Each rule is a row of RULES: a pattern, a message template and the fix. Only forms the
standard rules out are matched, so 3～5天 (the unit may be left off the first number) and
2026-03-15 (the standard's own all-digit form) pass; 3～5% and 2026.3.15 do not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from drafter.core.checks.base import Context, Hit, TextUnit, snippet

_D = r"(?<![\d.０-９])"  # a number starts here, not inside a longer one
_CN = "一二三四五六七八九"
_COUNT_WORDS = "个名次天人家项条所件户位岁倍周场批期份篇"
# Arabic numerals inside fixed terms that are words, not counts (GB/T 15835 4.2).
WORD_NUMERALS: dict[str, str] = {
    "第1书记": "第一书记",
    "第1议题": "第一议题",
    "第1责任人": "第一责任人",
    "第1时间": "第一时间",
    "1把手": "一把手",
    "1岗双责": "一岗双责",
    "3会1课": "三会一课",
    "1线": "一线",
    "2个确立": "两个确立",
    "2个维护": "两个维护",
    "4个意识": "四个意识",
    "4个自信": "四个自信",
    "1方面": "一方面",
    "1律": "一律",
}


@dataclass(frozen=True)
class Rule:
    """A number form to flag: `message` may use {0} for the matched text."""

    pattern: re.Pattern[str]
    message: str
    fix: str = ""
    """A replacement template for the match (re.sub syntax); empty when the fix varies."""


def _terms() -> re.Pattern[str]:
    return re.compile(r"(?<![\d.])(?:" + "|".join(map(re.escape, WORD_NUMERALS)) + ")")


FULLWIDTH = Rule(re.compile(r"[０-９]+"), "全角数字“{0}”", "")
SHORT_YEAR = Rule(
    re.compile(_D + r"(?<![第近满达了过共约计每])(\d{2})年(?=底|初|末|上半年|下半年|度|\d{1,2}月)"),
    "年份简写为“{0}”",
    "",
)
RANGE_UNIT = Rule(
    re.compile(_D + r"(\d+(?:\.\d+)?)\s*[～~—－-]\s*(\d+(?:\.\d+)?)\s*(%|‰|万|亿)"),
    "范围“{0}”前一个数丢了“%”“万”或“亿”",
    r"\1\3～\2\3",
)
YEAR_SPAN = Rule(
    re.compile(_D + r"((?:19|20)\d{2})\s*[-－–]\s*((?:19|20)?\d{2})\s*年"),
    "年份起止“{0}”用了短横",
    "",
)
DOTTED_DATE = Rule(
    re.compile(_D + r"((?:19|20)\d{2})[./](\d{1,2})[./](\d{1,2})(?![\d.])"),
    "日期写成了“{0}”",
    r"\1年\2月\3日",
)
PADDED_DATE = Rule(
    re.compile(_D + r"0([1-9])(月|日)"),
    "月、日前补了0：“{0}”",
    r"\1\2",
)
HAO_DATE = Rule(
    re.compile(r"(?<![\d])(\d{1,2}月\d{1,2})号"),
    "公文日期用“日”不用“号”：“{0}”",
    r"\1日",
)
MIXED_UNIT = Rule(
    re.compile(_D + r"\d+(?:\.\d+)?[十百千](?![米克瓦卡帕焦伏赫字兆])"),
    "阿拉伯数字后接“十”“百”“千”：“{0}”",
    "",
)
APPROX_ARABIC = Rule(
    re.compile(rf"(?<![\d.第])([1-8])[、-]([2-9])(?=[{_COUNT_WORDS}])"),
    "概数“{0}”应写汉字数字",
    "",
)
APPROX_COMMA = Rule(
    re.compile(rf"(?<![第{_CN}十])([{_CN}])、([{_CN}])(?=十?[{_COUNT_WORDS}])"),
    "表示概数的“{0}”中间不用顿号",
    r"\1\2",
)
NUMERAL_TERM = Rule(_terms(), "固定词语里的数字写成了“{0}”", "")
ORDINAL_MARK = Rule(re.compile(r"第(\d)[，、：](?!\d)"), "列举序号“{0}”应写汉字", "")

# Grouped as the registry's checks see them.
DATE_RULES = (SHORT_YEAR, DOTTED_DATE, PADDED_DATE, HAO_DATE)
RANGE_RULES = (RANGE_UNIT, YEAR_SPAN)
NUMERAL_RULES = (FULLWIDTH, MIXED_UNIT, APPROX_ARABIC, APPROX_COMMA, NUMERAL_TERM, ORDINAL_MARK)


_APPROX_ONE = {1: "一两", 2: "两三"}
_PLACES = {"十": 10, "百": 100, "千": 1000}


def _consecutive(match: re.Match[str], rule: Rule) -> bool:
    """概数 pairs are neighbours (三四个, 七八人); 3、5个 and 分别为3、4个 are lists."""
    if rule not in (APPROX_ARABIC, APPROX_COMMA):
        return True
    if "分别" in match.string[max(0, match.start() - 6) : match.start()]:
        return False
    first, second = match.group(1), match.group(2)
    if rule is APPROX_ARABIC:
        return int(second) == int(first) + 1
    return _CN.index(second) == _CN.index(first) + 1


def _fixed(match: re.Match[str], rule: Rule) -> str:
    if rule is NUMERAL_TERM:
        return WORD_NUMERALS[match.group(0)]
    if rule is FULLWIDTH:
        return match.group(0).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if rule is APPROX_ARABIC:
        first = int(match.group(1))
        return _APPROX_ONE.get(first) or _CN[first - 1] + _CN[first]
    if rule is SHORT_YEAR:
        return ("19" if int(match.group(1)) >= 50 else "20") + match.group(0)
    if rule is MIXED_UNIT:
        value = float(match.group(0)[:-1]) * _PLACES[match.group(0)[-1]]
        return f"{value:g}" if value == int(value) and value < 1e6 else ""
    if rule is YEAR_SPAN:
        start, end = match.group(1), match.group(2)
        return f"{start}—{start[: 4 - len(end)]}{end}年"
    if rule is ORDINAL_MARK:
        return f"第{_CN[int(match.group(1)) - 1]}{match.group(0)[-1]}"
    return match.expand(rule.fix) if rule.fix else ""


def _hits(ctx: Context, rules: tuple[Rule, ...]) -> Iterator[Hit]:
    for unit in ctx.units:
        found = _first(unit, rules)
        if found is not None:
            yield found


def _first(unit: TextUnit, rules: tuple[Rule, ...]) -> Hit | None:
    """The first fault of a unit (one finding per paragraph and check keeps lists short)."""
    best: tuple[int, Hit] | None = None
    for rule in rules:
        for match in rule.pattern.finditer(unit.text):
            if not _consecutive(match, rule):
                continue
            fixed = _fixed(match, rule)
            message = rule.message.format(match.group(0))
            where = snippet(unit.text, match.start(), match.end())
            message += f"，应为“{fixed}”" if fixed else ""
            message += f"：“{where}”"
            if best is None or match.start() < best[0]:
                best = (match.start(), unit.hit(message))
            break
    return best[1] if best else None


def dates(ctx: Context) -> Iterator[Hit]:
    """N001: 25年底, 2026.3.15, 03月05日, 6月30号."""
    yield from _hits(ctx, DATE_RULES)


def ranges(ctx: Context) -> Iterator[Hit]:
    """N002: 3～5% (the first number loses its %), 2026-2030年 (a hyphen between years)."""
    yield from _hits(ctx, RANGE_RULES)


def numerals(ctx: Context) -> Iterator[Hit]:
    """N003: full-width digits, 5千, 概数 in digits or with 、, 第1书记, 第1、."""
    yield from _hits(ctx, NUMERAL_RULES)

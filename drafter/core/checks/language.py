"""Language: the register's mechanics — full-width punctuation, simplified characters,
numbering left to the build, enumerations that count right, punctuation that pairs up."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit, TextUnit, snippet
from drafter.core.text.norm import CJK_CHAR_RE, fullwidth_punctuation, has_halfwidth_punctuation

_CN = "一二三四五六七八九十"
# Numbering typed by hand, by style; the build numbers headings itself.
NUMBERING: dict[str, re.Pattern[str]] = {
    "一、": re.compile(rf"^\s*[{_CN}]{{1,3}}[、.．]"),
    "（一）": re.compile(rf"^\s*[（(][{_CN}]{{1,3}}[）)]"),
    "1.": re.compile(r"^\s*\d{1,2}(?:[.．](?!\d)|、)"),
    "（1）": re.compile(r"^\s*[（(]\d{1,2}[）)]"),
    "第一，": re.compile(rf"^\s*第[{_CN}]{{1,3}}[，、：,:]"),
    "①": re.compile(r"^\s*[\u2460-\u2473]"),
}
# 一是 … 二是, 一要 … 二要, 第一，… 第二，: a marker after a break, never inside a word (统一是).
ENUM_MARKER_RE = re.compile(
    rf"(?:^|(?<=[：:，,；;。！？\s“（(]))(?:([{_CN}]{{1,3}})(是|要)|第([{_CN}]{{1,3}})[，、：,:](?![{_CN}]))"
)  # 第三、四季度 is two quarters, not a list marker
DOUBLED_RE = re.compile(r"[，。、；：？！]{2,}|([,;:])\1+")
PAIRS = {"“": "”", "（": "）", "《": "》", "【": "】", "‘": "’", "〔": "〕"}
MARK_NAMES = {
    "“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号",
    "（": "左括号", "）": "右括号", "(": "左括号", ")": "右括号",
    "《": "左书名号", "》": "右书名号", "【": "左方头括号", "】": "右方头括号",
    "〔": "左六角括号", "〕": "右六角括号",
}  # fmt: skip
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_HALF_PAIRS = str.maketrans({"(": "（", ")": "）"})
# Half-width marks textnorm leaves alone: a period or straight quote against Chinese.
_HALF_EXTRA_RE = re.compile(r"(?<=[\u4e00-\u9fff])[.\"](?!\d)|\"(?=[\u4e00-\u9fff])")


def halfwidth_punctuation(ctx: Context) -> Iterator[Hit]:
    """L001: half-width , ; : ? ! ( ) . " in Chinese text."""
    for unit in ctx.units:
        text = unit.text
        at = _first_halfwidth(text)
        if at is not None:
            yield unit.hit(f"中文里用了半角“{text[at]}”：“{snippet(text, at, at + 1)}”")


def _first_halfwidth(text: str) -> int | None:
    found = []
    if has_halfwidth_punctuation(text):
        fixed = fullwidth_punctuation(text)
        differ = (i for i, (a, b) in enumerate(zip(text, fixed, strict=False)) if a != b)
        found.append(next(differ, min(len(text), len(fixed)) - 1))
    if match := _HALF_EXTRA_RE.search(text):
        found.append(match.start())
    if not found:
        return None
    at = min(found)
    # Where the fix removed a space, point at the mark itself.
    while at < len(text) and text[at] in " \t":
        at += 1
    return at


def traditional_characters(ctx: Context) -> Iterator[Hit]:
    """L002: traditional characters (OpenCC t2s would change them)."""
    from drafter.core.text.chinese import to_simplified_each

    units = [unit for unit in ctx.units if CJK_CHAR_RE.search(unit.text)]
    for unit, simple in zip(units, to_simplified_each([u.text for u in units]), strict=True):
        if simple == unit.text:
            continue
        if len(simple) == len(unit.text):
            pairs = dict.fromkeys(
                f"{a}→{b}" for a, b in zip(unit.text, simple, strict=True) if a != b
            )
            yield unit.hit(f"有繁体字：{'、'.join(pairs)}")
        else:
            yield unit.hit("有繁体字，简体应为“" + simple[:30] + "”")


def _numbering(text: str) -> tuple[str, str] | None:
    for style, pattern in NUMBERING.items():
        if match := pattern.match(text):
            return style, match.group(0).strip()
    return None


def numbered_headings(ctx: Context) -> Iterator[Hit]:
    """L003: a heading that starts with a number typed by hand (the build adds its own)."""
    for unit in ctx.units:
        if unit.part == "heading" and (found := _numbering(unit.text)):
            yield unit.hit(f"标题开头手打了序号{_typed(found)}")


def numbered_paragraphs(ctx: Context) -> Iterator[Hit]:
    """L004: a paragraph that starts with heading numbering typed by hand."""
    for unit in ctx.units:
        if unit.part in ("body", "intro") and (found := _numbering(unit.text)):
            yield unit.hit(f"段落开头手打了序号{_typed(found)}")


def _typed(found: tuple[str, str]) -> str:
    """The typed number, with its style when that reads differently (1、 is 1. style)."""
    style, typed = found
    return f"“{typed}”" if typed == style else f"“{typed}”（“{style}”式）"


def cn_value(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None for what is not a count (一二)."""
    digits = _CN[:9]
    if "十" not in numeral:
        return digits.index(numeral) + 1 if len(numeral) == 1 else None
    tens, _, ones = numeral.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def skipped_enumerations(ctx: Context) -> Iterator[Hit]:
    """L005: 一是 … 三是 — an enumeration typed by hand that skips or repeats a number."""
    last: dict[tuple[object, ...], tuple[int, str]] = {}
    for unit in ctx.units:
        if unit.part not in ("body", "intro") or unit.enumeration:
            continue
        for match in ENUM_MARKER_RE.finditer(unit.text):
            numeral = match.group(1) or match.group(3)
            n = cn_value(numeral)
            if n is None:
                continue
            word = match.group(2) or "第"
            marker = f"第{numeral}" if word == "第" else numeral + word
            key = (unit.section, unit.path, word)
            before = last.get(key)
            last[key] = (n, marker)
            if n == 1 or (before is not None and n == before[0] + 1):
                continue
            if before is None:
                first = "第一" if word == "第" else "一" + word
                message = f"列举以“{marker}”开头，没有从“{first}”排起"
            elif n > before[0] + 1:
                message = f"“{before[1]}”之后是“{marker}”，中间跳了号"
            else:
                message = f"“{before[1]}”之后是“{marker}”，序号重复或顺序颠倒"
            yield unit.hit(message)


def doubled_punctuation(ctx: Context) -> Iterator[Hit]:
    """L006: two punctuation marks where one belongs (。。 ，， ，。)."""
    units = ctx.units
    # A match in a unit is a match in all of them joined (no anchors, no lookaround): most
    # harvested files have none (96 of 144 in the benchmark archive): one search tells.
    if not DOUBLED_RE.search("\n".join(unit.text for unit in units)):
        return
    for unit in units:
        for match in DOUBLED_RE.finditer(unit.text):
            where = snippet(unit.text, match.start(), match.end())
            yield unit.hit(f"标点重复“{match.group(0)}”：“{where}”")


def unmatched_pairs(ctx: Context) -> Iterator[Hit]:
    """L007: a quotation mark or bracket (“” （） 《》 【】) left open, or closed unopened."""
    for unit in ctx.units:
        found = _first_unmatched(unit)
        if found is not None:
            at, mark = found
            where = snippet(unit.text, at, at + 1)
            yield unit.hit(f"{MARK_NAMES.get(mark, '“' + mark + '”')}没有配对：“{where}”")


def _first_unmatched(unit: TextUnit) -> tuple[int, str] | None:
    text = unit.text.translate(_HALF_PAIRS)
    stack: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if char in PAIRS:
            stack.append((i, char))
        elif char in _CLOSERS:
            if stack and stack[-1][1] == _CLOSERS[char]:
                stack.pop()
            elif any(mark == _CLOSERS[char] for _, mark in stack):
                return stack[-1][0], unit.text[stack[-1][0]]  # an inner mark left open
            else:
                return i, unit.text[i]
    return (stack[0][0], unit.text[stack[0][0]]) if stack else None

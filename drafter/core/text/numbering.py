"""Numbering of the genre: 一、 （一） 1. （1）, 一是二是三是, and 2026年11月22日 dates."""

from __future__ import annotations

import datetime as _dt

_DIGITS = "零一二三四五六七八九"

# Label of a heading by level (1-based), from GB/T 9704 7.3.3: 一、 （一） 1. （1）.
_LEVEL_FORMATS = {1: "{cn}、", 2: "（{cn}）", 3: "{n}.", 4: "（{n}）"}

# Punctuation an enumeration item may end with; the joiner supplies its own (； and 。).
ITEM_END = "，。；;,.、 \t\n\u3000"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1 ≤ n ≤ 999)."""
    if not 0 < n < 1000:
        raise ValueError(f"cannot write {n} in Chinese numerals here")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += _DIGITS[hundreds] + "百"
        if rest and tens == 0:
            return out + "零" + _DIGITS[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    if ones:
        out += _DIGITS[ones]
    return out


def count_number(n: int) -> str:
    """Chinese numerals for counting: 2 → 两 (两个方面), otherwise as `chinese_number`."""
    return "两" if n == 2 else chinese_number(n)


def heading_label(level: int, n: int) -> str:
    """The number in front of the n-th heading of a level: (1, 3) → 三、; (3, 2) → 2."""
    fmt = _LEVEL_FORMATS.get(level)
    if fmt is None:
        raise ValueError(f"heading level {level} is not 1-4")
    return fmt.format(cn=chinese_number(n), n=n)


def enumerate_items(items: list[str]) -> str:
    """["a", "b"] → "一是a；二是b。" (item end punctuation is replaced, not doubled)."""
    parts = [item.strip().rstrip(ITEM_END) for item in items if item.strip()]
    if not parts:
        return ""
    return "；".join(f"{chinese_number(i)}是{p}" for i, p in enumerate(parts, 1)) + "。"


def chinese_date(iso: str) -> str:
    """2026-01-05 → 2026年1月5日 (Arabic numerals, no leading zeros, as GB/T 9704 asks)."""
    day = _dt.date.fromisoformat(_normalise_iso(iso))
    return f"{day.year}年{day.month}月{day.day}日"


def _normalise_iso(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


def year_of(iso: str) -> str:
    """The year of an ISO date, as text ("" for no date)."""
    return iso.split("-")[0] if iso else ""

"""Repetition: the same (or nearly the same) sentence twice, and stock phrases overused."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit, TextUnit, place_label

# Stock phrases of the genre that a reader notices when they come back too often.
STOCK_PHRASES: tuple[str, ...] = (
    "进一步", "切实", "不断", "着力", "扎实", "有效", "深入", "积极", "认真", "全面",
    "高度重视", "持续用力", "久久为功", "落到实处", "落地见效", "形成合力", "常态化",
    "长效机制", "明显成效", "一定程度上", "有待加强", "有待提高", "充分发挥", "抓实抓细",
    "走深走实", "入脑入心", "见行见效", "全方位", "多层次", "高质量", "新时代", "坚强保障",
)  # fmt: skip
# Fixed formulas that hold a stock phrase (全面 in 全面从严治党): they are not counted.
FIXED_TERMS: tuple[str, ...] = (
    "全面从严治党", "全面深化改革", "全面依法治国", "全面建设社会主义现代化国家",
    "全面建成小康社会", "全面推进乡村振兴", "党的全面领导", "新时代中国特色社会主义",
    "高质量发展",
)  # fmt: skip
_FIXED_RE = re.compile("|".join(FIXED_TERMS))
MIN_SENTENCE = 10  # shorter sentences (对此、总体来看) repeat by nature
_SPLIT_RE = re.compile(r"(?<=[。！？；])|\n")
_MARKER_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}(?:是|要)|第[一二三四五六七八九十]{1,3}[，、])"
)
_STRIP = "。！？；，、：  \t"


def _sentences(unit: TextUnit) -> Iterator[str]:
    for piece in _SPLIT_RE.split(unit.text):
        sentence = _MARKER_RE.sub("", piece).strip(_STRIP)
        if len(sentence) >= MIN_SENTENCE:
            yield sentence


def repeated_sentences(ctx: Context) -> Iterator[Hit]:
    """R001: a sentence that says again, word for word or nearly, what an earlier one said."""
    from rapidfuzz import fuzz, process

    first: dict[str, TextUnit] = {}
    uniques: list[str] = []
    for unit in ctx.units:
        if unit.part not in ("body", "intro"):
            continue
        for sentence in _sentences(unit):
            if sentence in first:
                earlier = first[sentence]
                yield unit.hit(f"“{_short(sentence)}”在{_where(ctx, earlier)}已经出现过")
                continue
            match = process.extractOne(
                sentence, uniques, scorer=fuzz.ratio, score_cutoff=ctx.limits.near_duplicate
            )
            first[sentence] = unit
            uniques.append(sentence)
            if match is not None:
                earlier = first[match[0]]
                yield unit.hit(
                    f"“{_short(sentence)}”与{_where(ctx, earlier)}的“{_short(match[0])}”基本重复"
                )


def stock_phrases(ctx: Context) -> Iterator[Hit]:
    """R002: one stock phrase used more times than the report's length allows."""
    units = [u for u in ctx.units if u.part != "title"]
    limit = ctx.limits.stock_phrase_times
    if limit is None:
        limit = 3 + sum(ctx.length(u.text) for u in units) // 2000
    texts = [_FIXED_RE.sub("", u.text) for u in units]
    for phrase in STOCK_PHRASES:
        count = 0
        over: TextUnit | None = None
        for unit, text in zip(units, texts, strict=True):
            count += text.count(phrase)
            if over is None and count > limit:
                over = unit
        if over is not None:
            yield over.hit(f"“{phrase}”用了{count}次（超过{limit}次）")


def _where(ctx: Context, unit: TextUnit) -> str:
    return place_label(ctx.kind, unit.section, unit.path, unit.paragraph, unit.part)


def _short(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[:width] + "…"

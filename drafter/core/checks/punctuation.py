"""Punctuation (GB/T 15834-2011) beyond full-width marks and pairs: the marks a 校对 desk
corrects most — 顿号 between 一是/二是 clauses, 、等, a heading closed by 。, two colons in one
sentence, a question mark on a statement, a document title in quotation marks."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit, snippet

_CN = "一二三四五六七八九十"
# 一是……、二是……: the 顿号 sits right before the next clause marker.
CLAUSE_COMMA_RE = re.compile(
    rf"(?<=[^、，；：])、\s*(?=[{_CN}]{{1,2}}(?:是|要|方面)|第[{_CN}]{{1,2}}[，,])"
)
_FIRST_CLAUSE_RE = re.compile(r"(?:^|[：:，；。])\s*(?:一(?:是|要|方面)|第一[，,])")
# 、等 closing a list; not 等 as an item of it (推、拖、等、看) or a word (观望、等待).
DENG_RE = re.compile(r"、\s*等(?:等)?(?![、”’待候同于级量次额])")
HEADING_END = "。；，、："
# A sentence ends at these; a colon opens at most one explanation inside one sentence.
_SENTENCE_RE = re.compile(r"[^。！？；]+[。！？；]?")
_CLAUSE_RE = re.compile(r"[。！？；\s]+")
_QUOTED_RE = re.compile(r"“[^”]*”|《[^》]*》|（[^）]*）")
# Words that make a sentence a question (direct, rhetorical or alternative).
QUESTION_WORDS = (
    "吗", "呢", "什么", "怎么", "怎样", "为什么", "为何", "如何", "哪", "谁", "几", "多少",
    "是否", "能否", "可否", "是不是", "有没有", "难道", "岂", "何", "还是", "么",
)  # fmt: skip
# A document named in quotation marks: 关于…的通知, 中国共产党…条例.
DOCUMENT_IN_QUOTES_RE = re.compile(
    r"“((?:关于[^“”]{2,40}的(?:通知|意见|决定|规定|办法|方案|决议|实施细则))"
    r"|(?:中国共产党[^“”]{2,30}(?:条例|规定|准则|章程|规则)(?:（试行）)?))”"
)


def clause_commas(ctx: Context) -> Iterator[Hit]:
    """L008: 一是……、二是…… — clauses of an enumeration are parted by 分号, not 顿号."""
    for unit in ctx.units:
        if unit.part not in ("body", "intro") or not _FIRST_CLAUSE_RE.search(unit.text):
            continue
        match = CLAUSE_COMMA_RE.search(unit.text)
        if match:
            where = snippet(unit.text, match.start(), match.end() + 2)
            yield unit.hit(f"列举的分句之间用了顿号：“{where}”")


def comma_before_deng(ctx: Context) -> Iterator[Hit]:
    """L009: 、等 — no 顿号 before 等 or 等等 closing a list."""
    for unit in ctx.units:
        if match := DENG_RE.search(unit.text):
            yield unit.hit(f"“等”前面多了顿号：“{snippet(unit.text, match.start(), match.end())}”")


def heading_stops(ctx: Context) -> Iterator[Hit]:
    """L010: a title or a heading on its own line that ends in 。 or another mid-sentence mark.

    Sub-point headings (1. and below) run into their paragraph in print, so they may end in
    。; titles and （一） headings stand alone and end bare.
    """
    for unit in ctx.units:
        alone = unit.part == "title" or (unit.part == "heading" and len(unit.path) == 1)
        text = unit.text.rstrip()
        if alone and text and text[-1] in HEADING_END:
            kind = "标题" if unit.part == "title" else "小标题"
            where = snippet(text, len(text) - 1, len(text))
            yield unit.hit(f"{kind}末尾用了“{text[-1]}”：“{where}”")


def nested_colons(ctx: Context) -> Iterator[Hit]:
    """L011: two colons in one sentence (a colon inside what another colon introduces)."""
    for unit in ctx.units:
        # Label pairs parted by a space (时间：5月12日 地点：会议室) are not nested.
        for sentence in _CLAUSE_RE.split(_QUOTED_RE.sub("", unit.text)):
            if sentence.count("：") >= 2:
                yield unit.hit(f"一句话里用了两个冒号：“{_short(sentence)}”")
                break


def statement_questions(ctx: Context) -> Iterator[Hit]:
    """L012: a question mark closing a sentence that holds no question word at all."""
    for unit in ctx.units:
        for sentence in _SENTENCE_RE.findall(unit.text):
            if sentence.endswith("？") and not any(w in sentence for w in QUESTION_WORDS):
                yield unit.hit(f"陈述句用了问号：“{_short(sentence)}”")
                break


def quoted_documents(ctx: Context) -> Iterator[Hit]:
    """L013: the title of a document (关于…的通知, 中国共产党…条例) in “” instead of 《》."""
    for unit in ctx.units:
        if match := DOCUMENT_IN_QUOTES_RE.search(unit.text):
            yield unit.hit(f"文件名称用了引号，应为《{match.group(1)}》")


def _short(text: str, width: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= width else "…" + text[-width:]

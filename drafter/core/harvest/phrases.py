"""From headings and body text to phrases: sentence splitting, filters, dates into slots.

Body text is split into sentences; a sentence is kept when it is whole (no CUT mark, not a
fragment, balanced quotes and brackets), says something (predicates.py) and is of a reusable
length. Years and congresses go
into slots ({年度}, {会议}) and XX-style blanks become 某, as the bank's register asks.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from drafter.core.harvest.clean import CUT
from drafter.core.harvest.headings import HEADING_MAX, HEADING_MIN
from drafter.core.harvest.predicates import heading_like, lacks_verb
from drafter.core.harvest.sections import sentence_section
from drafter.core.harvest.structure import Block

SENTENCE_MIN = 8
SENTENCE_MAX = 250
_FRAMING = frozenset({"opening", "transition", "closing"})
_SPLIT_RE = re.compile(r"(?<=[。！？])(?![”’」』）)])|(?<=[。！？][”’」』）)])")
_DOCUMENT_TITLE = re.compile(
    r"^(?:关于|试论|浅谈|浅析)|(?:体会|总结|心得|方案|计划|材料|承诺书|条例|报告|汇报|讲话稿?|"
    r"发言稿?|范文|党课|简报|通知)$"
)
_PERSON = re.compile(
    r"(?:习近平|胡锦涛|江泽民|毛泽东|邓小平|温家宝|李克强)(?:同志|总书记|主席|总理)"
)
_WHOLE_END = re.compile(r"(?:[。！？：]|[。！？][”’」』）)])$")
_FRAGMENT_START = tuple("，、；：。！？）》”,.;:)")
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("【", "】"), ("‘", "’"))
_ABOUT_ARTICLE = re.compile(r"本文|笔者|本课题|小编|如下图|见表|见图|附件|范文|篇\d|摘要|参考文献")
# (pattern, replacement, what the text must hold for the pattern to match at all)
_SLOTS = (
    (re.compile(r"(?<![\d{])(?:19|20)(?:\d{2}|_{1,4}|\*{1,4}|[xX×]{2})(?=\s*年)"), "{年度}",
     ("年",)),
    (re.compile(r"[十二]?[十一二三四五六七八九]届[一二三四五六七八九]中全会"), "{会议}", ("届",)),
    (re.compile(r"第[十二]?[十一二三四五六七八九]次(?:全国)?代表大会"), "{会议}", ("代表大会",)),
    (re.compile(r"(?<=党的)[十二][十一二三四五六七八九]?大(?![学师])"), "{会议}", ("大",)),
    (re.compile(r"[十二][十一二三四五六七八九]?大(?=精神|报告|以来|召开|提出|强调|指出|作出|胜利)"),
     "{会议}", ("大",)),
    # 迎十八大, 学习“十六大、新党章”: a congress numbered 11 to 29 in any other context
    (re.compile(r"(?<![第一二三四五六七八九十])(?:十[一二三四五六七八九]|二十[一二三四五六七八九]?)大"
                r"(?![学师院厦夫队项])"), "{会议}", ("大",)),
    (re.compile(r"(?:XX|ＸＸ|××|xx|\*{2,}|＊{2,})(?=[\u4e00-\u9fff])"), "某",
     ("XX", "ＸＸ", "××", "xx", "**", "＊＊")),
)  # fmt: skip
_MAY_SLOT = re.compile(r"[\d届大次Xx×*＊Ｘ]")
_BROKEN = re.compile(r"[_*＊]|XX|××")
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]")
_SLOT_RE = re.compile(r"\{[^{}]*\}")
_ENUMERATION = re.compile(r"一是.+二是")
_ENUMERATION_WORD = re.compile(r"[一二三四五六七八九十][是要]")
# A sentence that is only a point's label ("二是督查督办机制。", "2、从力气上，抓好两支队伍。"):
# the label is the heading of what follows. A hand-typed number is no part of a bank sentence.
_LABEL = re.compile(
    r"^(?:[一二三四五六七八九十](?:是是?|要)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[、．.]|"
    r"[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳])"
)
_NUMBER_LABEL = re.compile(r"^(?:\d{1,2}[、．.]|[（(]\d{1,2}[）)]|[①-⑳])(?=[\u4e00-\u9fff“《])")
# What a harvested phrase never opens with: a measure word or particle that only follows a
# word (次党委会, 们的意见) or the tail of a genre word a page edge cut off (织部, 导班子).
_NO_START = re.compile(r"^(?:[次们吗呢吧啊么矣]|织部|导班子|部书记|委书记|众路线)")
FRAGMENT_REASONS = frozenset(
    {
        "cut off by the source (truncated page)",
        "cut off (fragment)",
        "cut off (no sentence end)",
        "sentence too short",
        "heading too short",
        "no verb (fragment)",
    }
)
"""Reasons for leaving a piece out that make it a fragment (the summary counts them)."""
_INTRO = re.compile(r"：$|主要表现(?:在|为)|具体(?:如下|表现)|以下几个方面|主要有以下")


class Phrase(NamedTuple):
    """A harvested phrase before topics and ids: section, kind, text and where it was.

    A named tuple, not a dataclass: phrases cross to worker processes, and tuples pickle fast.
    """

    section: str
    kind: str
    text: str
    paragraph: int
    context: str
    move: str | None = None
    note: str = ""
    """What a reviewer should know: suspected rewording, proofreading findings."""


def fragments(skipped: Counter[str]) -> int:
    """How many of the pieces left out were fragments (cut off, too short to stand)."""
    return sum(n for reason, n in skipped.items() if reason in FRAGMENT_REASONS)


def slot_dates(text: str) -> str:
    """Years, congresses and XX blanks into slots and 某 (no dated anchors in a bank)."""
    if not _MAY_SLOT.search(text):
        return text
    for pattern, repl, needs in _SLOTS:
        if any(need in text for need in needs):
            text = pattern.sub(repl, text)
    return text


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, each keeping its end mark (and a closing quote after it)."""
    return [s.strip() for s in _SPLIT_RE.split(text) if s.strip()]


def to_phrases(blocks: Iterable[Block], skipped: Counter[str]) -> list[Phrase]:
    """Phrases of a document's blocks; what is left out is counted in `skipped` by reason."""
    out: list[Phrase] = []
    for block in blocks:
        if block.kind == "heading":
            phrase = _heading(block, skipped)
            if phrase is not None:
                out.append(phrase)
            continue
        for sentence in split_sentences(block.text):
            label = _LABEL.match(sentence)
            if label is not None and _only_label(sentence, label.end()):
                heading = Block("heading", sentence[label.end() :], block.index, block.section,
                                block.context)  # fmt: skip
                phrase = _heading(heading, skipped)
            elif len(sentence) < SENTENCE_MIN and heading_like(sentence):  # 强化理论武装。
                heading = Block("heading", sentence, block.index, block.section, block.context)
                phrase = _heading(heading, skipped)
            else:
                phrase = _sentence(_NUMBER_LABEL.sub("", sentence), block, skipped)
            if phrase is not None:
                out.append(phrase)
    return out


def _only_label(sentence: str, start: int) -> bool:
    """Whether a sentence opening with a label holds nothing but one point's name."""
    rest = sentence[start:].rstrip("。：:；;")
    return len(rest) <= HEADING_MAX and "；" not in rest and not _ENUMERATION_WORD.search(rest)


def _heading(block: Block, skipped: Counter[str]) -> Phrase | None:
    text = slot_dates(block.text.strip().rstrip("。；，、：;,:").strip())
    reason = _unusable(text)
    if reason is None and not HEADING_MIN <= len(text) <= HEADING_MAX:
        reason = "heading too short" if len(text) < HEADING_MIN else "heading too long"
    if reason is None and _DOCUMENT_TITLE.search(text):
        reason = "a title, not a heading"
    if reason is None and (block.section is None or block.section in _FRAMING):
        reason = "no section recognised"
    if reason is not None:
        skipped[reason] += 1
        return None
    assert block.section is not None
    return Phrase(block.section, "heading", text, block.index, block.context)


def _sentence(text: str, block: Block, skipped: Counter[str]) -> Phrase | None:
    text = slot_dates(text)
    reason = _unusable(text)
    if reason is None and not _WHOLE_END.search(text):
        reason = "cut off (no sentence end)"
    elif reason is None and (
        len(text) < SENTENCE_MIN
        or (len(text) < 24 and len(_HANZI_RE.findall(_SLOT_RE.sub("", text))) < 6)
    ):
        reason = "sentence too short"
    elif reason is None and lacks_verb(text):
        reason = "no verb (fragment)"
    elif reason is None and len(text) > SENTENCE_MAX:
        reason = "sentence too long"
    elif reason is None and (_ABOUT_ARTICLE.search(text) or _PERSON.search(text)):
        reason = "about the web page or article, not the work"
    elif reason is None and block.section is None:
        reason = "no section recognised"
    if reason is not None:
        skipped[reason] += 1
        return None
    assert block.section is not None
    section = sentence_section(text, block.section)
    if _ENUMERATION.search(text):
        return Phrase(section, "paragraph", text, block.index, block.context, "enumeration")
    move = "intro" if _INTRO.search(text) and section not in _FRAMING else None
    return Phrase(section, "sentence", text, block.index, block.context, move)


def _unusable(text: str) -> str | None:
    if CUT in text:
        return "cut off by the source (truncated page)"
    if not text or text.startswith(_FRAGMENT_START) or _NO_START.match(text):
        return "cut off (fragment)"
    if any(text.count(a) != text.count(b) for a, b in _PAIRS):
        return "unbalanced quotes or brackets"
    if _BROKEN.search(text):
        return "placeholder or censored text"
    return None

"""Telling a heading from the body glued to it.

A numbered line may hold a heading and its body: "1.对基层党组织工作重要性认识不足。近年来…"
(split at the first full stop) or, in web copies, with no stop at all: "领导力薄弱在一些基层
组织中…". Then each split point is scored: does the left part end like a heading (不足, 机制,
对策) and does the right part open like a sentence (在, 随着, 一些) or restate the heading?
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_MAX = 20  # longest heading the bank accepts (drafter bank check)
HEADING_MIN = 4

_CLAUSE_END = re.compile(r"[，,。：:；;！？!?]")
_HEADING_END = re.compile(r"[。！？!?：:]")
# Words a heading ends with: weight 3 names a section, 2 a problem, 1 an aim or a field.
_FINALS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"(?:对策|措施|建议|意见|原因|分析|问题|打算|情况|做法|经验|成效|思考|描述|表现|"
                r"不足|途径|剖析)$"), 3),
    (re.compile(r"(?:不够|不强|不高|不力|不严|不实|不到位|不完善|不健全|不规范|不平衡|不明显|不清|"
                r"缺乏|缺失|薄弱|弱化|淡化|欠缺|滞后|单一|陈旧|偏低|偏大|较少|落后|失衡|脱节|"
                r"流于形式|走过场|有待提高|有待加强|亟待加强|亟待提高|难度大|困难|推诿|偏差|误区|"
                r"不正确|不严格|不紧密|不及时|不充分|短板|差距|弱项|漏洞|盲区)$"), 2),
    (re.compile(r"(?:建设|机制|制度|体系|能力|水平|质量|作用|意识|素质|队伍|管理|教育|活动|工作|"
                r"保障|支持|联系|服务|创新|落实|格局|氛围|效果|实效|合力|活力|凝聚力|战斗力|"
                r"吸引力|规范性|实效性|主动性|积极性|加强|提高|提升|增强|完善|方式|方法|模式|渠道|"
                r"载体|平台|化)$"), 1),
)  # fmt: skip
_OPENERS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"(?:在(?!位|岗|职)|随着|针对(?!性)|当前|目前|近年来|近几年|一些|部分|有的|个别|"
                r"少数|许多|很多|不少|由于|为了|为此|通过|我们|另一个|另一方面|一方面|对于|按照|"
                r"根据|主要表现|具体表现|首先|其次|然而|虽然|尽管|因此|从(?!严|业|事)|这|"
                r"要(?!素|求|点|害)|应(?!急|用|对|当)|必须|只有|如何|党的|引言|主体|下一步|下步|"
                r"今后)"), 2.5),
    (re.compile(r"(?:基层|党组织|党员|干部|支部|高校|农村|社区|企业|各级|全镇|全县|全市|全区|"
                r"我镇|我县|我市|我区|我局|我校|我村|各党|村级|镇党委|年轻|青年|老|领导|机关|学校|"
                r"班子|群众|提高|实行|扩大|增加|推广|采用|制定)"), 1.5),
    (re.compile(r".{1,6}?(?:是|要|应|必须|需要|作为)"), 1.5),
)  # fmt: skip
# A clause that cannot stand as a heading: it leans on what follows (以…为契机, 在…中).
_DEPENDENT = re.compile(
    r"^(?:以|在|通过|随着|对于|针对|为了|从|由于|根据|按照|虽然|尽管|如果|只有)|"
    r"(?:为契机|为抓手|为载体|为目标|为重点|为核心|为主线|为引领|为基础|为手段|方面|时|中|上|下|"
    r"后|的|和|与|及|并|而)$"
)


@dataclass(frozen=True, slots=True)
class HeadingSplit:
    """A numbered segment cut into its heading, the sentence it was cut from, and the body."""

    heading: str | None
    sentence: str | None
    """The full first sentence when the heading is only its first clause."""
    body: str


def _reversed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The words of a `(?:a|b)$` pattern, reversed, to match backwards from a split point."""
    words = pattern.pattern.removeprefix("(?:").removesuffix(")$").split("|")
    return re.compile("|".join(sorted((w[::-1] for w in words), key=len, reverse=True)))


# "不够规范", "未能到位": any word after 不够 closes a problem heading.
_FINALS_REVERSED = (
    *((_reversed(rx), w) for rx, w in _FINALS),
    (re.compile("[\u4e00-\u9fff]{1,2}(?:够不|太不|能未)"), 2),
)
# All of them in one pattern, tried in that order at every position of the reversed text:
# one scan finds each split point's weight (the group that matched), not a match per point.
_FINALS_AT = re.compile(
    "(?=" + "|".join(f"(?P<f{i}>{rx.pattern})" for i, (rx, _) in enumerate(_FINALS_REVERSED)) + ")"
)
_FINAL_WEIGHTS = {f"f{i}": w for i, (_, w) in enumerate(_FINALS_REVERSED)}


def split_point(text: str, *, low: int, high: int, need: float) -> int | None:
    """Where a run-together heading ends in `text` (no punctuation between them), if clear."""
    text = text[: high + 40]  # a split looks 40 characters ahead at most
    backwards = text[::-1]
    n = len(text)
    # Where each 4-character stretch of the text occurs again further on (-1: never).
    again = [text.find(text[i : i + 4], i + 4) for i in range(max(n - 3, 0))]
    # The weight of the heading word the left part ends with, by split point.
    finals = {
        n - m.start(): _FINAL_WEIGHTS[str(m.lastgroup)] for m in _FINALS_AT.finditer(backwards)
    }
    best: tuple[float, int] | None = None
    for k in range(low, min(high, n - 2) + 1):
        score: float = finals.get(k, 0)
        if not score:
            continue  # the left part must end the way headings end
        score += sum(w for rx, w in _OPENERS if rx.match(text, k))
        if n - k >= 4 and text[k : k + 4] in text[:k]:
            score += 2
        elif any(k <= again[i] < k + 40 for i in range(0, k - 3)):
            score += 1
        if score >= need and (best is None or score > best[0]):
            best = (score, k)
    return best[1] if best else None


def heading_like(clause: str) -> bool:
    """A clause that can stand alone as a heading: right length, not leaning on the rest."""
    return HEADING_MIN <= len(clause) <= HEADING_MAX and not _DEPENDENT.search(clause)


def split_heading(text: str) -> HeadingSplit:
    """Cut a numbered segment (marker removed) into heading and body."""
    text = text.strip()
    stop = _CLAUSE_END.search(text)
    clause = text[: stop.start()] if stop else text
    mark = stop.group() if stop else ""
    rest = text[stop.end() :] if stop else ""
    long = len(clause) > HEADING_MAX
    k = (
        split_point(clause, low=2, high=HEADING_MAX, need=3 if long else 3.5)
        if len(clause) >= 8
        else None
    )
    if k is not None:
        return HeadingSplit(clause[:k], None, text[k:])
    if long:
        return HeadingSplit(None, None, text)
    if mark in ("", "。", "：", ":", "！", "？", "!", "?"):
        return HeadingSplit(clause or None, None, rest)
    # The heading runs on with commas: up to a colon or full stop if short, else its first clause.
    end = _HEADING_END.search(text)
    sentence = text[: end.start()] if end else text
    after = text[end.end() :] if end else ""
    if len(sentence) <= HEADING_MAX:
        return HeadingSplit(sentence.rstrip("；;，,"), None, after)
    full = sentence.rstrip("；;，,") + "。"
    if heading_like(clause):
        return HeadingSplit(clause, full, after)
    return HeadingSplit(None, None, text)

"""Parallel headings: the headings of one list share a length and a structure.

A heading's structure is read from a small table of shapes (X不够Y, X有Y, 强化X，提升Y, a
verb-object, a progress phrase); the outlier in a list where most share a shape is flagged.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterator

from drafter.core.checks.base import Context, Hit
from drafter.core.checks.subjects import EXISTENCE_RE, HAN, JUDGEMENT_RE
from drafter.core.model import Point
from drafter.core.text.slots import SLOT_RE

PROGRESS_RE = re.compile(
    rf"(逐步|不断|持续|稳步|明显|有效|显著|日益|更加|日趋|全面|进一步){HAN}{{1,2}}$"
)
# Verbs a 公文 countermeasure heading opens with (强化X、以X为抓手 …).
VERBS: tuple[str, ...] = (
    "加强", "强化", "提升", "提高", "健全", "完善", "推动", "推进", "压实", "严格", "拓宽", "创新",
    "聚焦", "坚持", "建立", "落实", "深化", "筑牢", "夯实", "抓实", "抓好", "抓牢", "优化", "规范",
    "突出", "注重", "狠抓", "着力", "深入", "扎实", "持续", "选优", "选强", "配强", "建强", "做实",
    "织密", "激发", "树立", "增强", "发挥", "打造", "构建", "畅通", "用好", "管好", "建好", "以",
    "围绕", "紧扣", "创建", "开展", "实施", "推行", "探索", "整合", "统筹", "凝聚", "弘扬", "守牢",
    "严明", "严肃", "巩固", "丰富", "改进", "改善", "加大", "加快", "补齐", "破解", "解决", "引导",
    "带动", "搭建", "培育", "培养", "锤炼", "锻造", "拓展", "延伸", "保障", "细化", "明确", "理顺",
    "盘活", "聚力", "立足", "着眼", "坚决", "全面",
)  # fmt: skip
SHAPE_LABELS = {
    "judgement": "判断句式（X不够Y／X不强／X不到位）",
    "existence": "存在句式（X有Y／X存在Y）",
    "progress": "进展句式（X逐步Y／X不断Y）",
    "pair": "并列句式（强化X，提升Y）",
    "verb-object": "动宾句式（强化X）",
    "noun": "名词短语",
}
MIN_LIST = 3  # fewer headings than this do not make a pattern
MAJORITY = 0.75  # share of a list that must agree before the rest count as outliers
_PUNCT_RE = re.compile(r"[\s，。、；：？！“”‘’（）《》【】,.;:?!()\"']")


def shape(heading: str) -> str:
    """The structure of a heading, one of SHAPE_LABELS."""
    text = SLOT_RE.sub("某", heading).strip().rstrip("。；")
    if re.search(r"[，,]", text):
        return "pair"
    if JUDGEMENT_RE.search(text):
        return "judgement"
    if EXISTENCE_RE.search(text):
        return "existence"
    if PROGRESS_RE.search(text):
        return "progress"
    if text.startswith(tuple(VERBS)):
        return "verb-object"
    return "noun"


def heading_length(heading: str) -> int:
    """Characters of a heading without punctuation, a slot counted as two."""
    return len(_PUNCT_RE.sub("", SLOT_RE.sub("某某", heading)))


def _lists(ctx: Context) -> Iterator[tuple[str, tuple[int, ...], list[Point]]]:
    """Every list of sibling points: (section, parent path, points)."""
    stack: list[tuple[str, tuple[int, ...], list[Point]]] = [
        (s.id, (), s.points) for s in ctx.sections
    ]
    while stack:
        section, parent, points = stack.pop(0)
        yield section, parent, points
        stack += [(section, (*parent, i), p.points) for i, p in enumerate(points) if p.points]


def _headed(points: list[Point], parent: tuple[int, ...]) -> list[tuple[tuple[int, ...], str]]:
    return [((*parent, i), p.heading.strip()) for i, p in enumerate(points) if p.heading.strip()]


def length_outliers(ctx: Context) -> Iterator[Hit]:
    """P001: a heading much longer or shorter than its siblings."""
    for section, parent, points in _lists(ctx):
        headed = _headed(points, parent)
        if len(headed) < MIN_LIST:
            continue
        lengths = [heading_length(h) for _, h in headed]
        median = statistics.median(lengths)
        for (path, heading), length in zip(headed, lengths, strict=True):
            if abs(length - median) > max(4, median / 2):
                yield Hit(
                    f"标题“{heading}”共{length}字，同级标题一般在{median:g}字左右",
                    section,
                    path,
                    None,
                    "heading",
                )


def shape_outliers(ctx: Context) -> Iterator[Hit]:
    """P002: a heading whose structure differs from the one most siblings share."""
    for section, parent, points in _lists(ctx):
        headed = _headed(points, parent)
        if len(headed) < MIN_LIST:
            continue
        shapes = [shape(h) for _, h in headed]
        common, count = Counter(shapes).most_common(1)[0]
        if count == len(shapes) or count / len(shapes) < MAJORITY:
            continue
        for (path, heading), found in zip(headed, shapes, strict=True):
            if found != common:
                yield Hit(
                    f"标题“{heading}”用的是{SHAPE_LABELS[found]}，同级{len(shapes)}个标题中"
                    f"有{count}个用{SHAPE_LABELS[common]}",
                    section,
                    path,
                    None,
                    "heading",
                )

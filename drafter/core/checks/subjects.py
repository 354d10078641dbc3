"""What a problem heading is about: 组织生活质量不高 → 组织生活.

Shared by the parallel-headings check (a heading's shape) and the answering check (does a
countermeasure name the problem's subject), which are otherwise independent of each other.
"""

from __future__ import annotations

import re

from drafter.core.text.slots import SLOT_RE

HAN = r"[\u4e00-\u9fff]"
# A judgement ending (X不够Y, X不强, X流于形式 …): strip it and the subject remains.
JUDGEMENT_RE = re.compile(
    rf"(不够{HAN}{{1,4}}|不相适应|不相匹配|不相衔接|不{HAN}{{1,2}}|流于形式"
    rf"|有待{HAN}{{2}}|亟待{HAN}{{2}}|仍需{HAN}{{2}}"
    r"|偏[弱低少高多慢]|较[弱低少差]|薄弱|滞后|老化|僵化|缺失|缺位|乏力|淡化|弱化|虚化|泛化|失衡|欠缺"
    r"|短缺|单一|落后|错位|空转|虚设|走样|变形|脱节|两张皮)$"
)
EXISTENCE_RE = re.compile(rf"(?<![国所拥具没持享占含])(有|存在){HAN}{{1,3}}$")
# What a judgement measures (质量 of 组织生活质量不高): not part of the subject.
ATTRIBUTE_RE = re.compile(
    r"(?:的)?(质量|水平|能力|作用|效果|成效|实效|深度|力度|程度|结构|意识|吸引力|针对性|实效性"
    r"|积极性|主动性|覆盖面|凝聚力|战斗力|组织力|影响力)$"
)


def subject_of(heading: str) -> str:
    """What a judgement heading is about: 组织生活质量不高 → 组织生活 (judgement and the
    measured attribute dropped, so a remedy that names only 组织生活 still matches)."""
    core = SLOT_RE.sub("某", heading).strip().rstrip("。；，")
    stripped = JUDGEMENT_RE.sub("", core)
    stripped = EXISTENCE_RE.sub("", stripped) if stripped == core else stripped
    if len(stripped) < 2:
        return core
    bare = ATTRIBUTE_RE.sub("", stripped)
    return bare if len(bare) >= 4 else stripped

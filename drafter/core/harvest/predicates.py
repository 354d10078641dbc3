"""Whether a short sentence says anything: a scrap with no verb is a fragment.

A page cut or a copy's leftovers leave noun phrases ended by 。 (支部书记和党务干部两支队伍。);
they name a thing and say nothing of it. Telling them from sentences needs no tagger: a
sentence of a report has a negation, copula, modal or aspect word, a verb of the register's
stock, or a judgement ending (淡薄, 不强, 有待提高). The test is only made on a short single
clause, and every doubt keeps the sentence: a word that is a noun here and a verb elsewhere
(组织, 学习, 建设) counts as a verb. A lone clause that opens with a heading verb (强化理论武装。)
is a heading, not a fragment (phrases.py).
"""

from __future__ import annotations

import re

from drafter.core.checks.headings import VERBS
from drafter.core.checks.subjects import EXISTENCE_RE, JUDGEMENT_RE

CLAUSE_MAX = 24
"""Longest clause (characters before its end mark) judged at all; a longer one is kept."""
_MARKERS = (
    "不没未无非别莫勿是有要应该需须得能可会将已曾正在"
    "把被让使令了着过很较更最太均都也还又再仍尚仅只就便才亦"
)
"""Negation, copula, modal, aspect and degree words: a clause holding one has a predicate."""
_STOCK = (
    "开展", "召开", "组织", "学习", "参加", "参与", "执行", "落实", "联系", "服务", "检查", "督查",
    "督促", "整改", "研究", "部署", "制定", "做好", "做到", "带领", "带头", "促进", "提出", "指出",
    "强调", "认为", "形成", "取得", "达到", "实现", "保持", "降低", "减少", "增加", "扩大", "缩小",
    "满足", "影响", "制约", "导致", "造成", "反映", "说明", "表现", "体现", "发现", "具有", "缺乏",
    "缺少", "忽视", "重视", "关心", "关注", "了解", "掌握", "熟悉", "认识", "理解", "把握", "运用",
    "使用", "利用", "结合", "依靠", "按照", "根据", "通过", "经过", "围绕", "针对", "对照", "坚守",
    "建设", "管理", "教育", "领导", "指导", "监督", "考核", "评议", "汇报", "报告", "记录", "统计",
    "完成", "推广", "推行", "发展", "吸收", "培训", "走访", "谈心", "谈话", "慰问", "帮扶", "调研",
    "讨论", "交流", "分析", "查找", "剖析", "反思", "整治", "纠正", "处理", "处分", "问责", "约谈",
    "通报", "公示", "公开", "征求", "听取", "收集", "梳理", "排查", "化解", "落地", "见效", "提速",
    "突出", "明显", "严重", "薄弱", "淡薄", "浓厚", "扎实", "有力", "到位", "深入", "广泛", "普遍",
    "下辖", "包括", "涉及", "位于", "成立", "设立", "设置", "覆盖", "占比", "合计", "共计", "约占",
)  # fmt: skip
_PREDICATE = re.compile(
    f"[{_MARKERS}]|" + "|".join(sorted({*_STOCK, *VERBS}, key=len, reverse=True))
)
_ADVERBS = frozenset({"严格", "深入", "扎实", "持续", "坚决", "全面", "着力", "注重", "突出"})
"""Words of the heading-verb list that open a clause as adverbs (坚决反对, 全面推开)."""
HEADING_VERB_MIN = 5
_CLAUSE_BREAK = re.compile(r"[，；：,;:？！]")
_END = "。！？”’」』）)"


def lacks_verb(sentence: str) -> bool:
    """Whether a sentence is a short single clause with no predicate in it."""
    clause = sentence.rstrip(_END)
    if len(clause) > CLAUSE_MAX or _CLAUSE_BREAK.search(clause):
        return False
    if _PREDICATE.search(clause):
        return False
    return not (JUDGEMENT_RE.search(clause) or EXISTENCE_RE.search(clause))


_HEADING_VERBS = tuple(v for v in VERBS if len(v) == 2 and v not in _ADVERBS)


def heading_like(sentence: str) -> bool:
    """Whether a sentence is a heading's words: a single clause of five characters or more
    opening with a heading verb (强化理论武装。). One too short for a sentence is kept as a
    heading rather than left out as a fragment."""
    clause = sentence.rstrip(_END)
    return (
        len(clause) >= HEADING_VERB_MIN
        and not _CLAUSE_BREAK.search(clause)
        and clause.startswith(_HEADING_VERBS)
    )

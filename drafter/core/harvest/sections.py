"""Which section a heading or paragraph belongs to: keyword tables, heading shapes, cues.

All of it is data: section names by keyword (the longest match wins, so 原因分析 beats 问题
in 问题原因分析), the shapes of problem and action headings, and the openings of
paragraphs that turn a report to another section (究其原因 …, 针对上述问题 …, 总之 …).
"""

from __future__ import annotations

import re

# Section keywords of headings. Longest match wins; on a tie, the earlier one in the heading.
SECTION_KEYWORDS: dict[str, tuple[str, ...]] = {
    "problem": (
        "存在的问题", "存在问题", "主要问题", "突出问题", "问题表现", "问题描述", "问题分析",
        "不足之处", "存在的不足", "问题和不足", "问题与不足", "差距和不足", "短板", "问题", "不足",
    ),
    "cause": (
        "原因分析", "原因剖析", "问题原因", "原因探析", "主要原因", "产生原因", "成因",
        "根源", "剖析", "原因",
    ),
    "countermeasure": (
        "对策建议", "意见建议", "整改措施", "改进措施", "改进意见", "工作措施", "对策措施",
        "具体措施", "对策", "措施", "建议", "途径", "路径", "思考", "整改", "举措", "办法",
        "意见",
    ),
    "plan": (
        "下步打算", "下一步打算", "下一步工作", "下步工作", "今后打算", "今后的打算",
        "工作打算", "努力方向", "工作思路", "今后工作", "下一步", "下步", "今后", "打算",
    ),
    "situation": (
        "基本情况", "总体情况", "工作现状", "基本概况", "开展情况", "工作情况", "建设情况",
        "现状", "概况",
    ),
    "opening": ("重要意义", "重要性", "必要性", "紧迫性"),  # why the work matters: an opening's job
    "practice": ("主要做法", "经验做法", "工作做法", "特色做法", "履职情况", "做法", "经验"),
    "achievement": (
        "取得的成效", "取得成效", "主要成效", "工作成效", "取得的成绩", "主要成绩", "成效",
        "成绩", "成果", "亮点",
    ),
}  # fmt: skip
_KEYWORD_RE = re.compile(
    "|".join(sorted({k for ks in SECTION_KEYWORDS.values() for k in ks}, key=len, reverse=True))
)
_SECTION_OF = {k: s for s, ks in SECTION_KEYWORDS.items() for k in ks}
_PAIRED_RE = re.compile(r"和|及|与|以及|并")
# What may follow the keyword at the end of a section heading: 存在的问题及其表现、对策如下.
_ENDING_RE = re.compile(
    f"({_KEYWORD_RE.pattern})(?:及其?|和|与)?(?:表现|分析|方面|如下|描述|情况)?[：:。]?$"
)

PROBLEM_SHAPE = re.compile(
    r"不足|不够|不强|不高|不力|不严|不实|不到位|不完善|不健全|不规范|不平衡|不明显|不明确|不清|"
    r"不畅|不深|不佳|不一|缺乏|缺失|缺位|薄弱|弱化|淡化|虚化|边缘化|欠缺|滞后|单一|陈旧|偏低|偏大|"
    r"偏少|偏弱|较少|较弱|较差|落后|失衡|脱节|流于形式|走过场|有待|亟待|难度大|困难|难以|"
    r"问题|矛盾|偏差|乏力|涣散|松散|模式化|行政化|形式化|“两张皮”|两张皮|作用发挥不"
)
ACTION_SHAPE = re.compile(
    r"^(?:进一步|切实|着力|全面|大力|积极|认真|扎实|深入|不断|持续|努力|坚决|始终)?"
    r"(?:加强|强化|提高|提升|增强|完善|健全|建立|创新|推进|推动|狠抓|抓好|抓实|抓|坚持|注重|"
    r"突出|深化|优化|规范|落实|发挥|夯实|严格|围绕|以|构建|打造|丰富|拓展|拓宽|转变|转换|改进|"
    r"立足|聚焦|统筹|明确|做好|搞好|开展|实施|探索|培养|选好|配强|建好|用好|管好|充实|整合|"
    r"树立|营造|把|结合|设立|实行|定期|引导|激发|加大|建设|创建|充分|注重|落细|压实|用活|"
    r"选优|配齐|建强|理顺|畅通|搭建|创设|筑牢|增进)"
)
ACHIEVEMENT_SHAPE = re.compile(
    r"(?:得到|有了|有所|明显|显著|进一步|不断|持续|逐步|稳步|日益|有效)"
    r"(?:提高|提升|增强|加强|改善|优化|扩大|规范|完善|巩固|发挥)$|"
    r"取得(?:了)?(?:新|明显|显著|初步)?(?:成效|进展|突破|成绩)|迈出(?:了)?新步伐|有新加强|"
    r"新成效|新进展|新突破|新提升|成效明显|成效显著"
)
SUMMARY_TITLE = re.compile(r"总结|汇报|经验|交流|做法|述职|工作报告")
TITLE_START = ("关于", "试论", "浅谈", "浅析", "略论", "论")
TITLE_END = re.compile(
    r"(?:报告|总结|汇报|体会|心得|材料|方案|讲话|发言|交流|调研|思考|研究|探讨|探析|综述|分析|"
    r"对策|措施|建议|问题|意见|思路|路径|途径)$"
)
# Paragraph openings that move the text to another section until the next heading.
PARAGRAPH_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(?:综上所述|总之|总而言之|总的来看|总的来说|总体来看)"), "closing"),
    (re.compile(r"^(?:究其原因|分析原因|探究原因|原因(?:主要)?(?:有|是|在于)|产生(?:这些|上述)问题的"
                r"(?:主要)?原因|出现(?:这些|上述)问题的(?:主要)?原因)"), "cause"),
    (re.compile(r"^(?:针对(?:上述|以上|存在的|这些)|解决(?:这个|这一|这些|上述)问题|为此[，,])"),
     "countermeasure"),
    (re.compile(r"^(?:下一步|下步|今后|在今后的工作中|在下一步工作中|我们将)"), "plan"),
    (re.compile(r"^(?:但是?|然而|不过|同时也?要看到|对照)[^。]{0,60}(?:存在|还有|仍有|面临)[^。]{0,40}"
                r"(?:问题|不足|差距|短板|挑战)"), "transition"),
)  # fmt: skip


# Sentence openings that file one sentence elsewhere than the text around it: a pledge of
# next steps closing the countermeasures, scope and scale in an unheaded opening, the hinge
# from what went well to the problems. (section, the sections where the cue applies)
SENTENCE_CUES: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...] = (
    (re.compile(r"^(?:下一步|下步|今后|在下一步工作中|在今后的工作中)[，,]"), "plan",
     frozenset({"situation", "problem", "cause", "countermeasure", "achievement", "practice"})),
    (re.compile(r"^(?:近年来|近几年|目前|截至|现有|共有|"
                r"全(?:[镇乡村区县市局校院所厂]|街道|社区|系统|公司|集团)|"
                r"调研(?:显示|发现|表明)|调查(?:显示|发现|表明)|从调研(?:情况)?来?看|总体(?:来|上)看)"),
     "situation", frozenset({"opening"})),
    (re.compile(r"^(?:但是?|然而|不过|同时也?要看到|对照)[^。]{0,80}"
                r"(?:问题|不足|差距|短板|挑战|薄弱环节)"),
     "transition", frozenset({"opening", "situation", "achievement"})),
)  # fmt: skip


def sentence_section(text: str, section: str) -> str:
    """The section of one sentence of a paragraph filed under `section`."""
    for pattern, cued, applies in SENTENCE_CUES:
        if section in applies and pattern.match(text):
            return cued
    return section


def keyword_section(text: str, *, anywhere: bool) -> str | None:
    """The section a heading names: anywhere in it (top-level headings) or at its end.

    Below the top level only a bare section name (主要问题, 下一步工作打算) is a section
    title; a point heading that merely ends in one (阵地经费保障不足) is not.
    """
    if not anywhere:
        match = _ENDING_RE.search(text)
        return _SECTION_OF[match.group(1)] if match and match.start() <= 3 else None
    found = list(_KEYWORD_RE.finditer(text))
    if not found:
        return None
    # "问题产生的原因": the head noun comes last. "存在的问题和今后打算": a pair, the first leads.
    first, last = found[0], found[-1]
    paired = _PAIRED_RE.search(text, first.end(), last.start() + 1)
    named = {_SECTION_OF[m.group()] for m in found}
    if paired and named == {"plan", "countermeasure"}:
        return "countermeasure"  # 努力方向和整改措施: the measures are what follows
    return _SECTION_OF[(first if paired else last).group()]


def shape_section(heading: str, *, summary: bool) -> str | None:
    """The section a point heading's wording suggests when no section title says it."""
    if ACHIEVEMENT_SHAPE.search(heading):
        return "achievement"
    if ACTION_SHAPE.match(heading):
        return "practice" if summary else "countermeasure"
    if PROBLEM_SHAPE.search(heading):
        return "problem"
    return None


# The order sections come in: a cue only ever moves a report on, never back (针对上述问题
# inside 下步打算 is still the plan; 但…存在问题 inside the problems is still a problem).
ORDER = ("opening", "situation", "practice", "achievement", "transition", "problem", "cause",
         "countermeasure", "plan", "closing")  # fmt: skip


def paragraph_cue(text: str, section: str | None = None) -> str | None:
    """The section a paragraph's opening turns to (究其原因 → cause), if any, from `section`."""
    for pattern, cued in PARAGRAPH_CUES:
        if pattern.match(text):
            if section in ORDER and ORDER.index(cued) <= ORDER.index(section):
                return None
            return cued
    return None


def opens_with_section_name(text: str) -> bool:
    """Whether a line begins with a section name (存在的问题…, 原因…, 下一步…)."""
    return _KEYWORD_RE.match(text) is not None


def is_title(text: str) -> bool:
    """A line that reads as a document title (关于…的调研报告, …问题与对策, …经验交流)."""
    if len(text) <= 8:
        return False  # 存在的问题, 原因分析: a section label, not a title
    if text.startswith(TITLE_START) or TITLE_END.search(text):
        return True
    return len({_SECTION_OF[m.group()] for m in _KEYWORD_RE.finditer(text)}) > 1

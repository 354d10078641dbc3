"""The fixed vocabularies of the genre: keys in English, labels in Chinese.

Keys are what files store; labels are what users see. One table each, so the bank schema,
the search filters, the CLI and the wizard all agree.
"""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "situation": "基本情况",
    "practice": "主要做法",
    "achievement": "取得成效",
    "problem": "存在的问题",
    "cause": "原因分析",
    "countermeasure": "对策建议",
    "plan": "下步打算",
    "opening": "开头",
    "transition": "过渡",
    "closing": "结尾",
}

ENTRY_KINDS: dict[str, str] = {"heading": "标题", "sentence": "句子", "paragraph": "段落"}

TOPICS: dict[str, str] = {
    "political": "政治建设",
    "theory": "理论学习与思想建设",
    "organization": "组织设置与覆盖",
    "members": "党员队伍（发展、教育、管理）",
    "cadres": "书记与干部队伍",
    "org-life": "组织生活（三会一课、主题党日、民主评议）",
    "institutions": "制度机制与责任落实",
    "conduct": "作风建设（形式主义、官僚主义）",
    "support": "阵地、经费与信息化保障",
    "integration": "党建与中心工作融合",
    "masses": "联系服务群众与宣传",
    "discipline": "监督与纪律",
}

GENERAL_SCENE = "通用"
SCENES: tuple[str, ...] = (
    GENERAL_SCENE,
    "农村",
    "社区",
    "机关",
    "高校",
    "国企",
    "非公企业和社会组织",
)

MOVES: dict[str, str] = {
    "overview": "总起概括",
    "progress": "工作成效",
    "turn": "转折引出",
    "intro": "总述",
    "manifestation": "表现",
    "enumeration": "列举",
    "harm": "危害",
    "root": "深挖",
    "tie": "对应",
    "measure": "具体措施",
    "effect": "预期效果",
    "pledge": "表态收束",
}

# Aspects a 对照检查材料 / 民主生活会 material is organised by. Each year's notice sets its own
# list; a report kind names the ones it uses (kind.yaml `aspects:`), entries carry the keys.
ASPECTS: dict[str, str] = {
    "study": "理论学习",
    "politics": "政治素质",
    "competence": "能力本领",
    "commitment": "担当作为",
    "work-style": "工作作风",
    "integrity": "廉洁自律",
    "party-duty": "落实全面从严治党责任",
}

PERSONS: dict[str, str] = {"collective": "领导班子", "individual": "个人"}

# Sections whose entries may stand without a topic (they frame the whole report).
TOPICLESS_SECTIONS = frozenset({"opening", "transition", "closing"})

"""The static GB/T 9704-2012 rules, one function each, in one table.

Each rule reads the parsed document and returns its faults, one line each in the words of
a 校对 desk, naming the paragraph and the clause ("¶12「一、存在的问题」是第一层标题，用了宋体，
应为黑体（§7.3.3）"). Font families are matched by name (仿宋, 仿宋_GB2312, 方正仿宋_GBK and
FangSong are all 仿宋) so any office's fonts pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drafter.core.text.titlebreak import TITLE_LINE_CHARS, text_width, words
from drafter.writers.check.reader import Document, Paragraph

PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
TOLERANCE_MM = 1.0  # the standard's own ±1 mm
LINE_PITCH_PT = 28.95  # 225 mm / 22 lines (Word rounds to 28.95)
CHARS_PER_LINE = 28
TEXT_WIDTH_PT = 156 / 25.4 * 72
FAMILIES = {
    "仿宋": ("仿宋", "fangsong", "fang song"),
    "黑体": ("黑体", "simhei", "heiti", "hei"),
    "楷体": ("楷体", "kaiti", "kai"),
    "小标宋": ("小标宋", "标宋", "中宋", "xbs", "songti sc bold"),
}
_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]+、"), "黑体"),
    (2, re.compile(r"^（[一二三四五六七八九十]+）"), "楷体"),
    (3, re.compile(r"^\d+[.．](?!\t)"), "仿宋"),  # not 2.\t附件名称
    (4, re.compile(r"^（\d+）"), "仿宋"),
)
LEVEL_NAMES = ("", "第一层", "第二层", "第三层", "第四层")
# The margins by the standard's names (§5.2.1 names 天头 and 订口; the others follow from
# the 156 × 225 mm text block).
_SIDES = {"top": "天头（上白边）", "bottom": "下白边", "left": "订口（左白边）", "right": "右白边"}
DATE_RE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")


def family(font: str) -> str:
    """The family a font name belongs to ('' when none of the standard's)."""
    lowered = font.lower()
    return next((name for name, keys in FAMILIES.items() if any(k in lowered for k in keys)), "")


def snippet(p: Paragraph) -> str:
    text = p.text.strip()
    return f"¶{p.index}「{text[:12]}{'…' if len(text) > 12 else ''}」"


def heading_level(p: Paragraph) -> int:
    return next((level for level, pattern, _ in _LEVELS if pattern.match(p.text.strip())), 0)


@dataclass
class Parts:
    """The document's paragraphs sorted by role."""

    title: Paragraph | None
    headings: list[tuple[int, Paragraph]]
    body: list[Paragraph]
    signature: list[Paragraph]
    date: Paragraph | None


def classify(doc: Document) -> Parts:
    texts = [p for p in doc.paragraphs if p.text.strip()]
    # The title: 2号 near the top (a 发文机关标志 above it is larger still).
    title = next((p for p in texts[:8] if "Title" in p.styles or 21 <= p.size_pt <= 23), None)
    date_i = max((i for i, p in enumerate(texts) if DATE_RE.match(p.text.strip())), default=None)
    date = texts[date_i] if date_i is not None else None
    signature = []
    if date_i is not None and date_i > 0:
        before = texts[date_i - 1]
        if before.ppr.get("jc") in ("right", "end", "center") or "Signature" in before.styles:
            signature = [before]
    ending = {id(p) for p in signature} | ({id(date)} if date else set())
    headings, body = [], []
    for p in texts:
        if p is title or id(p) in ending or p.size_pt > 17 or p.size_pt < 15:
            continue
        level = heading_level(p)
        (headings.append((level, p)) if level else body.append(p))
    return Parts(title, headings, body, signature, date)


def _near(value: float, want: float, tolerance: float) -> bool:
    return abs(value - want) <= tolerance


def check_page(doc: Document, parts: Parts) -> list[str]:
    width, height = doc.page_mm
    if _near(width, PAGE_MM[0], TOLERANCE_MM) and _near(height, PAGE_MM[1], TOLERANCE_MM):
        return []
    return [f"纸张 {width:g} × {height:g} 毫米，应为 A4 纸 210 × 297 毫米（§5.1）"]


def check_margins(doc: Document, parts: Parts) -> list[str]:
    return [
        f"{_SIDES[side]}是 {doc.margins_mm.get(side, 0):g} 毫米，"
        f"应为 {want:g} 毫米（±1 毫米，§5.2.1）"
        for side, want in MARGINS_MM.items()
        if not _near(doc.margins_mm.get(side, 0), want, TOLERANCE_MM)
    ]


def check_grid(doc: Document, parts: Parts) -> list[str]:
    faults = []
    for p in parts.body[:1] + [p for _, p in parts.headings[:1]]:
        line = p.ppr.get("spacing.line")
        rule = p.ppr.get("spacing.lineRule", "auto")
        pitch = int(line) / 20 if line and rule in ("exact", "atLeast") else doc.grid_pitch_pt
        if pitch is None or not _near(pitch, LINE_PITCH_PT, 0.3):
            now = f"行距 {pitch:g} 磅" if pitch else "行距是单倍行距"
            faults.append(f"{snippet(p)}{now}，应为固定值 {LINE_PITCH_PT} 磅（每页 22 行，§5.2.3）")
    for p in parts.body[:1]:
        if not _near(p.size_pt, 16.0, 0.1):
            faults.append(f"{snippet(p)}正文 {p.size_pt:g} 磅，应为 16 磅（3 号字，§5.2.2）")
        elif not CHARS_PER_LINE - 0.5 <= TEXT_WIDTH_PT / 16.0 <= CHARS_PER_LINE + 0.5:
            faults.append(f"{snippet(p)}每行不是 28 个字（§5.2.3）")
        if p.ppr.get("overflowPunct", "1") not in ("0", "false"):
            faults.append(
                "标点可能挤到版心右边之外，一行成了 29 个字（§5.2.3）："
                "请在段落的中文版式里取消「允许标点溢出边界」"
            )
    return faults


def _font_fault(p: Paragraph, want: str, what: str, clause: str) -> str | None:
    if family(p.east_asia) == want:
        return None
    used = f"用了{p.east_asia}" if p.east_asia else "没有设中文字体"
    return f"{snippet(p)}是{what}，{used}，应为{want}（{clause}）"


def check_fonts(doc: Document, parts: Parts) -> list[str]:
    faults = []
    if parts.title is not None:
        fault = _font_fault(parts.title, "小标宋", "标题", "§7.3.1")
        if fault:
            faults.append(fault)
        if not _near(parts.title.size_pt, 22, 0.5):
            faults.append(
                f"{snippet(parts.title)}标题 {parts.title.size_pt:g} 磅，"
                "应为 22 磅（2 号字，§7.3.1）"
            )
    wrong_body = [p for p in parts.body if family(p.east_asia) != "仿宋"]
    if wrong_body:
        p = wrong_body[0]
        used = f"用了{p.east_asia}" if p.east_asia else "没有设中文字体"
        faults.append(
            f"正文{used}（自{snippet(p)}起 {len(wrong_body)} 段），应为 3 号仿宋（§7.3.3）"
        )
    for level, p in parts.headings:
        want = _LEVELS[level - 1][2]
        fault = _font_fault(p, want, f"{LEVEL_NAMES[level]}标题", "§7.3.3")
        if fault:
            faults.append(fault)
    ending = [(p, "发文机关署名") for p in parts.signature]
    ending += [(parts.date, "成文日期")] if parts.date else []
    for p, what in ending:
        fault = _font_fault(p, "仿宋", what, "§5.2.2")
        if fault:
            faults.append(fault)
    return faults


def check_headings(doc: Document, parts: Parts) -> list[str]:
    faults, previous = [], 0
    for level, p in parts.headings:
        name = LEVEL_NAMES[level]
        if level > previous + 1:
            skipped = (
                f"前面是{LEVEL_NAMES[previous]}标题，跳过了{LEVEL_NAMES[previous + 1]}"
                if previous
                else "前面没有第一层标题"
            )
            faults.append(f"{snippet(p)}是{name}标题，{skipped}（§7.3.3）")
        outline = p.ppr.get("outlineLvl")
        if outline is None or int(outline) != level - 1:
            faults.append(
                f"{snippet(p)}是{name}标题，大纲级别不是 {level} 级：Word 导航窗格里看不到它"
            )
        previous = level
    return faults


_FOOTERS = {"default": "单页", "even": "双页", "first": "首页"}


def check_page_numbers(doc: Document, parts: Parts) -> list[str]:
    numbered = {kind: xml for kind, xml in doc.footers.items() if "PAGE" in xml}
    if not numbered:
        return ["页脚没有页码域（§7.5）"]
    faults = []
    if not doc.odd_even_footers or "even" not in numbered:
        faults.append("没有设「奇偶页不同」：单页码应居右空一字，双页码居左空一字（§7.5）")
    for kind, xml in numbered.items():
        if "—" not in xml:
            which = _FOOTERS.get(kind, "") if doc.odd_even_footers or kind != "default" else ""
            faults.append(f"{which}页码没有写成「— 1 —」，数字左右应各放一条一字线（§7.5）")
    return faults


def title_faults(lines: list[str]) -> list[str]:
    """Faults of a title's lines: too long, unbalanced, or a word cut at a break."""
    widths = [text_width(line) for line in lines]
    faults = []
    if len(lines) == 1 and widths[0] > TITLE_LINE_CHARS:
        faults.append(
            f"一行排了 {widths[0]:g} 字，会自动回行、长短不齐：请分成长短相近的几行（§7.3.1）"
        )
    if len(lines) > 1:
        if min(widths) < max(widths) / 2:
            faults.append(
                f"各行 {' / '.join(f'{w:g}' for w in widths)} 字，"
                "有一行不到最长一行的一半：回行应排列对称、长短适宜（§7.3.1）"
            )
        whole = "".join(lines)
        bounds, at = set(), 0
        for piece in words(whole):
            at += len(piece)
            bounds.add(at)
        at = 0
        for line in lines[:-1]:
            at += len(line)
            if at not in bounds:
                cut = f"{whole[max(0, at - 2) : at]}/{whole[at : at + 2]}"
                faults.append(f"回行处拆开了一个词「{cut}」：回行应词意完整（§7.3.1）")
    return faults


def check_title(doc: Document, parts: Parts) -> list[str]:
    if parts.title is None:
        return ["开头没有找到标题（2 号字，居中，§7.3.1）"]
    return title_faults([line for line in parts.title.lines if line.strip()])


def check_signature(doc: Document, parts: Parts) -> list[str]:
    if parts.date is None:
        return ["结尾没有找到成文日期（如 2026年1月5日，§7.3.5）"]
    faults = []
    date_right = float(parts.date.ppr.get("ind.rightChars", 0) or 0) / 100
    if not (_near(date_right, 4, 0.6) or date_right >= 1.9):
        faults.append(
            f"{snippet(parts.date)}成文日期右空 {date_right:g} 字，"
            "应右空四字（加盖印章）或右空二字（不加盖印章，§7.3.5）"
        )
    if not parts.signature:
        faults.append("成文日期上方没有发文机关署名（§7.3.5）")
    return faults


Rule = Callable[[Document, Parts], list[str]]
# Rule id (stable: the JSON's "id") → the name a user reads before each fault, and the rule.
RULES: dict[str, tuple[str, Rule]] = {
    "page": ("幅面", check_page),
    "margins": ("页边距", check_margins),
    "grid": ("行数和字数", check_grid),
    "fonts": ("字体", check_fonts),
    "headings": ("结构层次", check_headings),
    "page-numbers": ("页码", check_page_numbers),
    "title": ("标题", check_title),
    "signature": ("署名和成文日期", check_signature),
}

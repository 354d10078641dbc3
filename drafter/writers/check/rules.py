"""The static GB/T 9704-2012 rules, one function each, in one table.

Each rule reads the parsed document and returns its faults, one readable line each
("¶12 「存在的问题」: 宋体 on the East Asian slot, want 仿宋"). Font families are matched by
name (仿宋, 仿宋_GB2312, 方正仿宋_GBK and FangSong are all 仿宋) so any office's fonts pass.
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
    return [f"page {width:g} × {height:g} mm, want A4 210 × 297 mm"]


def check_margins(doc: Document, parts: Parts) -> list[str]:
    return [
        f"{side} margin {doc.margins_mm.get(side, 0):g} mm, want {want:g} mm"
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
            faults.append(
                f"{snippet(p)}: line pitch {pitch or 'single'} pt, "
                f"want {LINE_PITCH_PT} pt (22 lines a page)"
            )
    for p in parts.body[:1]:
        if not _near(p.size_pt, 16.0, 0.1):
            faults.append(f"{snippet(p)}: body text {p.size_pt:g} pt, want 16 pt (3号)")
        elif not CHARS_PER_LINE - 0.5 <= TEXT_WIDTH_PT / 16.0 <= CHARS_PER_LINE + 0.5:
            faults.append(f"{snippet(p)}: not 28 characters a line")
        if p.ppr.get("overflowPunct", "1") not in ("0", "false"):
            faults.append(
                "punctuation may hang past the right edge (29 on a line): "
                "turn off 允许标点溢出边界 (w:overflowPunct)"
            )
    return faults


def _font_fault(p: Paragraph, want: str, what: str) -> str | None:
    if family(p.east_asia) == want:
        return None
    return f"{snippet(p)}: {what} in {p.east_asia or 'no East Asian font'}, want {want}"


def check_fonts(doc: Document, parts: Parts) -> list[str]:
    faults = []
    if parts.title is not None:
        fault = _font_fault(parts.title, "小标宋", "title")
        if fault:
            faults.append(fault)
        if not _near(parts.title.size_pt, 22, 0.5):
            faults.append(
                f"{snippet(parts.title)}: title {parts.title.size_pt:g} pt, want 22 pt (2号)"
            )
    wrong_body = [p for p in parts.body if family(p.east_asia) != "仿宋"]
    if wrong_body:
        p = wrong_body[0]
        font = p.east_asia or "no East Asian font"
        faults.append(f"body in {font} ({len(wrong_body)} paragraphs from {snippet(p)}), want 仿宋")
    for level, p in parts.headings:
        want = _LEVELS[level - 1][2]
        fault = _font_fault(p, want, f"level-{level} heading")
        if fault:
            faults.append(fault)
    for p in parts.signature + ([parts.date] if parts.date else []):
        fault = _font_fault(p, "仿宋", "signature/date")
        if fault:
            faults.append(fault)
    return faults


def check_headings(doc: Document, parts: Parts) -> list[str]:
    faults, previous = [], 0
    for level, p in parts.headings:
        if level > previous + 1:
            faults.append(f"{snippet(p)}: level {level} heading follows level {previous}")
        outline = p.ppr.get("outlineLvl")
        if outline is None or int(outline) != level - 1:
            faults.append(
                f"{snippet(p)}: not a level-{level} heading style (navigation pane misses it)"
            )
        previous = level
    return faults


def check_page_numbers(doc: Document, parts: Parts) -> list[str]:
    numbered = {kind: xml for kind, xml in doc.footers.items() if "PAGE" in xml}
    if not numbered:
        return ["no page numbers: no footer holds a PAGE field"]
    faults = []
    if not doc.odd_even_footers or "even" not in numbered:
        faults.append("page numbers not set odd-right / even-left (no separate even-page footer)")
    for kind, xml in numbered.items():
        if "—" not in xml:
            faults.append(f"{kind} page number not written “— 1 —”")
    return faults


def title_faults(lines: list[str]) -> list[str]:
    """Faults of a title's lines: too long, unbalanced, or a word cut at a break."""
    widths = [text_width(line) for line in lines]
    faults = []
    if len(lines) == 1 and widths[0] > TITLE_LINE_CHARS:
        faults.append(
            f"title of {widths[0]:g} characters on one line wraps unevenly: "
            "break it into balanced lines"
        )
    if len(lines) > 1:
        if min(widths) < max(widths) / 2:
            faults.append(
                f"title lines {' / '.join(f'{w:g}' for w in widths)}: "
                "a line shorter than half the longest"
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
                faults.append(f"title break cuts a word: 「{cut}」")
    return faults


def check_title(doc: Document, parts: Parts) -> list[str]:
    if parts.title is None:
        return ["no title (2号 centred) found at the top"]
    return title_faults([line for line in parts.title.lines if line.strip()])


def check_signature(doc: Document, parts: Parts) -> list[str]:
    if parts.date is None:
        return ["no 成文日期 (2026年1月5日) found at the end"]
    faults = []
    date_right = float(parts.date.ppr.get("ind.rightChars", 0) or 0) / 100
    if not (_near(date_right, 4, 0.6) or date_right >= 1.9):
        faults.append(
            f"{snippet(parts.date)}: date {date_right:g} characters from the right, "
            "want 4 (sealed) or 2 (unsealed)"
        )
    if not parts.signature:
        faults.append("no signature (发文机关署名) right above the date")
    return faults


Rule = Callable[[Document, Parts], list[str]]
RULES: dict[str, tuple[str, Rule]] = {
    "page": ("A4 page", check_page),
    "margins": ("margins 37/35/28/26 mm", check_margins),
    "grid": ("22 lines × 28 characters", check_grid),
    "fonts": ("fonts on the East Asian slot", check_fonts),
    "headings": ("heading levels", check_headings),
    "page-numbers": ("page numbers", check_page_numbers),
    "title": ("title balance", check_title),
    "signature": ("signature and date", check_signature),
}

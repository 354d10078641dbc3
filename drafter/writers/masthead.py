"""The 版头 (GB/T 9704 §7.2): 发文机关标志 in red, 发文字号 and 签发人, the red rule."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt

from drafter.core.report.blocks import Block
from drafter.core.text.titlebreak import text_width
from drafter.writers import ooxml
from drafter.writers.fonts import FontProfile
from drafter.writers.pagination import BODY_PT, TEXT_HEIGHT_MM, TEXT_WIDTH_MM

MASTHEAD_MAX_PT = 42.0  # 发文机关标志: 初号 at most, smaller when the name is long
MASTHEAD_TOP_MM = 34.0  # 发文机关标志上边缘至版心上边缘 35 mm, less the line's leading


def _blank(doc: Any) -> None:
    doc.add_paragraph("", style="Normal")


def write_masthead(doc: Any, fonts: FontProfile, blocks: list[Block]) -> int:
    """发文机关标志 in red, 发文字号 (and 签发人) two lines below, the red line 4 mm under.
    Returns the grid lines left on the first page below it."""
    organ = next((b.text for b in blocks if b.kind == "masthead"), "")
    number = next((b.text for b in blocks if b.kind == "docnumber"), "")
    signer = next((b.text for b in blocks if b.kind == "signer"), "")
    mast = doc.add_paragraph(style="Masthead")
    mast.paragraph_format.space_before = Mm(MASTHEAD_TOP_MM)
    size = min(MASTHEAD_MAX_PT, int(TEXT_WIDTH_MM / 25.4 * 72 / max(text_width(organ), 1)))
    ooxml.set_run_font(
        mast.add_run(organ), east_asia=fonts.title, latin=fonts.latin, size_pt=size, color=ooxml.RED
    )
    _blank(doc)
    _blank(doc)
    line = doc.add_paragraph(style="Recipient")
    if signer:  # 上行文: 发文字号居左空一字, 签发人居右空一字
        stops = line.paragraph_format.tab_stops
        stops.add_tab_stop(Pt(BODY_PT))
        stops.add_tab_stop(Mm(TEXT_WIDTH_MM) - Pt(BODY_PT), WD_TAB_ALIGNMENT.RIGHT)
        line.add_run(f"\t{number}\t签发人：")
        ooxml.set_run_font(
            line.add_run(signer), east_asia=fonts.h2, latin=fonts.latin, size_pt=BODY_PT
        )
    else:
        line.add_run(number)
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ooxml.add_rule_below(line)
    _blank(doc)
    _blank(doc)  # 标题编排于红色分隔线下空二行位置
    # the 版头's height: the masthead at about its font size (measured in LibreOffice; its
    # font's own spacing may make it a line more: `imprint` allows for that), five lines
    height = Mm(MASTHEAD_TOP_MM).pt + size + 5 * ooxml.LINE_TWIPS / 20
    return int((Mm(TEXT_HEIGHT_MM).pt - height) // (ooxml.LINE_TWIPS / 20))

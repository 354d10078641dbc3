"""The 版记 (GB/T 9704 §7.4): 抄送机关, 印发机关 and 印发日期 between rules, at the foot of the
last even page, and whether that page carries a number (§7.5).

Where the main text ends is counted on the grid (`pagination`), as Word lays it out:
- on an even page with room below: the 版记 goes at the foot of that same page;
- on an odd page: on the next page, an even one, numbered like the rest;
- on an even page without room: after a blank page, neither of them numbered.
LibreOffice moves a kept closing paragraph whole where Word splits it, so the two can end
the text on different pages; the 版记 then takes a page of its own, on an even page in both,
and so it does when a 版头 of uncertain height could move the end by a line.
"""

from __future__ import annotations

from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Pt, Twips

from drafter.core.report.blocks import Block
from drafter.writers import ooxml
from drafter.writers.labels import labelled
from drafter.writers.pagination import (
    TEXT_HEIGHT_MM,
    TEXT_WIDTH_MM,
    Para,
    text_end,
)

IMPRINT_PT = 14.0  # 版记: 4号仿宋
ROW_TWIPS = ooxml.LINE_TWIPS + 150  # a 版记 row: a 4号 line and the cell's padding
GAP_LINES = 1  # at least a blank line between the text's last line and the 版记


def write_imprint(
    doc: Any, blocks: list[Block], laid: list[Para], *, first_pages: tuple[int, ...]
) -> None:
    """Append the 版记 where the main text's end (`laid`, as printed) leaves it: the first
    of `first_pages` is the lines the first page holds, the others what it may hold."""
    rows = _rows(blocks)
    height = len(rows) * ROW_TWIPS
    ends = [
        text_end(laid, first_page=first, libreoffice=lo)
        for first in first_pages
        for lo in (False, True)
    ]
    end = ends[0]  # as Word lays it out, on the first page as counted
    needed = -(-height // ooxml.LINE_TWIPS) + GAP_LINES
    if end.page % 2 == 0 and len(set(ends)) == 1 and end.lines_free >= needed:
        room = end.lines_free * ooxml.LINE_TWIPS
    else:
        section = doc.add_section(WD_SECTION.EVEN_PAGE)
        if end.page % 2 == 0:  # a blank page comes first: neither page numbered
            for footer in (section.footer, section.even_page_footer):
                footer.is_linked_to_previous = False  # a footer of its own, left empty
        room = round(Mm(TEXT_HEIGHT_MM).twips)
    # A spacer pushes the table down so its last rule sits on the text block's bottom edge
    # (a floating table at the bottom would do, but LibreOffice sets it inline).
    spacer = doc.add_paragraph("", style="Normal")
    spacer.paragraph_format.line_spacing = Twips(room - height)
    table = doc.add_table(rows=len(rows), cols=1)
    width = Mm(TEXT_WIDTH_MM)
    ooxml.imprint_table_properties(table, width_twips=round(width.twips))
    end_mark = doc.add_paragraph("", style="Normal")  # a body ends in a paragraph: tiny
    end_mark.paragraph_format.line_spacing = Pt(1)
    for row, (kind, text) in zip(table.rows, rows, strict=True):
        cell = row.cells[0]
        cell.width = width
        paragraph = cell.paragraphs[0]
        paragraph.style = doc.styles["Imprint"]
        paragraph.add_run(text)
        if kind == "copyto":  # 左右各空一字; 回行时与冒号后的首字对齐
            ooxml.set_indent_chars(paragraph, size_pt=IMPRINT_PT, left=4, right=1, first_line=-3)
        else:  # 印发机关左空一字, 印发日期右空一字
            ooxml.set_indent_chars(paragraph, size_pt=IMPRINT_PT, left=1, right=1)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                width - Pt(IMPRINT_PT), WD_TAB_ALIGNMENT.RIGHT
            )


def _rows(blocks: list[Block]) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    printed = {b.kind: labelled(b) for b in blocks}
    if "copyto" in printed:
        rows.append(("copyto", printed["copyto"]))
    issuer, issued = printed.get("issuer", ""), printed.get("issuedate", "")
    if issuer or issued:
        rows.append(("issued", f"{issuer}\t{issued}" if issued else issuer))
    return rows

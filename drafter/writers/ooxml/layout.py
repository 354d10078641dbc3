"""Paragraph and table details python-docx has no API for: character indents, run fonts on
the East Asian slot, rules (the red line under the 版头, the lines of the 版记) and a table
that floats to the bottom of the text block.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from drafter.writers.ooxml.styles import element, run_properties

RED = "FF0000"
# pPr children that come after w:pBdr in the schema.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:outlineLvl", "w:rPr",
    "w:sectPr", "w:pPrChange",
)  # fmt: skip


def set_indent_chars(
    paragraph: Any,
    *,
    size_pt: float,
    left: float = 0.0,
    right: float = 0.0,
    first_line: float = 0.0,
) -> None:
    """Indents in characters (Word's *Chars units), every attribute written.

    A negative first line is a hanging indent. All six attributes are set because
    *Chars values inherit through the style chain and win over twips.
    """
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for key in list(ind.attrib):
        del ind.attrib[key]
    twips = size_pt * 20
    values: dict[str, float] = {"left": left, "right": right}
    if first_line >= 0:
        values["firstLine"] = first_line
    else:
        values["hanging"] = -first_line
    for name, chars in values.items():
        ind.set(qn(f"w:{name}"), str(round(chars * twips)))
        ind.set(qn(f"w:{name}Chars"), str(round(chars * 100)))


def set_run_font(run: Any, *, east_asia: str, latin: str, size_pt: float, color: str = "") -> None:
    """A run's own fonts (East Asian slot included), size and colour."""
    old = run._r.find(qn("w:rPr"))
    if old is not None:
        run._r.remove(old)
    rpr = run_properties(east_asia=east_asia, latin=latin, size_pt=size_pt, condense=False)
    if color:
        rpr.find(qn("w:color")).set(qn("w:val"), color)
    run._r.insert(0, rpr)


def add_rule_below(
    paragraph: Any, *, color: str = RED, eighths: int = 8, space_pt: int = 11
) -> None:
    """A rule the width of the text block under the paragraph (the 版头's red line)."""
    border = element("w:pBdr")
    border.append(element("w:bottom", val="single", sz=eighths, space=space_pt, color=color))
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_PBDR)


def imprint_table_properties(table: Any, *, width_twips: int) -> None:
    """The 版记 table: full width, thick rules at top and bottom and thin ones between rows
    (GB/T 9704 §7.4.1), no side borders."""
    tbl_pr = table._tbl.tblPr
    for tag in ("w:tblpPr", "w:tblOverlap", "w:tblW", "w:tblBorders", "w:tblCellMar"):
        for old in tbl_pr.findall(qn(tag)):
            tbl_pr.remove(old)
    borders = element("w:tblBorders")
    for side, size in (("top", 8), ("left", 0), ("bottom", 8), ("right", 0), ("insideH", 6)):
        kind = "single" if size else "nil"
        borders.append(element(f"w:{side}", val=kind, sz=size or None, space=0, color="000000"))
    borders.append(element("w:insideV", val="nil"))
    margins = element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(element(f"w:{side}", w=0, type="dxa"))
    style = tbl_pr.find(qn("w:tblStyle"))
    width = element("w:tblW", w=width_twips, type="dxa")
    (style.addnext(width) if style is not None else tbl_pr.insert(0, width))
    jc = tbl_pr.find(qn("w:jc"))
    (jc if jc is not None else tbl_pr.find(qn("w:tblW"))).addnext(borders)
    borders.addnext(margins)

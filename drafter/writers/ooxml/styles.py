"""Style and paragraph properties: explicit fonts, a fixed line pitch, character indents.

python-docx's Font.name sets only w:ascii/w:hAnsi, so Chinese text would fall back to the
theme font; styles here are rebuilt with explicit w:eastAsia fonts, fixed line pitch and no
theme attributes. Child order follows the OOXML schema (Word rejects files that break it).
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# GB/T 9704: 22 lines in a 225 mm block → 28.95 pt = 579 twips, exact.
LINE_TWIPS = 579
# 28 characters in 156 mm: 16 pt glyphs condensed by 0.25 pt (w:spacing in 1/20 pt).
CONDENSE_TWENTIETHS = -5


def element(tag: str, **attrs: Any) -> Any:
    """A w: element with w: attributes (None values are skipped)."""
    el = OxmlElement(tag)
    for key, value in attrs.items():
        if value is not None:
            el.set(qn(f"w:{key}"), str(value))
    return el


def run_properties(
    *,
    east_asia: str,
    latin: str,
    size_pt: float,
    bold: bool = False,
    condense: bool = True,
) -> Any:
    """A fresh w:rPr: fonts on every slot (hint eastAsia keeps “”—… Chinese), size, weight."""
    rpr = OxmlElement("w:rPr")
    rpr.append(
        element("w:rFonts", ascii=latin, hAnsi=latin, eastAsia=east_asia, cs=latin, hint="eastAsia")
    )
    rpr.append(element("w:b", val="1" if bold else "0"))
    rpr.append(element("w:bCs", val="1" if bold else "0"))
    rpr.append(element("w:color", val="000000"))
    if condense:
        rpr.append(element("w:spacing", val=CONDENSE_TWENTIETHS))
    rpr.append(element("w:kern", val="0"))
    half_points = round(size_pt * 2)
    rpr.append(element("w:sz", val=half_points))
    rpr.append(element("w:szCs", val=half_points))
    rpr.append(element("w:lang", val="en-US", eastAsia="zh-CN", bidi="ar-SA"))
    return rpr


def paragraph_properties(
    *,
    jc: str = "both",
    first_line_chars: int = 0,
    size_pt: float = 16,
    right_chars: float = 0,
    left_chars: float = 0,
    outline_level: int | None = None,
    keep_next: bool = False,
    keep_lines: bool = False,
    exact_line: bool = True,
    overflow_punctuation: bool = False,
) -> Any:
    """A fresh w:pPr: fixed line pitch, no space before/after, indents in characters.

    Punctuation stays inside the text block unless `overflow_punctuation` (so a line holds
    28 characters, not 28 and a hanging 。), and Word adds no space between Chinese and
    digits or Latin letters (2026年, not 2026 年).

    Zero indents are written too: *Chars attributes win over twips and inherit from the
    style chain, so an unset one would pick up Normal's two-character first-line indent.
    """
    ppr = OxmlElement("w:pPr")
    if keep_next:
        ppr.append(element("w:keepNext"))
    if keep_lines:
        ppr.append(element("w:keepLines"))
    ppr.append(element("w:widowControl", val="0"))
    ppr.append(element("w:overflowPunct", val="1" if overflow_punctuation else "0"))
    ppr.append(element("w:autoSpaceDE", val="0"))
    ppr.append(element("w:autoSpaceDN", val="0"))
    ppr.append(element("w:snapToGrid", val="0"))
    if exact_line:
        ppr.append(element("w:spacing", before=0, after=0, line=LINE_TWIPS, lineRule="exact"))
    else:
        ppr.append(element("w:spacing", before=0, after=0, line=240, lineRule="auto"))
    char_twips = size_pt * 20
    ppr.append(
        element(
            "w:ind",
            left=round(left_chars * char_twips),
            leftChars=round(left_chars * 100),
            right=round(right_chars * char_twips),
            rightChars=round(right_chars * 100),
            firstLine=round(first_line_chars * char_twips),
            firstLineChars=round(first_line_chars * 100),
        )
    )
    ppr.append(element("w:jc", val=jc))
    if outline_level is not None:
        ppr.append(element("w:outlineLvl", val=outline_level))
    return ppr


def replace_child(parent: Any, new: Any, tag: str) -> None:
    """Put `new` where parent's `tag` child was (or append it), dropping the old one."""
    old = parent.find(qn(tag))
    if old is not None:
        old.addprevious(new)
        parent.remove(old)
    else:
        parent.append(new)


def set_style_properties(style_el: Any, ppr: Any, rpr: Any) -> None:
    """Replace a style's pPr and rPr wholesale (drops theme fonts, colours, borders)."""
    for tag in ("w:pPr", "w:rPr"):
        old = style_el.find(qn(tag))
        if old is not None:
            style_el.remove(old)
    # Schema order inside w:style: … qFormat, rsid, pPr, rPr, tblPr …
    style_el.append(ppr)
    style_el.append(rpr)


def set_doc_defaults(styles_el: Any, ppr: Any, rpr: Any) -> None:
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = element("w:docDefaults")
        styles_el.insert(0, defaults)
    for holder_tag, child in (("w:rPrDefault", rpr), ("w:pPrDefault", ppr)):
        holder = defaults.find(qn(holder_tag))
        if holder is None:
            holder = element(holder_tag)
            defaults.append(holder)
        for old in list(holder):
            holder.remove(old)
        holder.append(child)
    # rPrDefault must come before pPrDefault
    r, p = defaults.find(qn("w:rPrDefault")), defaults.find(qn("w:pPrDefault"))
    if defaults.index(r) > defaults.index(p):
        defaults.remove(r)
        p.addprevious(r)


def strip_theme_fonts(root: Any) -> None:
    """Remove every theme font attribute so nothing resolves through the theme."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)


def set_line_grid(sect_pr: Any) -> None:
    """A 'lines' document grid at the 28.95 pt pitch (no character grid: see module doc)."""
    replace_child(sect_pr, element("w:docGrid", type="lines", linePitch=LINE_TWIPS), "w:docGrid")


def add_page_field(paragraph: Any, rpr_factory: Any) -> None:
    """Append “— PAGE —” runs: a real PAGE field between two em dashes."""
    p = paragraph._p

    def run(*children: Any) -> None:
        r = OxmlElement("w:r")
        r.append(rpr_factory())
        for child in children:
            r.append(child)
        p.append(r)

    def text(value: str) -> Any:
        t = element("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = value
        return t

    instr = element("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run(text("— "))
    run(element("w:fldChar", fldCharType="begin"))
    run(instr)
    run(element("w:fldChar", fldCharType="separate"))
    run(text("1"))
    run(element("w:fldChar", fldCharType="end"))
    run(text(" —"))

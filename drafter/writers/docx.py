"""Word output to GB/T 9704-2012 (党政机关公文格式), the layout reports are printed in.

A4; margins 37/35/28/26 mm (text block 156 × 225 mm); 22 lines a page at an exact 28.95 pt
pitch; 28 characters a line (16 pt condensed by 0.25 pt); 2号小标宋 title; 3号仿宋 body;
一、 黑体, （一） 楷体, 1. 仿宋 bold, （1） 仿宋, in Word's own Heading 1–4 styles so the
navigation pane and a table of contents see the structure; “— 1 —” page numbers in 4号宋体,
odd pages right and even pages left, one character in.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter.core.blocks import Block
from drafter.writers import ooxml
from drafter.writers.fonts import PROFILES, FontProfile

BODY_PT = 16.0  # 3号
TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
DATE_RIGHT_CHARS = 4.0  # 成文日期右空四字
# The footer's distance from the page edge that puts the page number's dash about 7 mm
# below the text block (checked by rendering).
FOOTER_MM = 25.0

_TITLE_ZONE = ("title", "subtitle")  # a blank line follows the last of these
_HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}


def write_docx(
    blocks: list[Block],
    *,
    fonts: FontProfile | None = None,
    h3_bold: bool = True,
    title: str = "",
    author: str = "",
) -> bytes:
    """The .docx file's bytes for a list of blocks."""
    fonts = fonts or PROFILES["gb2312"]
    doc = Document()
    _setup_page(doc)
    _setup_styles(doc, fonts, h3_bold)
    _setup_footers(doc, fonts)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""

    body = doc.element.body
    for p in list(body.iterchildren()):
        if p.tag != qn("w:sectPr"):
            body.remove(p)

    signature_width = _signature_right_chars(blocks)
    previous: Block | None = None
    for i, block in enumerate(blocks):
        if block.kind == "signature" and (previous is None or previous.kind != "signature"):
            doc.add_paragraph("", style="Normal")  # 署名前空一行
        paragraph = doc.add_paragraph(block.full_text, style=_style_name(block))
        if block.kind == "signature":
            paragraph._p.get_or_add_pPr().append(
                ooxml.element(
                    "w:ind",
                    left=0,
                    right=round(signature_width * BODY_PT * 20),
                    rightChars=round(signature_width * 100),
                    firstLine=0,
                    firstLineChars=0,
                )
            )
        previous = block
        following = blocks[i + 1].kind if i + 1 < len(blocks) else None
        if block.kind in _TITLE_ZONE and following not in (None, *_TITLE_ZONE):
            doc.add_paragraph("", style="Normal")  # 标题下空一行
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _style_name(block: Block) -> str:
    if block.kind == "heading":
        return _HEADING_STYLES[block.level]
    return {
        "title": "Title",
        "subtitle": "Subtitle",
        "body": "Normal",
        "signature": "Signature",
        "date": "Date",
    }[block.kind]


def _setup_page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_MM)
    ooxml.set_line_grid(section._sectPr)


def _setup_styles(doc: Any, fonts: FontProfile, h3_bold: bool) -> None:
    styles = doc.styles
    styles_el = styles.element
    latin = fonts.latin

    def rpr(east_asia: str, size: float = BODY_PT, bold: bool = False) -> Any:
        return ooxml.run_properties(east_asia=east_asia, latin=latin, size_pt=size, bold=bold)

    def ppr(**kwargs: Any) -> Any:
        return ooxml.paragraph_properties(size_pt=BODY_PT, **kwargs)

    ooxml.set_doc_defaults(styles_el, ppr(jc="both"), rpr(fonts.body))
    body_ppr: dict[str, Any] = {"jc": "both", "first_line_chars": 2}
    specs: dict[str, tuple[Any, Any]] = {
        "Normal": (ppr(**body_ppr), rpr(fonts.body)),
        "Title": (ppr(jc="center"), rpr(fonts.title, TITLE_PT)),
        "Subtitle": (ppr(jc="center"), rpr(fonts.h2)),
        "Heading 1": (ppr(**body_ppr, outline_level=0, keep_next=True), rpr(fonts.h1)),
        "Heading 2": (ppr(**body_ppr, outline_level=1, keep_next=True), rpr(fonts.h2)),
        "Heading 3": (
            ppr(**body_ppr, outline_level=2, keep_next=True),
            rpr(fonts.h3, bold=h3_bold),
        ),
        "Heading 4": (ppr(**body_ppr, outline_level=3, keep_next=True), rpr(fonts.h4)),
        "Signature": (ppr(jc="right"), rpr(fonts.body)),
        "Date": (ppr(jc="right", right_chars=DATE_RIGHT_CHARS), rpr(fonts.body)),
        "Footer": (ppr(jc="right", exact_line=False), rpr(fonts.page_number, PAGE_NUMBER_PT)),
    }
    for name, (p_props, r_props) in specs.items():
        style = _get_or_add_style(styles, name)
        ooxml.set_style_properties(style.element, p_props, r_props)
    ooxml.strip_theme_fonts(styles_el)


def _get_or_add_style(styles: Any, name: str) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        return style


def _setup_footers(doc: Any, fonts: FontProfile) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]

    def number_rpr() -> Any:
        return ooxml.run_properties(
            east_asia=fonts.page_number,
            latin=fonts.page_number,
            size_pt=PAGE_NUMBER_PT,
            condense=False,
        )

    pages = ((section.footer, "right"), (section.even_page_footer, "left"))
    for footer, side in pages:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        ppr = ooxml.paragraph_properties(
            jc=side,
            size_pt=PAGE_NUMBER_PT,
            exact_line=False,
            right_chars=1.0 if side == "right" else 0.0,
            left_chars=1.0 if side == "left" else 0.0,
        )
        old = paragraph._p.pPr
        if old is not None:
            paragraph._p.remove(old)
        paragraph._p.insert(0, ppr)  # pPr is always a paragraph's first child
        ooxml.add_page_field(paragraph, number_rpr)
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False


def _text_width(text: str) -> float:
    """Width in full-width character cells: CJK and full-width count 1, the rest ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.5 for c in text)


def _signature_right_chars(blocks: list[Block]) -> float:
    """Right indent that centres the 署名 over the date (which sits 4 characters in)."""
    date = next((b for b in blocks if b.kind == "date"), None)
    signatures = [b for b in blocks if b.kind == "signature"]
    if not signatures:
        return 0.0
    widest = max(_text_width(b.text) for b in signatures)
    if date is None:
        return 2.0
    centre = DATE_RIGHT_CHARS + _text_width(date.text) / 2
    return max(0.0, round((centre - widest / 2) * 2) / 2)

"""The page and its styles (GB/T 9704 §5, §7.5): A4 with the standard's margins and line
grid, the styles every paragraph of the report takes, and the page numbers in the footers.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from drafter.writers import ooxml
from drafter.writers.fonts import FontProfile
from drafter.writers.imprint import IMPRINT_PT
from drafter.writers.pagination import BODY_PT

TITLE_PT = 22.0  # 2号
PAGE_NUMBER_PT = 14.0  # 4号
# The footer's distance from the page edge that puts the page number's dash about 7 mm
# below the text block (checked by rendering).
FOOTER_MM = 25.0


def setup_page(doc: Any) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_MM)
    ooxml.set_line_grid(section._sectPr)


def setup_styles(doc: Any, fonts: FontProfile, h3_bold: bool) -> None:
    styles = doc.styles
    latin = fonts.latin

    def rpr(east_asia: str, size: float = BODY_PT, bold: bool = False) -> Any:
        return ooxml.run_properties(east_asia=east_asia, latin=latin, size_pt=size, bold=bold)

    def ppr(**kwargs: Any) -> Any:
        kwargs.setdefault("size_pt", BODY_PT)
        return ooxml.paragraph_properties(overflow_punctuation=fonts.overflow_punctuation, **kwargs)

    ooxml.set_doc_defaults(styles.element, ppr(jc="both"), rpr(fonts.body))
    body: dict[str, Any] = {"jc": "both", "first_line_chars": 2}
    kept = {"keep_next": True, "keep_lines": True}  # a heading: whole, and with its text
    specs: dict[str, tuple[Any, Any]] = {
        "Normal": (ppr(**body), rpr(fonts.body)),
        "Title": (ppr(jc="center"), rpr(fonts.title, TITLE_PT)),
        "Subtitle": (ppr(jc="center"), rpr(fonts.h2)),
        "Recipient": (ppr(jc="both"), rpr(fonts.body)),  # 居左顶格, 回行时仍顶格
        "Heading 1": (ppr(**body, outline_level=0, **kept), rpr(fonts.h1)),
        "Heading 2": (ppr(**body, outline_level=1, **kept), rpr(fonts.h2)),
        "Heading 3": (ppr(**body, outline_level=2, **kept), rpr(fonts.h3, bold=h3_bold)),
        "Heading 4": (ppr(**body, outline_level=3, **kept), rpr(fonts.h4)),
        "Signature": (ppr(jc="right"), rpr(fonts.body)),
        "Date": (ppr(jc="right"), rpr(fonts.body)),
        "Masthead": (ppr(jc="center", exact_line=False), rpr(fonts.title, TITLE_PT)),
        "Imprint": (ppr(jc="both", size_pt=IMPRINT_PT), rpr(fonts.body, IMPRINT_PT)),
        "Footer": (ppr(jc="right", exact_line=False), rpr(fonts.page_number, PAGE_NUMBER_PT)),
    }
    for name, (p_props, r_props) in specs.items():
        ooxml.set_style_properties(_get_or_add_style(styles, name).element, p_props, r_props)
    ooxml.strip_theme_fonts(styles.element)


def _get_or_add_style(styles: Any, name: str) -> Any:
    try:
        return styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        return style


def setup_footers(doc: Any, fonts: FontProfile) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]

    def number_rpr() -> Any:
        return ooxml.run_properties(
            east_asia=fonts.page_number,
            latin=fonts.page_number,
            size_pt=PAGE_NUMBER_PT,
            condense=False,
        )

    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles["Footer"]
        ooxml.set_indent_chars(
            paragraph,
            size_pt=PAGE_NUMBER_PT,
            left=1.0 if side == "left" else 0.0,
            right=1.0 if side == "right" else 0.0,
        )
        paragraph.alignment = (
            WD_ALIGN_PARAGRAPH.LEFT if side == "left" else WD_ALIGN_PARAGRAPH.RIGHT
        )
        ooxml.add_page_field(paragraph, number_rpr)
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False

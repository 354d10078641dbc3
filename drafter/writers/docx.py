"""Word output to GB/T 9704-2012 (党政机关公文格式), the layout reports are printed in.

A4; margins 37/35/28/26 mm (text block 156 × 225 mm); 22 lines a page at an exact 28.95 pt
pitch; 28 characters a line (16 pt condensed by 0.25 pt); 2号小标宋 title broken into
balanced lines; 3号仿宋 body; 一、 黑体, （一） 楷体, 1. 仿宋 bold, （1） 仿宋, in Word's own
Heading 1–4 styles so the navigation pane sees the structure; “— 1 —” page numbers in 4号
宋体, odd pages right and even pages left, one character in (page, styles and footers:
`pagestyle`). The optional 版头 (`masthead`), 主送机关, 附件说明 and 附注 follow §7.2–7.3,
the 版记 §7.4 (`imprint`, placed by counting the grid's lines: `pagination`); the ending
(last body lines, signature, date) is kept on one page (`ending`). This module writes the
document's flow with python-docx's API only; raw XML is in `ooxml`.
"""

from __future__ import annotations

import datetime as _dt
import io
from dataclasses import replace
from typing import Any

from docx import Document

from drafter.core.report.blocks import HEADER_KINDS, IMPRINT_KINDS, Block
from drafter.core.text.titlebreak import break_title
from drafter.writers import ooxml
from drafter.writers.closing import ClosingIndents, closing_indents
from drafter.writers.ending import KEPT_BODY_LINES, keep_needed, kept_from
from drafter.writers.fonts import PROFILES, FontProfile
from drafter.writers.imprint import write_imprint
from drafter.writers.masthead import write_masthead
from drafter.writers.pagestyle import setup_footers, setup_page, setup_styles
from drafter.writers.pagination import (
    BODY_PT,
    LINE_CHARS,
    PAGE_LINES,
    Para,
    TextEnd,
    printed_lines,
    text_end,
)

_HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
_STYLE_OF = {
    "title": "Title",
    "subtitle": "Subtitle",
    "recipient": "Recipient",
    "body": "Normal",
    "attachment": "Normal",
    "note": "Normal",
    "signature": "Signature",
    "date": "Date",
}


def write_docx(
    blocks: list[Block],
    *,
    fonts: FontProfile | None = None,
    h3_bold: bool = True,
    title: str = "",
    author: str = "",
    now: _dt.datetime | None = None,
) -> bytes:
    """The .docx file's bytes for a list of blocks."""
    fonts = fonts or PROFILES["gb2312"]
    doc, _ = _build(blocks, fonts, h3_bold)
    _set_properties(doc, title, author, now)
    out = io.BytesIO()
    doc.save(out)
    return ooxml.clean_package(
        out.getvalue(), fonts=fonts.names(), east_asia=fonts.body, company=author
    )


def text_end_of(
    blocks: list[Block], *, fonts: FontProfile | None = None, libreoffice: bool = False
) -> TextEnd:
    """Where the main text's last line prints, counted on the grid as `write_docx` lays
    the blocks out (the 版记's place depends on it), as Word or LibreOffice breaks pages."""
    _, (laid, first_page) = _build(blocks, fonts or PROFILES["gb2312"], h3_bold=True)
    return text_end(laid, first_page=first_page, libreoffice=libreoffice)


def _build(
    blocks: list[Block], fonts: FontProfile, h3_bold: bool
) -> tuple[Any, tuple[list[Para], int]]:
    """The document, and its main text as printed with the lines its first page holds."""
    doc = Document()
    setup_page(doc)
    setup_styles(doc, fonts, h3_bold)
    setup_footers(doc, fonts)
    ooxml.set_settings(doc.settings.element)
    body = doc.element.body
    for child in list(body.iterchildren()):
        if child is not doc.sections[0]._sectPr:
            body.remove(child)

    header = [b for b in blocks if b.kind in HEADER_KINDS]
    imprint = [b for b in blocks if b.kind in IMPRINT_KINDS]
    first_page = write_masthead(doc, fonts, header) if header else PAGE_LINES
    # a 版头's height depends on its font: the first page may hold a line less
    first_pages = (first_page, first_page - 1) if header else (first_page,)
    main = [b for b in blocks if b.kind not in HEADER_KINDS | IMPRINT_KINDS]
    laid = _write_main(doc, main, first_pages, hang=fonts.overflow_punctuation)
    if imprint:
        write_imprint(doc, imprint, laid, first_pages=first_pages)
    return doc, (laid, first_page)


def _set_properties(doc: Any, title: str, author: str, now: _dt.datetime | None) -> None:
    """File properties from the draft: its title, the unit as author, built now, zh-CN."""
    stamp = now or _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    props = doc.core_properties
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.comments = ""
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.language = "zh-CN"


def _blank(doc: Any, keep: bool = False) -> Any:
    paragraph = doc.add_paragraph("", style="Normal")
    paragraph.paragraph_format.keep_with_next = keep or None
    return paragraph


def _write_main(
    doc: Any, blocks: list[Block], first_pages: tuple[int, ...], *, hang: bool
) -> list[Para]:
    """Title, 主送机关, body, attachments, signature, date, 附注: the document's 主体.
    Returns each paragraph written as printed on the grid, for `pagination`."""
    signatures = [b.text for b in blocks if b.kind == "signature"]
    date = next((b.text for b in blocks if b.kind == "date"), "")
    sealed = any(b.kind == "signature" and b.level == 1 for b in blocks)
    indents = closing_indents(signatures, date, sealed=sealed)
    ending_start = kept_from(blocks)
    attachments = [b for b in blocks if b.kind == "attachment"]
    laid: list[Para] = []
    closing: tuple[int, Any] | None = None  # the first paragraph kept with the signature

    def blank(keep: bool = False) -> None:
        _blank(doc, keep)
        laid.append(Para(1, keep_next=keep))

    for i, block in enumerate(blocks):
        previous = blocks[i - 1].kind if i else None
        in_ending = i >= ending_start
        if block.kind == "signature" and previous != "signature":
            for _ in range(2 if sealed else 1):  # room for the seal, or 空一行
                blank(keep=True)
        if block.kind == "attachment" and previous != "attachment":
            blank(keep=True)  # 正文下空一行编排附件说明
        broken = break_title(block.text) if block.kind == "title" else []
        lines, lo_lines = (
            (len(broken),) * 2 if broken else _printed_lines(block, attachments, indents, hang)
        )
        if block.kind == "title":
            paragraph = doc.add_paragraph(style="Title")
            for n, line in enumerate(broken):
                run = paragraph.add_run(line)
                if n < len(broken) - 1:
                    run.add_break()
        elif block.kind == "heading":
            paragraph = doc.add_paragraph(block.full_text, style=_HEADING_STYLES[block.level])
        elif block.kind == "attachment":
            paragraph = _attachment(doc, block, attachments)
        else:
            paragraph = doc.add_paragraph(block.full_text, style=_STYLE_OF[block.kind])
        if block.kind == "signature":
            ooxml.set_indent_chars(paragraph, size_pt=BODY_PT, right=indents.signature)
        elif block.kind == "date":
            ooxml.set_indent_chars(paragraph, size_pt=BODY_PT, right=indents.date)
        heading = block.kind == "heading"
        para = Para(lines, keep_next=heading, keep_lines=heading)
        if in_ending:
            keep = i < len(blocks) - 1
            paragraph.paragraph_format.keep_with_next = keep
            if block.kind != "body" and not heading:
                paragraph.paragraph_format.keep_together = True
                para = Para(lines, keep_next=keep, keep_lines=True)
            else:  # its last two lines, not one, go over with the signature
                paragraph.paragraph_format.widow_control = True
                para = Para(lines, keep_next=keep, keep_lines=heading, widow_control=True)
            if i == ending_start:
                closing = (len(laid), paragraph)
        laid.append(replace(para, lo_lines=lo_lines))
        following = blocks[i + 1].kind if i + 1 < len(blocks) else None
        if block.kind in ("title", "subtitle") and following not in (None, "title", "subtitle"):
            blank()  # 标题下空一行
    if closing and laid[closing[0]].lines > KEPT_BODY_LINES:
        index, paragraph = closing
        if not keep_needed(laid, index, first_pages):
            paragraph.paragraph_format.keep_with_next = None
            laid[index] = replace(laid[index], keep_next=False)
    return laid


def _printed_lines(
    block: Block, attachments: list[Block], indents: ClosingIndents, hang: bool
) -> tuple[int, int]:
    """The grid lines a block prints on in Word and in LibreOffice, indents as
    `_write_main` and its styles set them. LibreOffice reads overflowPunct the other way
    round: it hangs 。，、 past the line's end where Word keeps them in, and it spaces
    Chinese from digits whatever the file says. (A title's lines are its broken lines.)"""
    text, first, left, chars = block.full_text, 0.0, 0.0, LINE_CHARS
    if block.kind in ("heading", "body", "note"):
        first = 2
    elif block.kind in ("signature", "date"):
        right = indents.signature if block.kind == "signature" else indents.date
        chars = round(LINE_CHARS - right)
    elif block.kind == "attachment":
        index = attachments.index(block)
        numbered = len(attachments) > 1
        text = ("附件：" if index == 0 else "") + ("\u3000" if numbered else "") + block.text
        left, hanging = _attachment_indents(index, numbered)
        first = -hanging
    word = printed_lines(text, first=first, left=left, chars=chars, hang=hang)
    lo = printed_lines(text, first=first, left=left, chars=chars, hang=not hang, autospace=True)
    return word, lo


def _attachment(doc: Any, block: Block, attachments: list[Block]) -> Any:
    """附件：1.名称 — wrapped lines align with the name's first character (§7.3.4)."""
    index = attachments.index(block)
    numbered = len(attachments) > 1
    lead = "附件：" if index == 0 else ""
    number = f"{index + 1}.\t" if numbered else ""
    paragraph = doc.add_paragraph(lead + number + block.text, style="Normal")
    left, hanging = _attachment_indents(index, numbered)
    ooxml.set_indent_chars(paragraph, size_pt=BODY_PT, left=left, first_line=-hanging)
    return paragraph


def _attachment_indents(index: int, numbered: bool) -> tuple[int, int]:
    """Left indent and hang, in characters: 附件： 左空二字, names aligned after it."""
    return 2 + 3 + (1 if numbered else 0), (3 if index == 0 else 0) + (1 if numbered else 0)

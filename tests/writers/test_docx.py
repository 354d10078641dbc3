from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafter import services
from drafter.core.files import draftfile
from drafter.core.report.blocks import Block
from drafter.writers.check import check_docx
from drafter.writers.docx import write_docx
from drafter.writers.fonts import PROFILES, FontProfile, FontProfileError, load_profile
from tests.writers.reports import ending_blocks

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.draft.yaml"))

BLOCKS = [
    Block("title", "关于某社区党建工作的调研报告"),
    Block("heading", "存在的问题", 1, "一、"),
    Block("heading", "组织生活不够规范", 2, "（一）"),
    Block("heading", "会议记录不全", 3, "1."),
    Block("heading", "签到不全", 4, "（1）"),
    Block("body", "有的支部“三会一课”记录不全，党员参与的积极性不高。"),
    Block("signature", "中共某社区委员会"),
    Block("date", "2026年11月22日"),
]


def open_docx(blocks: list[Block], **kwargs: object) -> docx.document.Document:
    return docx.Document(io.BytesIO(write_docx(blocks, **kwargs)))  # type: ignore[arg-type]


def test_text_comes_out_in_order_in_real_heading_styles() -> None:
    document = open_docx(BLOCKS)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs if p.text]
    assert paragraphs == [
        ("Title", "关于某社区党建工作的调研报告"),
        ("Heading 1", "一、存在的问题"),
        ("Heading 2", "（一）组织生活不够规范"),
        ("Heading 3", "1.会议记录不全"),
        ("Heading 4", "（1）签到不全"),
        ("Normal", "有的支部“三会一课”记录不全，党员参与的积极性不高。"),
        ("Signature", "中共某社区委员会"),
        ("Date", "2026年11月22日"),
    ]


def east_asia_font(document: docx.document.Document, style: str) -> str:
    fonts = document.styles[style].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    return str(fonts.get(qn("w:eastAsia")))


def test_font_profiles_set_the_east_asian_slot_of_each_style() -> None:
    document = open_docx(BLOCKS)
    assert east_asia_font(document, "Title") == "方正小标宋简体"
    assert east_asia_font(document, "Normal") == "仿宋_GB2312"
    assert east_asia_font(document, "Heading 1") == "黑体"
    assert east_asia_font(document, "Heading 2") == "楷体_GB2312"
    windows = open_docx(BLOCKS, fonts=PROFILES["windows"])
    assert east_asia_font(windows, "Normal") == "仿宋"
    assert east_asia_font(windows, "Heading 2") == "楷体"


def test_no_theme_fonts_remain_in_styles() -> None:
    document = open_docx(BLOCKS)
    xml = document.styles.element.xml
    assert "eastAsiaTheme" not in xml and "asciiTheme" not in xml


def test_h3_bold_is_a_setting() -> None:
    def bold(document: docx.document.Document) -> str:
        return str(
            document.styles["Heading 3"].element.find(qn("w:rPr")).find(qn("w:b")).get(qn("w:val"))
        )

    assert bold(open_docx(BLOCKS)) == "1"
    assert bold(open_docx(BLOCKS, h3_bold=False)) == "0"


def test_custom_font_profile_file(tmp_path: Path) -> None:
    path = tmp_path / "fonts.yaml"
    path.write_text("body: 方正仿宋_GBK\n", encoding="utf-8")
    profile = load_profile(str(path))
    assert profile.body == "方正仿宋_GBK" and profile.h1 == "黑体"
    path.write_text("bodyy: 仿宋\n", encoding="utf-8")
    with pytest.raises(FontProfileError, match="没有 bodyy 这个用途"):
        load_profile(str(path))
    with pytest.raises(FontProfileError, match="这个字体方案"):
        load_profile("mac")


def test_examples_pass_the_static_check(tmp_path: Path) -> None:
    for example in EXAMPLES:
        out = tmp_path / f"{example.stem}.docx"
        result = services.build(draftfile.load(example), out)
        assert result.warnings == []
        report = check_docx(out)
        assert report.faults() == [], example.name


def test_the_package_has_no_template_leftovers() -> None:
    data = write_docx(BLOCKS, title="关于某社区党建工作的调研报告", author="中共某社区委员会")
    package = zipfile.ZipFile(io.BytesIO(data))
    names = package.namelist()
    assert not [
        n for n in names if "thumbnail" in n or n.startswith("customXml") or "WithEffects" in n
    ]
    everything = b"".join(package.read(n) for n in names)
    assert b"ja-JP" not in everything and b'script="Jpan"' not in everything
    assert b"thumbnail" not in everything and b"customXml" not in everything
    settings = package.read("word/settings.xml").decode()
    assert (
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"'
        in settings
    )
    assert 'w:eastAsia="zh-CN"' in settings
    assert "drafter" in package.read("docProps/app.xml").decode()
    fonts = package.read("word/fontTable.xml").decode()
    assert "仿宋_GB2312" in fonts and "ＭＳ" not in fonts
    props = docx.Document(io.BytesIO(data)).core_properties  # type: ignore[arg-type]
    today = datetime.datetime.now(datetime.timezone.utc).date()
    assert props.created is not None and props.created.date() == today
    assert props.modified is not None and props.modified.date() == today
    assert (props.title, props.author, props.language) == (
        "关于某社区党建工作的调研报告",
        "中共某社区委员会",
        "zh-CN",
    )


def test_no_auto_space_between_chinese_and_digits_and_no_hanging_punctuation() -> None:
    normal = open_docx(BLOCKS).styles["Normal"].element.find(qn("w:pPr"))
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN", "w:overflowPunct"):
        assert normal.find(qn(tag)).get(qn("w:val")) == "0", tag
    hanging = FontProfile(**{**vars(PROFILES["gb2312"]), "overflow_punctuation": True})
    allowed = open_docx(BLOCKS, fonts=hanging).styles["Normal"].element.find(qn("w:pPr"))
    assert allowed.find(qn("w:overflowPunct")).get(qn("w:val")) == "1"


def test_a_long_title_is_one_paragraph_broken_into_balanced_lines() -> None:
    blocks = [Block("title", "某局党组领导班子专题民主生活会对照检查材料"), *BLOCKS[1:]]
    title = open_docx(blocks).paragraphs[0]
    assert title.style.name == "Title"
    assert title.text.split("\n") == ["某局党组领导班子", "专题民主生活会对照检查材料"]


def test_the_ending_is_kept_together() -> None:
    paragraphs = [p for p in open_docx(BLOCKS).paragraphs]
    last_body = next(i for i, p in enumerate(paragraphs) if p.style.name == "Normal" and p.text)
    chain = paragraphs[last_body:-1]  # body, blank, signature → date
    assert all(p.paragraph_format.keep_with_next for p in chain)


@pytest.mark.parametrize(("lines", "kept"), [(14, True), (19, False), (37, True), (40, False)])
def test_a_long_last_paragraph_is_kept_with_the_signature_where_it_would_end_a_page(
    lines: int, kept: bool
) -> None:
    """Six lines of text, then the closing paragraph: of 14 lines it would end on line 20,
    leaving no room for the ending, so it is kept with the signature (Word carries its last
    two lines over, under widow control); of 19 it crosses onto page 2 and leaves room
    there, so it is not kept (LibreOffice would move it whole, leaving page 1 a third full).
    The same a page further on."""
    blocks = ending_blocks(lines, 4)  # title, its blank line and 4 lines of text
    document = open_docx(blocks)
    closing = next(p for p in document.paragraphs if p.text == blocks[2].text)
    assert bool(closing.paragraph_format.keep_with_next) is kept
    assert closing.paragraph_format.widow_control
    assert not closing.paragraph_format.keep_together  # only its last lines need to move

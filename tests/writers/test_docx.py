from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafter.core import draftfile, project
from drafter.core.blocks import Block
from drafter.writers.docx import write_docx
from drafter.writers.fonts import PROFILES, FontProfileError, load_profile

REPO = Path(__file__).resolve().parents[2]
CHECKER = REPO.parent / "shared" / "tools" / "gbt9704_check.py"
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
    with pytest.raises(FontProfileError, match="unknown role 'bodyy'"):
        load_profile(str(path))
    with pytest.raises(FontProfileError, match="unknown font profile"):
        load_profile("mac")


def run_checker(path: Path, *extra: str) -> dict[str, object]:
    proc = subprocess.run(
        [sys.executable, str(CHECKER), str(path), "--json", *extra],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report: dict[str, object] = json.loads(proc.stdout)
    return report


def failures(report: dict[str, object]) -> list[str]:
    rules = report["rules"]
    assert isinstance(rules, list)
    return [f"{r['id']}: {r['failures']}" for r in rules if r["status"] == "FAIL"]


needs_checker = pytest.mark.skipif(
    not CHECKER.is_file(), reason="shared/tools/gbt9704_check.py not beside the repo"
)


@needs_checker
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_pass_the_gbt9704_check(example: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = project.build(draftfile.load(example), out)
    assert result.warnings == []
    render = ["--render"] if shutil.which("soffice") and shutil.which("pdftotext") else []
    if not render and __import__("os").environ.get("CI"):
        pytest.fail("CI must install LibreOffice and poppler-utils for the render check")
    report = run_checker(out, *render)
    assert failures(report) == []
    if render:
        pages = next(r for r in report["rules"] if r["id"] == "render")["data"]["pages"]  # type: ignore[index,union-attr]
        assert pages >= 3  # the examples are several pages long

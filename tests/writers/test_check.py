"""`drafter check` on drafter's output and on Word files with known faults.

Rendering tests start LibreOffice once for a whole batch of files (start-up is most of the
2–4 s a render takes) and skip when it is not installed, except in CI.
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.shared import Mm

from drafter import services
from drafter.cli.group import main
from drafter.core.files import draftfile
from drafter.writers.check import check_files
from drafter.writers.check.render import TEXT_BOTTOM, measure, render_pdfs
from drafter.writers.check.rules import title_faults
from drafter.writers.docx import write_docx
from tests.writers.reports import DATE, FILLER, ending_blocks, needs_render, save

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.draft.yaml"))


@needs_render
def test_examples_pass_rendered(tmp_path: Path) -> None:
    """The examples print without a fault: 22 lines a page, nothing past the right edge,
    titles as broken, no stranded ending, the 版记 where §7.4 puts it."""
    files = []
    for example in EXAMPLES:
        out = tmp_path / f"{example.stem}.docx"
        services.build(draftfile.load(example), out)
        files.append(out)
    reports = check_files(files, render=True)
    for report in reports:
        assert report.faults() == [], report.path.name
    assert all(r.pages and r.pages >= 3 for r in reports)


def faulty(tmp_path: Path, name: str, edit: object) -> Path:
    """Our own good output, spoiled one way with python-docx."""
    document = docx.Document(io.BytesIO(write_docx(ending_blocks(2, 3))))  # type: ignore[arg-type]
    edit(document)  # type: ignore[operator]
    path = tmp_path / name
    document.save(str(path))
    return path


def wrong_margins(document: docx.document.Document) -> None:
    document.sections[0].top_margin = Mm(25)


def body_in_song(document: docx.document.Document) -> None:
    fonts = document.styles["Normal"].element.find(qn("w:rPr")).find(qn("w:rFonts"))
    fonts.set(qn("w:eastAsia"), "宋体")


def no_page_numbers(document: docx.document.Document) -> None:
    section = document.sections[0]
    for footer in (section.footer, section.even_page_footer):
        for paragraph in footer.paragraphs:
            for run in list(paragraph._p.iter(qn("w:r"))):
                run.getparent().remove(run)


def stranded_date(document: docx.document.Document) -> None:
    date = next(p for p in document.paragraphs if p.text == DATE)
    date.paragraph_format.page_break_before = True


# Each fault's line after 「文件：」: the rule's name, then the place (the margin by the
# standard's name, the first paragraph in the wrong font and how many, the footer) and the
# clause.
FAULTS = {
    "margins.docx": (
        wrong_margins,
        "页边距：天头（上白边）是 25 毫米，应为 37 毫米（±1 毫米，§5.2.1）",
    ),
    "song.docx": (
        body_in_song,
        rf"字体：正文用了宋体（自¶\d+「{FILLER[:12]}…」起 2 段），应为 3 号仿宋（§7\.3\.3）",
    ),
    "nonumbers.docx": (no_page_numbers, "页码：页脚没有页码域（§7.5）"),
}


@pytest.mark.parametrize("name", FAULTS)
def test_check_names_each_known_fault_in_one_line(name: str, tmp_path: Path) -> None:
    edit, line = FAULTS[name]
    path = faulty(tmp_path, name, edit)
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    pattern = re.escape(f"{path}：") + (line if name == "song.docx" else re.escape(line))
    assert re.fullmatch(pattern + "\n", result.output), result.output  # that fault alone


def test_check_json_keeps_its_keys_and_ids_and_says_the_fault_in_chinese(
    tmp_path: Path,
) -> None:
    path = faulty(tmp_path, "margins.docx", wrong_margins)
    result = CliRunner().invoke(main, ["check", str(path), "--json"])
    data = json.loads(result.output)
    assert set(data) == {"file", "ok", "pages", "rules"} and data["ok"] is False
    rules = {rule["id"]: rule for rule in data["rules"]}
    assert list(rules) == [
        "page",
        "margins",
        "grid",
        "fonts",
        "headings",
        "page-numbers",
        "title",
        "signature",
    ]
    assert rules["margins"] == {
        "id": "margins",
        "title": "页边距",
        "ok": False,
        "faults": ["天头（上白边）是 25 毫米，应为 37 毫米（±1 毫米，§5.2.1）"],
    }
    assert rules["page"]["title"] == "幅面" and rules["page"]["faults"] == []


def test_a_title_broken_inside_a_word_names_the_cut_and_the_clause() -> None:
    assert title_faults(["关于加强基层党组织建", "设的意见"]) == [
        "各行 10 / 4 字，有一行不到最长一行的一半：回行应排列对称、长短适宜（§7.3.1）",
        "回行处拆开了一个词「织建/设的」：回行应词意完整（§7.3.1）",
    ]


def heading_in_song(document: docx.document.Document) -> None:
    """A 第一层 heading typed into the body in 宋体, without an outline level."""
    closing = document.paragraphs[-3]
    heading = closing.insert_paragraph_before("一、存在的问题")
    heading.runs[0].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def test_a_heading_names_its_paragraph_its_level_and_what_is_wrong(tmp_path: Path) -> None:
    path = faulty(tmp_path, "heading.docx", heading_in_song)
    report = check_files([path])[0]
    faults = [f for f in report.faults() if "存在的问题" in f]
    assert [re.sub(r"¶\d+", "¶", f) for f in faults] == [
        "字体：¶「一、存在的问题」是第一层标题，用了宋体，应为黑体（§7.3.3）",
        "结构层次：¶「一、存在的问题」是第一层标题，大纲级别不是 1 级：Word 导航窗格里看不到它",
    ]


@needs_render
def test_check_render_names_a_stranded_date(tmp_path: Path) -> None:
    path = faulty(tmp_path, "stranded.docx", stranded_date)
    result = CliRunner().invoke(main, ["check", str(path), "--render", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    render = next(rule for rule in data["rules"] if rule["id"] == "render")
    assert render["title"] == "印出的页面"
    # The date stands alone on the last page, the one the check names.
    assert f"第 {data['pages']} 页只有成文日期：应与正文末段同页（§7.3.5）" in render["faults"]


def test_check_passes_drafter_output_and_says_ok(tmp_path: Path) -> None:
    path = save(tmp_path, "good.docx", write_docx(ending_blocks(3)))
    result = CliRunner().invoke(main, ["check", str(path)])
    assert (result.exit_code, result.output.strip()) == (0, f"{path}：符合")


def test_render_without_libreoffice_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = save(tmp_path, "good.docx", write_docx(ending_blocks(3)))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = CliRunner().invoke(main, ["check", str(path), "--render"])
    assert result.exit_code == 2
    assert "要用 LibreOffice" in result.output and result.output.count("\n") == 1


ALL_ELEMENTS = """\
format_version: 1
kind: rectification
meta:
  title: 某局党组关于意识形态工作责任制落实情况的整改报告
  unit: 中共某局党组
  date: '2026-11-20'
  recipient: 县委组织部、县纪委监委
  attachments:
    - 某局意识形态工作整改任务清单
    - 某局意识形态工作责任制落实情况统计表
  note: 联系人：王某，电话：1234567
  sealed: true
  letterhead:
    organ: 中共某局党组文件
    number: 某局党发〔2026〕8号
    signer: 李某
  imprint:
    copy_to: [县委办公室, 县委宣传部]
    issuer: 中共某局党组办公室
    date: '2026-11-21'
sections:
  - id: problem
    points:
      - heading: 阵地管理不够规范
        body:
          - 局属网站和公众号的内容审核还停留在一审一签，个别信息发布前没有经过分管领导审核。
  - id: cause
    points:
      - heading: 责任传导不够到位
        body:
          - 对意识形态工作重要性认识不足，压力没有层层传导到科室和个人。
  - id: countermeasure
    points:
      - heading: 健全阵地管理制度
        body:
          - 修订信息发布审核办法，实行三审三校，明确每个环节的责任人。
"""


@needs_render
def test_a_draft_with_every_element_renders_to_the_standard_layout(tmp_path: Path) -> None:
    draft_path = tmp_path / "all.draft.yaml"
    draft_path.write_text(ALL_ELEMENTS, encoding="utf-8")
    out = tmp_path / "all.docx"
    result = services.build(draftfile.load(draft_path), out)
    assert result.warnings == []
    report = check_files([out], render=True)[0]
    assert report.faults() == []
    pdf = render_pdfs([out], tmp_path)[out]
    pages = measure(pdf)
    first = [line.text.replace(" ", "") for line in pages[0].lines]
    assert first[0] == "中共某局党组文件"  # 发文机关标志 first
    assert first[1].startswith("某局党发〔2026〕8号") and first[1].endswith("签发人：李某")
    title_at = next(i for i, t in enumerate(first) if t.startswith("某局党组关于"))
    recipient = next(t for t in first if t.endswith("："))
    assert recipient == "县委组织部、县纪委监委：" and first.index(recipient) > title_at
    text = [line.text.replace(" ", "") for page in pages for line in page.lines]
    ending = text[text.index("特此报告。") :]
    assert ending[1].startswith("附件：1.某局意识形态工作整改任务清单")
    assert ending[2].startswith("2.某局意识形态工作责任制落实情况统计表")
    assert ending[3:6] == ["中共某局党组", "2026年11月20日", "（联系人：王某，电话：1234567）"]
    # 版记: at the foot of the last page, an even one, below the text where it has room,
    # numbered as no blank page comes before it (§7.4, §7.5)
    assert ending[6:] == [
        "抄送：县委办公室，县委宣传部。",
        "中共某局党组办公室2026年11月21日印发",
    ]
    assert len(pages) == 2 and pages[-1].footer.replace(" ", "") == "—2—"
    imprint = pages[-1].lines[-2:]
    assert TEXT_BOTTOM - 2 * 28.95 < imprint[-1].y < TEXT_BOTTOM  # at the foot of the page

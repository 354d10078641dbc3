"""The layout as printed by LibreOffice: endings that hold together, the 版记 on the last
even page, titles as broken. Each test renders its files in one LibreOffice run."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.enum.section import WD_SECTION

from drafter.cli import main
from drafter.core.report.blocks import Block
from drafter.core.text.titlebreak import break_title
from drafter.writers.check import check_files
from drafter.writers.check.pagerules import printed_title
from drafter.writers.check.render import measure, render_pdfs
from drafter.writers.docx import write_docx
from tests.core.test_titlebreak import TITLES
from tests.writers.reports import (
    ending_blocks,
    ending_lines,
    lines_paragraph,
    needs_render,
    save,
)

FILLER_LINES = 4  # title, blank line and filler take lines 1–6 of page 1
PAGE_LINES = 22


@needs_render
def test_the_signature_never_stands_alone(tmp_path: Path) -> None:
    """The closing paragraph lengthened line by line, sealed or not, with or without
    附件说明, until the ending has crossed onto page 2 and the kept chain (closing
    paragraph, ending) fills a page: wherever the date falls, lines of the body go with it.
    Then a few closing paragraphs longer than a page.

    Not swept: a closing paragraph a few lines short of a page (19–22 lines unsealed).
    LibreOffice moves a kept paragraph whole to the next page, where it and the ending no
    longer fit together; Word keeps only its last lines with the signature (ECMA-376
    keepNext: "at least partly").
    """
    cases = []
    for sealed in (False, True):
        for attachment in (False, True):
            longest = PAGE_LINES - ending_lines(sealed=sealed, attachment=attachment)
            cases += [(n, sealed, attachment) for n in range(1, longest + 1)]
    cases += [(n, False, False) for n in (23, 30, 36)]
    files = []
    for n, sealed, attachment in cases:
        blocks = ending_blocks(n, FILLER_LINES, sealed=sealed, attachment=attachment)
        name = f"ending-{n}-{'sealed' if sealed else 'plain'}-{int(attachment)}.docx"
        files.append(save(tmp_path, name, write_docx(blocks)))
    reports = check_files(files, render=True)
    faults = [f"{r.path.name}: {fault}" for r in reports for fault in r.faults()]
    assert faults == []
    assert {1, 2} <= {r.pages for r in reports}  # the sweep crosses the page boundary


def imprint_report(body_pages: int) -> list[Block]:
    """A report with a 版记 whose body ends on page `body_pages` (1 or 2)."""
    filler = 10 if body_pages == 1 else 30  # 2 + 30 + 3 + 3 lines end on page 2, line 16
    return ending_blocks(3, filler, imprint=True)


@needs_render
@pytest.mark.parametrize("body_pages", [1, 2])
def test_the_imprint_is_alone_on_the_last_even_page_without_a_number(
    body_pages: int, tmp_path: Path
) -> None:
    """Body ending on an odd page: the 版记 takes the next page. On an even page: a blank
    page, then the 版记; neither page carries a number (§7.5)."""
    path = save(tmp_path, f"imprint-{body_pages}.docx", write_docx(imprint_report(body_pages)))
    assert check_files([path], render=True)[0].faults() == []
    pages = measure(render_pdfs([path], tmp_path)[path])
    texts = [[line.text.replace(" ", "") for line in page.lines] for page in pages]
    assert [page.footer.replace(" ", "") for page in pages[:body_pages]] == [
        f"—{n}—" for n in range(1, body_pages + 1)
    ]
    want = 2 if body_pages == 1 else 4
    assert len(pages) == want and texts[-1][0].startswith("抄送：")
    assert pages[-1].footer == ""
    if body_pages == 2:
        assert pages[2].blank  # no text, no page number


def numbered_imprint(document: docx.document.Document) -> None:
    """The 版记's section takes the body's numbered footers again (drafter's old layout)."""
    last = document.sections[-1]
    last.footer.is_linked_to_previous = True
    last.even_page_footer.is_linked_to_previous = True


def imprint_on_the_next_page(document: docx.document.Document) -> None:
    """The 版记 on the next page whatever its parity."""
    document.sections[-1].start_type = WD_SECTION.NEW_PAGE


@needs_render
def test_check_render_names_a_numbered_or_odd_imprint_page(tmp_path: Path) -> None:
    """The body ends on page 2: the 版记 goes on page 4 after a blank page, or on page 3
    when its section starts on the next page. Each line names the page and the clause."""
    files = {}
    for name, edit, words in (
        (
            "numbered.docx",
            numbered_imprint,
            "第 4 页编了页码：版记页前有空白页的，空白页和版记页均不编排页码（§7.5）",
        ),
        (
            "odd.docx",
            imprint_on_the_next_page,
            "第 3 页：版记在奇数页，应在最后一个偶数页的下端（§7.4）",
        ),
    ):
        document = docx.Document(io.BytesIO(write_docx(imprint_report(2))))  # type: ignore[arg-type]
        edit(document)
        document.save(str(tmp_path / name))
        files[tmp_path / name] = words
    result = CliRunner().invoke(main, ["check", "--render", *map(str, files)])
    assert result.exit_code == 1
    for path, words in files.items():
        lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
        assert lines == [f"{path}：{words}"], result.output


@needs_render
def test_titles_print_as_broken(tmp_path: Path) -> None:
    """Each of the twenty titles prints on exactly the lines `break_title` chose: none
    wraps a last character onto a line of its own."""
    files = {}
    for n, title in enumerate(TITLES):
        blocks = [Block("title", title), Block("body", lines_paragraph(2))]
        files[save(tmp_path, f"title-{n}.docx", write_docx(blocks))] = title
    pdfs = render_pdfs(list(files), tmp_path)
    printed = {title: printed_title(measure(pdfs[path]), title) for path, title in files.items()}
    assert printed == {title: break_title(title) for title in TITLES}

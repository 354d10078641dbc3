"""The layout as printed by LibreOffice: endings that hold together, the 版记 on the last
even page, titles as broken. Each test renders its files in one LibreOffice run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.enum.section import WD_SECTION

from drafter.cli.group import main
from drafter.core.files import draftfile
from drafter.core.report.blocks import Block
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import render_draft
from drafter.core.text.titlebreak import break_title
from drafter.writers.check import check_files
from drafter.writers.check.pagerules import printed_title
from drafter.writers.check.render import TEXT_TOP, measure, render_pdfs
from drafter.writers.docx import text_end_of, write_docx
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
EXAMPLES = Path(__file__).parents[2] / "examples"
LINE_PT = 28.95


@needs_render
def test_the_signature_never_stands_alone(tmp_path: Path) -> None:
    """The closing paragraph lengthened line by line, sealed or not, with or without
    附件说明, starting on line 3, 7 or 20 of page 1, until it and the ending outgrow a page:
    wherever the date falls, lines of the body go with it.

    One case LibreOffice cannot print (Word can): a closing paragraph that with the ending
    outgrows a page and ends, give or take a line, where the ending no longer fits below
    it. Kept with the signature, Word carries its last two lines over; LibreOffice moves it
    whole, and the date goes on alone.
    """
    cases = []
    for sealed in (False, True):
        for attachment in (False, True):
            for filler in (0, FILLER_LINES, 17):
                shortest = 1 if filler == FILLER_LINES else 12
                cases += [(n, filler, sealed, attachment) for n in range(shortest, 27)]
    files = {}
    for n, filler, sealed, attachment in cases:
        blocks = ending_blocks(n, filler, sealed=sealed, attachment=attachment)
        name = f"ending-{n}-{filler}-{'sealed' if sealed else 'plain'}-{int(attachment)}.docx"
        ending = ending_lines(sealed=sealed, attachment=attachment)
        first = 3 + filler  # below the title and its blank line
        ends = [(first + n + d - 2) % PAGE_LINES + 1 for d in (-1, 0, 1)]
        files[save(tmp_path, name, write_docx(blocks))] = n + ending > PAGE_LINES and any(
            end > PAGE_LINES - ending for end in ends
        )
    reports = check_files(list(files), render=True)
    faults = [f"{r.path.name}: {f}" for r in reports if not files[r.path] for f in r.faults()]
    assert faults == []
    assert {1, 2, 3} <= {r.pages for r in reports}  # the sweep crosses page boundaries
    left = [f for r in reports if files[r.path] for f in r.faults()]
    assert all("只有" in f for f in left)  # LibreOffice's strands, nothing else


@needs_render
def test_a_long_closing_paragraph_is_not_moved_whole(tmp_path: Path) -> None:
    """A closing paragraph that crosses a page and leaves the ending room on the next: page
    1 stays full in LibreOffice too (kept with the signature, it would move whole and leave
    sixteen lines of white): it is kept only where it would end a page unkept."""
    path = save(tmp_path, "long.docx", write_docx(ending_blocks(19, FILLER_LINES)))
    pages = measure(render_pdfs([path], tmp_path)[path])
    # printed lines, the blank ones not counted: page 1 full but for the title's blank line
    assert [len(page.lines) for page in pages] == [PAGE_LINES - 1, 3 + 2]
    assert check_files([path], render=True)[0].faults() == []


def imprint_report(filler_lines: int, closing_lines: int = 1) -> list[Block]:
    """A report with a 版记 whose text takes `filler_lines` + `closing_lines` + 5 lines."""
    return ending_blocks(closing_lines, filler_lines, imprint=True)


IMPRINT_ROOM = 4  # the 版记's two rows take three grid lines, and a line stays blank above


@needs_render
def test_the_imprint_sits_at_the_foot_of_the_last_even_page(tmp_path: Path) -> None:
    """The text ending on every line of pages 1 to 3: on an even page with room, the 版记
    goes at the foot of that page; on an odd one, on the next page, numbered on; on a full
    even page, after a blank page, neither numbered (§7.4, §7.5). A closing paragraph of
    three lines, which Word and LibreOffice break differently when it crosses a page, gets
    a 版记 page of its own: only `drafter check --render`'s rules are asserted for it."""
    one_line = [
        save(tmp_path, f"one-{f}.docx", write_docx(imprint_report(f))) for f in range(7, 51)
    ]
    three = [
        save(tmp_path, f"three-{f}.docx", write_docx(imprint_report(f, 3))) for f in range(9, 51, 3)
    ]
    reports = check_files([*one_line, *three], render=True)
    assert [f"{r.path.name}: {f}" for r in reports for f in r.faults()] == []
    pdfs = render_pdfs(one_line, tmp_path)
    seen = set()
    for path in one_line:
        pages = measure(pdfs[path])
        at, date = next(
            (page, line)
            for page in pages
            for line in page.lines
            if line.text.startswith("2026年11月20日")
        )
        date_line = round((date.y - TEXT_TOP) / LINE_PT + 0.5)
        if at.number % 2 == 0 and date_line <= PAGE_LINES - IMPRINT_ROOM:
            layout = "same page"
            assert len(pages) == at.number
        elif at.number % 2:
            layout = "next page, numbered"
            assert len(pages) == at.number + 1
            assert pages[-1].footer.replace(" ", "") == f"—{len(pages)}—"
        else:
            layout = "after a blank page"
            assert len(pages) == at.number + 2 and pages[-2].blank and pages[-1].footer == ""
        seen.add((layout, at.number))
    assert {layout for layout, _ in seen} == {
        "same page",
        "next page, numbered",
        "after a blank page",
    }
    assert {page for _, page in seen} == {1, 2, 3}


def numbered_imprint(document: docx.document.Document) -> None:
    """The 版记's section takes the body's numbered footers again (drafter's old layout)."""
    last = document.sections[-1]
    last.footer.is_linked_to_previous = True
    last.even_page_footer.is_linked_to_previous = True


def imprint_on_the_next_page(document: docx.document.Document) -> None:
    """The 版记 on the next page whatever its parity."""
    document.sections[-1].start_type = WD_SECTION.NEW_PAGE


def unnumbered_imprint(document: docx.document.Document) -> None:
    """The 版记's section with empty footers of its own (drafter's layout before)."""
    last = document.sections[-1]
    last.footer.is_linked_to_previous = False
    last.even_page_footer.is_linked_to_previous = False


@needs_render
def test_check_render_names_a_misnumbered_or_odd_imprint_page(tmp_path: Path) -> None:
    """The text fills page 2: the 版记 goes on page 4 after a blank page, or on page 3
    when its section starts on the next page; it ends on page 1: the 版记 page follows,
    numbered. Each fault gets a line naming the page and the clause."""
    files = {}
    for name, filler, edit, faults in (
        (
            "numbered.docx",
            36,
            numbered_imprint,
            ["第 4 页编了页码：版记页前有空白页的，空白页和版记页均不编排页码（§7.5）"],
        ),
        (
            "odd.docx",
            36,
            imprint_on_the_next_page,
            [
                "第 3 页：版记在奇数页，应在最后一个偶数页的下端（§7.4）",
                "第 3 页没有页码：版记页前没有空白页，应与正文连续编码（§7.5）",
            ],
        ),
        (
            "unnumbered.docx",
            10,
            unnumbered_imprint,
            ["第 2 页没有页码：版记页前没有空白页，应与正文连续编码（§7.5）"],
        ),
    ):
        data = write_docx(imprint_report(filler))
        document = docx.Document(io.BytesIO(data))  # type: ignore[arg-type]
        edit(document)
        document.save(str(tmp_path / name))
        files[tmp_path / name] = faults
    result = CliRunner().invoke(main, ["check", "--render", *map(str, files)])
    assert result.exit_code == 1
    for path, faults in files.items():
        lines = [line for line in result.output.splitlines() if line.startswith(str(path))]
        assert lines == [f"{path}：{fault}" for fault in faults], result.output


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


@needs_render
def test_pages_counted_on_the_grid_are_the_pages_libreoffice_prints(tmp_path: Path) -> None:
    """Where the 版记 goes, and whether the closing paragraph is kept, rest on counting the
    pages before Word lays them out. For the examples (digits, quotes, punctuation at line
    ends, headings at page feet, a 版头 and a 版记 in one), the count made LibreOffice's way
    names the page and line of the date, or the 附注 under it, as LibreOffice prints them."""
    files = {}
    for source in sorted(EXAMPLES.glob("*.draft.yaml")):
        draft = draftfile.load(source)
        blocks = render_draft(draft, get_kind(draft.kind)).blocks
        path = save(tmp_path, source.name.replace(".draft.yaml", ".docx"), write_docx(blocks))
        end = text_end_of(blocks, libreoffice=True)
        files[path] = (end.page, end.line)
    pdfs = render_pdfs(list(files), tmp_path)
    printed = {}
    for path in files:
        last = [
            (page.number, round((line.y - TEXT_TOP) / LINE_PT + 0.5))
            for page in measure(pdfs[path])
            for line in page.lines
            if re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", line.text) or line.text.startswith("（")
        ]
        printed[path] = last[-1]
    assert printed == files

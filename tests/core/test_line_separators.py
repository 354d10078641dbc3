"""U+2028, U+2029 and NEL are kept where they were typed: they never split a title, start
a block of their own, or vanish from the outputs."""

from __future__ import annotations

import io
import zipfile

import pytest

from drafter.core.files import draftfile
from drafter.core.model import Point
from drafter.core.project import new_draft
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import RenderOptions, render_draft
from drafter.writers import render_bytes

SEPARATORS = ["\u2028", "\u2029", "\x85"]


@pytest.mark.parametrize("sep", SEPARATORS, ids=["U+2028", "U+2029", "NEL"])
def test_separators_survive_the_draft_file_and_every_output(sep: str) -> None:
    kind = get_kind("survey")
    draft = new_draft(kind, title=f"关于某街道{sep}@h1 党建工作的调研报告", unit="某街道党工委")
    draft.section("opening").body = [f"第一句。{sep}第二句。"]
    draft.section("problem").points = [Point(heading=f"学习{sep}不深入")]
    draft = draftfile.loads(draftfile.dumps(draft))
    assert draft.meta.title == f"关于某街道{sep}@h1 党建工作的调研报告"
    blocks = render_draft(draft, kind, RenderOptions(allow_incomplete=True)).blocks
    titles = [b for b in blocks if b.kind == "title"]
    assert [t.text for t in titles] == [f"关于某街道{sep}@h1 党建工作的调研报告"]
    assert not any(b.kind == "heading" and b.level == 1 and "党建工作" in b.text for b in blocks)
    assert any(b.text == f"第一句。{sep}第二句。" for b in blocks)
    assert any(b.text == f"学习{sep}不深入" for b in blocks)
    for fmt in ("md", "txt"):
        assert f"第一句。{sep}第二句。" in render_bytes(blocks, fmt).decode("utf-8")
    document = zipfile.ZipFile(io.BytesIO(render_bytes(blocks, "docx"))).read("word/document.xml")
    assert f"第一句。{sep}第二句。".encode() in document

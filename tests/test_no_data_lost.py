"""Whatever a user types survives: saved, loaded and written to every format, in order."""

from __future__ import annotations

import io
import re

import docx
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafter.core.files import draftfile
from drafter.core.model import Draft, Enumeration, Meta, Point, Section
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import RenderOptions, render_draft
from drafter.core.text.norm import strip_controls
from drafter.core.text.numbering import ITEM_END
from drafter.core.text.slots import SLOT_RE
from drafter.writers import render_bytes

# Any text a user can enter: Chinese, emoji, combining marks, RTL, template and XML syntax.
_chars = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cs",)),
        st.sampled_from(list("党员组织生活，。；：“”（）{}%<>&@\\#*_é\u0301\u05d0😀\u200b\n\t")),
    ),
    max_size=40,
)
_snippets = st.sampled_from(["{{ 7*7 }}", "{% raw %}", "<w:t>", "&amp;", "@h1 ", "${x}"])
user_text = st.lists(st.one_of(_chars, _snippets), max_size=4).map("".join)


def visible(text: str) -> str:
    """The characters a reader sees: controls removed, white space dropped."""
    cleaned, _ = strip_controls(text)
    return re.sub(r"\s+", "", cleaned)


def in_order(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def make_draft(title: str, heading: str, body: str, item: str) -> Draft:
    return Draft(
        kind="survey",
        meta=Meta(title=title or "题", date="2026-11-22"),
        sections=[
            Section(
                id="problem", points=[Point(heading=heading, body=[body, Enumeration(enum=[item])])]
            ),
        ],
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=user_text, heading=user_text, body=user_text, item=user_text)
def test_every_character_reaches_every_format(
    title: str, heading: str, body: str, item: str
) -> None:
    assume(not any(SLOT_RE.search(t) for t in (title, heading, body, item)))
    draft = draftfile.loads(draftfile.dumps(make_draft(title, heading, body, item)))
    assert draft == make_draft(title, heading, body, item)
    rendered = render_draft(
        draft, get_kind("survey"), RenderOptions(keep_punctuation=True, allow_incomplete=True)
    )
    # An enumeration item's own closing mark gives way to the joiner's ；/。 (by design).
    expected = visible("".join([title or "题", heading, body, item.strip().rstrip(ITEM_END)]))

    document = docx.Document(io.BytesIO(render_bytes(rendered.blocks, "docx")))
    docx_text = visible("".join(p.text for p in document.paragraphs))
    assert in_order(expected, docx_text)
    for fmt in ("md", "txt"):
        assert in_order(expected, visible(render_bytes(rendered.blocks, fmt).decode("utf-8"))), fmt

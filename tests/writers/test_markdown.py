"""The .md output read as a reader sees it: rendered by a CommonMark parser (markdown-it-py).

What a renderer shows must be the report: each heading at its level with its number, every
paragraph, the 公文 elements with their words (附件：1. …, 抄送：…。, …印发), and nothing
else — no backslash of an escape, no text turned into a list, a code block or a link.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from drafter.core.files import draftfile
from drafter.core.report.blocks import Block, number_headings
from drafter.core.report.kinds import get_kind
from drafter.core.report.render import render_draft
from drafter.writers.markdown import write_markdown
from drafter.writers.text import write_text

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples").glob("*.draft.yaml"))
PARSER = MarkdownIt("commonmark")
CLOSING_DIV = ('<div align="right">\n', "</div>\n")


def inline_text(token: Token) -> str:
    """The text an inline token shows: escapes and entities resolved, breaks as newlines."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "text_special", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type not in ("em_open", "em_close"):
            out.append(f"<{child.type}>")  # a link, raw HTML …: not what the user typed
    return "".join(out)


def rendered(markdown: str) -> list[tuple[str, str]]:
    """Each block a renderer shows, as (tag, visible text): ("h3", "（一）…"), ("p", …)."""
    tokens = PARSER.parse(markdown)
    shown: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            shown.append((token.tag, inline_text(tokens[i + 1])))
        elif token.type == "hr":
            shown.append(("hr", ""))
        elif token.type == "html_block":
            assert token.content in CLOSING_DIV, token.content
        elif token.type not in ("inline", "heading_close", "paragraph_close"):
            shown.append((token.type, token.content))  # a list, a code block, a quote …
    return shown


def squeezed(text: str) -> str:
    """Text without whitespace, which a renderer collapses or drops at a line's ends."""
    return "".join(text.split())


def test_headings_paragraphs_and_every_document_element_show_as_written() -> None:
    blocks = [
        Block("masthead", "中共某县农业农村局党组文件"),
        Block("docnumber", "某农党〔2026〕5号"),
        Block("signer", "赵某"),
        Block("title", "关于某县高标准农田建设\n情况的报告"),
        Block("recipient", "县委、县政府："),
        *number_headings(
            [
                Block("heading", "主要做法", 1),
                Block("heading", "抓实统筹谋划", 2),
                Block("heading", "建立项目台账", 3),
                Block("heading", "按季度更新", 4),
            ]
        ),
        Block("body", "全年新建高标准农田3.2万亩，完成计划的104%。"),
        Block("body", "特此报告。"),
        Block("attachment", "项目分布表"),
        Block("attachment", "资金使用明细"),
        Block("signature", "中共某县农业农村局党组"),
        Block("date", "2026年12月1日"),
        Block("note", "（联系人：孙某，电话：7654321）"),
        Block("copyto", "县发展改革委，县财政局"),
        Block("issuer", "某县农业农村局办公室"),
        Block("issuedate", "2026年12月2日"),
    ]
    assert rendered(write_markdown(blocks)) == [
        ("p", "中共某县农业农村局党组文件"),
        ("p", "某农党〔2026〕5号"),
        ("p", "签发人：赵某"),
        ("h1", "关于某县高标准农田建设情况的报告"),
        ("p", "县委、县政府："),
        ("h2", "一、主要做法"),
        ("h3", "（一）抓实统筹谋划"),
        ("h4", "1.建立项目台账"),
        ("h5", "（1）按季度更新"),
        ("p", "全年新建高标准农田3.2万亩，完成计划的104%。"),
        ("p", "特此报告。"),
        ("p", "附件：1.项目分布表\n\u3000\u3000\u30002.资金使用明细"),
        ("p", "中共某县农业农村局党组\n2026年12月1日"),
        ("p", "（联系人：孙某，电话：7654321）"),
        ("hr", ""),
        ("p", "抄送：县发展改革委，县财政局。\n某县农业农村局办公室\n2026年12月2日印发"),
    ]


def test_only_what_commonmark_reads_as_syntax_is_escaped() -> None:
    blocks = number_headings(
        [
            Block("heading", "抓实理论武装", 3),
            Block("body", "1.5倍于上年"),
            Block("body", "#标题不是标题"),
            Block("body", "1. 像列表的一行"),
            Block("body", "- 像列表的一行"),
        ]
    )
    assert write_markdown(blocks).split("\n\n") == [
        "#### 1.抓实理论武装",  # the old output printed #### \\1.抓实理论武装
        "1.5倍于上年",
        "#标题不是标题",
        "1\\. 像列表的一行",
        "\\- 像列表的一行\n",
    ]


def test_the_examples_show_every_character_of_the_plain_text_and_no_more() -> None:
    for example in EXAMPLES:
        draft = draftfile.load(example)
        blocks = render_draft(draft, get_kind(draft.kind)).blocks
        shown = rendered(write_markdown(blocks))
        assert {tag for tag, _ in shown} <= {"h1", "h2", "h3", "h4", "h5", "p", "hr"}, example
        visible = "".join(text for _, text in shown)
        assert squeezed(visible) == squeezed(write_text(blocks)), example.name


# Text that Markdown reads as syntax, and the characters such syntax is made of.
SYNTAX = [
    "# ", "## x #", "#", "> ", "- ", "+ ", "* ", "1. ", "2) ", "123456789.", "===", "---",
    "***", "___", "```", "~~~", "    code", "\t", "|a|b|", "[a]", "[a]: /u", "![i](u)",
    "<div>", "</p>", "<http://x.cn>", "&amp;", "&#35;", "&copy", "\\", "\\*", "`x`", "*a*",
    "_a_", "**b**", "  ", "\n", "\r\n", "\r", "\n\n", "\n# ", "\n- ", "\n1. ", "\n===",
]  # fmt: skip
CHARS = "#>-+*=|.)(\\`_[]<>~&;!: \t\n0123456789ab中文（）“”。"
FRAGMENT = st.one_of(st.sampled_from(SYNTAX), st.text(alphabet=CHARS, max_size=4))
USER_TEXT = st.lists(FRAGMENT, min_size=1, max_size=8).map("".join).map(str.strip).filter(bool)
KINDS = [
    "masthead", "docnumber", "signer", "title", "subtitle", "recipient", "heading", "body",
    "attachment", "signature", "date", "note", "copyto", "issuer", "issuedate",
]  # fmt: skip


@st.composite
def reports(draw: st.DrawFn) -> list[Block]:
    """Blocks of any kinds in the order a template writes them, holding any text."""
    kinds = sorted(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=8)), key=KINDS.index)
    levels = st.integers(min_value=1, max_value=4)
    blocks = [Block(k, draw(USER_TEXT), draw(levels) if k == "heading" else 0) for k in kinds]
    return number_headings(blocks)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_user_text_shows_exactly_as_typed(blocks: list[Block]) -> None:
    shown = rendered(write_markdown(blocks))
    assert {tag for tag, _ in shown} <= {"h1", "h2", "h3", "h4", "h5", "p", "hr"}, shown
    headings = [(tag, squeezed(text)) for tag, text in shown if tag.startswith("h") and text]
    expected = [
        (f"h{b.level + 1}" if b.kind == "heading" else "h1", squeezed(b.full_text))
        for b in blocks
        if b.kind in ("title", "heading")
    ]
    assert headings == expected
    visible = "".join(text for _, text in shown)
    assert squeezed(visible) == squeezed(write_text(blocks))

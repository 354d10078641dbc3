"""Cleaning: web-page boilerplate and page furniture out, script and punctuation normalised.

Lines that are site furniture (navigation, upload and download notes, copyright, page
numbers, references) are dropped; noise inside lines (URLs, phone numbers, paywall notices)
is removed. Where a notice shows that text was cut, a CUT mark is left so that the sentence
it broke can be dropped later. Text comes out simplified, with full-width punctuation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from drafter.core.harvest.annotations import has_candidates, remove_annotations
from drafter.core.harvest.markers import marker_at_start
from drafter.core.harvest.sections import opens_with_section_name
from drafter.core.harvest.source import Paragraph
from drafter.core.text.chinese import document_to_simplified
from drafter.core.text.norm import fullwidth_punctuation, strip_controls
from drafter.core.text.slots import SLOT_RE

CUT = "\ue000"
"""Marks where the source lost text (a paywall notice, a cut-off line)."""

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_WIDE = _CJK + "\u3000-\u303f\uff00-\uffef“”‘’《》"

# Whole lines that are furniture whatever their length: nobody writes these in a report.
# The lookahead lists every character a word can start with, so the scan skips the other
# positions at once; the labels that count only at the start of a line are a second pattern.
_SPAM_LINE = re.compile(
    r"(?=[小本供仅投范希正会免下需试登收点查阅全永欢I©版cCaA文上您当相热])"
    r"(?:小编|本站|本网站|供大家参考|仅供参考|投稿了|范文大全|范文网|希望可以帮助|希望对你|"
    r"正式会员|会员可|免费下载|下载本文|下载(?:该|此)(?:文档|文章)|需要\d+积分|试读结束|登录后查看|"
    r"收藏本文|点击查看|查看更多|阅读全文|全文阅读|"
    r"永久域名|欢迎(?:来到|访问)|ICP备|(?i:copyright|all rights reserved)|©|版权(?:所有|归)|"
    r"文档页数|上传(?:人|者|时间)|您的位置|当前位置|相关(?:推荐|文章|阅读|范文)|热门(?:文章|推荐))"
)
_SPAM_LABEL = re.compile(
    r"【?(?:摘\s*要|关键词|关键字|作者简介|基金项目|中图分类号|Abstract|Key\s*words)】?\s*[:：]"
)
# Short lines (≤ 60 characters) that are labels, page furniture or references: most of
# them only at the start of the line (matched there alone), the rest anywhere.
_SHORT_LINE_START = re.compile(
    r"(?:(?:上传|发布|发表|更新|浏览|阅读|点击|下载|来源|文章来源|作者|编辑|责任编辑|字数|格式|"
    r"大小|页数|分类|标签|关键词|关键字|摘要|作者简介|基金项目|中图分类号|文献标识码|文章编号|"
    r"收稿日期|日期|时间)[^\s:：]{0,3}\s*[:：]|"
    r"(?:参考文献|注释|参考资料|附件|附录|目录(?:/提纲)?|提纲)\s*[:：]?\s*[…．.]*\s*$|"
    r"\[\d+\]|"
    r"第\s*\d+\s*页|[-—－–\s]*\d+[-—－–\s]*$|\d+\s*[/／]\s*\d+\s*$|(?i:page)\s*\d+|页码|"
    r"(?:上|下)一篇|返回(?:顶部|首页|列表)|分享到|扫一扫|扫码|关注(?:我们|公众号))"
)
_SHORT_LINE = re.compile(
    r"(?=[共\[>›»首举投])"
    r"(?:共\s*\d+\s*页|\[[JZMDNCR]\]|[>›»]\s*正文\s*$|首页\s*[>›»]|(?:举报|投诉)\s*$)"
)
# A navigation bar or breadcrumb: three or more short items between | or > marks.
_NAV_LINE = re.compile(r"^(?:[^|｜>›»。，；！？]{1,12}[|｜>›»]){2,}[^|｜>›»。，；！？]{0,12}$")
_BOUNDARY = re.compile(
    r"^\s*(?:(?:篇\s*[\d一二三四五六七八九十]+|第[\d一二三四五六七八九十]+篇)\s*[:：]|【篇[^】]{1,4}】)\s*"
)
_NOTICE = re.compile(
    r"[…\.。]{0,6}\s{0,4}[（(][^（）()\n]{0,80}?"
    r"(?:省略|未完|全文共|完整阅读|阅读全文|剩余|会员|试读|登录后)"
    r"[^（）()\n]{0,200}?(?:[）)]|$)\s{0,4}[…\.]{0,6}"
)
# Noise that needs ASCII (tags, URLs, e-mail, phone numbers): skipped for lines without it.
_ASCII_NOISE = (
    (re.compile(r"<[^<>\n]{1,200}>"), ""),
    (re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot);"), " "),
    (re.compile(r"(?i)(?<![a-z0-9])(?:https?://|www\.)[!-~]*"), ""),
    (
        re.compile(
            r"(?i)(?<![a-z0-9.@-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org)(?![a-z0-9])(?:/[!-~]*)?"
        ),
        "",
    ),
    # Starts only where a run of address characters starts: linear on 200 KB of "a".
    (re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"), ""),
    (
        re.compile(
            r"(?=[联电手热传tTqQ微\d])"  # where a match can start: the scan skips the rest
            r"(?:(?:联系)?(?:电话|手机|热线|传真|(?i:tel|qq)|微信)\s*[:：]?\s*[\d\-—－ ]{5,}"
            r"|(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})(?!\d))"
        ),
        "",
    ),
)
# What any of them needs: a letter, <, &, @, a phone keyword or seven digits in a row.
# The lookahead lets the scan skip the positions none of them can start at.
_HAS_ASCII = re.compile(
    r"(?=[A-Za-z<&@\d电手热传微])(?:[A-Za-z<&@]|\d{7}|电话|手机|热线|传真|微信)"
)
_COPY_GUARD = re.compile(r"原创\s*[:：]")
# A full stop dropped between two characters by copy protection (但不是 一.存在的问题).
_STRAY_DOT = re.compile(rf"(?=\.)(?<=[{_CJK}])(?<![一二三四五六七八九十])\.(?=[{_CJK}])")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff]")
# Braces would read as slots in a bank: kept only around a slot name (a template's {单位}).
_BRACES = re.compile(rf"({SLOT_RE.pattern})|[{{}}]")
_WIDE_DIGIT = re.compile("[０-９\u3000]")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９　", "0123456789 ")
_CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")
_BULLET_RE = re.compile(r"^\s*[-·•●◆■□▪*]+\s+")
_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]+")
_WIDE_SPACE_RE = re.compile(
    rf"(?<=[{_WIDE}]) (?=[{_WIDE}])|(?<=[{_WIDE}]) (?=\d)|(?<=\d) (?=[{_WIDE}])"
)
_QUOTES_RE = re.compile(rf'"([^"\n]{{0,60}}[{_CJK}][^"\n]{{0,60}}?)"')
_END_DOT_RE = re.compile(rf"(?<=[{_CJK}])\.(?=\s*$)")
_MARK_RUN_RE = re.compile(r"([,;:?!])[,;:?!]+")
_POINT_WORD = re.compile(r"[一二三四五六七八九十]是")
_CJK_OR_CUT = re.compile(f"[{_CJK}{CUT}]")
_TRAILING_CUT_RE = re.compile(rf"(?<=[{_CJK}，、])\s*(?:…{{1,3}}|\.{{3,6}})\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    """A cleaned line, with the source paragraph it came from."""

    index: int
    text: str
    level: int | None = None
    new_document: bool = False
    """The line opens a new document (web pages often glue several together: 篇2：…)."""


def clean_paragraphs(
    paragraphs: Iterable[Paragraph], counts: Counter[str] | None = None
) -> list[Line]:
    """Drop furniture, clean what remains; empty results are left out.

    `counts["annotations"]` grows by the reading annotations removed (annotations.py).
    """
    paragraphs = list(paragraphs)
    texts = [p.text.replace("\n", " ") for p in paragraphs]
    document = _prepare("\n".join(texts))  # each pass once per document
    annotated = has_candidates(document)
    if annotated:
        document, removed = remove_annotations(document)
        if counts is not None:
            counts["annotations"] += removed
    prepared = document.split("\n")
    whole = len(prepared) == len(texts)
    if whole:
        texts = prepared
    elif annotated:  # not split as the source was: each line on its own
        texts = [remove_annotations(t)[0] for t in texts]
    out: list[Line] = []
    cut = False
    for para, raw in zip(paragraphs, texts, strict=True):
        text, boundary = clean_text(raw, prepared=whole)
        if boundary:
            out.append(Line(para.index, "", None, new_document=True))
        if not text:
            continue
        if cut and para.level is None and not _opens_point(text):
            text = CUT + text  # text after a paywall cut resumes mid-sentence
        cut = text.endswith(CUT)
        out.append(Line(para.index, text, para.level))
    return out


def _opens_point(text: str) -> bool:
    """A line that starts a point or a section (一、 （一） 1. 一是, 存在的问题 …)."""
    return (
        marker_at_start(text) is not None
        or _POINT_WORD.match(text) is not None
        or opens_with_section_name(text)
    )


def _prepare(text: str) -> str:
    """What every line needs alike: no control or invisible characters, ASCII digits,
    simplified script (OpenCC is much faster on one long text than on many short ones) and
    the mainland's quotation marks for 「」 and 『』."""
    text = _INVISIBLE.sub("", strip_controls(text)[0])
    if _WIDE_DIGIT.search(text):
        text = text.translate(_FULLWIDTH_DIGITS)
    text = document_to_simplified(text)
    if "「" in text or "『" in text:  # translate() is slow on long text: only when needed
        text = text.translate(_CORNER_QUOTES)
    return text


def clean_text(raw: str, *, prepared: bool = False) -> tuple[str, bool]:
    """One cleaned line and whether it opens a new document ("" when it is furniture).

    `prepared`: the line has been through `_prepare` already (with its whole document).
    """
    text = (raw if prepared else _prepare(raw)).strip()
    if not text:
        return "", False
    if text[0] in "-·•●◆■□▪*":
        text = _BULLET_RE.sub("", text)
    boundary = bool(_BOUNDARY.match(text))
    if boundary:
        text = _BOUNDARY.sub("", text, count=1)
    if "(" in text or "（" in text:
        text = _NOTICE.sub(CUT, text)
        if text.strip() == CUT:
            return CUT, boundary  # a paywall notice: the text around it was cut
    if _is_furniture(text):
        return "", boundary
    text = _noise_removed(text)
    if any(ch in text for ch in " \t\u00a0\u3000"):
        text = _WIDE_SPACE_RE.sub("", _SPACE_RE.sub(" ", text).strip())
    if '"' in text:
        text = _QUOTES_RE.sub(r"“\1”", text)
    if any(ch in text for ch in ",;:?!"):
        text = _MARK_RUN_RE.sub(r"\1", text)  # ",,,," → ","; it also keeps the loop short
    for _ in range(4):  # a pass can leave a mark next to one it changed ("习:!")
        if not any(ch in text for ch in ",;:?!()"):
            break
        fixed = fullwidth_punctuation(text)
        if fixed == text:
            break
        text = fixed
    if text.endswith((".", "…")):
        text = _TRAILING_CUT_RE.sub(CUT, _END_DOT_RE.sub("。", text))
    if not _CJK_OR_CUT.search(text):
        return "", boundary
    return text, boundary


def _noise_removed(text: str) -> str:
    if _HAS_ASCII.search(text):
        for pattern, repl in _ASCII_NOISE:
            text = pattern.sub(repl, text)
    if "原创" in text:
        text = _COPY_GUARD.sub("", text)
    if "." in text:
        text = _STRAY_DOT.sub("", text)
    if "{" in text or "}" in text:
        text = _BRACES.sub(lambda m: m.group(1) or "", text)
    return text


def _is_furniture(text: str) -> bool:
    if len(text) <= 300 and (_SPAM_LINE.search(text) or _SPAM_LABEL.match(text)):
        return True
    if len(text) <= 120 and _NAV_LINE.match(text):
        return True
    return len(text) <= 60 and bool(_SHORT_LINE_START.match(text) or _SHORT_LINE.search(text))

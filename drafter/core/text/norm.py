"""Text clean-up shared by the build, the checks and the harvester.

Punctuation: half-width , ; : ? ! ( ) typed between Chinese characters become full-width,
the most common slip in the genre. Control characters that Word cannot store are removed.
"""

from __future__ import annotations

import re

HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_OR_FULL = _CJK + r"\u3000-\u303f\uff00-\uffef“”‘’"
# A half-width mark with Chinese on at least one side and no Latin/digit word on the other
# (so "1,000" and "(a)" stay): before-context, the mark, after-context.
# The leading lookahead lets the scan skip positions that cannot start a match.
_PUNCT_RE = re.compile(
    r"(?=[ \t,;:?!])"
    rf"(?:(?<=[{_CJK_OR_FULL}])[ \t]*([,;:?!])[ \t]*|[ \t]*([,;:?!])[ \t]*(?=[{_CJK}]))"
)
_OPEN_RE = re.compile(rf"\((?=[^()\n]*[{_CJK}])([^()\n]*)\)")

# XML 1.0 forbids C0 controls except tab, newline and carriage return; Word rejects them.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_HALF_RE = re.compile(r"[,;:?!(]")
"""A mark the two patterns above start from: without one, the text is left as it is."""


def fullwidth_punctuation(text: str) -> str:
    """Make half-width , ; : ? ! ( ) full-width where they sit in Chinese text."""
    if not _HALF_RE.search(text):  # most text (all of a harvest's, once cleaned) has none
        return text
    text = _OPEN_RE.sub(lambda m: f"（{m.group(1)}）", text)
    return _PUNCT_RE.sub(lambda m: HALF_TO_FULL[m.group(1) or m.group(2)], text)


def strip_controls(text: str) -> tuple[str, int]:
    """Remove characters Word cannot hold; return the text and how many were removed."""
    cleaned, count = _CONTROL_RE.subn("", text)
    return cleaned, count


def has_halfwidth_punctuation(text: str) -> bool:
    """True when fullwidth_punctuation would change the text."""
    return fullwidth_punctuation(text) != text


CJK_CHAR_RE = re.compile(f"[{_CJK}]")

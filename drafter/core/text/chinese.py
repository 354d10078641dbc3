"""Traditional → simplified conversion (OpenCC), loaded once and only when first needed."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

TRADITIONAL_SHARE = 0.05
"""A text whose conversion changes this share of its characters was written in traditional."""
SAMPLE = 5_000
"""Characters of a document looked at to tell its script."""


@cache
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional characters and phrases made simplified; simplified text comes back as is."""
    return str(_converter("t2s").convert(text))


def to_simplified_each(texts: Sequence[str]) -> list[str]:
    """`to_simplified` of each text, in one OpenCC call (much faster than one per text)."""
    if not texts:
        return []
    converted = to_simplified("\n".join(texts)).split("\n")
    if len(converted) != len(texts):  # a text with a line break of its own: one at a time
        converted = [to_simplified(text) for text in texts]
    return converted


def document_to_simplified(text: str) -> str:
    """A whole document made simplified, with the phrase table that suits its script.

    A document written in traditional uses 著 for the particle 着 (隨著, 帶著); the Taiwan
    table turns those into 着, where the generic one leaves 著. It would also turn the 著 of
    a simplified text's 原著 or 见微知著 into 着, so it is kept for traditional documents.
    """
    simplified = to_simplified(text)
    if simplified == text:
        return text
    sample = min(len(text), SAMPLE)  # a document keeps to one script: its start tells
    changed = sum(map(str.__ne__, text[:sample], simplified[:sample]))
    if changed < 8 or changed < TRADITIONAL_SHARE * sample:
        return simplified
    return str(_converter("tw2s").convert(text))

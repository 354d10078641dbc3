"""How well typed pinyin fits where it was found: its readings and the word boundaries,
read from the bank itself (no dictionary to load).

Typed pinyin can land across two words (shuzhi on 少|数支|部) or on a rare pair where a
common word reads the same (数支 beside 述职). How common each character pair is comes
from the index's bigram postings: a pair far more common than the one just inside a match
is a word the match cuts; the commonest pair read as the typed syllables is the likely one.
"""

from __future__ import annotations

from drafter.core.search.index import SearchIndex
from drafter.core.search.pinyin import Pattern, PinyinTable

CROSSING = 0.85  # typed pinyin read across a word boundary (少数|支部 for shuzhi)
RARE_READING = 0.85  # typed pinyin read as a rare pair where a common one reads the same
RARITY = 2  # … rare: the commonest pair read so is in this many times more texts
SECOND_READING = 0.3  # typed pinyin that uses a character's rarer reading counts less


def place_quality(
    pattern: Pattern, slip: bool, text: str, start: int, end: int, index: SearchIndex
) -> float:
    """How well a reading (with one piece dropped: `slip`) found at text[start:end] fits."""
    quality = reading_quality(pattern, text[start:end], index.table)
    if slip:
        quality *= len(pattern) / (len(pattern) + 1)
    if len(pattern) >= 2:
        quality *= word_fit(index, pattern, text, start, end)
    return quality


def reading_quality(pattern: Pattern, chars: str, table: PinyinTable) -> float:
    """1.0 when every character is typed in its first reading; less for 重 typed chong."""
    other = 0
    for unit, char in zip(pattern, chars, strict=True):
        first = (table.readings_of(char) or ("",))[0]
        if not (first == unit.text if unit.full else first.startswith(unit.text)):
            other += 1
    return 1.0 - SECOND_READING * other / len(pattern)


def word_fit(index: SearchIndex, pattern: Pattern, text: str, start: int, end: int) -> float:
    """1.0 when typed pinyin found here reads as the words of the text; CROSSING when it
    cuts a word (少数|支部 for shuzhi); RARE_READING when a pair of whole syllables landed
    on characters much rarer in the bank than the commonest pair read so (数支 beside 述职)."""
    if crosses_word(index, text, start, end):
        return CROSSING
    for n in range(len(pattern) - 1):
        a, b = pattern[n], pattern[n + 1]
        if a.full and b.full:
            common = index.commonest(a.text, b.text)
            pair = text[start + n : start + n + 2]
            if common >= COHESION and index.bigrams.size(pair) * RARITY < common:
                return RARE_READING
    return 1.0


COHESION = 4
"""A pair of characters this many times more common than the pair just inside a match is
read as a word that the match cuts through."""


def crosses_word(index: SearchIndex, text: str, start: int, end: int) -> bool:
    """Whether text[start:end] cuts a word: the pair across either edge (少数 in 少数支部
    for 数支) is much more common in the bank than the pair just inside that edge."""
    size = index.bigrams.size
    if start > 0:
        outer = size(text[start - 1 : start + 1])
        if outer >= COHESION and outer > COHESION * size(text[start : start + 2]):
            return True
    if end < len(text):
        outer = size(text[end - 1 : end + 1])
        return outer >= COHESION and outer > COHESION * size(text[end - 2 : end])
    return False

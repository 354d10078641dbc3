"""Reading annotations: the pinyin and 注音 some sites put after characters, taken out.

Study and exam sites annotate words with their readings: 机(jī)关(guān)党(dǎng)建,
机关（jī guān）, 龃龉(ju3 yu3), 党（ㄉㄤˇ）, 涣散（音：huàn sàn）. The brackets are removed
only when what they hold is such a reading: pinyin with tone marks or tone digits that
splits into syllables, toneless pinyin that spells the characters just before it, or
bopomofo. Everything else in brackets — （试行）, (2023), (一), (PPP), 中国(China) — stays.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛ"
# A bracket after a Chinese character holding Latin letters (with tone marks or digits) or
# bopomofo; the reading is checked before anything is removed.
_CANDIDATE = re.compile(
    rf"(?<=[{_CJK}])[ \t\u3000]?[（(][ \t]*"
    rf"(?:(?P<latin>[A-Za-z{_TONED}üÜê][A-Za-z{_TONED}üÜê1-5'’·\- ]{{0,60}})"
    r"|(?P<bopomofo>[\u3105-\u312f\u31a0-\u31bfˊˇˋ˙ ]{1,30})"
    r"|(?:注音|拼音|读音|音)[ \t]*[:：][ \t]*(?P<labelled>[^（）()\n]{1,40}))[ \t]*[）)]"
)
_PRECHECK = re.compile(rf"[（(]\s*(?:[A-Za-z{_TONED}\u3105-\u312f]|(?:注音|拼音|读音|音)\s*[:：])")
_TONE_MARK = re.compile(rf"[{_TONED}]")
_SEPARATOR = re.compile(r"[\s'’·\-]+")
_LONGEST = 6  # chuang, zhuang: the longest pinyin syllable


def has_candidates(text: str) -> bool:
    """Whether `text` may hold a reading annotation at all (a cheap test for whole documents)."""
    return _PRECHECK.search(text) is not None


def remove_annotations(text: str) -> tuple[str, int]:
    """`text` without its reading annotations, and how many were removed."""
    removed = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal removed
        if _is_reading(match, text):
            removed += 1
            return ""
        return match.group()

    return _CANDIDATE.sub(replace, text), removed


def _is_reading(match: re.Match[str], text: str) -> bool:
    if match.group("bopomofo") is not None or match.group("labelled") is not None:
        return True
    latin = match.group("latin").strip()
    syllables = _syllables(latin)
    if not syllables:
        return False
    if _TONE_MARK.search(latin.lower()):
        return True  # tone-marked pinyin after a character is nothing but a reading
    before = text[max(0, match.start() - len(syllables)) : match.start()].rstrip()
    return _spells(syllables, before)


def _spells(syllables: list[str], before: str) -> bool:
    """Whether toneless `syllables` are readings of the characters just before them."""
    from drafter.core.search.pinyin import pinyin_table  # loaded only when a bracket needs it

    readings = pinyin_table().readings
    chars = before[-len(syllables) :]
    if len(chars) != len(syllables):
        return False
    return all(s in readings.get(c, ()) for s, c in zip(syllables, chars, strict=True))


def _syllables(latin: str) -> list[str]:
    """The toneless syllables `latin` splits into (ü as v), or [] when it is not pinyin."""
    bare = unicodedata.normalize("NFD", latin.lower()).replace("u\u0308", "v").replace("ê", "e")
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch))
    out: list[str] = []
    for word in _SEPARATOR.split(bare.strip()):
        word = re.sub(r"(?<=[a-z])[1-5]", " ", word).strip()
        for part in word.split():
            found = _split(part)
            if found is None:
                return []
            out += found
    return out


def _split(word: str) -> list[str] | None:
    """A run of letters cut into pinyin syllables (longest first, with backtracking)."""
    if not word:
        return []
    known = _syllable_set()
    for size in range(min(_LONGEST, len(word)), 0, -1):
        if word[:size] in known:
            rest = _split(word[size:])
            if rest is not None:
                return [word[:size], *rest]
    return None


@cache
def _syllable_set() -> frozenset[str]:
    """Pinyin syllables with a vowel (the table's m, n, ng, hm are interjections)."""
    from drafter.core.search.pinyin import pinyin_table

    return frozenset(s for s in pinyin_table().syllable_set if re.search("[aeiouv]", s))

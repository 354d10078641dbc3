"""Search queries: typed text split into keywords, and each keyword matched against a text.

A keyword is Chinese (matched by characters, fuzzily, and by sound for 形势/形式 slips) or
Latin letters (matched as pinyin — whole syllables, initials or a mix — or literally).
Matching works on folded text (see searchindex.fold), so punctuation and width never matter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any

from drafter.core.search.concepts import alternatives
from drafter.core.search.fold import fold
from drafter.core.search.index import EXTRA_MARK, SearchIndex
from drafter.core.search.matches import MAX_PLACES, NO_MATCH, Match, Place, match_pinyin
from drafter.core.search.pinyin import Pattern, PinyinTable, Unit, parse
from drafter.core.text.chinese import to_simplified

MAX_QUERY = 1000  # characters of raw query looked at; the rest cannot change the results
MAX_KEYWORD = 120  # longest keyword kept: a whole paragraph is enough context
MAX_KEYWORDS = 8
GOOD = 0.75  # a keyword matched at least this well counts as matched
SYNONYM = 0.85  # a keyword found only as an equivalent term (活动场所 for 活动阵地)
EXTRA = 0.7  # a keyword found only in the note or section name, not in the phrase
PARTIAL = 0.85  # some characters of the keyword missing from the best window
SCATTERED = 0.8  # every character found, but apart (活动室…阵地 for 活动阵地)
HOMOPHONE = 0.8  # a character replaced by one that sounds the same counts this much
_MIN_QUALITY = 0.3  # below this a fuzzy match is noise

_TOKEN_RE = re.compile(r"[a-z]+|[^a-z]+")
# Spaces and punctuation both separate keywords (so 三会一课，流于形式 is two of them).
_SEPARATOR_RE = re.compile(r"[\W_]+")


class Keyword:
    """One keyword of a query, folded; Latin keywords carry their pinyin readings.

    Equal to another, and hashed, by its text, script and readings. (A plain class: making
    a dataclass runs generated code, ~0.5 ms of each `drafter search`.)"""

    __slots__ = ("alternatives", "fuzzy", "halves", "latin", "needs", "patterns", "seen", "text")

    def __init__(
        self,
        text: str,
        latin: bool,
        patterns: tuple[Pattern, ...] = (),
        fuzzy: tuple[Pattern, ...] = (),
        halves: tuple[Pattern, ...] = (),
        needs: tuple[tuple[int, ...], ...] = (),
        alternatives: tuple[str, ...] = (),
    ) -> None:
        self.text, self.latin, self.patterns = text, latin, patterns
        self.fuzzy = fuzzy
        """Readings with one piece dropped (sjhyk → shyk), for readings of four pieces or more."""
        self.halves = halves
        """First and second halves of those readings: a slipped reading holds one of them."""
        self.needs = needs
        """For each of `fuzzy`, the halves one of which it holds (where none is, it cannot be)."""
        self.alternatives = alternatives
        """The keyword with a term of the genre replaced by an equivalent (searchconcepts)."""
        self.seen: dict[object, object] = {}
        """What matching it found so far, for the other candidates of its query: regexes of
        its readings, and the quality of a reading at a place by what is around it."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Keyword):
            return NotImplemented
        return (self.text, self.latin, self.patterns) == (other.text, other.latin, other.patterns)

    def __hash__(self) -> int:
        return hash((self.text, self.latin, self.patterns))

    def __repr__(self) -> str:
        return f"Keyword({self.text!r}, latin={self.latin}, patterns={self.patterns!r})"

    @property
    def weight(self) -> int:
        """How much this keyword counts towards coverage: its characters or syllables."""
        if self.latin and self.patterns:
            return len(self.patterns[0])
        return len(self.text)


def parse_query(query: str, table: PinyinTable) -> list[Keyword]:
    """Keywords of a query: spaces and punctuation separate them, but 党 员 教育 is one."""
    raw = query[:MAX_QUERY]
    if not raw.isascii():
        raw = to_simplified(raw)
    pieces: list[tuple[str, bool]] = []  # (folded piece, separated from the last by a space)
    for chunk in _SEPARATOR_RE.split(raw):
        folded = fold(chunk)
        for n, piece in enumerate(_TOKEN_RE.findall(folded)):
            pieces.append((piece, n == 0))
    tokens: list[str] = []
    for piece, spaced in pieces:
        last = tokens[-1] if tokens else ""
        joinable = last and not last[-1].isascii() and not piece[0].isascii()
        if joinable and spaced and (len(piece) == 1 or len(last) == 1):
            tokens[-1] = last + piece
        else:
            tokens.append(piece)
    keywords: dict[str, Keyword] = {}
    for token in tokens:
        text = token[:MAX_KEYWORD]
        if text in keywords:
            continue
        if text.isascii() and text.isalpha():
            patterns = parse(text, table)
            halves = tuple(
                half
                for p in patterns
                if len(p) >= 4
                for half in (p[: len(p) // 2], p[len(p) // 2 :])
            )
            fuzzy, needs = _fuzzy_patterns(patterns)
            keywords[text] = Keyword(text, True, patterns, fuzzy, halves, needs=needs)
        else:
            keywords[text] = Keyword(text, False, alternatives=alternatives(text))
    return list(keywords.values())[:MAX_KEYWORDS]


def _fuzzy_patterns(
    patterns: tuple[Pattern, ...],
) -> tuple[tuple[Pattern, ...], tuple[tuple[int, ...], ...]]:
    """One piece dropped, for readings of four pieces or more (one typing slip allowed);
    and for each, the halves (numbered as in Keyword.halves) one of which it holds."""
    out: dict[Pattern, list[int]] = {}
    long = [p for p in patterns if len(p) >= 4]
    for k, pattern in enumerate(long):
        half = len(pattern) // 2
        for i in range(len(pattern)):
            # dropping a piece of the second half keeps the first whole, and the reverse
            out.setdefault(pattern[:i] + pattern[i + 1 :], []).append(2 * k + (i < half))
    kept = [(p, tuple(needs)) for p, needs in out.items() if p not in patterns]
    return tuple(p for p, _ in kept), tuple(needs for _, needs in kept)


@lru_cache(maxsize=512)
def pattern_regex(pattern: Pattern, table: PinyinTable, present: frozenset[str]) -> re.Pattern[str]:
    """A regex over folded text: each piece a class of the characters that read so.

    Only characters `present` in the texts go in a class, which keeps the regex small
    and quick to compile (each keystroke of typed pinyin makes a new one).
    """
    return re.compile("".join(_char_class(unit, table, present) for unit in pattern))


@lru_cache(maxsize=4096)
def _char_class(unit: Unit, table: PinyinTable, present: frozenset[str]) -> str:
    by_syllable = _present_by_syllable(table, present)
    fits = (s for s in by_syllable if s == unit.text or (not unit.full and s.startswith(unit.text)))
    chars = "".join(sorted({c for s in fits for c in by_syllable[s]}))
    return f"[{chars}]" if chars else "(?!)"


def warm_syllables(index: SearchIndex) -> None:
    """Group the index's characters by reading now (~2 ms, else the first one-syllable
    keyword's), and fill the tables that spell them as readings and as sounds (~5 ms at
    100k phrases, else a few µs for each character the first keystrokes meet)."""
    _present_by_syllable(index.table, index.present)
    present = "".join(index.present)
    present.translate(index.speller)
    present.translate(index.table.sound_table())


def chars_reading(index: SearchIndex, syllable: str) -> str:
    """The characters present in the index's texts that read `syllable` (what a typed
    whole syllable's class holds)."""
    return _present_by_syllable(index.table, index.present).get(syllable, "")


@lru_cache(maxsize=4)
def _present_by_syllable(table: PinyinTable, present: frozenset[str]) -> dict[str, str]:
    """Syllable → the characters present in the texts that read so: from the few present,
    not the whole table (whose inverse costs a first query of one syllable ~15 ms)."""
    found: dict[str, list[str]] = {}
    for char in present:
        for reading in table.readings_of(char):
            found.setdefault(reading, []).append(char)
    return {s: "".join(chars) for s, chars in found.items()}


def match_keyword(
    keyword: Keyword, index: SearchIndex, entry: int, text: str, places: list[Place] | None = None
) -> Match:
    """How `keyword` matches entry number `entry` of `index`, whose folded text is `text`
    (the phrase, then after EXTRA_MARK its note and section name, which count less);
    `places`: where typed pinyin's readings are in it, if already found (reading_bound)."""
    match = _match(keyword, index, entry, text, places)
    cut = text.find(EXTRA_MARK)
    if cut >= 0 and match.positions and match.start > cut:
        return Match(match.quality * EXTRA, match.positions)
    return match


def _match(
    keyword: Keyword, index: SearchIndex, entry: int, text: str, places: list[Place] | None
) -> Match:
    first = text.find(keyword.text)
    if first >= 0:
        others: list[int] = []
        pos, step = first, len(keyword.text)
        while len(others) < MAX_PLACES and (pos := text.find(keyword.text, pos + step)) >= 0:
            others.append(pos)
        return Match(1.0, tuple(range(first, first + step)), tuple(others))
    if keyword.latin:
        return match_pinyin(keyword, text, index, places)
    if len(keyword.text) < 2:
        return NO_MATCH
    best = _match_fuzzy(keyword.text, text, index, entry)
    for other in keyword.alternatives:
        if best.quality >= SYNONYM:
            break
        if (at := text.find(other)) >= 0:
            best = Match(SYNONYM, tuple(range(at, at + len(other))))
        elif best.quality < GOOD:  # the equivalent with a typo or extra words
            found = _match_fuzzy(other, text, index, entry)
            # characters beyond the typed keyword's length (党群服务中心 for 阵地) earn nothing
            held = len(found.positions) - max(0, len(other) - len(keyword.text))
            quality = found.quality * max(0, held) / max(1, len(found.positions)) * SYNONYM
            if quality > best.quality:
                best = Match(quality, found.positions)
    return best


def place_finder(keyword: Keyword, index: SearchIndex) -> Callable[[str], int]:
    """A function giving where `keyword` first occurs exactly in a folded text (as typed,
    as one of its pinyin readings or as an equivalent term), or -1."""
    word = keyword.text
    if not keyword.latin:
        words = (word, *keyword.alternatives)
        if len(words) == 1:
            return lambda text: text.find(word)
        return lambda text: min((p for w in words if (p := text.find(w)) >= 0), default=-1)
    speller = index.speller
    regexes = [speller.regex(p) for p in keyword.patterns]

    def find(text: str) -> int:
        spelled = speller.spell(text)
        places = [m.start() for r in regexes if (m := r.search(spelled))]
        literal = text.find(word)
        if literal >= 0:
            places.append(literal)
        return min(places, default=-1)

    return find


def _match_fuzzy(word: str, text: str, index: SearchIndex, entry: int) -> Match:
    """Best window of `text` for `word`: characters in order, typos and extra words allowed."""
    if len(word) == 2:
        # one character of two is noise; a word that sounds the same (轮训/论训) is a slip
        pos = index.sound(entry).find(word.translate(index.table.sound_table()))
        if pos < 0:
            return NO_MATCH
        same = sum(a == b for a, b in zip(word, text[pos : pos + 2], strict=True))
        return Match(same / 2 + HOMOPHONE * (1 - same / 2), (pos, pos + 1))
    # upper bounds first: a character can only match if it (or its sound) is in the text
    spoken_word, sound = word.translate(index.table.sound_table()), index.sound(entry)
    heard = sum(map(sound.__contains__, spoken_word)) / len(word)
    if heard < _MIN_QUALITY:  # sounds include the characters themselves
        return NO_MATCH
    chars = _align(word, text)
    if heard <= chars.quality:
        best = chars
    else:
        spoken = _align(spoken_word, sound)
        if spoken.quality > chars.quality:
            # same-sounding characters count, a little less than the right ones
            quality = chars.quality + HOMOPHONE * (spoken.quality - chars.quality)
            best = Match(quality, spoken.positions)
        else:
            best = chars
    if len(best.positions) < len(word):  # a part of the keyword (开【展党员】 for 发展党员)
        best = Match(best.quality * PARTIAL, best.positions)
    elif best.positions and best.positions[-1] - best.positions[0] > len(best.positions):
        best = Match(best.quality * SCATTERED, best.positions)  # 活动室…阵地 for 活动阵地
    return best if best.quality >= _MIN_QUALITY else NO_MATCH


def warm_alignment() -> None:
    """Import rapidfuzz now (~10 ms), not at the first keystroke that needs `_align`."""
    _align("党员", "党员")


@cache
def _aligners() -> tuple[Callable[..., Any], Callable[..., Any]]:
    """rapidfuzz's alignment and opcodes, imported at the first alignment: most searches
    align nothing, and the import is 7 ms of a `drafter search`."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import LCSseq

    return fuzz.partial_ratio_alignment, LCSseq.opcodes


def _align(word: str, text: str) -> Match:
    partial_alignment, opcodes = _aligners()
    if not text:
        return NO_MATCH
    if len(word) <= len(text):
        found = partial_alignment(word, text)
        lo, hi = (found.dest_start, found.dest_end) if found else (0, len(text))
    else:
        lo, hi = 0, len(text)
    positions: list[int] = []
    for op in opcodes(word, text[lo:hi]):
        if op.tag == "equal":
            positions.extend(range(lo + op.dest_start, lo + op.dest_end))
    return Match(len(positions) / len(word), tuple(positions))

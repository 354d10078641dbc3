"""Finding the fixed formulas (提法) a text spells out, and what is wrong with them.

Precision comes first: a formula is judged only where the text spells it out — its short
name right before (or after) a list of its parts, or most of its parts in one list — or where
the text holds one of the table's known wrong forms. A formula merely named (增强“四个意识”)
and a correct expansion in running text are never reported. The bank check, the review check
and the phrasebank tests share these functions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from drafter.core.text.trie import trie_pattern
from drafter.core.tifa.table import WRONG_LABELS, Formula, TifaTable

_SEP = r"(?:、|，|,|；|;|和|及|以及|与)"
_GAP_RE = re.compile(rf"[”’」』\s]*{_SEP}[\s“‘「『]*(?:必须坚持|坚持)?[“‘「『]?")
"""What may stand between two parts of one list: 、 ， 和 …, quotes, a repeated 必须坚持."""
_INTRO_RE = re.compile(r"[”’」』]?\s*(?:[（(：:，,]|即|就是|是指|指的是|包括|要求)*\s*[“‘「『]?")
"""Between a formula's name and its parts: 四个意识（…）, 四个意识”，即…, 四个意识：…."""
_OUTRO_RE = re.compile(r"[”’」』）)]?\s*(?:的|这|等|即)?\s*[“‘「『]?")
_BEFORE_RE = re.compile(rf"([\u4e00-\u9fff]+)[”’」』]?\s*{_SEP}[“‘「『]?$")
_AFTER_RE = re.compile(rf"[”’」』]?\s*{_SEP}[“‘「『]?([\u4e00-\u9fff]+)")
_NAME_WINDOW = 10

DATED_LABELS = {"expired": "已过时", "early": "早于其提出时间"}


@dataclass(frozen=True)
class Misquote:
    """A formula written wrong (or out of its time) at [start, end) of a text."""

    formula: Formula
    why: str
    """member, order, dropped, old, wording (tifa.WRONG_LABELS), expired or early."""
    start: int
    end: int
    detail: str
    """What is wrong, in a few Chinese words."""
    fix: str
    """The right words: the canonical form, or the words for this spot."""

    @property
    def label(self) -> str:
        return WRONG_LABELS.get(self.why) or DATED_LABELS.get(self.why, self.why)

    @property
    def message(self) -> str:
        return f"提法“{self.formula.name}”{self.label}：{self.detail}"


def _find_all(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


@lru_cache(maxsize=8)
def _triggers(table: TifaTable) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One pattern for every string the matcher looks for, and each formula's strings."""
    strings = {f.id: tuple(t for t in f.triggers if t) for f in table.formulas}
    every = sorted({t for found in strings.values() for t in found})
    return re.compile(trie_pattern(every)), strings


@lru_cache(maxsize=64)
def present(table: TifaTable, text: str) -> list[Formula]:
    """The formulas one of whose strings (name, expansion, part, old part, wrong form) stands
    whole in `text`: only these can be named, expanded or misquoted there.

    Most sentences name no formula; one regular expression tells so before any formula is
    looked at. A text it passes goes through the table's cheap filter and the whole strings.
    """
    pattern, strings = _triggers(table)
    if not pattern.search(text):
        return []
    return [f for f in table.touched(text) if any(t in text for t in strings[f.id])]


def canonical_spans(text: str, table: TifaTable) -> list[tuple[int, int, Formula]]:
    """Every correct naming or expansion of a formula in `text` (overlaps kept)."""
    spans = []
    for formula in present(table, text):
        for wording in (*formula.names, formula.expansion):
            if wording:
                spans += [(s, s + len(wording), formula) for s in _find_all(text, wording)]
    return spans


def mentions(text: str, table: TifaTable) -> list[tuple[Formula, int, int]]:
    """The formulas `text` names, each place once (the longest naming wins)."""
    found = sorted(
        ((s, e, f) for s, e, f in canonical_spans(text, table) if text[s:e] in f.names),
        key=lambda x: (x[0], -(x[1] - x[0])),
    )
    out: list[tuple[Formula, int, int]] = []
    last_end = -1
    for start, end, formula in found:
        if start >= last_end:
            out.append((formula, start, end))
            last_end = end
    return out


def misquotes(text: str, table: TifaTable) -> list[Misquote]:
    """Known wrong forms and wrongly spelled-out formulas in `text`, in reading order."""
    canonical = canonical_spans(text, table)
    out: list[Misquote] = []
    for formula in present(table, text):
        for form in formula.wrong:
            for start in _find_all(text, form.text):
                end = start + len(form.text)
                if any(s <= start and end <= e for s, e, _ in canonical):
                    continue  # part of a correct wording (主题教育 inside its full name)
                detail = f"写成了“{form.text}”"
                out.append(Misquote(formula, form.why, start, end, detail, form.fix or ""))
        if formula.members:
            out += _list_problems(text, formula)
    out = [m if m.fix else _with_canonical(m) for m in out]
    return _dedupe(sorted(out, key=lambda m: (m.start, -m.end)))


def dated_uses(text: str, table: TifaTable, day: str) -> list[Misquote]:
    """Formulas named in `text` that a draft dated `day` cannot speak of as current.

    After `until` the formula is out of date; before the year of `valid_from` it did not
    exist yet (within that year a draft may still look forward to it: 迎接党的二十大).
    """
    out = []
    for formula, start, end in mentions(text, table):
        if formula.until is not None and day > formula.until:
            detail = f"其适用期至{formula.until}，本文日期为{day}"
            out.append(Misquote(formula, "expired", start, end, detail, ""))
        elif formula.valid_from is not None and day[:4] < formula.valid_from[:4]:
            detail = f"{formula.valid_from}才提出，本文日期为{day}"
            out.append(Misquote(formula, "early", start, end, detail, ""))
    return [_with_canonical(m) for m in out]


def _with_canonical(m: Misquote) -> Misquote:
    return Misquote(m.formula, m.why, m.start, m.end, m.detail, m.formula.canonical)


def _dedupe(found: list[Misquote]) -> list[Misquote]:
    """One report per place: a literal wrong form wins over the list analysis around it."""
    out: list[Misquote] = []
    for m in found:
        if not any(o.start <= m.start < o.end or m.start <= o.start < m.end for o in out):
            out.append(m)
    return out


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    index: int
    """Position in formula.members."""


def _parts(text: str, formula: Formula) -> list[_Part]:
    found = [
        _Part(s, s + len(m), i) for i, m in enumerate(formula.members) for s in _find_all(text, m)
    ]
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    out: list[_Part] = []
    for part in found:
        if not out or part.start >= out[-1].end:
            out.append(part)
    return out


def _chains(text: str, parts: list[_Part]) -> Iterator[list[_Part]]:
    """Runs of parts joined only by list separators (、 ， 和 …)."""
    chain: list[_Part] = []
    for part in parts:
        if chain and _GAP_RE.fullmatch(text[chain[-1].end : part.start]):
            chain.append(part)
            continue
        if chain:
            yield chain
        chain = [part]
    if chain:
        yield chain


def _named(text: str, formula: Formula, start: int, end: int) -> bool:
    """Whether the formula's name introduces the list (or follows it closely)."""
    before = text[max(0, start - _NAME_WINDOW - 20) : start]
    after = text[end : end + _NAME_WINDOW + 20]
    for name in formula.names:
        at = before.rfind(name)
        if at >= 0 and _INTRO_RE.fullmatch(before[at + len(name) :]):
            return True
        at = after.find(name)
        if at >= 0 and _OUTRO_RE.fullmatch(after[:at]):
            return True
    return False


def _list_problems(text: str, formula: Formula) -> list[Misquote]:
    n = len(formula.members)
    out = []
    for chain in _chains(text, _parts(text, formula)):
        start, end = chain[0].start, chain[-1].end
        seen = list(dict.fromkeys(p.index for p in chain))
        named = _named(text, formula, start, end)
        if not (named or (n >= 3 and len(seen) >= formula.spelled_at)):
            continue
        extras, old = _neighbours(text, formula, start, end)
        if len(seen) == n:
            extras = []  # all parts there: what follows is another item of a longer list
        problem = _judge(formula, seen, extras, old)
        if problem is not None:
            why, detail = problem
            out.append(Misquote(formula, why, start, end, detail, ""))
    return out


def _judge(
    formula: Formula, seen: list[int], extras: list[str], old: list[str]
) -> tuple[str, str] | None:
    members = formula.members
    if old:
        new = "、".join(f"“{formula.replaced[o]}”" for o in old)
        return "old", f"“{'、'.join(old)}”已改为{new}"
    if extras:
        return "member", f"“{'、'.join(extras)}”不在其中"
    missing = [members[i] for i in range(len(members)) if i not in seen]
    if missing:
        return "dropped", f"缺少“{'、'.join(missing)}”"
    if seen != sorted(seen):
        order = "、".join(members[i] for i in seen)
        return "order", f"写成了“{order}”"
    return None


def _neighbours(text: str, formula: Formula, start: int, end: int) -> tuple[list[str], list[str]]:
    """Items listed right before or after the parts: not members (extras) or old members."""
    extras: list[str] = []
    old: list[str] = []
    suffix = _common_suffix(formula.members)
    lengths = {len(m) for m in formula.members}
    before = _BEFORE_RE.search(text[:start])
    after = _AFTER_RE.match(text[end:])
    words = ((before.group(1) if before else "", True), (after.group(1) if after else "", False))
    for word, tail in words:
        if not word:
            continue
        replaced = next(
            (o for o in formula.replaced if (word.endswith(o) if tail else word.startswith(o))),
            None,
        )
        if replaced is not None:
            old.append(replaced)
        elif len(suffix) >= 2 and len(lengths) == 1:
            size = next(iter(lengths))
            item = word[-size:] if tail else word[:size]
            if len(item) == size and item.endswith(suffix) and item not in formula.members:
                extras.append(item)
    return extras, old


def _common_suffix(words: tuple[str, ...]) -> str:
    first = words[0]
    size = 0
    while size < len(first) and all(
        len(w) > size and w[-1 - size] == first[-1 - size] for w in words
    ):
        size += 1
    return first[len(first) - size :]

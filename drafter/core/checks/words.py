"""Words: commonly confused words (的/地/得, 其他/其它, 截至/截止, 作出, 既…又 …), read from
the table in words.yaml so a rule is added or tightened without touching code."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from drafter.core.checks.base import Context, Hit, snippet

LOOK_BACK = 12
"""Characters before the word that a rule's `unless` pattern sees."""


@dataclass(frozen=True)
class WordRule:
    """One confused-word rule of words.yaml."""

    id: str
    pattern: re.Pattern[str]
    right: str
    why: str
    unless: re.Pattern[str] | None = None
    needs: str = ""
    """Text every match holds (group `w` when it is a plain word): a text without it is
    passed over without running the pattern, which most texts are."""

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        if self.needs not in text:
            return
        for match in self.pattern.finditer(text):
            before = text[max(0, match.start("w") - LOOK_BACK) : match.start("w")]
            if self.unless is None or not self.unless.search(before):
                yield match


def parse_rules(data: Any) -> tuple[WordRule, ...]:
    """The rules of a words.yaml document; ValueError names the entry that is wrong."""
    if not isinstance(data, list):
        raise ValueError("words.yaml: expected a list of rules")
    out = []
    for i, row in enumerate(data):
        if not isinstance(row, dict) or not {"id", "pattern", "right", "why"} <= row.keys():
            raise ValueError(f"words.yaml entry {i + 1}: needs id, pattern, right and why")
        try:
            pattern = re.compile(row["pattern"])
            unless = re.compile(row["unless"]) if row.get("unless") else None
        except re.error as exc:
            raise ValueError(f"words.yaml entry {row['id']}: bad pattern ({exc})") from exc
        if "w" not in pattern.groupindex:
            raise ValueError(f"words.yaml entry {row['id']}: the pattern has no (?P<w>…) group")
        needs = None if pattern.flags & re.IGNORECASE else _PLAIN_WORD.search(row["pattern"])
        out.append(
            WordRule(
                row["id"],
                pattern,
                str(row["right"]),
                str(row["why"]),
                unless,
                needs.group(1) if needs else "",
            )
        )
    return tuple(out)


_PLAIN_WORD = re.compile(r"\(\?P<w>(\w+)\)(?![?*{])")
"""A group `w` of word characters only (no |, class or repeat) and not optional: it is in
every match, letter for letter (unless the pattern ignores case)."""


@cache
def rules() -> tuple[WordRule, ...]:
    """The shipped table."""
    text = (resources.files("drafter.core.checks") / "words.yaml").read_text(encoding="utf-8")
    return parse_rules(yaml.safe_load(text))


def confused_words(ctx: Context) -> Iterator[Hit]:
    """W001: a word mixed up with its look-alike, where the context decides which is right."""
    units = ctx.units
    # A rule whose word is nowhere in the draft is passed over for every unit at once, and
    # one whose word a unit lacks costs a test, not a generator (most rules, most units).
    joined = "\n".join(unit.text for unit in units)
    table = [rule for rule in rules() if rule.needs in joined]
    for unit in units:
        for rule in table:
            if rule.needs not in unit.text:
                continue
            for match in rule.matches(unit.text):
                start, end = match.span("w")
                where = snippet(unit.text, start, end)
                yield unit.hit(f"“{match.group('w')}”应为“{rule.right}”（{rule.why}）：“{where}”")

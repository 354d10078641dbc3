"""The 提法 matcher's fast path gives the same answers as trying every formula.

`present()` lets through only the formulas one of whose strings stands whole in a text; the
bank check runs on every harvested entry, so this is most of the harvest's 提法 cost saved.
Misquotes and mentions must not change: the same texts are judged once with the fast path
and once with every formula of the table tried, over the built-in bank, the sample reports
and, for every formula, its names, its parts in and out of order and its known wrong forms.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import drafter.core.tifa.match as match
from drafter.core.bank.loading import builtin_entries
from drafter.core.harvest.phrases import split_sentences
from drafter.core.tifa.table import Formula, TifaTable, builtin_table
from tests.core.test_harvest_genre import REPORTS


def _spelled(formula: Formula) -> Iterator[str]:
    """Texts that name, expand, reorder, shorten or misquote one formula."""
    yield f"各支部深入学习{formula.name}，逐条对照检查。"
    for name in formula.names:
        yield f"围绕“{name}”开展专题研讨。"
    parts = list(formula.members)
    if parts:
        yield f"牢固树立{formula.name}，即{'、'.join(parts)}。"
        yield f"做到{'、'.join(reversed(parts))}。"
        yield f"坚持{'、'.join(parts[1:])}，抓好落实。"
        yield f"{formula.name}（{'、'.join(parts[:-1])}、作风意识）要求更严。"
        yield f"只有{parts[0]}一项写进了计划。"
    for old in formula.replaced:
        yield f"{formula.name}：{old}、{'、'.join(parts[1:])}。"
    for wrong in formula.wrong:
        yield f"认真落实{wrong.text}的要求。"


def _texts(table: TifaTable) -> list[str]:
    texts = [e.text for e in builtin_entries()]
    for report in sorted(REPORTS.glob("*.txt")):  # GBK, UTF-16 ones read as U+FFFD: no harm
        text = report.read_bytes().decode("utf-8", errors="replace")
        texts += split_sentences(text.replace("\n", ""))
    for formula in table.formulas:
        texts += list(_spelled(formula))
    return texts


def test_only_formulas_whose_strings_stand_in_the_text_are_looked_at() -> None:
    table = builtin_table()
    assert match.present(table, "支部每月开展一次主题党日活动。") == []
    found = match.present(table, "增强“四个意识”、坚定“四个自信”。")
    assert {f.name for f in found} >= {"四个意识", "四个自信"}


def test_the_fast_path_finds_what_trying_every_formula_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = builtin_table()
    texts = _texts(table)
    fast = [(match.misquotes(t, table), match.mentions(t, table)) for t in texts]
    assert sum(bool(m) for m, _ in fast) > len(table.formulas)  # the texts do misquote
    monkeypatch.setattr(match, "present", lambda table, text: list(table.formulas))
    every = [(match.misquotes(t, table), match.mentions(t, table)) for t in texts]
    assert fast == every

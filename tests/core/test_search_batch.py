"""A query's candidates read together: what is found in them is what text by text finds."""

from __future__ import annotations

from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.search.index import SearchIndex
from drafter.core.search.query import parse_query
from drafter.core.search.spans import Batch

TEXTS = st.lists(
    st.text(alphabet="重新党员教育支部书记长行当挡中心zx1", max_size=12), min_size=1, max_size=30
)
TYPED = ["z", "zx", "zhongxin", "dangyuan", "dy", "jiaoyu", "zb", "zhibushuji", "dangyuanjiaoyu"]
TYPED += ["shujizhang", "c", "xing", "hang", "zhang", "chong", "zhongxindang", "zzx", "zhbsj"]
TYPED += ["zz", "dd", "ddd", "dangdang", "zhongzhong"]  # readings that overlap themselves


@settings(deadline=None)  # the first example may load the pinyin table
@given(TEXTS, st.integers(1, 7))
def test_readings_found_in_a_batch_are_those_found_text_by_text(texts: list[str], cap: int) -> None:
    index = SearchIndex(texts)  # (which loads numpy, as a large bank's search has)
    folded = [index.text(i) for i in range(index.size)]
    speller = index.speller
    batch = Batch.of(speller, folded)
    assert batch is not None
    for typed in TYPED:
        keyword = parse_query(typed, index.table)[0]
        for pattern in (*keyword.patterns, *keyword.fuzzy, *keyword.halves):
            regex = speller.regex(pattern)
            for text in folded:
                alone = [m.span() for m in islice(regex.finditer(speller.spell(text)), cap)]
                assert batch.spans(pattern, text, cap) == alone
                assert batch.first(pattern, text, cap) == (alone[0][0] if alone else -1)


@settings(deadline=None)
@given(TEXTS)
def test_texts_spelled_and_sounded_together_are_as_each_alone(texts: list[str]) -> None:
    index = SearchIndex(texts)
    entries = list(range(index.size)) * 2  # twice: those known are not read again
    folded = index.texts(entries)
    assert folded == [index.text(i) for i in entries]
    index.speller.spell_many(folded * 20)  # enough characters for numpy to translate them
    assert [index.speller.spell(t) for t in folded] == [t.translate(index.speller) for t in folded]
    index.sounds_of(entries * 20)
    table = index.table.sound_table()
    assert [index.sound(i) for i in entries] == [t.translate(table) for t in folded]

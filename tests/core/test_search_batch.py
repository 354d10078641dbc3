"""A query's candidates read together: what is found in them is what text by text finds."""

from __future__ import annotations

from itertools import islice, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.search import letters as letters_module
from drafter.core.search.index import SearchIndex
from drafter.core.search.letters import scan
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
        for patterns in (keyword.patterns, keyword.fuzzy, keyword.halves):
            readings = batch.readings(patterns, cap)
            for text in folded:
                spelled = speller.spell(text)
                alone = [
                    (n, *m.span())
                    for n, pattern in enumerate(patterns)
                    for m in islice(speller.regex(pattern).finditer(spelled), cap)
                ]
                assert readings.spans(text) == alone
                assert readings.first(text) == min((s for _, s, _ in alone), default=-1)


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


@given(
    st.lists(st.text(alphabet="重新党员教育支部书记长行", max_size=8), min_size=1, max_size=80),
    st.sampled_from(["z", "zx", "zxd", "dyjy", "zbsj", "hzx", "zz", "xj", "c", "cxd"]),
    st.integers(1, 64),
    st.data(),
)
def test_initials_scanned_as_arrays_are_those_bytes_find_finds(
    texts: list[str], letters: str, chunk: int, data: st.DataObject
) -> None:
    index = SearchIndex(texts)
    starts, needle = index.starts, letters.encode()
    cuts = sorted(set(data.draw(st.lists(st.integers(0, index.size), max_size=6))))
    bounds = [0, *cuts, index.size]
    stretches = [(a, b) for a, b in pairwise(bounds) if a < b][::2]  # every other one
    for haystack in (index.letters, index.letters2):
        expected = []
        for first, end in stretches:
            for i in range(first, end):
                at = haystack.find(needle, starts[i], starts[i + 1])
                if at >= 0:
                    expected.append((i, at - starts[i]))
        # small chunks: stretches cut and read in pieces
        letters_module.CHUNK, letters_module.FIRST_CHUNK = 2 * chunk, chunk
        try:
            assert list(scan(haystack, needle, starts, stretches)) == expected
        finally:
            letters_module.CHUNK, letters_module.FIRST_CHUNK = 1 << 17, 1 << 14

"""Folding for search, and the positions that map matches back onto the original text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.search.build import fold_many
from drafter.core.search.fold import (
    _plain_regexes,
    fold,
    fold_with_positions,
    folded_positions,
    warm_positions,
)
from drafter.core.search.index import SearchIndex
from drafter.core.search.postings import FIRST_TEXTS

Place = tuple[int, int]  # (entry, where in its folded text)

# Chinese, ASCII, full-width forms, CJK punctuation and a few characters that NFKC expands
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
        st.characters(min_codepoint=0x3000, max_codepoint=0x3011),
        st.sampled_from("①⑩㈠ﬁ“”—…·\u3000\t\n"),
    ),
    max_size=40,
)


def test_fold_drops_punctuation_width_case_and_spaces() -> None:
    assert fold("加强ＡＰＰ建设，（党员） Ｔｅｓｔ 12") == "加强app建设党员test12"
    assert fold("，。！？、“”") == ""


@given(TEXT)
def test_fold_is_stable(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.lists(TEXT, max_size=8))
def test_folding_texts_together_folds_each_as_alone(texts: list[str]) -> None:
    assert fold_many(texts) == [fold(t) for t in texts]
    assert fold_many([*texts, "党员，Ａ"]) == [*map(fold, texts), "党员a"]
    assert fold_many([*texts, "党\x00员"]) == [*map(fold, texts), "党员"]


@given(TEXT)
def test_positions_point_at_the_characters_that_fold_to_each_one(text: str) -> None:
    folded, slow = fold_with_positions(text)
    assert folded == fold(text)
    for compiled in (False, True):  # short texts are mapped back with regexes once compiled
        if compiled:
            warm_positions()
        else:
            _plain_regexes.cache_clear()
        fast = folded_positions(text)
        assert fast == slow and len(fast) == len(folded)
        assert fast == sorted(fast) and all(0 <= p < len(text) for p in fast)
        for n, p in enumerate(fast):
            assert folded[n] in fold(text[p])
        for upto in (0, 1, len(folded) // 2):  # a highlight asks for the first few only
            assert folded_positions(text, upto) == slow[:upto]


def test_index_keeps_each_text_apart_and_finds_initials_under_either_reading() -> None:
    index = SearchIndex(["重新修订制度", "党员教育，重要", "银行"])
    assert [index.text(i) for i in range(3)] == ["重新修订制度", "党员教育重要", "银行"]
    assert [i for i, _ in index.find_initials("cx", 10)] == [0]  # 重 read chong
    assert [i for i, _ in index.find_initials("zy", 10)] == [1]  # 重 read zhong
    assert dict(index.find_initials("dyjy", 10)) == {1: 0}
    assert "形式" in SearchIndex(["形式主义"]).homophones("形", "势")


def test_the_quick_way_back_agrees_with_nfkc_on_every_character_it_takes() -> None:
    from drafter.core.search.fold import _LONG, _plain_regexes, folded_positions

    ranges = [(0x20, 0x7E), (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1)] + list("“”‘’—…·")
    taken = [c for c in chars if _plain_regexes()[0].fullmatch(c)]
    assert len(taken) > 20_000
    pad = "党" * _LONG  # long enough to be mapped back with the regexes
    for c in taken:
        assert folded_positions(pad + c) == fold_with_positions(pad + c)[1], repr(c)
    assert fold("〸Ａ") == "十a" and folded_positions(pad + "〸Ａ")[-2:] == [_LONG, _LONG + 1]


@given(st.lists(st.text(alphabet="党员教育，a", max_size=6), max_size=30), st.sampled_from("党员a"))
def test_one_character_is_found_in_the_same_texts_and_places_as_a_scan(
    texts: list[str], char: str
) -> None:
    index = SearchIndex(texts, extras=["育" if n % 3 else "" for n in range(len(texts))])
    scanned = list(index.scan(re.compile(re.escape(char))))
    assert list(index.find_char(char)) == scanned


def test_a_common_character_is_found_past_the_texts_its_postings_keep() -> None:
    # more texts hold 党 than its postings keep: the later ones are still found, in order
    texts = ["党员"] * FIRST_TEXTS + ["教育"] * 5 + ["加强党建", "党"]
    found = list(SearchIndex(texts).find_char("党"))
    assert [i for i, _ in found] == [*range(FIRST_TEXTS), FIRST_TEXTS + 5, FIRST_TEXTS + 6]
    assert found[-2:] == [(FIRST_TEXTS + 5, 2), (FIRST_TEXTS + 6, 0)]


def _syllable_lookup(index: SearchIndex, syllable: str) -> tuple[list[Place], list[Place]]:
    """(what the lookup of a typed syllable finds, what a scan of the bank finds)."""
    from drafter.core.search.candidates import _listed
    from drafter.core.search.pinyin import parse
    from drafter.core.search.query import chars_reading, pattern_regex

    regex = pattern_regex(parse(syllable, index.table)[0], index.table, index.present)
    chars = chars_reading(index, syllable)
    scanned = list(index.scan(regex))
    # with other keywords, the same texts (where it is in them is not needed)
    unplaced = [i for i, _ in _listed(index, chars, regex, placed=False)]
    assert unplaced == [i for i, _ in scanned]
    return list(_listed(index, chars, regex, placed=True)), scanned


@settings(deadline=None)  # the first example may load the pinyin table
@given(st.lists(st.text(alphabet="党当挡员教育，a", max_size=6), max_size=30))
def test_a_typed_syllable_is_found_in_the_same_texts_and_places_as_a_scan(
    texts: list[str],
) -> None:
    index = SearchIndex(texts, extras=["当" if n % 3 else "" for n in range(len(texts))])
    looked_up, scanned = _syllable_lookup(index, "dang")
    assert looked_up == scanned


def test_a_typed_syllable_is_found_past_the_texts_its_characters_postings_keep() -> None:
    # 党's postings are full: texts holding 当 after them are found by a scan, in order
    texts = ["党员"] * FIRST_TEXTS + ["当前", "教育", "挡住党"]
    looked_up, scanned = _syllable_lookup(SearchIndex(texts), "dang")
    assert looked_up == scanned
    assert looked_up[-2:] == [(FIRST_TEXTS, 0), (FIRST_TEXTS + 2, 0)]


@given(
    st.lists(st.text(alphabet="重新党员教育支部书记长行", max_size=8), max_size=25),
    st.lists(st.sampled_from(["z", "zx", "zxd", "c", "cx", "dy", "dyj", "dyjy", "h", "hz"])),
    st.integers(1, 30),
)
def test_initials_typed_a_letter_at_a_time_find_what_a_fresh_index_finds(
    texts: list[str], typed: list[str], cap: int
) -> None:
    warm = SearchIndex(texts)
    for letters in typed:  # earlier lookups are remembered and narrow later ones
        assert list(warm.find_initials(letters, cap)) == list(
            SearchIndex(texts).find_initials(letters, cap)
        )


TYPED_INITIALS = ["zxd", "cxd", "dyjy", "zbsj", "hzx", "xzb", "sjz", "jyz", "czx", "zhz"]
TYPED_INITIALS += ["zx", "dy", "cx", "hz", "jy", "bs", "zz", "xj"]  # two letters: in runs or alone


@given(
    st.lists(st.text(alphabet="重新党员教育支部书记长行", max_size=8), min_size=60, max_size=400),
    st.sampled_from(TYPED_INITIALS),
    st.integers(1, 40),
)
def test_initials_looked_for_in_their_blocks_are_those_a_whole_scan_finds(
    texts: list[str], letters: str, cap: int
) -> None:
    index, scanned = SearchIndex(texts), SearchIndex(texts)
    scanned._blocks = b""  # no blocks: the joined initials are scanned whole
    assert list(index.find_initials(letters, cap)) == list(scanned.find_initials(letters, cap))

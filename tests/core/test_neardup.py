"""Near-duplicate index: the same answers as comparing every pair with rapidfuzz."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from drafter.core.bank.neardup import NEAR_DUPLICATE, DuplicateIndex, prefix_length

_ALPHABET = list("党员支部学习制度落实")


def _brute_force(texts: list[str]) -> list[bool]:
    kept: list[str] = []
    out = []
    for text in texts:
        duplicate = any(fuzz.ratio(text, k) >= NEAR_DUPLICATE for k in kept)
        out.append(duplicate)
        if not duplicate:
            kept.append(text)
    return out


@st.composite
def _edited_copies(draw: st.DrawFn) -> list[str]:
    """A text and copies with a few random edits: many pairs sit right at the threshold."""
    base = draw(st.text(alphabet=st.sampled_from(_ALPHABET), min_size=10, max_size=60))
    texts = [base]
    for _ in range(draw(st.integers(1, 8))):
        chars = list(draw(st.sampled_from(texts)))
        for _ in range(draw(st.integers(0, max(1, len(chars) // 8)))):
            at = draw(st.integers(0, len(chars)))
            edit = draw(st.sampled_from(["insert", "delete", "replace"]))
            if edit == "insert" or at == len(chars):
                chars.insert(at, draw(st.sampled_from(_ALPHABET)))
            elif edit == "delete":
                del chars[at]
            else:
                chars[at] = draw(st.sampled_from(_ALPHABET))
        texts.append("".join(chars))
    return texts


def test_near_duplicates_are_found_and_others_kept() -> None:
    texts = [
        "有的支部学习以念文件为主，讨论交流少，党员参与的积极性不高。",
        "有的支部学习以读文件为主，讨论交流少，党员参与的积极性不高。",  # one character off
        "有的支部学习以念文件为主，讨论交流少，党员参与的积极性不高。",  # exact repeat
        "每季度至少开展一次主题党日，做到有计划、有记录、有反馈。",
    ]
    index = DuplicateIndex(texts)
    assert [index.add(t) is not None for t in texts] == [False, True, True, False]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_ALPHABET), min_size=1, max_size=30), max_size=25))
def test_prefix_filtering_misses_nothing(texts: list[str]) -> None:
    index = DuplicateIndex(texts)
    assert [index.add(t) is not None for t in texts] == _brute_force(texts)


@settings(max_examples=300, deadline=None)
@given(_edited_copies(), st.integers(0, 9))
def test_a_partial_sample_misses_nothing_at_the_threshold(texts: list[str], known: int) -> None:
    # A harvest ranks bigrams on the first files only; texts read later bring new bigrams.
    index = DuplicateIndex(texts[:known])
    assert [index.add(t) is not None for t in texts] == _brute_force(texts)


@settings(max_examples=200, deadline=None)
@given(_edited_copies())
def test_nearest_names_the_closest_earlier_text(texts: list[str]) -> None:
    index = DuplicateIndex(texts, budget=None)
    for j, text in enumerate(texts):
        expected = process.extractOne(
            text, texts[:j], scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE
        )
        found = index.nearest(text)
        if expected is None:
            assert found is None
        else:
            assert found is not None
            assert found == (expected[0], expected[1])  # of equally close texts, the first


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="党员a\U0001f600", max_size=6), max_size=20), st.integers(0, 20))
def test_short_texts_and_astral_characters_are_matched_like_any_other(
    texts: list[str], known: int
) -> None:
    # Empty and one-character texts are their own gram; emoji are single characters.
    index = DuplicateIndex(texts[:known])
    assert [match is not None for match in index.add_many(texts)] == _brute_force(texts)


def test_prefix_length_follows_the_edit_bound() -> None:
    # Ratio 90 lets a 40-character text lose at most 14 of its bigrams to a near-duplicate.
    assert prefix_length(40, 39) == 14 + 1
    assert prefix_length(2, 1) == 1  # so short a text can only repeat exactly
    assert prefix_length(100, 5) == 5  # never more grams than the text has

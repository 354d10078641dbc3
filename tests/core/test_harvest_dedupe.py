"""Near-duplicate index: the same answers as comparing every pair with rapidfuzz."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from drafter.core.harvest.dedupe import NEAR_DUPLICATE, DuplicateIndex, prefix_length


def _brute_force(texts: list[str]) -> list[bool]:
    kept: list[str] = []
    out = []
    for text in texts:
        duplicate = any(fuzz.ratio(text, k) >= NEAR_DUPLICATE for k in kept)
        out.append(duplicate)
        if not duplicate:
            kept.append(text)
    return out


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
@given(
    st.lists(
        st.text(alphabet=st.sampled_from(list("党员支部学习制度落实")), min_size=1, max_size=30),
        max_size=25,
    )
)
def test_prefix_filtering_misses_nothing(texts: list[str]) -> None:
    index = DuplicateIndex(texts)
    assert [index.add(t) is not None for t in texts] == _brute_force(texts)


def test_prefix_length_follows_the_edit_bound() -> None:
    assert prefix_length(40, 39) == 2 * 8 + 1  # ratio 90 allows 8 edits on 40 characters
    assert prefix_length(3, 2) == 1  # so short a text can only repeat exactly
    assert prefix_length(100, 5) == 5  # never more grams than the text has

"""Typed pinyin: readings of polyphonic characters, and how typed letters are split."""

from __future__ import annotations

import pytest

from drafter.core.search.pinyin import initials_of, parse, pinyin_table


def readings(token: str) -> list[str]:
    """Each way `token` is read, as 'san hui yi ke' (a * marks an initial or a prefix)."""
    table = pinyin_table()
    return [" ".join(u.text + ("" if u.full else "*") for u in p) for p in parse(token, table)]


@pytest.mark.parametrize(
    ("char", "both"),
    [
        ("重", {"zhong", "chong"}),
        ("行", {"xing", "hang"}),
        ("长", {"chang", "zhang"}),
        ("调", {"diao", "tiao"}),
        ("绿", {"lv"}),
    ],
)
def test_polyphonic_characters_keep_their_readings_without_tones(char: str, both: set[str]) -> None:
    assert both <= set(pinyin_table().readings[char])


@pytest.mark.parametrize(
    ("token", "first"),
    [
        ("sanhuiyike", "san hui yi ke"),
        ("dangyuan", "dang yuan"),
        ("xian", "xian"),  # one syllable, not xi an
        ("dyjy", "d* y* j* y*"),
        ("dangyjy", "dang y* j* y*"),  # whole syllables and initials mixed
        ("dangyua", "dang yua*"),  # the last syllable still being typed
    ],
)
def test_typed_letters_split_into_syllables_and_initials(token: str, first: str) -> None:
    assert readings(token)[0] == first


def test_ambiguous_letters_offer_every_cheapest_reading() -> None:
    assert {"fang an", "fan gan"} <= set(readings("fangan"))
    # sh may be one initial (sh|y|k) or two (s|h|y|k, as in 三会一课)
    assert {"sh* y* k*", "s* h* y* k*"} <= set(readings("shyk"))
    assert initials_of(parse("shyk", pinyin_table())[-1]) == "shyk"


@pytest.mark.parametrize("token", ["", "ivu", "中文", "abc1"])
def test_what_cannot_be_pinyin_has_no_reading(token: str) -> None:
    assert readings(token) == []


def test_the_table_is_cached_between_processes(drafter_home: object) -> None:
    from pathlib import Path

    pinyin_table.cache_clear()
    table = pinyin_table()
    assert list((Path(str(drafter_home)) / "cache").glob("pinyin-*.drc"))
    pinyin_table.cache_clear()
    assert pinyin_table().readings == table.readings

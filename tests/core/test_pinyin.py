"""Typed pinyin: readings of polyphonic characters, and how typed letters are split."""

from __future__ import annotations

import pytest

from drafter.core.search.pinyin import initials_of, parse, pinyin_table

CODES = 0xFAFF - 0x3400 + 1
"""Code points the table numbers: the CJK ranges, 㐀 to the compatibility ideographs."""


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
    cached = pinyin_table()
    assert cached.readings == table.readings
    # looked up in the cached table without the dict: the same for every character
    for char in [*table.readings, "a", "。", "\U00020000", "\uf8ff"]:
        assert cached.readings_of(char) == table.readings.get(char, ())
    assert cached.readings_of("重") == ("zhong", "chong")


@pytest.mark.parametrize(
    "sections",
    [
        {"lists": b";a,b", "by_code": bytes(4)},  # not every character of the ranges
        {"lists": b";a,b", "by_code": b"\x07\x00" * CODES},  # a list that is not there
        {"lists": b";a,B", "by_code": b"\x01\x00" * CODES},  # not a syllable
    ],
)
def test_a_planted_table_is_rebuilt_with_one_line_of_notice(
    drafter_home: object, capsys: pytest.CaptureFixture[str], sections: dict[str, bytes]
) -> None:
    from drafter.core.files import cachefile
    from drafter.core.search.pinyin import data_stamp

    cachefile.write("pinyin", data_stamp(), {}, sections)
    pinyin_table.cache_clear()
    assert pinyin_table().readings_of("党") == ("dang",)
    notice = capsys.readouterr().err
    assert notice.count("\n") == 1 and "unreadable table" in notice
    pinyin_table.cache_clear()

"""Topic tagging from the editable keyword map."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core.harvest.topics import KeywordMapError, TopicTagger
from drafter.core.vocab import TOPICS


def test_the_shipped_map_covers_every_topic_with_valid_keys() -> None:
    tagger = TopicTagger.load()
    assert set(tagger.topic_of.values()) == set(TOPICS)
    assert tagger.fallback in TOPICS


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("有的支部“三会一课”记录不全，主题党日流于形式。", "org-life"),
        ("村级活动场所面积偏小，办公经费保障不足。", "support"),
        ("入党积极分子培养考察不够严格，发展党员把关不严。", "members"),
        ("个别干部存在形式主义、官僚主义问题。", "conduct"),
    ],
)
def test_phrases_get_their_best_topic_first(text: str, topic: str) -> None:
    tagger = TopicTagger.load()
    assert tagger.pick(tagger.scores(text))[0] == topic


def test_headings_above_help_and_the_default_fills_in() -> None:
    tagger = TopicTagger.load()
    assert tagger.pick(tagger.scores("这方面还需要改进。", "党员队伍")) == ["members"]
    assert tagger.pick(tagger.scores("这方面还需要改进。"), "support") == ["support"]
    assert tagger.pick(tagger.scores("这方面还需要改进。")) == [tagger.fallback]


def test_a_custom_map_replaces_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text("fallback: masses\ntopics:\n  discipline: [查摆]\n", encoding="utf-8")
    tagger = TopicTagger.load(path)
    assert tagger.pick(tagger.scores("认真查摆问题。")) == ["discipline"]
    assert tagger.pick(tagger.scores("其他内容。")) == ["masses"]


@pytest.mark.parametrize(
    ("content", "message", "line"),
    [
        ("topics:\n  politics: [政治]\n", "没有 politics 这个主题", 2),
        ("topics:\n  theory: 学习\n", "应写词语的列表", 2),
        ("fallback: nothing\ntopics: {}\n", "没有 nothing 这个主题（fallback）", 1),
        ("- just a list\n", "topics:", 1),
    ],
)
def test_a_broken_map_names_file_and_line(
    tmp_path: Path, content: str, message: str, line: int
) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KeywordMapError, match=message) as caught:
        TopicTagger.load(path)
    assert caught.value.path == path and caught.value.line == line


def test_a_phrase_without_keywords_follows_its_paragraph_not_the_file() -> None:
    tagger = TopicTagger.load()
    members = "入党积极分子培养考察不够严格，发展党员把关不严。"
    support = "村级活动场所面积偏小，办公经费保障不足。"
    plain = "这方面还需要改进。"
    topics = tagger.tag_all(
        [(members, "", 1), (members, "", 1), (support, "", 2), (plain, "", 2), (plain, "", 3)]
    )
    assert topics[2] == topics[3] == ["support"]  # the sentence before it, same paragraph
    assert topics[4] == ["members"]  # first of its paragraph: the file's leading topic

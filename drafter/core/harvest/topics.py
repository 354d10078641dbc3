"""Topic tags for harvested phrases, from an editable keyword map (topic_keywords.yaml).

A phrase scores each topic by the keywords it contains, longer words weighing more; the
headings above it count half. It gets its best topic and a runner-up that scores nearly
as well. A phrase that names no keyword, under headings that name none, takes the topics
of the phrase before it in the same paragraph (it goes on about the same thing), and only
the first of a paragraph falls back to its document's leading topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.files.fsio import read_text
from drafter.core.files.yamlio import load_yaml
from drafter.core.text.trie import trie_pattern
from drafter.core.vocab import TOPICS

RUNNER_UP = 0.7  # a second topic must score at least this share of the best one


class KeywordMapError(DrafterError):
    """A topic keyword map that cannot be used."""

    noun = "关键词表"


def default_keyword_file() -> Path:
    """The keyword map shipped with drafter."""
    return Path(str(resources.files("drafter.core.harvest") / "topic_keywords.yaml"))


class TopicTagger:
    """Scores text against the keyword map with one regular expression."""

    def __init__(self, keywords: dict[str, list[str]], fallback: str):
        self.fallback = fallback
        self.topic_of: dict[str, str] = {}
        for topic, words in keywords.items():
            for word in words:
                self.topic_of.setdefault(word, topic)
        self._re = re.compile(trie_pattern(list(self.topic_of))) if self.topic_of else None
        self._context: dict[str, Counter[str]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> TopicTagger:
        """Read a keyword map (default: the shipped one); KeywordMapError names what is wrong."""
        path = path or default_keyword_file()
        data, lines = load_yaml(read_text(path, KeywordMapError), path, KeywordMapError)
        if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
            raise KeywordMapError("关键词表要有 topics:（主题: [词语]）", path, 1)
        keywords: dict[str, list[str]] = {}
        for topic, words in data["topics"].items():
            line = lines.line(("topics", topic))
            if topic not in TOPICS:
                raise KeywordMapError(f"没有 {topic} 这个主题", path, line)
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise KeywordMapError(f"{topic}：应写词语的列表", path, line)
            keywords[str(topic)] = [w.strip() for w in words if w.strip()]
        fallback = data.get("fallback", "organization")
        if fallback not in TOPICS:
            raise KeywordMapError(
                f"没有 {fallback} 这个主题（fallback）", path, lines.line(("fallback",))
            )
        return cls(keywords, str(fallback))

    def _score(self, text: str, weight: int) -> Counter[str]:
        score: Counter[str] = Counter()
        if self._re is not None:
            for word in self._re.findall(text):
                score[self.topic_of[word]] += weight * len(word)
        return score

    def own(self, text: str) -> Counter[str]:
        """Topic → score for a phrase's own words."""
        return self._score(text, 2)

    def headings(self, context: str) -> Counter[str]:
        """Topic → score for the headings above a phrase (half weight; cached, as the same
        headings stand over many phrases)."""
        if context not in self._context:
            self._context[context] = self._score(context, 1)
        return self._context[context]

    def scores(self, text: str, context: str = "") -> Counter[str]:
        """Topic → score for a phrase and, at half weight, the headings above it."""
        score = self.own(text)
        if context:
            score.update(self.headings(context))
        return score

    def tag_all(self, phrases: Sequence[tuple[str, str, int]]) -> list[list[str]]:
        """Topics for a document's (text, headings, paragraph) triples, in order."""
        scores = [self.scores(text, context) for text, context, _ in phrases]
        overall: Counter[str] = Counter()
        for score in scores:
            overall.update(score)
        leading = self.pick(overall)[0]
        out: list[list[str]] = []
        for k, score in enumerate(scores):
            if score or not out or phrases[k - 1][2] != phrases[k][2]:
                out.append(self.pick(score, leading))
            else:
                out.append(out[-1])  # 这方面还需要改进: the same as the sentence before
        return out

    def pick(self, score: Counter[str], default: str | None = None) -> list[str]:
        """The best topic and a close runner-up; `default` (or the fallback) when none scores."""
        ranked = score.most_common(2)
        if not ranked or ranked[0][1] <= 0:
            return [default or self.fallback]
        best = [ranked[0][0]]
        if len(ranked) > 1 and ranked[1][1] >= RUNNER_UP * ranked[0][1]:
            best.append(ranked[1][0])
        return best

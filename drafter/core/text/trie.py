"""Many literal words as one regular expression that re scans quickly."""

from __future__ import annotations

import re


def trie_pattern(words: list[str]) -> str:
    """A pattern matching, at each place, the longest of `words` that starts there.

    Words sharing a beginning share a branch: the scan tries one branch per character
    instead of every word (`ab|a`, longest first, finds the same matches slower). Words are
    non-empty; no words give a pattern that never matches.
    """
    words = list(dict.fromkeys(words))
    if not words:
        return "(?!)"
    if len(words) == 1:
        return re.escape(words[0])
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [
        re.escape(ch) + (trie_pattern(rests) if rests != [""] else "")
        for ch, rests in heads.items()
    ]
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if ends:  # a word ends here: the longer words are tried first
        return f"(?:{body})?" if len(branches) == 1 else f"{body}?"
    return body

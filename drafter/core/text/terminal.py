"""Text made safe to print on a terminal: what every command that prints a file name or a
phrase needs, without norm.py's patterns (milliseconds to compile at each start)."""

from __future__ import annotations

import re

# What a terminal acts on rather than shows: C0 and C1 controls (ESC starts a sequence that
# can move the cursor or rewrite the title, CR overwrites a line), DEL, the Unicode line and
# paragraph separators, and bidirectional overrides that reorder what is shown.
TERMINAL_CONTROL_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def for_terminal(text: str) -> str:
    """`text` safe to print: each terminal control shown as an escape (\\x1b, \\u2028);
    new lines and tabs stay."""
    return TERMINAL_CONTROL_RE.sub(lambda m: ascii(m.group())[1:-1], text)

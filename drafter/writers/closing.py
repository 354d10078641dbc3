"""Where the signature and date sit (GB/T 9704 §7.3.5), in character widths from the right.

Pure arithmetic, kept apart from the Word writer so the rule is readable and testable:

- sealed (§7.3.5.1): the date 右空四字; the signature centred over the date.
- unsealed (§7.3.5.2): the signature 右空二字; the date on the next line, its first character
  two to the right of the signature's first; a date longer than that makes the date
  右空二字 and moves the signature left to keep the two-character step.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.text.titlebreak import text_width

SEALED_DATE_RIGHT = 4.0
UNSEALED_RIGHT = 2.0
DATE_STEP = 2.0  # the date's first character sits two to the right of the signature's


@dataclass(frozen=True)
class ClosingIndents:
    """Right indents, in full-width characters, of the signature lines and the date."""

    signature: float
    date: float


def closing_indents(signatures: list[str], date: str, *, sealed: bool) -> ClosingIndents:
    """The right indents that put signature and date where the standard asks."""
    widest = max((text_width(s) for s in signatures), default=0.0)
    date_width = text_width(date)
    if sealed:
        if not date:
            return ClosingIndents(SEALED_DATE_RIGHT, SEALED_DATE_RIGHT)
        centre = SEALED_DATE_RIGHT + date_width / 2
        return ClosingIndents(max(0.0, centre - widest / 2), SEALED_DATE_RIGHT)
    date_right = UNSEALED_RIGHT + widest - DATE_STEP - date_width
    if date_right >= UNSEALED_RIGHT:
        return ClosingIndents(UNSEALED_RIGHT, date_right)
    return ClosingIndents(UNSEALED_RIGHT + date_width + DATE_STEP - widest, UNSEALED_RIGHT)

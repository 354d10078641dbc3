"""Named slots in phrase and draft text: {单位}, {党员数} …

A slot is a name of 1–8 Chinese characters in single braces. Values come from the draft's
`slots`, and a few names from its meta; a slot without a value is never invented: it prints
as 【待补：名称】 so the gap is plain to see.
"""

from __future__ import annotations

import re

from drafter.core.model import Draft
from drafter.core.text.numbering import year_of

SLOT_RE = re.compile(r"\{([\u4e00-\u9fff]{1,8})\}")
# Anything in single braces that looks meant as a slot but is not a valid one.
LOOSE_SLOT_RE = re.compile(r"\{([^{}\n]{0,20})\}")
PENDING = "【待补：{name}】"

# Slot names the draft's meta answers.
META_SLOTS = {"单位": "unit", "署名": "signature", "标题": "title"}


def slot_names(text: str) -> list[str]:
    """The slot names in text, in order, without repeats."""
    return list(dict.fromkeys(SLOT_RE.findall(text)))


def slot_summary(text: str, values: dict[str, str]) -> str:
    """The slots of `text` with their values, as the editor shows them beside the raw
    text: 村数＝12　支部数＝【待补】 ('' when the text has none)."""
    return "　".join(f"{n}＝{values.get(n) or '【待补】'}" for n in slot_names(text))


def known_values(draft: Draft) -> dict[str, str]:
    """Slot values the draft already knows: its slots, then its meta."""
    values = {name: getattr(draft.meta, attr) for name, attr in META_SLOTS.items()}
    if draft.meta.date:
        values["年份"] = year_of(draft.meta.date)
    values.update(draft.slots)
    return {k: v for k, v in values.items() if v}


def fill(text: str, values: dict[str, str], *, pending: bool = True) -> tuple[str, list[str]]:
    """Replace slots with values; return the text and the names left unfilled.

    With `pending`, unfilled slots print as 【待补：名称】; otherwise they stay as {名称}.
    """
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        missing.append(name)
        return PENDING.format(name=name) if pending else match.group(0)

    return SLOT_RE.sub(replace, text), missing


def pending_by_section(draft: Draft) -> dict[str, list[str]]:
    """Slots still to fill (they print as 【待补】), per section id, in reading order.

    A skeleton leaves one for every fact only the user knows; this is the count the
    review shows, as work to do rather than as a fault of the draft.
    """
    from drafter.core.model import iter_points, paragraph_text

    values = known_values(draft)
    out: dict[str, list[str]] = {}
    for section in draft.sections:
        texts = [section.intro or "", *(paragraph_text(p) for p in section.body)]
        for point in iter_points(section.points):
            texts += [point.heading, *(paragraph_text(p) for p in point.body)]
        names = [n for text in texts for n in slot_names(text) if n not in values]
        if names:
            out[section.id] = names
    return out

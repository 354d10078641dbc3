"""What a wizard step shows beside its phrases: the ✓ used and ↳ linked marks, the problems
not yet answered, and the note under the results.

Pure functions of the draft, the report kind and the bank, so the wizard's step widget only
displays them. "Unanswered" is the review checks' answer matrix (drafter.core.checks.
matrix), the same one A001 reads: the wizard and `drafter check` never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.core.bank.loading import Bank, Entry
from drafter.core.checks.matrix import PointRef, answer_matrix
from drafter.core.model import Draft, Point, iter_points
from drafter.core.report.kinds import ReportKind
from drafter.core.vocab import GENERAL_SCENE

ANSWERING_ROLES = ("cause", "countermeasure", "plan")
"""Bank sections whose points answer the problems (plan: 下步打算 of a 工作总结)."""
LINKED_MARK = "↳"  # no space after it: the text (one long CJK "word") then wraps with it
USED_MARK = "✓"
LINK_NAMES = {"cause": "关联原因", "countermeasure": "关联对策"}
"""The problem step's note: the roles a problem's phrases link to, as labelled."""


@dataclass(frozen=True)
class OpenProblem:
    """A problem point nothing of one answering role takes up yet."""

    ref: PointRef
    suggestions: list[Entry] = field(default_factory=list)
    """Bank entries of that role its phrases link to (and fit the draft's scene)."""


def used_phrases(draft: Draft) -> set[str]:
    """Ids of every phrase the draft's points record."""
    return {
        phrase
        for section in draft.sections
        for point in iter_points(section.points)
        for phrase in point.phrases
    }


def fits_scene(entry: Entry, scene: str) -> bool:
    """A general entry (通用) fits every draft; one for some scenes, a draft of one of them."""
    scenes = entry.scenes
    return scene == GENERAL_SCENE or not scenes or GENERAL_SCENE in scenes or scene in scenes


def links_of(bank: Bank, point: Point, role: str, scene: str = GENERAL_SCENE) -> list[Entry]:
    """Entries of `role` the point's phrases link to; a countermeasure also through a linked
    cause (a problem → its cause → that cause's remedy)."""
    ids = [p for sub in iter_points([point]) for p in sub.phrases]
    linked = bank.linked_from(ids, role)
    if role != "cause":
        causes = bank.linked_from(ids, "cause")
        linked += [e for e in bank.linked_from([c.id for c in causes], role) if e not in linked]
    return [e for e in linked if fits_scene(e, scene)]


def open_problems(
    draft: Draft, kind: ReportKind, bank: Bank | None, role: str
) -> list[OpenProblem]:
    """The problems no point of `role` answers yet (none when the kind has no such part)."""
    if role not in ANSWERING_ROLES or not any(s.bank_section == role for s in kind.sections):
        return []
    matrix = answer_matrix(draft, kind, bank)
    out = []
    for i in matrix.unanswered(role):
        ref = matrix.problems[i]
        point = draft.section(ref.section).points[ref.path[0]]
        found = links_of(bank, point, role, draft.meta.scene) if bank is not None else []
        out.append(OpenProblem(ref, found))
    return out


def linked_entries(draft: Draft, kind: ReportKind, bank: Bank | None, role: str) -> list[Entry]:
    """Phrases of `role` that would answer a problem not yet answered, without repeats."""
    seen: dict[str, Entry] = {}
    for problem in open_problems(draft, kind, bank, role):
        for entry in problem.suggestions:
            seen.setdefault(entry.id, entry)
    return list(seen.values())


def mark(entry_id: str, linked: set[str], used: set[str]) -> str:
    """↳ for a phrase that answers an open problem, ✓ for one the draft uses already."""
    return LINKED_MARK if entry_id in linked else USED_MARK if entry_id in used else ""


def short(text: str, width: int = 18) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def step_note(
    draft: Draft, kind: ReportKind, bank: Bank | None, role: str, point: int | None, section: str
) -> str:
    """The note under a step's results: in the problem step the causes and countermeasures
    the selected problem links to; in an answering step the problems not yet answered."""
    if bank is None:
        return ""
    if role == "problem":
        points = draft.section(section).points
        if point is None or point >= len(points):
            return ""
        scene = draft.meta.scene
        lines = []
        for link_role, name in LINK_NAMES.items():
            entries = bank.linked_from(points[point].phrases, link_role)
            entries = [e for e in entries if fits_scene(e, scene)]
            if entries:
                lines.append(f"{name}：" + "；".join(short(e.text) for e in entries[:3]))
        return "\n".join(lines)
    problems = open_problems(draft, kind, bank, role)
    if not problems:
        return ""
    heads = "；".join(p.ref.label + short(p.ref.heading or "（无标题）", 12) for p in problems)
    note = f"尚未回应的问题：{heads}"
    if any(p.suggestions for p in problems):
        note += f"\n{LINKED_MARK}标出的短语可回应它们"
    return note


def kind_cues(
    kind: ReportKind, kinds: dict[str, ReportKind], role: str
) -> tuple[set[str], set[str]]:
    """(words that suit `kind`'s `role` section, words that suit only other kinds' one): a
    survey's closing holds 调研, a rectification report's 整改 (kind.yaml skeleton.cues)."""
    own = set(kind.spec.skeleton.cues.get(role, ()))
    others = {
        w for k in kinds.values() if k.id != kind.id for w in k.spec.skeleton.cues.get(role, ())
    }
    return own, others - own


def kind_rank(text: str, cues: tuple[set[str], set[str]]) -> int:
    """How well a phrase suits the draft's kind: 0 holds one of the kind's own cue words,
    1 holds none of any kind's, 2 holds only another kind's (a survey's closing: 整改 …)."""
    own, foreign = cues
    if any(w in text for w in own):
        return 0
    return 2 if any(w in text for w in foreign) else 1

"""Writing a skeleton's sections: each report role filled from the threads (a matter's
problem, cause and countermeasure headings) with the bank sentences that fit them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drafter.core.bank.loading import Entry
from drafter.core.model import Paragraph, Point, Section
from drafter.core.report.kinds import ReportKind
from drafter.core.skeleton import parallel
from drafter.core.skeleton.pool import Matter, Pool
from drafter.core.skeleton.request import SkeletonRequest


def roles_of(kind: ReportKind) -> set[str]:
    return {s.bank_section for s in kind.sections}


def remedy_role(kind: ReportKind) -> str | None:
    """The section that answers the problems: 对策 where the kind has it, else 下步打算."""
    roles = roles_of(kind)
    return next((r for r in ("countermeasure", "plan") if r in roles), None)


@dataclass
class Thread:
    """One matter through the report: its problem, cause and countermeasure headings."""

    matter: Matter
    problem: Entry
    cause: Entry | None = None
    remedy: Entry | None = None


class Filler:
    """Writes each section of the kind from the threads (one method per bank role)."""

    def __init__(
        self, kind: ReportKind, pool: Pool, request: SkeletonRequest, threads: list[Thread]
    ):
        self.kind = kind
        self.pool = pool
        self.request = request
        self.threads = threads
        self.facts = kind.spec.skeleton.facts
        self.cues = kind.spec.skeleton.cues
        self.by_role: dict[str, Callable[[Section], None]] = {
            "opening": lambda s: self.framing(s, "opening", ("overview", "intro")),
            "situation": self.situation,
            "practice": lambda s: self.mirror(s, "practice", ("measure",)),
            "achievement": lambda s: self.mirror(s, "achievement", ("progress",)),
            "problem": self.problems,
            "cause": self.causes,
            "countermeasure": self.remedies,
            "plan": self.plan,
            "closing": lambda s: self.framing(s, "closing", ("pledge",)),
        }

    # -- sentences ---------------------------------------------------------------------

    def sentence(
        self, section: str, matter: Matter | None, moves: tuple[str, ...], near: list[Entry]
    ) -> Entry | None:
        """The best unused sentence of a section and move, preferring ones linked with
        `near` (the point's headings) either way, then the scene's own."""
        ids = {e.id for e in near}
        linked_ids = {i for e in near for i in e.links}

        def score(entry: Entry) -> tuple[int, int]:
            tie = (entry.id in linked_ids) + bool(ids & set(entry.links))
            return (-tie, -self.pool.scene_fit(entry))

        found = [e for e in self.pool.of(section, matter, moves=moves) if e.kind != "heading"]
        if not found:
            return None
        found.sort(key=score)
        best = [e for e in found if score(e) == score(found[0])]
        return self.pool.take(best[self.request.variant % len(best)])

    def fact(self, role: str, matter: Matter) -> str | None:
        """The kind's line for the user's own facts, its slots named after the matter."""
        line = self.facts.get(role)
        return line.replace("{事项", "{" + matter.short) if line else None

    def point(self, heading: Entry, body: list[Entry | None], fact: str | None) -> Point:
        used = [e for e in body if e is not None]
        paragraphs: list[Paragraph] = [e.text for e in used[:1]]
        if fact:
            paragraphs.append(fact)
        paragraphs += [e.text for e in used[1:]]
        return Point(heading.text, paragraphs, [heading.id, *(e.id for e in used)])

    # -- sections ----------------------------------------------------------------------

    def problems(self, section: Section) -> None:
        for t in self.threads:
            near = [e for e in (t.problem, t.cause, t.remedy) if e]
            shown = self.sentence("problem", t.matter, ("manifestation",), near)
            harm = self.sentence("problem", t.matter, ("harm",), near)
            section.points.append(
                self.point(t.problem, [shown, harm], self.fact("problem", t.matter))
            )

    def causes(self, section: Section) -> None:
        for t in self.threads:
            if t.cause is None:
                continue
            near = [e for e in (t.cause, t.remedy, t.problem) if e]
            root = self.sentence("cause", t.matter, ("root",), near)
            section.points.append(self.point(t.cause, [root], self.fact("cause", t.matter)))

    def remedies(self, section: Section) -> None:
        role = section.id if section.id in self.facts else "countermeasure"
        for t in self.threads:
            if t.remedy is None:
                continue
            near = [e for e in (t.remedy, t.cause, t.problem) if e]
            measure = self.sentence("countermeasure", t.matter, ("measure",), near)
            effect = self.sentence("countermeasure", t.matter, ("effect",), near)
            section.points.append(
                self.point(t.remedy, [measure, effect], self.fact(role, t.matter))
            )

    def plan(self, section: Section) -> None:
        """下步打算 answers the problems where the kind has no 对策; else 努力方向."""
        if remedy_role(self.kind) == "plan":
            for t in self.threads:
                if t.remedy is None:
                    continue
                near = [e for e in (t.remedy, t.problem) if e]
                measure = self.sentence("plan", t.matter, ("measure",), near) or self.sentence(
                    "countermeasure", t.matter, ("measure",), near
                )
                section.points.append(self.point(t.remedy, [measure], self.fact("plan", t.matter)))
            return
        self.mirror(section, "plan", ("measure", "pledge"), limit=3)

    def mirror(
        self, section: Section, role: str, moves: tuple[str, ...], limit: int | None = None
    ) -> None:
        """One point per matter (主要做法, 取得成效, 努力方向), headings parallel."""
        matters = [t.matter for t in self.threads][:limit]
        options = [self.pool.of(role, m, kind="heading") for m in matters]
        fit = {e.id: self.pool.scene_fit(e) for g in options for e in g}
        heads = parallel.choose(
            options, fit, variant=self.request.variant, taken=frozenset(self.pool.used)
        )
        for matter, head in zip(matters, heads, strict=True):
            if head is None:
                continue
            self.pool.take(head)
            body = self.sentence(role, matter, moves, [head])
            if body is None and role == "plan":  # a plan reads like a countermeasure
                body = self.sentence("countermeasure", matter, ("measure",), [head])
            section.points.append(self.point(head, [body], self.fact(role, matter)))
        if not section.points and self.threads:  # no headings: a paragraph or two instead
            first = self.threads[0].matter
            for move in moves:
                if found := self.sentence(role, first, (move,), []):
                    section.body.append(found.text)

    def situation(self, section: Section) -> None:
        """Scope and scale, what went well for the first matters, then the turn."""
        first = self.threads[0].matter if self.threads else None
        picks = [self.sentence("situation", first, ("overview",), [])]
        for t in self.threads[:2]:
            picks.append(self.sentence("situation", t.matter, ("progress",), []))
        picks.append(self.turn() or self.sentence("situation", first, ("turn",), []))
        section.body += [e.text for e in picks if e is not None]

    def turn(self) -> Entry | None:
        """A hinge into the problems that speaks for the whole report, not one matter."""
        cues = self.cues.get("transition", [])
        for entry in self.pool.of("transition", None, moves=("turn",)):
            if any(c in entry.text for c in cues) and self._voice_fits(entry):
                return self.pool.take(entry)
        return None

    def framing(self, section: Section, role: str, moves: tuple[str, ...]) -> None:
        """Opening and closing: entries holding one of the kind's cue words, one per move.

        A first-person material takes its own person's entries where the bank has any for
        the role, and the neutral ones only where it has none.
        """
        cues = self.cues.get(role, [])
        fitting = [
            e
            for e in self.pool.of(role, None)
            if any(c in e.text for c in cues) and self._voice_fits(e)
        ]
        own = [e for e in fitting if e.person is not None]
        if self.request.person and own:
            fitting = own
        for move in moves:
            found = [e for e in fitting if e.move == move and e.id not in self.pool.used]
            if found:
                section.body.append(self.pool.take(found[0]).text)

    def _voice_fits(self, entry: Entry) -> bool:
        return entry.person is None or entry.person == self.request.person

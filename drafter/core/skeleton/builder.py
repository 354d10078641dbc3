"""Assemble a report skeleton: from a kind, a scene, a date and a few matters to a draft.

Problems come first: one bank problem heading per matter, chosen as a parallel set, with
the bank sentences that show and weigh it. Each problem then takes one of the causes and
one of the countermeasures its entries link to, so the causes explain the problems and the
countermeasures answer them in the same order. The user's own facts are left as named
slots ({组织生活表现}), which print as 【待补：组织生活表现】: a skeleton never invents a figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from drafter.core.bank.loading import Bank, Entry
from drafter.core.model import Draft, Paragraph, Point, Section
from drafter.core.report.kinds import ReportKind
from drafter.core.skeleton import parallel
from drafter.core.skeleton.matters import problem_options, resolve_matters
from drafter.core.skeleton.pool import Matter, Pool
from drafter.core.skeleton.request import SkeletonRequest


@dataclass
class Thread:
    """One matter through the report: its problem, cause and countermeasure headings."""

    matter: Matter
    problem: Entry
    cause: Entry | None = None
    remedy: Entry | None = None


def build_skeleton(request: SkeletonRequest, bank: Bank) -> Draft:
    """The skeleton draft for a request, built from the bank's entries valid for it."""
    from drafter.core.project import fill_title, new_draft

    pool = Pool(bank, request.scene, request.date, request.person)
    kind = request.kind
    title = request.title
    if not title and request.person:  # a 对照检查材料 is titled by whose it is
        pattern = kind.spec.skeleton.titles.get(request.person, "")
        title = fill_title(pattern, request.unit, request.date) if pattern else ""
    draft = new_draft(kind, title=title, unit=request.unit, scene=request.scene, date=request.date)
    draft.meta.person = request.person
    if not request.unit:  # the 发文机关署名 is a fact to fill, printed 【待补：单位】 till then
        draft.meta.signature = "{姓名}" if request.person == "individual" else "{单位}"
    matters = resolve_matters(request, pool)
    threads = _threads(kind, matters, pool, request.variant)
    fill = Filler(kind, pool, request, threads)
    for spec in kind.sections:
        builder = fill.by_role.get(spec.bank_section)
        if builder is not None:
            builder(draft.section(spec.id))
    return draft


def _roles(kind: ReportKind) -> set[str]:
    return {s.bank_section for s in kind.sections}


def remedy_role(kind: ReportKind) -> str | None:
    """The section that answers the problems: 对策 where the kind has it, else 下步打算."""
    roles = _roles(kind)
    return next((r for r in ("countermeasure", "plan") if r in roles), None)


PROBLEM_SETS = 12
"""Problem sets tried for the causes and countermeasures that follow from them."""


def _threads(kind: ReportKind, matters: list[Matter], pool: Pool, variant: int) -> list[Thread]:
    """The matters' problems, causes and countermeasures, as parallel as the bank allows.

    A problem set decides which causes and countermeasures are reachable, so the best
    few problem sets are each followed through; the ones whose three heading lists the
    parallel-heading checks pass come first, and `variant` picks among them.
    """
    with_cause = "cause" in _roles(kind)
    options = [problem_options(m, pool, with_cause=with_cause) for m in matters]
    fit = {e.id: pool.scene_fit(e) for group in options for e in group}
    tried = []
    for problems in parallel.ranked(options, fit, slack=3 * parallel.SLACK)[:PROBLEM_SETS]:
        trial = Pool(pool.bank, pool.scene, pool.date, pool.person, set(pool.used))
        threads = _follow(kind, matters, problems, trial, with_cause)
        tried.append((_odd(threads), threads, trial))
    fewest = min(odd for odd, _, _ in tried)
    best = [(threads, trial) for odd, threads, trial in tried if odd == fewest]
    threads, trial = best[variant % len(best)]
    pool.used |= trial.used
    return threads


def _odd(threads: list[Thread]) -> int:
    """Headings the parallel-heading checks would flag, over the three lists."""
    lists = (
        [t.problem.text for t in threads],
        [t.cause.text for t in threads if t.cause],
        [t.remedy.text for t in threads if t.remedy],
    )
    return sum(parallel.outliers(headings) for headings in lists)


def _follow(
    kind: ReportKind,
    matters: list[Matter],
    problems: list[Entry | None],
    pool: Pool,
    with_cause: bool,
) -> list[Thread]:
    threads = [Thread(m, pool.take(p)) for m, p in zip(matters, problems, strict=True) if p]
    if with_cause:
        causes = [cause_options(t, pool) for t in threads]
        _pick(causes, pool, lambda t, e: setattr(t, "cause", e), threads)
    if remedy_role(kind):
        remedies = [remedy_options(t, pool) for t in threads]
        _pick(remedies, pool, lambda t, e: setattr(t, "remedy", e), threads)
    return threads


def _pick(
    options: list[list[Entry]],
    pool: Pool,
    assign: Callable[[Thread, Entry], None],
    threads: list[Thread],
) -> None:
    fit = {e.id: pool.scene_fit(e) for group in options for e in group}
    chosen = parallel.choose(options, fit, taken=frozenset(pool.used))
    for thread, entry in zip(threads, chosen, strict=True):
        if entry is not None:
            assign(thread, pool.take(entry))


def cause_options(thread: Thread, pool: Pool) -> list[Entry]:
    """Causes the problem links to, then its matter's causes that lead to one of the
    problem's countermeasures (they explain it too, and widen the choice of shapes)."""
    linked = pool.linked(thread.problem, "cause")
    remedies = {e.id for e in pool.linked(thread.problem, "countermeasure")}
    related = [
        e
        for e in pool.of("cause", thread.matter, kind="heading")
        if e not in linked and remedies & set(e.links)
    ]
    return linked + related


def remedy_options(thread: Thread, pool: Pool) -> list[Entry]:
    """Countermeasures the problem links to; those its cause links to as well come first."""
    direct = pool.linked(thread.problem, "countermeasure")
    via = pool.linked(thread.cause, "countermeasure") if thread.cause else []
    both = [e for e in direct if e in via]
    rest = [e for e in direct + via if e not in both]
    return list(dict.fromkeys(both + rest))


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

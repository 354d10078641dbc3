"""Growing and pruning a skeleton by whole threads: a problem with its cause and remedy.

The wizard adds a bank problem together with one of its linked causes and one of its
countermeasures, each at the problem's place in its own section, so the three lists stay
in matching order; deleting a problem names the cause and remedy points nothing else
needs any more, so the wizard can offer to remove them too.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from drafter.core.bank.loading import Bank, Entry
from drafter.core.model import Draft, Point, Section, iter_points
from drafter.core.report.kinds import ReportKind
from drafter.core.skeleton.builder import cause_options, remedy_options
from drafter.core.skeleton.filler import Filler, Thread, remedy_role
from drafter.core.skeleton.pool import Matter, Pool
from drafter.core.skeleton.request import SkeletonRequest

# Roles of a thread, in the order they are written.
THREAD_ROLES = ("problem", "cause", "countermeasure", "plan")


@dataclass(frozen=True)
class Placed:
    """Where a thread's point went: a section id and the point's index there."""

    section: str
    index: int
    heading: str


def _spec_id(kind: ReportKind, role: str) -> str | None:
    return next((s.id for s in kind.sections if s.bank_section == role), None)


def _used(draft: Draft) -> set[str]:
    return {pid for s in draft.sections for p in iter_points(s.points) for pid in p.phrases}


def matter_of(entry: Entry) -> Matter | None:
    """The matter a bank problem belongs to: its first aspect, else its first topic."""
    if entry.aspects:
        return Matter(entry.aspects[0], aspect=True)
    return Matter(entry.topics[0]) if entry.topics else None


def add_thread(
    draft: Draft, kind: ReportKind, bank: Bank, problem: Entry, *, after: int | None = None
) -> list[Placed]:
    """Insert a bank problem heading after point `after` of the problem section (at the
    end when None), with one linked cause and one countermeasure at the same place of
    their sections; returns where each went. Entries the draft uses already are skipped.
    """
    matter = matter_of(problem)
    if problem.section != "problem" or problem.kind != "heading" or matter is None:
        raise ValueError("only a problem heading of the bank can bring its cause and remedy")
    date = _dt.date.fromisoformat(draft.meta.date) if draft.meta.date else _dt.date.today()
    pool = Pool(bank, draft.meta.scene, date, draft.meta.person, _used(draft))
    pool.used.discard(problem.id)  # the user chose it: it may stand twice if they insist
    thread = Thread(matter, pool.take(problem))
    roles = {s.bank_section for s in kind.sections}
    if "cause" in roles:
        thread.cause = next((pool.take(e) for e in cause_options(thread, pool)), None)
    if remedy_role(kind):
        thread.remedy = next((pool.take(e) for e in remedy_options(thread, pool)), None)
    request = SkeletonRequest(kind, scene=draft.meta.scene, date=date, person=draft.meta.person)
    filler = Filler(kind, pool, request, [thread])
    position = len(draft.section(_spec_id(kind, "problem") or "problem").points)
    if after is not None:
        position = min(after + 1, position)
    placed = []
    for role in THREAD_ROLES:
        section_id = _spec_id(kind, role)
        write = filler.by_role.get(role)
        if section_id is None or write is None:
            continue
        if role == "plan" and remedy_role(kind) != "plan":
            continue  # 努力方向 does not answer single problems
        scratch = Section(id=section_id)
        write(scratch)
        target = draft.section(section_id)
        at = min(position, len(target.points))
        for point in scratch.points:
            target.points.insert(at, point)
            placed.append(Placed(section_id, at, point.heading))
    return placed


def dependents(draft: Draft, kind: ReportKind, bank: Bank, index: int) -> list[Placed]:
    """Cause and remedy points that only problem `index` links to: what deleting it
    leaves without a reason to stay."""
    problem_id = _spec_id(kind, "problem")
    if problem_id is None:
        return []
    problems = draft.section(problem_id).points
    if not 0 <= index < len(problems):
        return []

    def targets(point: Point) -> set[str]:
        out: set[str] = set()
        for pid in {pid for p in iter_points([point]) for pid in p.phrases}:
            entry = bank.get(pid)
            if entry is None:
                continue
            out.update(entry.links)
            for cause in bank.linked(entry, "cause"):
                out.update(cause.links)
        return out

    mine = targets(problems[index])
    others: set[str] = set()
    for i, point in enumerate(problems):
        if i != index:
            others |= targets(point)
    found = []
    for role in ("cause", remedy_role(kind) or ""):
        section_id = _spec_id(kind, role)
        if not role or section_id is None:
            continue
        for i, point in enumerate(draft.section(section_id).points):
            ids = set(point.phrases)
            if ids and ids & mine and not ids & others:
                found.append(Placed(section_id, i, point.heading))
    return found


def remove(draft: Draft, placed: list[Placed]) -> None:
    """Delete these points (indices as `dependents` gave them)."""
    for item in sorted(placed, key=lambda p: -p.index):
        points = draft.section(item.section).points
        if item.index < len(points) and points[item.index].heading == item.heading:
            del points[item.index]

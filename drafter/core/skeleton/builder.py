"""Assemble a report skeleton: from a kind, a scene, a date and a few matters to a draft.

Problems come first: one bank problem heading per matter, chosen as a parallel set, with
the bank sentences that show and weigh it. Each problem then takes one of the causes and
one of the countermeasures its entries link to, so the causes explain the problems and the
countermeasures answer them in the same order. The user's own facts are left as named
slots ({组织生活表现}), which print as 【待补：组织生活表现】: a skeleton never invents a figure.
"""

from __future__ import annotations

from collections.abc import Callable

from drafter.core.bank.loading import Bank, Entry
from drafter.core.model import Draft
from drafter.core.report.kinds import ReportKind
from drafter.core.skeleton import parallel
from drafter.core.skeleton.filler import Filler, Thread, remedy_role, roles_of
from drafter.core.skeleton.matters import problem_options, resolve_matters
from drafter.core.skeleton.pool import Matter, Pool
from drafter.core.skeleton.request import SkeletonRequest

PROBLEM_SETS = 12
"""Problem sets tried for the causes and countermeasures that follow from them."""


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


def _threads(kind: ReportKind, matters: list[Matter], pool: Pool, variant: int) -> list[Thread]:
    """The matters' problems, causes and countermeasures, as parallel as the bank allows.

    A problem set decides which causes and countermeasures are reachable, so the best
    few problem sets are each followed through; the ones whose three heading lists the
    parallel-heading checks pass come first, and `variant` picks among them.
    """
    with_cause = "cause" in roles_of(kind)
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

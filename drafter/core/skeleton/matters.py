"""Which matters a skeleton treats: the ones asked for, or those that suit the scene.

A matter is usable when the bank holds at least one problem heading of it whose links lead
on to a countermeasure: without that the skeleton could not answer its own problem.
"""

from __future__ import annotations

from drafter.core.bank.loading import Entry
from drafter.core.errors import QueryError
from drafter.core.report.kinds import ReportKind
from drafter.core.skeleton.pool import Matter, Pool
from drafter.core.skeleton.request import MAX_PROBLEMS, SkeletonRequest
from drafter.core.vocab import ASPECTS, GENERAL_SCENE, TOPICS

_CHAIN = ("problem", "cause", "countermeasure")


def resolve_matters(request: SkeletonRequest, pool: Pool) -> list[Matter]:
    """The matters of a request, checked against the vocabularies and the bank."""
    if request.topics and request.aspects:
        raise QueryError("--topics 和 --aspects 只能选一个")
    if request.topics:
        return [_known(t, TOPICS, "主题", aspect=False) for t in dict.fromkeys(request.topics)]
    if request.aspects:
        return [_known(a, ASPECTS, "方面", aspect=True) for a in dict.fromkeys(request.aspects)]
    count = request.problems
    if count is None or not 1 <= count <= MAX_PROBLEMS:
        raise QueryError(f"问题个数要在 1 到 {MAX_PROBLEMS} 之间")
    usable = offered_matters(request.kind, pool)
    if len(usable) < count:
        raise QueryError(f"短语库中有关联的问题只够写 {len(usable)} 个方面，要的是 {count} 个")
    return suggested_matters(usable, pool, count)


def offered_matters(kind: ReportKind, pool: Pool) -> list[Matter]:
    """The matters a skeleton can treat: the kind's aspects (all of them if it names none)
    for a first-person material, else the topics; only those the bank can answer."""
    if pool.person:
        candidates = [Matter(a, aspect=True) for a in kind.spec.skeleton.aspects or ASPECTS]
    else:
        candidates = [Matter(t) for t in TOPICS]
    return [m for m in candidates if usable_problems(m, pool)]


def suggested_matters(usable: list[Matter], pool: Pool, count: int) -> list[Matter]:
    """`count` of them: the first aspects, in the order such a material takes them, or the
    topics with most entries written for the scene, in the vocabulary's order."""
    if pool.person:
        return usable[:count]
    ranked = sorted(usable, key=lambda m: -scene_weight(m, pool))
    chosen = set(ranked[:count])
    return [m for m in usable if m in chosen]


def _known(key: str, table: dict[str, str], what: str, *, aspect: bool) -> Matter:
    if key not in table:
        raise QueryError(f"没有 {key} 这个{what}；可选：{'、'.join(table)}")
    return Matter(key, aspect=aspect)


def problem_options(matter: Matter, pool: Pool, *, with_cause: bool = False) -> list[Entry]:
    """A matter's problem headings that link on to a countermeasure (directly or through a
    cause) and, `with_cause`, to a cause as well."""
    out = []
    for entry in pool.of("problem", matter, kind="heading"):
        causes = pool.linked(entry, "cause")
        remedies = pool.linked(entry, "countermeasure")
        remedies += [r for c in causes for r in pool.linked(c, "countermeasure")]
        if remedies and (causes or not with_cause):
            out.append(entry)
    return out


def usable_problems(matter: Matter, pool: Pool) -> int:
    """How many problem headings of a matter lead on to a countermeasure."""
    return len(problem_options(matter, pool))


def scene_weight(matter: Matter, pool: Pool) -> int:
    """Entries written for the draft's scene in the matter's problems, causes and remedies."""
    if pool.scene == GENERAL_SCENE:
        return 0
    return sum(pool.scene_fit(e) == 2 for section in _CHAIN for e in pool.of(section, matter))

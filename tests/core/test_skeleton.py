"""Report skeletons: a complete, coherent, answerable outline from a few choices."""

from __future__ import annotations

import datetime as _dt
import re

import pytest

from drafter.core.bank.loading import Bank, Entry, load_banks
from drafter.core.checks.registry import run_checks
from drafter.core.errors import QueryError
from drafter.core.files.draftfile import dumps
from drafter.core.model import Draft, iter_points, paragraph_text
from drafter.core.report.kinds import ReportKind, get_kind
from drafter.core.report.render import RenderOptions, render_draft
from drafter.core.skeleton import SkeletonRequest, build_skeleton
from drafter.core.text.slots import SLOT_RE, pending_by_section
from drafter.core.vocab import ASPECTS, SCENES

KINDS = ("survey", "rectification", "summary")
TOPIC_SETS = (
    ("org-life", "members", "cadres"),
    ("theory", "political", "conduct", "discipline"),
    ("organization", "support", "integration", "masses", "institutions"),
)
ASPECT_SETS = (
    ("study", "politics", "competence", "commitment"),
    ("commitment", "work-style", "integrity", "party-duty"),
    tuple(ASPECTS),
)
# Findings that mean the skeleton itself is wrong (not merely short or still to fill).
SKELETON_FAULTS = {"A001", "A002", "P001", "P002", "C001", "C004", "C005", "C006", "R001"}
DAY = _dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_banks(user=False)


def _requests() -> list[tuple[str, str, dict[str, object]]]:
    out: list[tuple[str, str, dict[str, object]]] = []
    for kind in KINDS:
        for scene in SCENES:
            out += [(kind, scene, {"topics": t}) for t in TOPIC_SETS]
            out += [(kind, scene, {"problems": n}) for n in range(3, 7)]
    for person in ("collective", "individual"):  # 对照检查材料 by aspects, in the first person
        for scene in SCENES:
            out += [("rectification", scene, {"person": person, "aspects": a}) for a in ASPECT_SETS]
            out += [("rectification", scene, {"person": person, "problems": 5})]
    return out


def _points(draft: Draft, kind: ReportKind, role: str) -> int:
    ids = [s.id for s in kind.sections if s.bank_section == role]
    return sum(len(s.points) for s in draft.sections if s.id in ids)


def _texts(draft: Draft) -> list[str]:
    out = []
    for section in draft.sections:
        out += [paragraph_text(p) for p in section.body]
        for point in iter_points(section.points):
            out += [point.heading, *(paragraph_text(p) for p in point.body)]
    return [t for t in out if t]


@pytest.mark.parametrize(("kind_id", "scene", "choice"), _requests())
def test_every_skeleton_is_complete_answerable_and_parallel(
    bank: Bank, kind_id: str, scene: str, choice: dict[str, object]
) -> None:
    kind = get_kind(kind_id)
    request = SkeletonRequest(kind, scene=scene, date=DAY, unit="某单位", **choice)  # type: ignore[arg-type]
    draft = build_skeleton(request, bank)

    assert [s.id for s in draft.sections] == [s.id for s in kind.sections]
    problems = _points(draft, kind, "problem")
    matters = choice.get("topics") or choice.get("aspects")
    expected = len(matters) if matters else choice["problems"]  # type: ignore[arg-type]
    assert problems == expected
    remedies = _points(draft, kind, "countermeasure") or _points(draft, kind, "plan")
    assert remedies == problems
    if any(s.bank_section == "cause" for s in kind.sections):
        assert _points(draft, kind, "cause") == problems

    faults = [f for f in run_checks(draft, kind, bank) if f.code in SKELETON_FAULTS]
    assert faults == [], [f"{f.code} {f.message}" for f in faults]
    assert all(f.severity != "error" for f in run_checks(draft, kind, bank))

    used = [pid for s in draft.sections for p in iter_points(s.points) for pid in p.phrases]
    assert len(used) == len(set(used)), "a bank entry used twice"
    texts = _texts(draft)
    assert len(texts) == len(set(texts)), "a sentence repeated"
    render_draft(draft, kind, RenderOptions())  # builds: every section known, nothing missing
    if "person" in choice:  # 我/本人 or 我们/班子 throughout, never the other person's voice
        entries = [bank.by_id[pid] for pid in used]
        assert all(e.person in (None, choice["person"]) for e in entries)
        assert sum(e.person == choice["person"] for e in entries) >= 3 * problems
        assert draft.meta.person == choice["person"]
        assert "对照检查材料" in draft.meta.title


def test_facts_are_left_to_the_user_never_invented(bank: Bank) -> None:
    kind = get_kind("survey")
    draft = build_skeleton(SkeletonRequest(kind, date=DAY, problems=4), bank)
    problem = draft.section("problem")
    for point in problem.points:
        slots = [n for b in point.body for n in SLOT_RE.findall(paragraph_text(b))]
        assert slots, f"no 【待补】 for the facts of “{point.heading}”"
    # every figure in the skeleton comes from a bank entry's own wording
    bank_text = "".join(e.text for e in bank)
    for text in _texts(draft):
        for number in re.findall(r"\d+", SLOT_RE.sub("", text)):
            assert number in bank_text


def test_same_choices_give_the_same_skeleton_and_variants_differ(bank: Bank) -> None:
    kind = get_kind("survey")

    def make(variant: int) -> str:
        request = SkeletonRequest(kind, scene="农村", date=DAY, problems=4, variant=variant)
        return dumps(build_skeleton(request, bank))

    assert make(0) == make(0)
    assert make(1) != make(0)


def test_scene_entries_are_preferred(bank: Bank) -> None:
    kind = get_kind("survey")
    request = SkeletonRequest(kind, scene="社区", date=DAY, topics=("org-life", "members"))
    draft = build_skeleton(request, bank)
    ids = [pid for p in draft.section("problem").points for pid in p.phrases]
    assert any("社区" in bank.by_id[i].scenes for i in ids)
    assert all(set(bank.by_id[i].scenes) & {"社区", "通用"} for i in ids)


def _entry(eid: str, section: str, text: str, links: tuple[str, ...] = (), **kw: object) -> Entry:
    kind = kw.pop("kind", "heading")
    return Entry(eid, section, str(kind), text, links=links, **kw)  # type: ignore[arg-type]


def _chain(prefix: str, n: int, **kw: object) -> list[Entry]:
    """A problem heading linked to a cause and a countermeasure, with a sentence each."""
    p, c, m = f"{prefix}.problem.{n}", f"{prefix}.cause.{n}", f"{prefix}.countermeasure.{n}"
    return [
        _entry(p, "problem", f"学习要求落实不够到位{n}", (c, m), **kw),
        _entry(c, "cause", f"学习认识不够深刻{n}", (m,), **kw),
        _entry(m, "countermeasure", f"强化理论学习，提升学习实效{n}", **kw),
    ]


def test_dated_entries_are_used_only_in_their_window() -> None:
    old = _chain("t", 1, topics=("theory",), until="2023-12-31")
    current = _chain("t", 2, topics=("theory",), valid_from="2024-01-01")
    kind = get_kind("survey")
    for day, expected in ((_dt.date(2023, 6, 1), "t.problem.1"), (DAY, "t.problem.2")):
        draft = build_skeleton(
            SkeletonRequest(kind, date=day, topics=("theory",)), Bank([*old, *current])
        )
        assert draft.section("problem").points[0].phrases == [expected]


def test_first_person_aspects_use_the_chosen_person_only() -> None:
    entries = _chain("me", 1, aspects=("study",), person="individual")
    entries += _chain("we", 2, aspects=("study",), person="collective")
    kind = get_kind("rectification")
    for person, prefix in (("individual", "me"), ("collective", "we")):
        request = SkeletonRequest(kind, date=DAY, aspects=("study",), person=person)  # type: ignore[arg-type]
        draft = build_skeleton(request, Bank(entries))
        assert draft.meta.person == person
        ids = [pid for s in draft.sections for p in s.points for pid in p.phrases]
        assert ids and all(i.startswith(prefix + ".") for i in ids)


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ({"topics": ("no-such",)}, "没有 no-such 这个主题"),
        ({"aspects": ("nope",)}, "没有 nope 这个方面"),
        ({"problems": 0}, "问题个数要在 1 到 8 之间"),
        ({"problems": 9}, "问题个数要在 1 到 8 之间"),
        ({"topics": ("theory",), "aspects": ("study",)}, "只能选一个"),
    ],
)
def test_bad_choices_are_one_clear_error(
    bank: Bank, choice: dict[str, object], message: str
) -> None:
    kind = get_kind("survey")
    with pytest.raises(QueryError, match=re.escape(message)):
        build_skeleton(SkeletonRequest(kind, date=DAY, **choice), bank)  # type: ignore[arg-type]


def test_pending_count_drops_when_a_slot_is_filled(bank: Bank) -> None:
    kind = get_kind("survey")
    draft = build_skeleton(SkeletonRequest(kind, date=DAY, topics=("org-life",)), bank)
    before = pending_by_section(draft)
    name = before["problem"][0]
    draft.slots[name] = "有3个支部全年未按期召开支部党员大会"
    after = pending_by_section(draft)
    filled = sum(names.count(name) for names in before.values())
    assert sum(map(len, after.values())) == sum(map(len, before.values())) - filled
    assert name not in after.get("problem", [])


@pytest.mark.parametrize(("person", "slot"), [(None, "单位"), ("individual", "姓名")])
def test_a_skeleton_without_a_unit_leaves_the_signature_to_fill(
    bank: Bank, person: str | None, slot: str
) -> None:
    """The 发文机关署名 prints 【待补】 like any other fact; once the unit (or the name) is
    known it is signed with it."""
    kind = get_kind("rectification")
    choice: dict[str, object] = {"person": person, "problems": 3} if person else {"problems": 3}
    draft = build_skeleton(SkeletonRequest(kind, date=DAY, **choice), bank)  # type: ignore[arg-type]

    def signature() -> list[str]:
        blocks = render_draft(draft, kind, RenderOptions(allow_incomplete=True)).blocks
        return [b.text for b in blocks if b.kind == "signature"]

    assert signature() == [f"【待补：{slot}】"]
    if person is None:
        draft.meta.unit = "中共某局党组"
    else:
        draft.slots[slot] = "张某"
    assert signature() == ["中共某局党组" if person is None else "张某"]
    request = SkeletonRequest(kind, date=DAY, unit="中共某局党组", problems=3)
    assert build_skeleton(request, bank).meta.signature == ""  # the unit signs

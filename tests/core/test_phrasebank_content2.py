"""The built-in bank can draft a current 对照检查材料 and a report that names current theory.

Issue 14: first-person material filed by aspect and person, the Party's current theory and
meetings named correctly (and dated), recent campaigns by their official names and dates,
scenes worth choosing, and slots that read right once filled.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from drafter.core.bank.loading import Bank, Entry, builtin_entries
from drafter.core.vocab import ASPECTS, PERSONS, SCENES

XI_THOUGHT = "习近平新时代中国特色社会主义思想"
TWO_ESTABLISHES = (
    "确立习近平同志党中央的核心、全党的核心地位，确立习近平新时代中国特色社会主义思想的指导地位"
)
# The meeting as named in text → the first day an entry naming it may be offered.
MEETINGS = {
    "党的二十大": "2022-10-16",
    "二十届三中全会": "2024-07-15",
    "二十届四中全会": "2025-10-20",
}
# Official campaign names → (first day, whether the entry must also carry an `until`).
DATED_CAMPAIGNS = {
    "党纪学习教育": ("2024-04-01", True),
    "深入贯彻中央八项规定精神学习教育": ("2025-03-01", True),
    "群众身边不正之风和腐败问题集中整治": ("2024-04-03", False),
    "整治形式主义为基层减负若干规定": ("2024-08-06", False),
}
CAMPAIGNS = [
    "党纪学习教育",
    "深入贯彻中央八项规定精神学习教育",
    "坚持和发展新时代“枫桥经验”",
    "整治形式主义为基层减负",
    "巡视巡察反馈问题整改",
    "群众身边不正之风和腐败问题集中整治",
]
SUMMARY_SECTIONS = {"practice", "achievement", "plan"}
# Words that give a first-person entry away as the other person.
COLLECTIVE_ONLY = re.compile(r"我们|领导班子|班子成员")
INDIVIDUAL_ONLY = re.compile(r"本人|我(?!们)")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank(builtin_entries())


@pytest.fixture(scope="module")
def first_person(bank: Bank) -> list[Entry]:
    return [e for e in bank if e.person is not None and e.aspects]


def test_there_are_120_first_person_entries_with_aspect_and_person(
    first_person: list[Entry],
) -> None:
    assert len(first_person) >= 120
    persons = Counter(e.person for e in first_person)
    assert set(persons) == set(PERSONS)
    assert min(persons.values()) >= 50


def test_first_person_entries_speak_as_their_person(first_person: list[Entry]) -> None:
    wrong = [
        e.id
        for e in first_person
        if (e.person == "individual" and COLLECTIVE_ONLY.search(e.text))
        or (e.person == "collective" and INDIVIDUAL_ONLY.search(e.text))
    ]
    assert wrong == []


@pytest.mark.parametrize("person", sorted(PERSONS))
@pytest.mark.parametrize("aspect", sorted(ASPECTS))
def test_every_aspect_and_person_has_a_linked_heading_chain(
    first_person: list[Entry], aspect: str, person: str
) -> None:
    """A skeleton for any aspect and either person: problem → cause → countermeasure headings."""
    cell = {e.id: e for e in first_person if aspect in e.aspects and e.person == person}

    def headings(ids: tuple[str, ...], section: str) -> list[Entry]:
        found = [cell[i] for i in ids if i in cell]
        return [e for e in found if e.section == section and e.kind == "heading"]

    chains = [
        (problem.id, cause.id)
        for problem in cell.values()
        if problem.section == "problem" and problem.kind == "heading"
        for cause in headings(problem.links, "cause")
        if headings(problem.links, "countermeasure") and headings(cause.links, "countermeasure")
    ]
    assert chains, f"no problem→cause→countermeasure heading chain for {aspect}/{person}"


def test_first_person_causes_dig_into_the_roots_and_measures_carry_a_time(
    first_person: list[Entry],
) -> None:
    causes = [e for e in first_person if e.section == "cause" and e.kind != "heading"]
    assert causes and all(e.move == "root" for e in causes)
    measures = [e for e in first_person if e.section == "countermeasure" and e.kind != "heading"]
    timeless = [
        e.id
        for e in measures
        if not re.search(r"\{整改时限\}|每[月季周年天]|每半年|年底前", e.text)
    ]
    assert measures and timeless == []


def test_the_theory_is_named_and_two_establishes_spelled_out_exactly(bank: Bank) -> None:
    assert sum(XI_THOUGHT in e.text for e in bank) >= 15
    assert sum("两个确立" in e.text for e in bank) >= 3
    spelled = [e for e in bank if "确立习近平同志" in e.text]
    assert spelled, "no entry spells out 两个确立"
    assert [e.id for e in spelled if TWO_ESTABLISHES not in e.text] == []


def test_entries_naming_a_meeting_are_dated_from_it(bank: Bank) -> None:
    naming = [(e, day) for e in bank for name, day in MEETINGS.items() if name in e.text]
    assert len({e.id for e, _ in naming}) >= 6
    assert {name for name in MEETINGS if any(name in e.text for e in bank)} == set(MEETINGS)
    undated = [e.id for e, day in naming if e.valid_from is None or e.valid_from < day]
    assert undated == []


@pytest.mark.parametrize("name", CAMPAIGNS)
def test_each_campaign_has_problem_cause_remedy_and_summary_entries(bank: Bank, name: str) -> None:
    naming = [e for e in bank if name in e.text]
    sections = {e.section for e in naming}
    assert len(naming) >= 3
    assert {"problem", "cause", "countermeasure"} <= sections
    assert sections & SUMMARY_SECTIONS


@pytest.mark.parametrize("name", sorted(DATED_CAMPAIGNS))
def test_entries_naming_a_dated_campaign_carry_its_dates(bank: Bank, name: str) -> None:
    first_day, needs_until = DATED_CAMPAIGNS[name]
    # "常态化开展党纪学习教育" speaks of the standing practice that outlives the campaign.
    naming = [e for e in bank if name in e.text and f"常态化开展{name}" not in e.text]
    assert naming
    wrong = [
        e.id
        for e in naming
        if e.valid_from is None
        or e.valid_from < first_day
        or (needs_until and (e.until is None or e.until <= e.valid_from))
    ]
    assert wrong == []


def test_the_fengqiao_experience_has_its_official_wording(bank: Bank) -> None:
    loose = [e.id for e in bank if "枫桥经验" in e.text and "新时代“枫桥经验”" not in e.text]
    assert loose == []


@pytest.mark.parametrize("section", ["problem", "cause", "countermeasure"])
def test_every_scene_has_eight_entries_per_analysis_section(bank: Bank, section: str) -> None:
    counts = Counter(s for e in bank if e.section == section for s in e.scenes)
    assert {s: counts[s] for s in SCENES[1:] if counts[s] < 8} == {}


def test_scene_problems_link_to_causes_of_the_same_scene(bank: Bank) -> None:
    by_id = {e.id: e for e in bank}
    for scene in SCENES[1:]:
        problems = [e for e in bank if e.section == "problem" and scene in e.scenes]
        linked = [
            p.id for p in problems if any(scene in by_id[i].scenes for i in p.links if i in by_id)
        ]
        assert len(linked) >= 3, scene


def test_no_slot_reads_as_a_unit_name_after_a_scope_word(bank: Bank) -> None:
    """全{单位} prints 全中共某镇委员会; the area goes in {范围} (全镇, 全县, 全校)."""
    assert [e.id for e in bank if re.search(r"[全本]\{单位\}", e.text)] == []

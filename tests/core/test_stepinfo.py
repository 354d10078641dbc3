"""What a wizard step shows beside its phrases: marks, open problems and its note."""

from __future__ import annotations

from drafter.core.bank.loading import Bank, Entry
from drafter.core.checks.matrix import answer_matrix
from drafter.core.model import Point
from drafter.core.project import new_draft
from drafter.core.report.kinds import get_kind
from drafter.core.stepinfo import (
    LINKED_MARK,
    USED_MARK,
    linked_entries,
    mark,
    open_problems,
    step_note,
    used_phrases,
)

BANK = Bank(
    [
        Entry(
            "t.problem.01",
            "problem",
            "heading",
            "谈心谈话开展不经常",
            links=("t.cause.01", "t.countermeasure.01"),
        ),
        Entry(
            "t.cause.01",
            "cause",
            "heading",
            "对谈心谈话的作用认识不足",
            links=("t.countermeasure.02", "t.countermeasure.03"),
        ),
        Entry("t.countermeasure.01", "countermeasure", "heading", "建立经常性谈心谈话机制"),
        Entry(
            "t.countermeasure.02", "countermeasure", "sentence", "每季度至少同每名党员谈心一次。"
        ),
        Entry(
            "t.countermeasure.03",
            "countermeasure",
            "sentence",
            "村党组织书记每月走访农户不少于一次。",
            scenes=("农村",),
        ),
    ]
)


def survey_draft():  # type: ignore[no-untyped-def]
    kind = get_kind("survey")
    draft = new_draft(kind, title="题")
    draft.section("problem").points = [
        Point(heading="谈心谈话开展不经常", phrases=["t.problem.01"]),
        Point(heading="流动人员登记不全"),  # written in the user's own words
    ]
    return kind, draft


def test_the_wizard_and_the_review_check_agree_on_which_problems_are_unanswered() -> None:
    kind, draft = survey_draft()
    for role in ("cause", "countermeasure"):
        matrix = answer_matrix(draft, kind, BANK)
        assert [p.ref.path[0] for p in open_problems(draft, kind, BANK, role)] == (
            matrix.unanswered(role)
        )
    # a countermeasure in one's own words that names the problem answers it, for both
    draft.section("countermeasure").points = [Point(heading="健全流动人员登记制度")]
    assert [p.ref.heading for p in open_problems(draft, kind, BANK, "countermeasure")] == [
        "谈心谈话开展不经常"
    ]
    assert answer_matrix(draft, kind, BANK).unanswered() == [0]


def test_suggestions_follow_links_through_causes_and_respect_the_scene() -> None:
    kind, draft = survey_draft()
    [first, _] = open_problems(draft, kind, BANK, "countermeasure")
    assert {e.id for e in first.suggestions} == {
        "t.countermeasure.01",
        "t.countermeasure.02",
        "t.countermeasure.03",
    }
    draft.meta.scene = "机关"  # the rural remedy does not fit an office's report
    ids = {e.id for e in linked_entries(draft, kind, BANK, "countermeasure")}
    assert ids == {"t.countermeasure.01", "t.countermeasure.02"}


def test_a_problem_is_answered_once_a_linked_phrase_is_used() -> None:
    kind, draft = survey_draft()
    draft.section("cause").points = [Point(heading="x", phrases=["t.cause.01"])]
    assert [p.ref.heading for p in open_problems(draft, kind, BANK, "cause")] == [
        "流动人员登记不全"
    ]
    assert "t.cause.01" in used_phrases(draft)
    assert mark("t.cause.01", set(), used_phrases(draft)) == USED_MARK
    assert mark("t.cause.01", {"t.cause.01"}, set()) == LINKED_MARK
    assert mark("t.cause.02", set(), set()) == ""


def test_the_notes_name_links_in_the_problem_step_and_open_problems_later() -> None:
    kind, draft = survey_draft()
    note = step_note(draft, kind, BANK, "problem", 0, "problem")
    assert (
        "关联原因：对谈心谈话的作用认识不足" in note and "关联对策：建立经常性谈心谈话机制" in note
    )
    note = step_note(draft, kind, BANK, "cause", None, "cause")
    assert note.startswith("尚未回应的问题：（一）谈心谈话开展不经常；（二）流动人员登记不全")
    assert LINKED_MARK in note
    assert step_note(draft, kind, None, "cause", None, "cause") == ""


def test_a_surveys_closing_prefers_survey_wording_over_rectification_wording() -> None:
    from drafter.core.report.kinds import discover
    from drafter.core.stepinfo import kind_cues, kind_rank

    kinds = discover()
    cues = kind_cues(kinds["survey"], kinds, "closing")
    assert "整改" in cues[1] and "调研" in cues[0]
    assert kind_rank("我们将以此次调研为契机，推动整改落实。", cues) == 0  # its own word wins
    assert kind_rank("以上报告，请审阅。", cues) == 1  # neutral wording
    assert kind_rank("我们将以此次整改为契机，坚持问题不解决不松劲。", cues) == 2


def test_a_cause_in_ones_own_words_answers_the_problem_it_is_linked_to() -> None:
    kind, draft = survey_draft()
    draft.section("cause").points = [
        Point(heading="思想上重视不够")
    ]  # no bank link, no shared words
    assert len(open_problems(draft, kind, BANK, "cause")) == 2
    draft.section("cause").points[0].answers = ["流动人员登记不全"]
    assert [p.ref.heading for p in open_problems(draft, kind, BANK, "cause")] == [
        "谈心谈话开展不经常"
    ]
    matrix = answer_matrix(draft, kind, BANK)
    assert matrix.cause_cells[0, 1].reason == "link"  # and the review check agrees


def test_the_linked_problems_are_saved_with_the_draft() -> None:
    from drafter.core.files import draftfile

    _, draft = survey_draft()
    draft.section("cause").points = [Point(heading="思想上重视不够", answers=["流动人员登记不全"])]
    again = draftfile.loads(draftfile.dumps(draft))
    assert again.section("cause").points[0].answers == ["流动人员登记不全"]
    assert "answers" not in draftfile.dumps(survey_draft()[1])  # only when there are links

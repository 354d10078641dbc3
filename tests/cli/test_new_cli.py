"""`drafter new`: a starter draft, or a whole skeleton from a few choices."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from docx import Document

from drafter.core.bank.loading import load_banks
from drafter.core.files import draftfile

Run = Callable[..., Result]


def test_skeleton_from_a_number_of_problems_builds_at_once(run: Run, tmp_path: Path) -> None:
    draft_path = tmp_path / "s.draft.yaml"
    result = run("new", "--kind", "survey", "--scene", "农村", "--problems", "4",
                 "--unit", "某镇党委", "-o", str(draft_path))  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "处【待补】要填" in result.output
    draft = draftfile.load(draft_path)
    assert len(draft.section("problem").points) == 4
    assert len(draft.section("countermeasure").points) == 4

    out = tmp_path / "s.docx"
    built = run("build", str(draft_path), "-o", str(out))
    assert built.exit_code == 0, built.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "【待补：" in text  # the user's facts are marked, not invented
    assert draft.section("problem").points[0].heading in text

    lint = run("lint", str(draft_path))
    assert lint.exit_code == 0, lint.output  # no error in a fresh skeleton


def test_topics_and_variant(run: Run, tmp_path: Path) -> None:
    paths = [tmp_path / f"v{i}.draft.yaml" for i in range(2)]
    for i, path in enumerate(paths):
        result = run("new", "--kind", "summary", "--topics", "org-life,members,cadres",
                     "--variant", str(i), "--date", "2025-12-20", "-o", str(path))  # fmt: skip
        assert result.exit_code == 0, result.output
    drafts = [draftfile.load(p) for p in paths]
    assert drafts[0].meta.date == "2025-12-20"
    assert len(drafts[0].section("practice").points) == 3
    assert draftfile.dumps(drafts[0]) != draftfile.dumps(drafts[1])


def test_without_choices_new_writes_the_empty_starter(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "e.draft.yaml"
    assert run("new", "--kind", "survey", "-o", str(path)).exit_code == 0
    assert all(not s.points for s in draftfile.load(path).sections)


def test_bad_choices_get_one_line_and_status_2(run: Run, tmp_path: Path) -> None:
    out = str(tmp_path / "x.draft.yaml")
    cases = [
        (["--topics", "org-life,nonsense"], "没有 nonsense 这个主题"),
        (["--problems", "12"], "问题个数要在 1 到 8 之间"),
        (["--aspects", "study"], "--person"),  # no terminal to ask on: say what to add
        (["--aspects", "study", "--person", "everyone"], "--person 不能写“everyone”"),
    ]
    for args, message in cases:
        result = run("new", "--kind", "rectification", *args, "-o", out)
        assert result.exit_code == 2
        assert message in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert not Path(out).exists()


def test_first_person_material_by_aspects(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "me.draft.yaml"
    result = run("new", "--kind", "rectification", "--aspects", "study,work-style,integrity",
                 "--person", "个人", "--date", "2025-12-01", "-o", str(path))  # fmt: skip
    assert result.exit_code == 0, result.output
    draft = draftfile.load(path)
    assert draft.meta.person == "individual"
    assert draft.meta.title == "2025年度民主生活会个人对照检查材料"
    assert len(draft.section("problem").points) == 3
    assert len(draft.section("countermeasure").points) == 3
    bank = load_banks(user=False)
    used = [bank.by_id[i] for s in draft.sections for p in s.points for i in p.phrases]
    assert used and all(e.person in (None, "individual") for e in used)
    assert "本人" in draftfile.dumps(draft)

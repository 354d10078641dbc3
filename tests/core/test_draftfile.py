from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.core.errors import DraftFileError
from drafter.core.files import draftfile
from drafter.core.model import Draft, Enumeration, Meta, Point, Section

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.draft.yaml"))

MINIMAL = """\
format_version: 1
kind: survey
meta:
  title: 关于社区党建工作的调研报告
  date: '2026-11-22'
sections:
- id: problem
  points:
  - heading: 组织生活不够规范
    body:
    - 有的支部会议记录不全。
    - lead: 主要表现在：
      enum:
      - 会前准备不充分
      - 会后跟踪不够
"""


def test_a_saved_draft_loads_back_identical() -> None:
    draft = draftfile.loads(MINIMAL)
    assert draftfile.dumps(draft) == MINIMAL
    point = draft.sections[0].points[0]
    assert point.body[1] == Enumeration(
        enum=["会前准备不充分", "会后跟踪不够"], lead="主要表现在："
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_round_trip_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert draftfile.dumps(draftfile.loads(text, path)) == text


def test_unquoted_dates_and_bare_numbers_are_accepted_as_text() -> None:
    draft = draftfile.loads("kind: survey\nmeta:\n  date: 2026-11-22\nslots:\n  党员数: 42\n")
    assert draft.meta.date == "2026-11-22"
    assert draft.slots == {"党员数": "42"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("kind: survey\nmeta:\n  title: 题目\n  author: 某人\n", 4, "没有 author 这个字段"),
        ("kind: survey\nmeta:\n  scene: 城市\n", 3, "没有“城市”这个场景"),
        ("kind: survey\nmeta:\n  date: 2026-02-30\n", 3, "meta.date"),
        ("kind: survey\nsections:\n- id: problem\n  points:\n  - heading: [1]\n", 5, "heading"),
        ("kind: survey\nsections: [\n", 3, "YAML 格式不对"),
        ("meta: {}\n", 1, "缺少字段 kind"),
        ("format_version: 9\nkind: survey\n", 1, "format_version 9"),
        ("kind: survey\nsections:\n- id: cause\n- id: cause\n", 4, "部分 cause 写了两次"),
    ],
)
def test_bad_drafts_name_file_and_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DraftFileError) as info:
        draftfile.loads(text, Path("bad.draft.yaml"))
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"草稿文件 bad.draft.yaml 第 {line} 行：")


def test_empty_and_non_utf8_files_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.draft.yaml"
    empty.write_text("")
    with pytest.raises(DraftFileError, match="文件是空的"):
        draftfile.load(empty)
    gbk = tmp_path / "gbk.draft.yaml"
    gbk.write_bytes("kind: survey\nmeta:\n  title: 党建调研\n".encode("gbk"))
    with pytest.raises(DraftFileError, match="不是 UTF-8") as info:
        draftfile.load(gbk)
    assert info.value.line == 3


def test_save_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.draft.yaml"
    first = draftfile.loads(MINIMAL)
    draftfile.save(first, path)
    second = draftfile.loads(MINIMAL)
    second.meta.title = "新标题"
    draftfile.save(second, path)
    assert draftfile.load(path).meta.title == "新标题"
    assert draftfile.load(tmp_path / "a.draft.yaml~").meta.title == first.meta.title
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    title=_text, heading=_text, body=st.lists(_text, max_size=3), items=st.lists(_text, max_size=3)
)
def test_any_text_survives_save_and_load(
    title: str, heading: str, body: list[str], items: list[str]
) -> None:
    draft = Draft(
        kind="survey",
        meta=Meta(title=title),
        sections=[
            Section(
                id="problem", points=[Point(heading=heading, body=[*body, Enumeration(enum=items)])]
            )
        ],
    )
    again = draftfile.loads(draftfile.dumps(draft))
    assert again == draft


def test_comments_are_told_apart_from_hashes_in_text() -> None:
    from drafter.core.files.draftfile import has_comments

    assert has_comments("kind: survey\n# 领导批注\n")
    assert has_comments("kind: survey  # 调研报告\n")
    assert not has_comments('title: "第#3号"\n')
    assert not has_comments("body: |\n  # 这一行是正文\nkind: survey\n")
    assert not has_comments("slots: {编号: A#1}\n")

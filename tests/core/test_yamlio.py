"""The YAML loader bounds what a file can make it do: alias bombs, self-referring aliases and
duplicate keys end in one clear error, fast, for every kind of file drafter reads."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from drafter.core.errors import DraftFileError
from drafter.core.files import draftfile
from drafter.core.files.recent import recent_drafts
from drafter.core.files.yamlio import MAX_ALIAS_EXPANSION, load_yaml


def alias_bomb(levels: int = 10, width: int = 10) -> str:
    """`levels` anchors, each a list of `width` aliases of the one before: width**levels values."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_at_once() -> None:
    text = alias_bomb()
    assert len(text) < 700
    start = time.perf_counter()
    with pytest.raises(DraftFileError, match="别名"):
        load_yaml(text, Path("x.yaml"), DraftFileError)
    assert time.perf_counter() - start < 1.0


def test_a_few_aliases_still_load() -> None:
    data, _ = load_yaml("a: &a [1, 2]\nb: *a\n", None, DraftFileError)
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_expansion_just_over_the_limit_is_refused() -> None:
    items = ", ".join(["*a"] * (MAX_ALIAS_EXPANSION // 2 + 1))
    with pytest.raises(DraftFileError, match="上限"):
        load_yaml(f"a: &a [1]\nb: [{items}]\n", None, DraftFileError)


def test_an_alias_inside_itself_is_an_error_not_a_hang() -> None:
    with pytest.raises(DraftFileError, match="包含它自己"):
        load_yaml("a: &a [1, *a]\n", None, DraftFileError)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a: 1\nb: 2\na: 3\n", "第 1 行和第 3 行"),
        ("m:\n  k: 1\n  k: 2\n", "第 2 行和第 3 行"),
        ("{a: 1, a: 2}\n", "第 1 行和第 1 行"),
    ],
)
def test_a_duplicate_key_names_both_lines(text: str, lines: str) -> None:
    with pytest.raises(DraftFileError, match=lines) as info:
        load_yaml(text, Path("d.yaml"), DraftFileError)
    assert info.value.line == int(lines.split()[-2])


def test_merge_keys_are_not_duplicates() -> None:
    data, _ = load_yaml("a: &x {k: 1}\nb:\n  <<: *x\n  k: 2\n", None, DraftFileError)
    assert data["b"] == {"k": 2}


def test_a_duplicated_sections_key_in_a_draft_is_refused(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "township-rural-survey.draft.yaml"
    text = example.read_text(encoding="utf-8")
    text = text + "sections:\n  - id: opening\n"
    with pytest.raises(DraftFileError, match="键 sections 在同一层写了两次"):
        draftfile.loads(text, tmp_path / "d.draft.yaml")


def test_the_recent_list_reads_only_the_head_of_each_draft(drafter_home: Path) -> None:
    folder = drafter_home / "data" / "drafts"
    folder.mkdir(parents=True)
    good = "format_version: 1\nkind: survey\nmeta:\n  title: 关于某事的调研报告\nsections:\n"
    (folder / "big.draft.yaml").write_text(good + alias_bomb(12) * 1, encoding="utf-8")
    (folder / "bomb.draft.yaml").write_text("meta:\n" + "  " + alias_bomb().replace("\n", "\n  "))
    start = time.perf_counter()
    items = {i.path.name: i for i in recent_drafts()}
    assert time.perf_counter() - start < 1.0
    assert items["big.draft.yaml"].title == "关于某事的调研报告"
    assert items["big.draft.yaml"].error == ""
    assert "别名" in items["bomb.draft.yaml"].error

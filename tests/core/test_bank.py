from __future__ import annotations

from pathlib import Path

import pytest

from drafter.core.bank.check import check_paths
from drafter.core.bank.loading import BUILTIN, builtin_entries, load_bank, load_banks
from drafter.core.errors import BankError

USER_BANK = """\
topic: org-life
entries:
  - id: org-life.problem.01
    section: problem
    kind: heading
    text: 我们自己的组织生活标题
  - id: mine.problem.01
    section: problem
    kind: sentence
    scenes: [社区]
    text: 有的楼栋党小组活动长期处于停滞状态。
    links: [mine.cause.01, org-life.countermeasure.01]
  - id: mine.cause.01
    section: cause
    kind: sentence
    text: 楼栋党小组长多为兼职，精力有限。
    links: [org-life.countermeasure.01]
"""


def write_bank(folder: Path, text: str = USER_BANK, name: str = "mine.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_builtin_bank_loads_with_ids_sections_and_origins() -> None:
    entries = builtin_entries()
    assert len({e.id for e in entries}) == len(entries)
    entry = entries[0]
    assert entry.bank == BUILTIN and entry.path is not None and entry.line
    assert all(e.topics for e in entries if e.section not in ("opening", "transition", "closing"))


def test_user_bank_overrides_builtin_ids_and_keeps_its_source(tmp_path: Path) -> None:
    bank = load_banks([write_bank(tmp_path / "mine")])
    replaced = bank.get("org-life.problem.01")
    assert (
        replaced is not None
        and replaced.text == "我们自己的组织生活标题"
        and replaced.bank == "mine"
    )
    mine = bank.get("mine.problem.01")
    assert mine is not None and mine.topics == ("org-life",) and mine.scenes == ("社区",)
    assert [e.id for e in bank.linked(mine, "cause")] == ["mine.cause.01"]
    assert {"built-in", "mine"} <= set(bank.banks)


def test_user_banks_come_from_config_env_and_user_folder(
    tmp_path: Path, drafter_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_bank(drafter_home / "data" / "banks" / "office", USER_BANK.replace("mine.", "office."))
    env_bank = write_bank(tmp_path / "envbank", USER_BANK.replace("mine.", "env."))
    monkeypatch.setenv("DRAFTER_BANKS", str(env_bank))
    config_bank = write_bank(tmp_path / "cfgbank", USER_BANK.replace("mine.", "cfg."))
    (drafter_home / "config").mkdir()
    (drafter_home / "config" / "config.yaml").write_text(
        f"banks: [{config_bank}]\n", encoding="utf-8"
    )
    bank = load_banks()
    for prefix in ("office", "env", "cfg"):
        assert bank.get(f"{prefix}.problem.01") is not None, prefix


def test_plain_text_bank_has_one_phrase_a_line(tmp_path: Path) -> None:
    path = tmp_path / "phrases.txt"
    path.write_text("组织生活不够规范\n\n有的支部会议记录不全，党员参与不多。\n", encoding="utf-8")
    entries = load_bank(path).entries
    assert [(e.text, e.kind, e.line) for e in entries] == [
        ("组织生活不够规范", "heading", 1),
        ("有的支部会议记录不全，党员参与不多。", "sentence", 3),
    ]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "entries:\n  - id: a.problem.01\n    section: problem\n    kind: heading\n    text: 某某\n",
            "缺少 topics",
        ),
        ("topic: politics\nentries: []\n", "topic 不能写“politics”"),
        (
            "topic: theory\nentries:\n  - id: Bad Id\n    section: problem\n    kind: heading\n    text: 某某某某\n",
            "id 由小写英文词加点连成",
        ),
        (
            "topic: theory\nentries:\n  - id: a.b\n    section: problems\n    kind: heading\n    text: 某某某某\n",
            "section",
        ),
    ],
)
def test_bad_bank_files_are_located_errors(tmp_path: Path, text: str, words: str) -> None:
    write_bank(tmp_path, text)
    with pytest.raises(BankError, match=words) as info:
        load_bank(tmp_path)
    assert info.value.path is not None and info.value.line is not None


def finding_messages(tmp_path: Path, entries: str) -> list[str]:
    write_bank(tmp_path, "topic: theory\nentries:\n" + entries)
    return [str(f) for f in check_paths([tmp_path])]


ENTRY = "  - id: {id}\n    section: {section}\n    kind: {kind}\n    text: '{text}'\n"


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("理论学习,流于形式", "heading", "半角标点"),
        ("理論學習不夠深入", "heading", "繁体字"),
        ("2023年以来学习不够深入。", "sentence", "写了年份或会议届次"),
        ("XX支部学习不够深入。", "sentence", "占位"),
        ("全{单位 }党员学习不够深入。", "sentence", "空位 {单位 } 写得不对"),
        ("学习", "heading", "标题 2 个字"),
        ("理论学习不够深入", "sentence", "以“。”结尾"),
        ("全{单位}党员学习不够深入。", "sentence", "全{单位} 填好后"),
        ("本{单位}党员学习不够深入。", "sentence", "全{单位} 填好后"),
        ("{年份}共发展党员{发展数}名。", "sentence", "请写 {年份}年"),
    ],
)
def test_bank_check_finds_register_faults(tmp_path: Path, text: str, kind: str, words: str) -> None:
    messages = finding_messages(
        tmp_path, ENTRY.format(id="theory.problem.01", section="problem", kind=kind, text=text)
    )
    assert any(words in m and "theory.problem.01" in m for m in messages), messages


def test_slots_that_read_right_pass(tmp_path: Path) -> None:
    text = "{范围}{年份}年共发展党员{发展数}名，{单位}各支部均已完成换届。"
    messages = finding_messages(
        tmp_path,
        ENTRY.format(id="theory.problem.01", section="problem", kind="sentence", text=text),
    )
    assert messages == []


def test_bank_check_finds_duplicates_links_and_near_duplicates(tmp_path: Path) -> None:
    entries = (
        ENTRY.format(
            id="theory.problem.01",
            section="problem",
            kind="sentence",
            text="部分党员理论学习不够深入系统，学用结合不紧。",
        )
        + "    links: [theory.cause.99, theory.problem.02]\n"
        + ENTRY.format(
            id="theory.problem.02",
            section="problem",
            kind="sentence",
            text="部分党员理论学习不够深入系统，学用结合不够紧。",
        )
        + ENTRY.format(
            id="theory.problem.02", section="problem", kind="heading", text="学用结合不紧密"
        )
    )
    messages = finding_messages(tmp_path, entries)
    assert any("关联到不存在的 id theory.cause.99" in m for m in messages)
    assert any("不应关联到 problem" in m for m in messages)
    assert any("id 重复" in m for m in messages)
    assert any("与 theory.problem.01 几乎重复" in m for m in messages)


def test_bank_check_accepts_a_clean_bank(tmp_path: Path) -> None:
    assert (
        finding_messages(
            tmp_path,
            ENTRY.format(
                id="theory.problem.01", section="problem", kind="heading", text="理论学习不够深入"
            ),
        )
        == []
    )

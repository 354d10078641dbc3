"""Pseudo-original (伪原创) rewording: swaps found in context, named, restored on request."""

from __future__ import annotations

from collections import Counter

import pytest

from drafter.core.bank.loading import builtin_entries
from drafter.core.harvest.phrases import Phrase
from drafter.core.harvest.rewording import find_swaps, review, reviewed, swaps


def _pairs(text: str) -> list[str]:
    return [f"{f.swap.written}→{f.swap.original}" for f in find_swaps(text)]


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        ("打牢支部工作的根底。", ["根底→基础"]),
        ("调研组对各村进展了专题调研。", ["进展→进行"]),
        ("局部党员参加组织生活不积极。", ["局部→部分"]),
        ("督查中发觉问题后及时整改。", ["发觉→发现"]),
        ("切实加强党的建立。", ["建立→建设"]),
        ("进一步标准组织生活程序。", ["标准→规范"]),
        ("杜绝消失“走过场”的情况。", ["消失→出现"]),
        ("充沛发挥党员先锋模范作用，取得显着成效。", ["充沛→充分", "显着→显著"]),
        ("相当一局部支部缺乏有用的沟通机制。", ["局部→部分", "有用→有效"]),
        ("基层治理中的矛盾日益杰出。", ["杰出→突出"]),
        ("换届后消失了许多新情况、新题目。", ["消失→出现", "题目→问题"]),
    ],
)
def test_swaps_are_found_where_only_the_original_fits(text: str, pairs: list[str]) -> None:
    assert _pairs(text) == pairs


@pytest.mark.parametrize(
    "text",
    [
        "各项工作取得了积极进展，整改进展顺利。",  # 进展 as progress
        "建立健全党员积分管理制度，建立了工作台账。",  # 建立 as set up
        "统一台账格式标准，推进标准化建设。",  # 标准 as a standard
        "部分问题在局部地区有所反弹。",  # 局部 as a local area
        "不良现象逐步消失。",  # 消失 as disappearing
        "标新立异不是创新。",
        "为群众提供有用的信息，表彰作出杰出贡献的党员。",
        "这种现象消失了。",
        "征文比赛的题目由支部确定。",
    ],
)
def test_the_words_in_their_own_sense_are_not_swaps(text: str) -> None:
    assert find_swaps(text) == []


def test_the_shipped_bank_has_no_suspected_swaps() -> None:
    assert [e.text for e in builtin_entries() if find_swaps(e.text)] == []
    assert all(s.written != s.original and s.weight in (1, 2) for s in swaps())


def _phrase(text: str) -> Phrase:
    return Phrase("problem", "sentence", text, 1, "")


def test_a_flagged_entry_names_its_swaps_and_suggests_the_restored_text() -> None:
    counts: Counter[str] = Counter()
    kept = reviewed([_phrase("局部党员进展学习不主动。"), _phrase("学习不够主动。")], counts,
                    restore=False)  # fmt: skip
    assert kept[0].text == "局部党员进展学习不主动。"  # never changed silently
    assert (
        kept[0].note
        == "疑似伪原创改写（局部→部分、进展→进行），建议恢复为：部分党员进行学习不主动。"
    )
    assert kept[1].note == ""
    assert counts["reworded"] == 1 and counts["pseudo-original"] == 0


def test_restoring_writes_the_suggestion_and_keeps_the_original_in_the_note() -> None:
    (kept,) = reviewed([_phrase("杜绝消失问题久拖不决。")], Counter(), restore=True)
    assert kept.text == "杜绝出现问题久拖不决。"
    assert kept.note == "已恢复疑似伪原创改写（消失→出现），原文：杜绝消失问题久拖不决。"


def test_one_odd_word_is_flagged_only_in_a_file_that_reads_as_pseudo_original() -> None:
    weak = "调研发现群众进展了解不多。"  # 进展 before a verb: one weak sign
    assert find_swaps(weak) and review([weak, "学习不够主动。"]).entries == 0
    strong = ["局部党员学习不主动。", "打牢根底。", "充沛发挥作用。"]
    result = review([*strong, weak])
    assert result.pseudo_original and result.entries == 4

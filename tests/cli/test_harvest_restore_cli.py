"""`drafter harvest --restore`: 伪原创 swaps named in notes, restored only when asked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from drafter.core.bank.loading import load_bank

Run = Callable[..., Result]

REWORDED = """关于机关党支部建设的几点思考
一、存在的问题
（一）学习制度落实不够。局部党员参加集中学习不主动，支部对学习情况进展检查的次数偏少。
（二）基础工作不扎实。有的支部台账记录不全，整改中时有消失问题反弹的情况。
二、对策建议
（一）健全学习制度。充沛发挥支部书记的带头作用，每月进展一次学习情况通报。
"""


def _bank(run: Run, source: Path, out: Path, *options: str) -> dict[str, tuple[str, str]]:
    result = run("harvest", str(source), "-o", str(out), *options)
    assert result.exit_code == 0, result.output
    return {e.id: (e.text, e.note) for e in load_bank(out).entries}


def test_restore_writes_the_suggested_text(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "reworded.txt"
    source.write_text(REWORDED, encoding="utf-8")
    kept = _bank(run, source, tmp_path / "kept")
    restored = _bank(run, source, tmp_path / "restored", "--restore")
    assert kept.keys() == restored.keys()
    changed = [key for key in kept if kept[key][0] != restored[key][0]]
    assert len(changed) == 3
    for key in changed:
        text, note = kept[key]
        assert (
            note
            == f"疑似伪原创改写（{note.split('（')[1].split('）')[0]}），建议恢复为：{restored[key][0]}"
        )
        assert restored[key][1].endswith(f"原文：{text}")
    assert "进行检查" in "".join(t for t, _ in restored.values())


def test_the_summary_counts_suspected_rewording(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "reworded.txt"
    source.write_text(REWORDED, encoding="utf-8")
    result = run("harvest", str(source), "-o", str(tmp_path / "bank"), "--json")
    cleaned = json.loads(result.stdout)["files"][0]["cleaned"]
    assert cleaned["suspected_rewording"] == 3 and cleaned["pseudo_original"] is True

"""What drafter prints never carries a control sequence from a file: bank text and file
names are shown escaped, and `bank check` rejects control characters in entry text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from drafter.core.text.terminal import for_terminal

Run = Callable[..., Result]
ENTRY = (
    "entries:\n"
    "  - id: t.problem.01\n"
    "    section: problem\n"
    "    kind: sentence\n"
    '    text: "有的支部组织生活{ch}流于形式。"\n'
    "    topics: [organization]\n"
)


@pytest.mark.parametrize(
    ("ch", "shown"),
    [
        ("\\e[2J", "\\x1b"),
        ("\\r", "\\r"),
        ("\\x9b", "\\x9b"),
        ("\\L", "\\u2028"),
        ("\\x7f", "\\x7f"),
    ],
)
def test_bank_check_rejects_control_characters_and_search_shows_them_escaped(
    run: Run, tmp_path: Path, ch: str, shown: str
) -> None:
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "b.yaml").write_text(ENTRY.format(ch=ch), encoding="utf-8")
    checked = run("bank", "check", str(bank))
    assert checked.exit_code != 0
    assert f"控制字符 {shown}" in checked.stdout
    found = run("search", "组织生活", "--bank", str(bank))
    assert found.exit_code == 0, found.output
    assert shown in found.stdout
    assert not any(c in found.stdout for c in "\x1b\r\x9b\u2028\x7f")


def test_an_error_naming_a_hostile_file_stays_one_harmless_line(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "a\x1b]0;owned\x07\nb.draft.yaml"
    path.write_text("kind: [\n", encoding="utf-8")
    result = run("build", str(path))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert "\x1b" not in result.stderr and "\\x1b" in result.stderr


def test_for_terminal_keeps_new_lines_tabs_and_chinese() -> None:
    assert for_terminal("第一行\n\t第二行，“引号”") == "第一行\n\t第二行，“引号”"
    assert for_terminal("a\u202eb") == "a\\u202eb"

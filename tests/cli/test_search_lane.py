"""The quick lane of `drafter search`: the plainest calls skip click's import and print
exactly what the click command prints; every other call is read by click."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.cli.lane import _read

BANK = """\
发展党员前要公示，征求群众意见。
党员教育培训形式单一，内容更新不及时。
支部书记抓党建的责任意识还需增强。
党员教育管理存在薄弱环节。
"""

LANE = "from drafter.cli import run; run()"
CLICK = "from drafter.cli.group import main; main()"


def drafter(code: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """`drafter ARGS` in a process of its own: through `run` (as installed) or click alone."""
    env = dict(os.environ, DRAFTER_HOME=str(home))
    script = f"import sys; sys.argv = ['drafter', *sys.argv[1:]]; {code}"
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=env
    )


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "我的短语.txt"
    ledgers = "".join(f"第{n}个党小组的学习台账要按月更新。\n" for n in range(1, 25))
    path.write_text(BANK + ledgers, encoding="utf-8")  # more than a page of 20
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["党员", "教育"],
        ["--json", "dyjy", "--limit", "2"],
        ["支部", "--limit", "1", "--json"],
        ["没有这样的话"],
        [],
    ],
    ids=["words", "json-and-limit", "options-after-words", "nothing-found", "no-words"],
)
def test_the_lane_prints_what_the_click_command_prints(
    args: list[str], bank: Path, drafter_home: Path
) -> None:
    argv = ["search", *args, "--bank", str(bank)]
    quick = drafter(LANE, *argv, home=drafter_home)
    full = drafter(CLICK, *argv, home=drafter_home)
    assert quick.returncode == full.returncode == 0, quick.stderr + full.stderr
    assert (quick.stdout, quick.stderr) == (full.stdout, full.stderr)
    assert quick.stdout or "没有找到" in quick.stderr


def test_a_bank_that_cannot_be_read_ends_in_the_same_line(
    tmp_path: Path, drafter_home: Path
) -> None:
    argv = ["search", "党员", "--bank", str(tmp_path / "没有.txt")]
    quick = drafter(LANE, *argv, home=drafter_home)
    full = drafter(CLICK, *argv, home=drafter_home)
    assert quick.returncode == full.returncode == 2
    assert quick.stderr == full.stderr and quick.stderr.startswith("drafter：错误：")
    assert quick.stderr.count("\n") == 1 and "Traceback" not in quick.stderr


def test_a_damaged_store_is_rebuilt_with_one_line_of_notice(bank: Path, drafter_home: Path) -> None:
    # the lane opens the store and starts its checksum before it loads the search
    argv = ["search", "党员", "--bank", str(bank)]
    first = drafter(LANE, *argv, home=drafter_home)
    (store,) = (drafter_home / "cache").glob("bank-*")
    data = store.read_bytes()
    damaged = data[:-16] + bytes(b ^ 0xFF for b in data[-16:])  # its last section's end
    store.write_bytes(damaged)
    again = drafter(LANE, *argv, home=drafter_home)
    assert again.returncode == 0 and again.stdout == first.stdout
    assert again.stderr.count("\n") == 1 and store.name in again.stderr
    assert "rebuilding" in again.stderr and "Traceback" not in again.stderr
    assert store.read_bytes() != damaged  # written anew


def test_a_plain_search_does_not_load_click(bank: Path, drafter_home: Path) -> None:
    # a third of such a call's time; the lane is there for nothing else
    # the lane ends the process itself: what is loaded is told just before
    report = "print('click' in sys.modules, file=sys.stderr, flush=True)"
    code = f"import os; end = os._exit; os._exit = lambda n: ({report}, end(n)); {LANE}"
    done = drafter(code, "search", "党员", "--bank", str(bank), home=drafter_home)
    assert done.returncode == 0 and done.stdout
    assert done.stderr.strip() == "False"


@pytest.mark.parametrize(
    "args",
    [
        ["--limit", "0", "党员"],  # a value click checks and reports
        ["--limit", "两", "党员"],
        ["--scene", "农村", "党员"],  # a filter: click reads the table of filters
        ["--bank=x.txt", "党员"],
        ["--help"],
        ["--", "-党员"],
        ["党员", "--limit"],
    ],
)
def test_what_the_lane_does_not_read_is_left_to_click(args: list[str]) -> None:
    assert _read(args) is None


def test_click_reports_what_the_lane_left(bank: Path, drafter_home: Path) -> None:
    done = drafter(LANE, "search", "党员", "--limit", "0", "--bank", str(bank), home=drafter_home)
    assert done.returncode == 2
    assert done.stderr.startswith("drafter：错误：--limit") and not done.stdout
    scene = drafter(
        LANE, "search", "党员", "--scene", "农村", "--bank", str(bank), home=drafter_home
    )
    assert scene.returncode == 0 and "党员" in scene.stdout


def test_on_windows_what_click_would_expand_is_left_to_click(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import drafter.cli.lane as lane

    monkeypatch.setattr(lane, "_EXPANDED", True)  # click expands globs, ~ and %VARS% there
    for word in ["党员*", "~/党员", "%TEMP%"]:
        assert _read([word]) is None
    assert _read(["党员", "教育"]) == (["党员", "教育"], [], 20, False)

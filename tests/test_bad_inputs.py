"""Every command meets bad input the same way: one Chinese line naming the file (and the
line), exit status 2, no traceback and no partial output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafter.cli.group import main

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "township-rural-survey.draft.yaml"
GOOD = EXAMPLE.read_text(encoding="utf-8")
# Ten levels of ten aliases: 10**10 values from 600 bytes (issue 17).
BOMB = "".join(
    f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}" if i else "x"] * 10) + "]\n" for i in range(11)
)

Maker = Callable[[Path], tuple[list[str], str]]


def write(path: Path, text: str | bytes) -> Path:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def draft(tmp: Path, text: str | bytes, name: str = "bad.draft.yaml") -> str:
    return str(write(tmp / name, text))


def kind_folder(tmp: Path, kind_yaml: str) -> str:
    folder = tmp / "kinds" / "mine"
    folder.mkdir(parents=True)
    write(folder / "kind.yaml", kind_yaml)
    write(folder / "report.j2", "@title {{ meta.title }}\n")
    return str(tmp / "kinds")


def with_config(text: str, args: list[str]) -> list[str]:
    """Write the user's config.yaml (under the test's DRAFTER_HOME); return `args`."""
    import os

    path = Path(os.environ["DRAFTER_HOME"]) / "config" / "config.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    write(path, text)
    return args


def bank_folder(tmp: Path, text: str | bytes) -> str:
    folder = tmp / "bank"
    folder.mkdir()
    write(folder / "b.yaml", text)
    return str(folder)


CASES: dict[str, Maker] = {
    # build
    "build malformed yaml": lambda t: (
        ["build", draft(t, "kind: survey\nmeta: {title: [\n")],
        "草稿文件 ",
    ),
    "build truncated yaml": lambda t: (
        ["build", draft(t, GOOD[: GOOD.index("- heading:") + 12] + "'")],
        "草稿文件 ",
    ),
    "build incomplete draft": lambda t: (
        ["build", draft(t, GOOD.split("- id: cause")[0])],
        "bad.draft.yaml：必写部分「原因分析」是空的（草稿里的 cause）",
    ),
    "build wrong type": lambda t: (
        ["build", draft(t, GOOD.replace("format_version: 1", "format_version: one"))],
        "bad.draft.yaml 第 1 行",
    ),
    "build unknown key": lambda t: (
        ["build", draft(t, GOOD.replace("meta:\n", "meta:\n  author: 某人\n", 1))],
        "没有 author 这个字段",
    ),
    "build empty file": lambda t: (["build", draft(t, "")], "文件是空的"),
    "build gbk file": lambda t: (["build", draft(t, GOOD.encode("gb18030"))], "不是 UTF-8"),
    "build directory": lambda t: (["build", str(t)], "这是文件夹"),
    "build unknown kind": lambda t: (
        ["build", draft(t, GOOD.replace("kind: survey", "kind: memo"))],
        "没有“memo”这个报告类型",
    ),
    "build missing output folder": lambda t: (
        ["build", str(EXAMPLE), "-o", str(t / "no" / "r.docx")],
        "不存在",
    ),
    "build output is a folder": lambda t: (
        ["build", str(EXAMPLE), "-o", str((t / "x.docx").mkdir() or t / "x.docx")],
        "这是文件夹",
    ),
    "build bad font profile": lambda t: (
        ["build", str(EXAMPLE), "--fonts", str(write(t / "f.yaml", "body: [1]\n"))],
        "f.yaml 第 1 行",
    ),
    # new, templates
    "new unknown kind": lambda t: (
        ["new", "--kind", "memo", "-o", str(t / "n.draft.yaml")],
        "这个报告类型",
    ),
    "templates broken kind.yaml": lambda t: (
        ["templates", "--templates", kind_folder(t, "id: mine\nname: [\n")],
        "kind.yaml 第 ",
    ),
    "templates kind without sections": lambda t: (
        ["templates", "--templates", kind_folder(t, "id: mine\nname: 自定义\nsections: []\n")],
        "kind.yaml 第 3 行",
    ),
    # lint
    "lint malformed yaml": lambda t: (
        ["lint", draft(t, "kind: survey\nsections: [\n")],
        "bad.draft.yaml 第 ",
    ),
    "lint gbk file": lambda t: (["lint", draft(t, GOOD.encode("gbk"))], "不是 UTF-8"),
    "lint directory": lambda t: (["lint", str(t)], "这是文件夹"),
    "lint report not a docx": lambda t: (["lint", str(write(t / "r.docx", "plain"))], "r.docx"),
    "lint report missing": lambda t: (["lint", str(t / "none.docx")], "none.docx"),
    "lint report empty text": lambda t: (["lint", str(write(t / "r.txt", "\n\n"))], "r.txt"),
    "lint report binary": lambda t: (
        ["lint", str(write(t / "r.md", bytes(range(256)) * 9))],
        "r.md",
    ),
    # check
    "check not a docx": lambda t: (["check", str(write(t / "a.docx", "plain text"))], "a.docx"),
    "check a folder": lambda t: (["check", str(t)], "这是文件夹"),
    "check missing file": lambda t: (["check", str(t / "none.docx")], "none.docx"),
    # search and banks
    "search bank not utf-8": lambda t: (
        ["search", "组织", "--bank", str(write(t / "p.txt", "组织生活不规范\n".encode("gbk")))],
        "p.txt",
    ),
    "search malformed bank": lambda t: (
        ["search", "组织", "--bank", bank_folder(t, "entries: [\n")],
        "b.yaml 第 ",
    ),
    "search unknown filter": lambda t: (["search", "组织", "--section", "problems"], "problems"),
    "search missing bank": lambda t: (["search", "组织", "--bank", str(t / "none")], "none"),
    "bank check unreadable": lambda t: (
        ["bank", "check", bank_folder(t, b"\xff\xfe\x00")],
        "b.yaml",
    ),
    "bank stats wrong type": lambda t: (
        ["bank", "stats", "--bank", bank_folder(t, "entries:\n  - id: 7\n")],
        "b.yaml 第 ",
    ),
    # edit refuses before opening the terminal UI
    "edit a folder": lambda t: (["edit", str(t)], "这是文件夹"),
    "edit malformed draft": lambda t: (["edit", draft(t, "kind: [\n")], "bad.draft.yaml 第 "),
    # harvest
    "harvest output is a file": lambda t: (
        ["harvest", str(EXAMPLE), "-o", str(write(t / "out", "x"))],
        "out",
    ),
    # hostile input (issue 17): bounded loaders, guarded outputs
    "build alias bomb": lambda t: (["build", draft(t, BOMB)], "别名"),
    "build duplicated sections": lambda t: (
        ["build", draft(t, GOOD + "sections:\n  - id: opening\n")],
        "键 sections 在同一层写了两次",
    ),
    "build over its own draft": lambda t: (
        ["build", (p := draft(t, GOOD)), "-o", p, "--format", "txt"],
        "就是草稿本身",
    ),
    "build format against extension": lambda t: (
        ["build", str(EXAMPLE), "-o", str(t / "x.docx"), "--format", "txt"],
        "对不上",
    ),
    "lint alias bomb": lambda t: (["lint", draft(t, BOMB)], "别名"),
    "templates kind.yaml alias bomb": lambda t: (
        ["templates", "--templates", kind_folder(t, "id: mine\n" + BOMB)],
        "别名",
    ),
    "templates config alias bomb": lambda t: (with_config(BOMB, ["templates"]), "别名"),
    "search bank alias bomb": lambda t: (
        ["search", "组织", "--bank", bank_folder(t, "entries: []\n" + BOMB)],
        "别名",
    ),
    "search bank duplicate key": lambda t: (
        ["search", "组织", "--bank", bank_folder(t, "entries: []\nentries: []\n")],
        "第 1 行和第 2 行",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_one_line_and_status_2(case: str, tmp_path: Path) -> None:
    args, words = CASES[case](tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2, (args, result.output)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("drafter：错误："), lines[0]
    assert words in lines[0], lines[0]
    assert "Traceback" not in result.output
    created = {p for p in tmp_path.rglob("*")} - before
    assert not [p for p in created if p.suffix in (".docx", ".md", ".txt", ".tmp")], created

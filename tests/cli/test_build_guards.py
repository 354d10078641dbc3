"""`drafter build` never destroys its own draft, writes the format the file name says, and
can write Markdown or text to standard output; DRAFTER_TEMPLATES and config `templates:`
add report kinds as the README says."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "township-rural-survey.draft.yaml"
Run = Callable[..., Result]


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return Path(shutil.copy(EXAMPLE, tmp_path / "x.draft.yaml"))


@pytest.mark.parametrize(
    ("out", "extra", "words"),
    [
        ("x.draft.yaml", ["--format", "txt"], "就是草稿本身"),
        ("link.txt", [], "就是草稿本身"),
        ("other.draft.yaml", ["--format", "md"], "报告不能写进 .draft.yaml 文件"),
        ("x.docx", ["--format", "txt"], "与扩展名 .docx 对不上"),
        ("-", ["--format", "docx"], "Word 文件不能输出到屏幕"),
    ],
)
def test_a_build_that_would_destroy_or_mislabel_is_refused(
    run: Run, draft: Path, out: str, extra: list[str], words: str
) -> None:
    before = draft.read_bytes()
    (draft.parent / "link.txt").symlink_to(draft)
    target = out if out == "-" else str(draft.parent / out)
    result = run("build", str(draft), "-o", target, *extra)
    assert result.exit_code == 2, result.output
    assert words in result.stderr and len(result.stderr.splitlines()) == 1
    assert draft.read_bytes() == before
    assert not list(draft.parent.glob("*.docx")) and not list(draft.parent.glob(".*.tmp"))


def test_the_extension_decides_the_format_and_agreeing_options_are_fine(
    run: Run, draft: Path
) -> None:
    assert run("build", str(draft), "-o", str(draft.parent / "r.md")).exit_code == 0
    assert (draft.parent / "r.md").read_text(encoding="utf-8").startswith("#")
    assert (
        run("build", str(draft), "-o", str(draft.parent / "r.txt"), "--format", "txt").exit_code
        == 0
    )


@pytest.mark.parametrize(("fmt", "start"), [([], ""), (["--format", "md"], "# ")])
def test_dash_writes_the_report_to_standard_output(
    run: Run, draft: Path, fmt: list[str], start: str
) -> None:
    result = run("build", str(draft), "-o", "-", *fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start) and "已生成" not in result.stdout
    assert "乡镇" in result.stdout or "调研" in result.stdout
    assert not (draft.parent / "-").exists()


def test_more_than_999_points_is_one_line_naming_the_draft(run: Run, tmp_path: Path) -> None:
    from drafter.core.files import draftfile
    from drafter.core.model import Point

    model = draftfile.load(EXAMPLE)
    model.section("problem").points = [Point(heading=f"第{i}个问题") for i in range(1000)]
    path = tmp_path / "many.draft.yaml"
    draftfile.save(model, path, backup=False)
    result = run("build", str(path), "-o", str(tmp_path / "r.txt"))
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "many.draft.yaml" in line and "1000 个要点" in line and "999" in line


def kind_folder(root: Path, kind_id: str) -> Path:
    folder = root / kind_id
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(
        f"id: {kind_id}\nname: 自定义{kind_id}\nsections:\n  - id: opening\n", encoding="utf-8"
    )
    (folder / "report.j2").write_text("@title {{ meta.title }}\n", encoding="utf-8")
    return root


def test_drafter_templates_and_config_templates_add_kinds(
    run: Run, tmp_path: Path, drafter_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_root = kind_folder(tmp_path / "env", "fromenv")
    config_root = kind_folder(tmp_path / "cfg", "fromconfig")
    monkeypatch.setenv("DRAFTER_TEMPLATES", f"{env_root}{os.pathsep}")
    config = drafter_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True)
    config.write_text(f"templates:\n  - {config_root}\n", encoding="utf-8")
    result = run("templates")
    assert result.exit_code == 0, result.output
    assert "fromenv" in result.stdout and "fromconfig" in result.stdout

"""The review step: preview as it will read, findings that jump to their point, export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.tui.app import DrafterApp
from drafter.tui.screens.dialogs import ConfirmDialog, ExportDialog
from drafter.tui.screens.wizard import WizardScreen
from tests.tui.conftest import settle


async def open_review(pilot) -> WizardScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("ctrl+r")
    await settle(pilot)
    wizard = pilot.app.screen
    assert isinstance(wizard, WizardScreen) and wizard.step == wizard.last_step
    return wizard


async def test_the_preview_reads_like_the_report_with_numbers_and_connectives(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        wizard = await open_review(pilot)
        lines = [str(w.render()).replace("\n", "") for w in wizard.query("#preview Static")]
        assert lines[0] == "关于某街道社区党建工作的调研报告"
        assert "一、基本情况" in lines and "二、存在的问题" in lines
        assert lines.index("（一）谈心谈话开展不经常") < lines.index("（二）党员活动阵地利用率低")
        # the template's connective sentence announces the two problems
        assert any("两个方面" in line for line in lines)


async def test_choosing_a_finding_opens_its_point(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        wizard = await open_review(pilot)
        target = next(
            i for i, f in enumerate(wizard.findings) if f.section == "problem" and f.path == (1,)
        )
        findings = wizard.query_one("#findings")
        ids = [findings.get_option_at_index(i).id for i in range(findings.option_count)]
        findings.highlighted = ids.index(f"f{target}")
        await pilot.press("enter")
        await settle(pilot)
        assert wizard.spec is not None and wizard.spec.id == "problem"
        assert wizard.editor("problem").point == 1
        assert wizard.focused in (
            wizard.editor("problem").query_one("#heading"),
            wizard.editor("problem").body,
        )


async def test_export_to_markdown_and_asking_before_overwriting(
    make: Callable[..., DrafterApp], draft_file: Path, tmp_path: Path
) -> None:
    async with make(draft_file).run_test(size=(100, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.click("RadioButton", offset=(2, 1))  # the second choice: Markdown
        await pilot.pause()
        assert dialog.query_one("#path").value.endswith("社区调研.md")
        out = tmp_path / "社区调研.md"
        await pilot.click("#ok")
        await settle(pilot)
        assert out.is_file()
        text = out.read_text(encoding="utf-8")
        assert "关于某街道社区党建工作的调研报告" in text and "（一）谈心谈话开展不经常" in text

        out.write_text("旧内容", encoding="utf-8")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert pilot.app.screen.query_one("#path").value == str(out)  # the last export's path
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert out.read_text(encoding="utf-8") == "旧内容"
        assert isinstance(pilot.app.screen, WizardScreen)


async def test_proofreading_findings_are_listed_and_config_can_turn_one_off(
    make: Callable[..., DrafterApp], tmp_path: Path, drafter_home: Path
) -> None:
    from drafter.core.files import draftfile
    from tests.tui.conftest import sample_draft

    draft = sample_draft()
    draft.sections[0].body.append("截止目前，其它社区也有类似情况。")
    path = tmp_path / "proof.draft.yaml"
    draftfile.save(draft, path, backup=False)
    async with make(path).run_test(size=(120, 40)) as pilot:
        wizard = await open_review(pilot)
        words = [f for f in wizard.findings if f.code == "W001"]
        assert len(words) == 2 and all("\n" not in f.hint for f in words)
    config = drafter_home / "config" / "config.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("checks:\n  disable: [W001]\n", encoding="utf-8")
    again = tmp_path / "proof-again.draft.yaml"
    draftfile.save(draft, again, backup=False)
    async with make(again).run_test(size=(120, 40)) as pilot:
        wizard = await open_review(pilot)
        assert not [f for f in wizard.findings if f.code == "W001"]


async def test_a_kind_from_a_templates_folder_is_exported_as_it_was_previewed(
    make: Callable[..., DrafterApp], tmp_path: Path
) -> None:
    import shutil

    from drafter.core.files import draftfile
    from drafter.core.project import new_draft
    from drafter.core.report.kinds import get_kind

    folder = tmp_path / "kinds" / "visit"
    shutil.copytree(Path(__file__).parents[2] / "templates" / "survey", folder)
    spec = (folder / "kind.yaml").read_text(encoding="utf-8")
    spec = spec.replace("id: survey", "id: visit").replace("问题与对策调研报告", "走访报告")
    (folder / "kind.yaml").write_text(spec, encoding="utf-8")
    kind = get_kind("visit", [tmp_path / "kinds"])
    draft = new_draft(kind, title="关于走访六个社区的报告", unit="某街道党工委")
    draft.section("situation").body = ["六个社区都建有党群服务中心。"]
    path = tmp_path / "走访.draft.yaml"
    draftfile.save(draft, path, backup=False)
    app = make(path, templates=[tmp_path / "kinds"])
    async with app.run_test(size=(100, 30)) as pilot:
        await open_review(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):  # the report is incomplete: export anyway
            await pilot.press("enter")
            await settle(pilot)
        out = tmp_path / "走访.docx"
        assert out.is_file()
        assert "导出失败" not in [n.title for n in app._notifications]


async def test_an_unfilled_slot_is_explained_the_wizards_way(
    make: Callable[..., DrafterApp], draft_file: Path
) -> None:
    """The wizard fills slots with ctrl+l; its hint must not send the user to `slots:`."""
    text = draft_file.read_text("utf-8")
    draft_file.write_text(
        text.replace("谈心谈话开展不经常", "谈心谈话开展不经常{次数}", 1), "utf-8"
    )
    async with make(draft_file).run_test(size=(120, 40)) as pilot:
        wizard = await open_review(pilot)
        unfilled = [f for f in wizard.findings if f.code == "C002"]
        assert unfilled
        findings = wizard.query_one("#findings")
        shown = [str(findings.get_option_at_index(i).prompt) for i in range(findings.option_count)]
        assert any("ctrl+l" in row for row in shown)
        assert not any("slots:" in row for row in shown)

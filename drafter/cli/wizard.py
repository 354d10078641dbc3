"""`drafter` (no command) and `drafter edit DRAFT`: open the Textual wizard.

Bad input is reported before the terminal UI starts, as one line and exit status 2: a draft
that cannot be read, an unknown report kind, or a --bank path that does not exist.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from drafter.cli.options import wizard_banks_option
from drafter.cli.usage import Command
from drafter.core.bank.storekey import bank_files
from drafter.core.errors import BankError, DraftFileError, TemplateError

if TYPE_CHECKING:
    from drafter.core.report.kinds import ReportKind


def check_inputs(draft_path: Path | None, banks: Sequence[Path]) -> dict[str, ReportKind] | None:
    """Fail early, in one line, on bad input; return the kinds when they had to be loaded."""
    # The draft model and the kinds load only for `edit`: `drafter` alone starts faster.
    for bank in banks:
        if not bank.exists():
            raise BankError("找不到这个文件或文件夹", bank)
        bank_files(bank)
    if draft_path is not None and draft_path.exists():
        if draft_path.is_dir():
            raise DraftFileError("这是文件夹，不是草稿文件", draft_path)
        from drafter.core.files import draftfile
        from drafter.core.report.kinds import discover

        kind = draftfile.load(draft_path).kind
        kinds = discover()
        if kind not in kinds:
            known = "、".join(kinds)
            raise TemplateError(
                f"没有“{kind}”这个报告类型；现有：{known}", draft_path, noun="草稿文件"
            )
        return kinds
    return None


def run_wizard(draft_path: Path | None, banks: Sequence[str]) -> None:
    """Run the wizard on a draft (None: the start screen) with extra phrasebanks."""
    bank_paths = [Path(b).expanduser() for b in banks]
    kinds = check_inputs(draft_path, bank_paths)
    from drafter.tui.app import make_app

    app = make_app(draft_path, bank_paths, kinds=kinds)
    app.run()


@click.command(cls=Command)
@click.argument("draft_path", metavar="草稿", type=click.Path(path_type=Path))
@wizard_banks_option
def edit(draft_path: Path, banks: tuple[str, ...]) -> None:
    """在向导中打开草稿（文件不存在时，在向导中新建）。"""
    run_wizard(draft_path, banks)

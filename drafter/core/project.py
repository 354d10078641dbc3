"""Use cases shared by the CLI and the wizard: start a draft and name its outputs (building
one is drafter.services.build, above the writers)."""

from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from drafter.core.errors import OutputError
from drafter.core.files import locations
from drafter.core.model import Draft, Meta, Section
from drafter.core.report.kinds import ReportKind
from drafter.core.text.slots import fill
from drafter.core.vocab import GENERAL_SCENE

DRAFT_SUFFIX = locations.DRAFT_SUFFIX


def new_draft(
    kind: ReportKind,
    *,
    title: str = "",
    unit: str = "",
    scene: str = GENERAL_SCENE,
    date: _dt.date | None = None,
    signature: str = "",
) -> Draft:
    """A draft with the kind's sections in order, dated today."""
    date = date or _dt.date.today()
    if not title and kind.spec.title_hint:
        title = fill_title(kind.spec.title_hint, unit, date)
    meta = Meta(title=title, unit=unit, signature=signature, date=date.isoformat(), scene=scene)
    return Draft(kind=kind.id, meta=meta, sections=[Section(id=s.id) for s in kind.sections])


def fill_title(pattern: str, unit: str, date: _dt.date) -> str:
    """A kind's title pattern with {年份} and, when known, {单位} filled in."""
    values = {"单位": unit, "年份": str(date.year)} if unit else {"年份": str(date.year)}
    return fill(pattern, values, pending=False)[0]


def default_output(draft_path: Path, fmt: str = "docx") -> Path:
    """report.draft.yaml → report.docx, beside the draft."""
    name = draft_path.name
    stem = name[: -len(DRAFT_SUFFIX)] if name.endswith(DRAFT_SUFFIX) else draft_path.stem
    return draft_path.with_name(f"{stem}.{fmt}")


STDOUT = Path("-")
"""`-o -`: the report goes to standard output (Markdown or plain text)."""


def check_output(draft_path: Path, out: Path) -> None:
    """Refuse an output that is the draft itself or any draft file: a build would destroy it."""
    if out == STDOUT:
        return
    try:
        same = out.exists() and os.path.samefile(out, draft_path)
    except OSError:
        same = False
    if same or os.path.realpath(out) == os.path.realpath(draft_path):
        raise OutputError("就是草稿本身：请另选输出文件", out)
    if out.name.endswith(DRAFT_SUFFIX):
        raise OutputError(f"报告不能写进 {DRAFT_SUFFIX} 文件", out)

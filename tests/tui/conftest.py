"""Fixtures for the wizard's Pilot and snapshot tests: a small bank, a fixed date, drafts."""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from drafter.core.bank.loading import Bank, load_banks
from drafter.core.files import draftfile
from drafter.core.model import Draft, Point
from drafter.core.project import new_draft
from drafter.core.report.kinds import get_kind
from drafter.tui.app import DrafterApp, make_app
from drafter.tui.screens.wizard import WizardScreen

DATA = Path(__file__).parent / "data"
TODAY = _dt.date(2026, 11, 22)


@pytest.fixture
def bank() -> Bank:
    """The test bank only (not the built-in one, which other people keep growing)."""
    return load_banks([DATA / "bank"], builtin=False, user=False)


@pytest.fixture
def make(bank: Bank) -> Callable[..., DrafterApp]:
    """Build the app on the test bank with the real search engine and a fixed date."""

    def build(draft_path: Path | None = None, **kwargs: Any) -> DrafterApp:
        kwargs.setdefault("bank", bank)
        return make_app(draft_path, today=TODAY, **kwargs)

    return build


def sample_draft() -> Draft:
    """A survey draft with a little in each part, written for these tests."""
    draft = new_draft(
        get_kind("survey"),
        title="关于某街道社区党建工作的调研报告",
        unit="某街道党工委",
        date=TODAY,
    )
    draft.section("opening").body = ["为了解社区党组织的工作情况，我们走访了辖区内的六个社区。"]
    draft.section("situation").body = ["全街道共有社区党组织十二个。"]
    draft.section("problem").points = [
        Point(
            heading="谈心谈话开展不经常",
            body=["有的支部一年只在年底集中谈一次心，平时交流很少。"],
            phrases=["tb.problem.01", "tb.problem.03"],
        ),
        Point(heading="党员活动阵地利用率低", phrases=["tb.problem.02"]),
    ]
    draft.section("cause").points = [
        Point(heading="对谈心谈话的作用认识不足", phrases=["tb.cause.01"])
    ]
    draft.section("countermeasure").points = [
        Point(heading="建立经常性谈心谈话机制", phrases=["tb.countermeasure.01"])
    ]
    draft.section("closing").body = ["下一步，我们将坚持问题导向，推动各项措施落到实处。"]
    return draft


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    path = tmp_path / "社区调研.draft.yaml"
    draftfile.save(sample_draft(), path, backup=False)
    return path


async def paste(pilot: Pilot[Any], text: str) -> None:
    """Text arriving in one burst, as a paste or an input method's commit does."""
    assert pilot.app.focused is not None
    pilot.app.post_message(events.Paste(text))  # the app hands it to the focused widget
    await pilot.pause()


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until workers (bank loading, searches) are done and their messages handled."""
    for _ in range(3):
        with contextlib.suppress(WorkerCancelled):  # a newer search cancelled an older one
            await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_at(pilot: Pilot[Any], step: str) -> WizardScreen:
    """The wizard (opened on a draft), moved to the step with this section id."""
    await settle(pilot)
    wizard = pilot.app.screen
    assert isinstance(wizard, WizardScreen)
    wizard.step = [s.id for s in wizard.specs].index(step)
    await settle(pilot)
    return wizard

"""Export under `drafter serve`: the file is saved beside the draft and sent to the browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from drafter.tui.app import DrafterApp
from tests.tui.conftest import settle


async def export_docx(app: DrafterApp) -> Path:
    """Export the draft to the dialog's default path (beside the draft) with the keyboard."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.session is not None
        return app.session.path.with_name("社区调研.docx")


@pytest.mark.parametrize("web", [True, False], ids=["browser", "terminal"])
async def test_an_export_is_offered_as_a_download_only_in_the_browser(
    make: Callable[..., DrafterApp],
    draft_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    web: bool,
) -> None:
    delivered: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setattr(DrafterApp, "is_web", property(lambda self: web))
    monkeypatch.setattr(
        DrafterApp, "deliver_binary", lambda self, path, **kw: delivered.append((path, kw))
    )
    out = await export_docx(make(draft_file))
    assert out.is_file()  # saved in the drafts folder either way
    if web:
        assert delivered == [(out, {"open_method": "download"})]
    else:
        assert delivered == []  # a terminal user's Downloads folder is left alone

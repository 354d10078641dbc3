"""The body editor wraps Chinese by 避头尾: no wrapped line starts with ，。 nor splits 286.

Textual's TextArea wraps a paragraph by cell count (textual._wrap.compute_wrap_offsets);
`install()` wraps that function, as the document module imported it, so the break offsets
are moved back by drafter.core.text.linebreak's rules and the rest wrapped again from there; the
editor's cursor movement and layout keep working on the offsets it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drafter.core.text.linebreak import adjust_breaks

_installed = False


def chinese(compute: Callable[..., list[int]]) -> Callable[..., list[int]]:
    """compute_wrap_offsets, its breaks moved back for Chinese; each line after a moved
    break is wrapped anew from where it now starts, so no line grows past the width."""

    def offsets(
        text: str, width: int, tab_size: int, fold: bool = True, **_: Any
    ) -> list[int]:  # (precomputed tab widths are for the whole text: each rest is measured)
        out: list[int] = []
        start = 0
        while True:
            rest = compute(text[start:], width, tab_size, fold)
            if not rest:
                return out
            [cut] = adjust_breaks(text, [start + rest[0]], start)
            out.append(cut)
            start = cut

    return offsets


def install() -> None:
    """Wrap the TextArea's line breaking from now on (idempotent)."""
    global _installed
    if _installed:
        return
    from textual.document import _wrapped_document as wrapped

    if hasattr(wrapped, "compute_wrap_offsets"):
        wrapped.compute_wrap_offsets = chinese(wrapped.compute_wrap_offsets)
        _installed = True

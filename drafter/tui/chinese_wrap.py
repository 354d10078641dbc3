"""Every wrapped text in the wizard breaks Chinese by 避头尾: no line starts with ，。 nor
splits 286 — the body editor, labels, the phrase panel and toasts alike.

Textual's TextArea wraps a paragraph by cell count (textual._wrap.compute_wrap_offsets) and
every other widget through Content.wrap (rich._wrap.divide_line). `install()` wraps both
functions, as the modules that use them imported them, so the break offsets are moved back
by drafter.core.text.linebreak's rules and the rest wrapped again from there; cursor movement
and layout keep working on the offsets they are given.
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


def chinese_divide(divide: Callable[..., list[int]]) -> Callable[..., list[int]]:
    """rich's divide_line (text, width, fold), its breaks moved back the same way."""
    offsets = chinese(lambda text, width, _tab, fold: divide(text, width, fold=fold))
    return lambda text, width, fold=True: offsets(text, width, 0, fold)


def install() -> None:
    """Wrap the TextArea's and every widget's line breaking from now on (idempotent)."""
    global _installed
    if _installed:
        return
    from textual import content
    from textual.document import _wrapped_document as wrapped

    if hasattr(wrapped, "compute_wrap_offsets"):
        wrapped.compute_wrap_offsets = chinese(wrapped.compute_wrap_offsets)
    if hasattr(content, "divide_line"):
        content.divide_line = chinese_divide(content.divide_line)
    _installed = True

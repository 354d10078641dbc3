"""Keep Chinese characters whole where Textual's compositor cuts a line.

The compositor cuts every screen line at each widget's left and right edge, and paints each
stretch from the topmost widget there. When a cut falls in the middle of a double-width
character of the widget on top, Rich's Segment.divide turns that character into two spaces:
a toast over the review step lost 建 (and a status line 党组织) where an edge of a widget
underneath crossed it. `install()` replaces Compositor._render_chops with a copy that, when both
halves of such a character come from the same widget, puts the character whole into the left
stretch and starts the right stretch one cell later: the line keeps its width and its text.
(Written against Textual 8.2; without the internals it replaces, it leaves Textual alone.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, cast

from rich.cells import get_character_cell_size
from textual.strip import Strip

if TYPE_CHECKING:
    from textual._compositor import Compositor
    from textual.geometry import Region

_installed = False


def split_wide(strip: Strip, cuts: list[int]) -> set[int]:
    """The cuts (cell offsets in the strip) that fall inside a double-width character."""
    wanted = set(cuts)
    inside: set[int] = set()
    position = 0
    for segment in strip:
        if segment.control:
            continue
        for char in segment.text:
            width = get_character_cell_size(char)
            if width == 2 and position + 1 in wanted:
                inside.add(position + 1)
            position += width
    return inside


def render_chops(
    self: Compositor, crop: Region, is_rendered_line: Callable[[int], bool]
) -> Sequence[Mapping[int, Strip]]:
    """Textual 8.2's Compositor._render_chops, mending the characters a cut splits."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    for region, clip, strips in self._get_renders(crop):
        render = region.intersection(clip)
        render_x = render.x
        first_cut, last_cut = render.column_span
        for y, strip in zip(render.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            relative = [cut - render_x for cut in final_cuts]
            pieces = strip.divide(relative[1:])
            if len(relative) > 2 and (inside := split_wide(strip, relative[1:-1])):
                pieces = merge_split(strip, pieces, relative, inside, line, final_cuts)
            for cut, piece in zip(final_cuts, pieces, strict=False):
                if line.get(cut) is None:
                    line[cut] = piece
    return cast("Sequence[Mapping[int, Strip]]", chops)


def merge_split(
    strip: Strip,
    pieces: Sequence[Strip],
    relative: list[int],
    inside: set[int],
    line: Mapping[int, Strip | None],
    cuts: list[int],
) -> list[Strip]:
    """Pieces where a character split at a cut that this widget paints on both sides (nothing
    above it there) is kept whole: the left piece runs on over the right one, which is left
    empty. The terminal update moves to each piece's cut, so the left piece then writes the
    character whole and the empty right piece writes nothing over its second half."""
    out = list(pieces)
    start = 0  # the piece the current run of merged pieces starts at
    for i in range(1, len(out)):
        free = line.get(cuts[i - 1]) is None and line.get(cuts[i]) is None
        if relative[i] in inside and free:
            out[start] = strip.crop(relative[start], relative[i + 1])
            out[i] = Strip([], 0)
        else:
            start = i
    return out


def install() -> None:
    """Mend split characters from now on (idempotent)."""
    global _installed
    if _installed:
        return
    from textual._compositor import Compositor

    if hasattr(Compositor, "_render_chops") and hasattr(Compositor, "_get_renders"):
        Compositor._render_chops = render_chops  # type: ignore[method-assign]
        _installed = True

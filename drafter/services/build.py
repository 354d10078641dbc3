"""Build a report: render a draft with its report kind and hand the blocks to a writer.

The caller passes the ReportKind it holds (the wizard's came from the app, --templates
kinds included), so what was previewed is what is exported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter import writers
from drafter.core.errors import OutputError
from drafter.core.model import Draft
from drafter.core.project import STDOUT
from drafter.core.report.kinds import ReportKind, get_kind
from drafter.core.report.render import RenderOptions, render_draft
from drafter.writers.fonts import load_profile


@dataclass
class BuildResult:
    """Where the report went, the render's warnings, and its bytes when it went to stdout."""

    path: Path
    warnings: list[str] = field(default_factory=list)
    data: bytes | None = None
    """The report itself when it goes to standard output (nothing was written)."""


def build(
    draft: Draft,
    out: Path,
    *,
    kind: ReportKind | None = None,
    fmt: str | None = None,
    options: RenderOptions | None = None,
    fonts: str = "gb2312",
    h3_bold: bool = True,
    templates: Iterable[Path] = (),
) -> BuildResult:
    """Render a draft with `kind` (or its own kind looked up in `templates` and the built-in
    ones) and write it atomically to `out`."""
    profile = load_profile(fonts)
    kind = kind or get_kind(draft.kind, templates)
    if out == STDOUT:
        fmt = fmt or "txt"
        if fmt == "docx":
            raise OutputError("Word 文件不能输出到屏幕：请用 -o 文件名.docx", out)
    else:
        fmt = writers.format_for(out, fmt)
    rendered = render_draft(draft, kind, options)
    if out == STDOUT:
        data = writers.render_bytes(rendered.blocks, fmt, fonts=profile, h3_bold=h3_bold)
        return BuildResult(out, rendered.warnings, data)
    writers.export(rendered.blocks, out, fmt, fonts=profile, h3_bold=h3_bold)
    return BuildResult(out, rendered.warnings)

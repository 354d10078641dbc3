"""`drafter build`, `drafter templates`."""

from __future__ import annotations

from pathlib import Path

import click

from drafter import services
from drafter.cli.options import templates_option
from drafter.cli.usage import Command
from drafter.core import project
from drafter.core.errors import DrafterError, DraftFileError
from drafter.core.files import draftfile
from drafter.core.report.kinds import discover
from drafter.core.report.render import RenderOptions
from drafter.writers import FORMATS


@click.command(cls=Command)
@click.argument("draft_path", metavar="草稿", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path),
    help="输出文件（默认与草稿同一文件夹，存为 .docx）；写 - 则输出到屏幕（限 md、txt）",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="输出格式（默认按输出文件的扩展名）",
)
@click.option(
    "--fonts",
    default="gb2312",
    help="字体方案：gb2312、windows，或写明“用途: 字体名”的 YAML 文件（默认 gb2312）",
)
@click.option("--keep-punctuation", is_flag=True, help="不把 , ; : ( ) 改成全角")
@click.option("--strict", is_flag=True, help="有未填的空位时报错，不只是提醒")
@click.option("--h3-regular", is_flag=True, help="“1.”级标题不加粗")
@templates_option
def build(
    draft_path: Path,
    out: Path | None,
    fmt: str | None,
    fonts: str,
    keep_punctuation: bool,
    strict: bool,
    h3_regular: bool,
    template_dirs: tuple[Path, ...],
) -> None:
    """把草稿生成符合 GB/T 9704 的 Word 文件（也可生成 Markdown 或纯文本）。"""
    draft = draftfile.load(draft_path)
    if out is None:
        out = project.default_output(draft_path, fmt or "docx")
    project.check_output(draft_path, out)
    options = RenderOptions(keep_punctuation=keep_punctuation, strict=strict)
    try:
        result = services.build(
            draft,
            out,
            fmt=fmt,
            options=options,
            fonts=fonts,
            h3_bold=not h3_regular,
            templates=template_dirs,
        )
    except DraftFileError as exc:
        if exc.path is None:  # a fault in the draft's content: name the draft
            exc.path = draft_path
        raise
    for warning in result.warnings:
        click.echo(f"drafter：提醒：{warning}", err=True)
    if result.data is not None:  # -o -
        click.echo(result.data, nl=False)
    else:
        click.echo(f"已生成 {result.path}")


@click.command(cls=Command)
@templates_option
def templates(template_dirs: tuple[Path, ...]) -> None:
    """列出报告类型及各自的组成部分。"""
    for kind in discover(template_dirs).values():
        origin = "" if kind.builtin else f"  [{kind.folder}]"
        click.echo(f"{kind.id:<16}{kind.name}{origin}")
        parts = [f"{s.label}{'*' if s.required else ''}" for s in kind.sections]
        click.echo(f"{'':<16}{' / '.join(parts)}")
    click.echo("（* 为必写部分）")


__all__ = ["DrafterError", "build", "templates"]

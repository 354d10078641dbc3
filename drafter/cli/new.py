"""`drafter new`: a starter draft, or with matters a whole report skeleton."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import click

from drafter.cli.options import templates_option
from drafter.cli.usage import Command
from drafter.core import project
from drafter.core.errors import OutputError, QueryError
from drafter.core.files import draftfile
from drafter.core.model import Person
from drafter.core.report.kinds import get_kind
from drafter.core.text.slots import pending_by_section
from drafter.core.vocab import SCENES

# What a user may type for --person: the keys, or their Chinese labels.
_PERSON_WORDS: dict[str, Person] = {
    "collective": "collective", "individual": "individual",
    "班子": "collective", "领导班子": "collective", "个人": "individual", "本人": "individual",
}  # fmt: skip


def _words(value: str | None) -> tuple[str, ...]:
    """a,b,c (or a、b、c) → (a, b, c)."""
    if not value:
        return ()
    return tuple(w.strip() for w in value.replace("、", ",").split(",") if w.strip())


def _person(value: str | None, *, required: bool, offered: bool) -> Person | None:
    """Whose material: from --person, else asked on a terminal when the kind has
    first-person materials (required with --aspects, where a script must say it)."""
    if value is None:
        if not (required or offered) or not sys.stdin.isatty():
            if required:
                raise QueryError("对照检查材料要说明是谁的：--person 班子 或 --person 个人")
            return None
        choices = ["班子", "个人"] if required else ["单位", "班子", "个人"]
        value = click.prompt(
            "单位的整改报告，还是领导班子或个人的对照检查材料？",
            type=click.Choice(choices),
            default=choices[0],
        )
        if value == "单位":
            return None
    if value not in _PERSON_WORDS:
        raise QueryError(f"--person 不能写“{value}”：写 班子（collective）或 个人（individual）")
    return _PERSON_WORDS[value]


@click.command(cls=Command)
@click.option("--kind", "kind_id", required=True, help="报告类型代号（见 drafter templates）")
@click.option(
    "-o",
    "--output",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="草稿存到哪个文件（如 report.draft.yaml）",
)
@click.option("--title", default="", help="报告标题（默认按报告类型的标题格式）")
@click.option("--unit", default="", help="发文单位")
@click.option(
    "--scene", default=SCENES[0], type=click.Choice(SCENES), help=f"场景（默认 {SCENES[0]}）"
)
@click.option(
    "--date",
    "day",
    type=click.DateTime(["%Y-%m-%d"]),
    metavar="年-月-日",
    help="成文日期（默认今天）",
)
@click.option("--topics", help="提纲：要写的主题，如 org-life,members（见 drafter bank stats）")
@click.option("--problems", type=int, help="提纲：写几个问题，主题按场景选")
@click.option("--aspects", help="对照检查材料的提纲：要写的方面，如 study,politics,work-style")
@click.option("--person", help="对照检查材料是谁的：班子（collective）或 个人（individual）")
@click.option("--variant", default=0, type=int, help="提纲：换一种同样可用的写法")
@click.option("--force", is_flag=True, help="文件已存在时覆盖")
@templates_option
def new(
    kind_id: str,
    out: Path,
    title: str,
    unit: str,
    scene: str,
    day: _dt.datetime | None,
    topics: str | None,
    problems: int | None,
    aspects: str | None,
    person: str | None,
    variant: int,
    force: bool,
    template_dirs: tuple[Path, ...],
) -> None:
    """新建草稿；加 --topics、--problems 或 --aspects 时生成整篇提纲：
    并列的几个问题、说明问题的原因、回应问题的对策，要填本单位情况的地方标【待补】。"""
    kind = get_kind(kind_id, template_dirs)
    if out.exists() and not force:
        raise OutputError("文件已存在（要覆盖请加 --force）", out)
    date = day.date() if day else _dt.date.today()
    wanted = _words(topics), _words(aspects)
    if not any(wanted) and problems is None:
        who = _person(person, required=False, offered=bool(kind.spec.skeleton.aspects))
        pattern = kind.spec.skeleton.titles.get(who or "", "")
        if who and pattern and not title:
            title = project.fill_title(pattern, unit, date)
        draft = project.new_draft(kind, title=title, unit=unit, scene=scene, date=date)
        draft.meta.person = who
        draftfile.save(draft, out, backup=False)
        click.echo(f"已写好 {out}（{kind.name}）；接着：drafter edit {out}")
        return
    from drafter.core.bank.loading import load_banks
    from drafter.core.skeleton import SkeletonRequest, build_skeleton

    request = SkeletonRequest(
        kind,
        scene=scene,
        date=date,
        topics=wanted[0],
        aspects=wanted[1],
        problems=problems,
        person=_person(person, required=bool(wanted[1]), offered=bool(kind.spec.skeleton.aspects)),
        variant=variant,
        title=title,
        unit=unit,
    )
    draft = build_skeleton(request, load_banks())
    draftfile.save(draft, out, backup=False)
    pending = pending_by_section(draft)
    count = sum(len(v) for v in pending.values())
    points = sum(len(s.points) for s in draft.sections)
    click.echo(f"已写好 {out}（{kind.name}，提纲：{points} 个要点，{count} 处【待补】要填）")
    click.echo(f"接着：drafter edit {out}   或   drafter build {out}")

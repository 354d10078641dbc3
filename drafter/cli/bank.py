"""`drafter bank check` and `drafter bank stats`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.cli.usage import Group
from drafter.core.bank.check import check_paths, stats
from drafter.core.bank.loading import load_banks
from drafter.core.files.resources import builtin_bank_dir
from drafter.core.vocab import ASPECTS, PERSONS, SECTIONS, TOPICS


@click.group(cls=Group)
def bank() -> None:
    """检查、统计短语库。"""


@bank.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def check(paths: tuple[Path, ...]) -> None:
    """检查短语库（默认检查内置短语库及其提法表）。

    有错误时退出码为 1（只有提醒时照样通过），读不出来时为 2。
    """
    findings = check_paths(list(paths) or [builtin_bank_dir()])
    for finding in findings:
        click.echo(str(finding))
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        click.echo(f"发现 {len(errors)} 处错误", err=True)
        sys.exit(1)
    warnings = len(findings) - len(errors)
    click.echo(f"通过：有 {warnings} 条提醒" if warnings else "通过：没有发现问题")


@bank.command(name="stats")
@click.option(
    "--bank",
    "banks",
    multiple=True,
    type=click.Path(path_type=Path),
    help="另加合并统计的短语库（可写多次）",
)
@click.option("--json", "as_json", is_flag=True, help="输出 JSON")
def stats_command(banks: tuple[Path, ...], as_json: bool) -> None:
    """合并后短语库的覆盖情况：各部分 × 各主题、场景、关联率。"""
    data = stats(load_banks(banks))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    short = {t: label.split("（")[0][:4] for t, label in TOPICS.items()}
    click.echo(f"{'':<8}" + "".join(f"{short[t]:\u3000<5}" for t in TOPICS) + "合计")
    for section, label in SECTIONS.items():
        row = data["matrix"][section]
        cells = "".join(f"{row[t]:>3}/{data['headings'][section][t]:<2}\u3000" for t in TOPICS)
        click.echo(f"{label[:4]:\u3000<4}{cells}{data['sections'][section]}")
    click.echo("（格中数字：条目数/标题数）")
    scenes = "  ".join(f"{k} {v}" for k, v in data["scenes"].items())
    click.echo(f"场景：{scenes}")
    click.echo(
        f"条目：{data['entries']}；关联了原因和对策的问题："
        f"{data['problems_linked']}/{data['problems']}（{data['link_rate']:.0%}）"
    )
    dated = data["dated"]
    until = "  ".join(f"{year} {n}" for year, n in dated["until"].items()) or "-"
    begins = "  ".join(f"{year} {n}" for year, n in dated["valid_from"].items()) or "-"
    click.echo(
        f"有日期的条目：{dated['entries']}（今天可用 {dated['current_today']}）；"
        f"按年到期：{until}；不到期：{dated['open_ended']}；按年启用：{begins}"
    )
    persons = "/".join(PERSONS.values())
    first = "  ".join(
        f"{ASPECTS[a]} {'/'.join(str(n) for n in counts.values())}"
        for a, counts in data["first_person"].items()
    )
    click.echo(f"第一人称（{persons}）：{first}")
    named = "  ".join(f"{name} {n}" for name, n in data["formulas"].items())
    click.echo(f"用到提法的条目：{named or '-'}")

"""`drafter check FILE.docx`: GB/T 9704 conformance of a Word file, drafter's or anyone's.

Prints one line per fault, in Chinese, naming the place and the clause
(报告.docx：页码：页脚没有页码域（§7.5）), or 报告.docx：符合; `--render` also prints
through LibreOffice and measures the pages (报告.docx：第 3 页：行距 …). `--json` keeps its
keys and rule ids. Exit status: 0 conforming, 1 faults found, 2 the file cannot be read
or rendering is not possible here (one line from the group).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from drafter.cli.usage import Command


@click.command(cls=Command)
@click.argument(
    "paths", metavar="文件.docx", nargs=-1, required=True, type=click.Path(path_type=Path)
)
@click.option("--render", is_flag=True, help="再用 LibreOffice 排版，量一量页面")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出结果")
def check(paths: tuple[Path, ...], render: bool, as_json: bool) -> None:
    """按 GB/T 9704-2012 检查 Word 文件（页面、版心、字体、标题、结尾）。"""
    from drafter.writers.check import CheckError, check_files

    for path in paths:
        if path.is_dir():
            raise CheckError("这是文件夹，不是 .docx 文件", path)
        if not path.is_file():
            raise CheckError("找不到这个文件", path)
    reports = check_files(list(paths), render=render)
    if as_json:
        data = [r.as_dict() for r in reports]
        click.echo(json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            pages = f"（{report.pages} 页）" if report.pages is not None else ""
            if report.ok:
                click.echo(f"{report.path}：符合{pages}")
            for fault in report.faults():
                click.echo(f"{report.path}：{fault}")
    sys.exit(0 if all(r.ok for r in reports) else 1)

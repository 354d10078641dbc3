"""The help screen (F1 or ?): every key of the wizard, and how the pieces fit."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "全局",
        [
            ("F1 / ?", "帮助（本页）"),
            ("ctrl+p", "命令面板：向导的所有操作"),
            ("ctrl+p 修改报告信息", "改标题、单位、署名、日期、场景"),
            ("ctrl+s", "立即保存（平时每秒自动保存）"),
            ("F2", "切换明暗主题"),
            ("ctrl+q", "退出（一切已保存，不再询问）"),
        ],
    ),
    (
        "向导",
        [
            ("ctrl+n / ctrl+b", "下一步 / 上一步（也可点击顶部步骤）"),
            ("ctrl+r", "跳到审阅导出"),
            ("ctrl+f", "到短语搜索框"),
            ("ctrl+o", "新增要点，与所选要点同级（选中子项时新增的也是子项）"),
            ("ctrl+t", "存在的问题一步：加入右边选中的问题，连同关联的原因和对策"),
            ("ctrl+l", "填写待补项（【待补：…】处的事实和数字）"),
            ("ctrl+p 关联到问题", "原因、对策一步：选中的要点回应哪些问题（自己写的也能关联）"),
            ("tab / shift+tab", "在要点列表、标题、正文、短语之间切换"),
        ],
    ),
    (
        "要点与子项",
        [
            ("↑ ↓", "选择要点（第一行是不编号的段落，子项缩进显示）"),
            ("回车", "编辑所选要点的标题"),
            ("alt+↑ / alt+↓", "在同级之间上移 / 下移要点，子项随之移动"),
            ("alt+→", "降为子项：归入上一个同级要点，（一）→ 1. →（1）"),
            ("alt+←", "升一级：子项提到上一级，排在原来的上级之后"),
            ("ctrl+o 再 alt+→", "在所选要点下新增子项（也可点“＋子项”）"),
            ("delete", "删除要点及其子项（有内容时先确认）"),
        ],
    ),
    (
        "标题与正文",
        [
            ("回车（标题中）", "转到正文"),
            ("alt+← / alt+→", "在标题、正文中也可：所选要点升一级 / 降为子项，光标不动"),
            ("正文", "一段一行；粘贴多行文字即多段"),
            ("alt+↑ / alt+↓（正文中）", "上移 / 下移光标所在段落"),
            ("ctrl+g", "删除光标所在段落"),
            ("ctrl+k / ctrl+u", "删除到段尾 / 段首"),
            ("home / end", "到段首 / 段尾"),
            ("ctrl+home / ctrl+end", "到正文开头 / 末尾"),
            ("ctrl+z / ctrl+y", "撤销 / 重做"),
            ("esc", "回到要点列表"),
        ],
    ),
    (
        "短语",
        [
            ("输入", "按汉字、拼音或首字母搜索，边输边找；ctrl+f 时旧词已选中，直接输入即替换"),
            ("tab（搜索框中）", "回到正文"),
            ("↑ ↓", "在结果中移动"),
            ("回车", "插入：标题作要点标题，句子和段落接在正文后"),
            ("筛选", "部分、场景、主题、类型可改；默认为本部分和稿子的场景"),
        ],
    ),
    (
        "审阅导出",
        [
            ("回车（审阅意见上）", "跳到对应要点"),
            ("ctrl+e", "导出 .docx（也可选 .md / .txt）"),
        ],
    ),
]


def keys_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")  # Chinese has no spaces to wrap at: fold, never cut
    for group, rows in KEYS:
        table.add_row(f"[reverse] {group} [/]", "")
        for key, what in rows:
            table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """All keys, grouped by where they work."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "close", "关闭帮助"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static("drafter 帮助 —— esc 关闭", id="help-title")
            yield Static(keys_table())

    def action_close(self) -> None:
        self.dismiss(None)

from __future__ import annotations

from pathlib import Path

import jinja2.meta
import pytest

from drafter.core.errors import DraftFileError, TemplateError
from drafter.core.files import draftfile
from drafter.core.files.resources import builtin_templates_dir
from drafter.core.report.kinds import CONTEXT_NAMES, discover, get_kind
from drafter.core.report.render import RenderOptions, render_draft

DRAFT = """\
kind: survey
meta:
  title: 关于某村党建工作的调研报告
  unit: 中共某村支部委员会
  date: '2026-3-5'
slots:
  支部数: '3'
sections:
- id: situation
  body:
  - 全村共有党支部{支部数}个,党员{党员数}名。
- id: problem
  points:
  - heading: 组织生活不够规范
    body:
    - lead: 主要表现在：
      enum: [会前准备不充分, 会后跟踪不够]
    points:
    - heading: 会议记录不全
      points:
      - heading: 个别支部无签到
  - heading: 阵地建设滞后
- id: cause
  points:
  - heading: 思想认识有偏差
- id: countermeasure
  points:
  - heading: 健全制度，规范组织生活
"""


def blocks_of(text: str, **options: bool) -> list[tuple[str, str]]:
    draft = draftfile.loads(text)
    rendered = render_draft(draft, get_kind(draft.kind), RenderOptions(**options))
    return [(b.kind, b.full_text) for b in rendered.blocks]


def test_headings_are_numbered_in_order_at_four_levels() -> None:
    headings = [t for k, t in blocks_of(DRAFT) if k == "heading"]
    assert headings == [
        "一、基本情况",
        "二、存在的问题",
        "（一）组织生活不够规范",
        "1.会议记录不全",
        "（1）个别支部无签到",
        "（二）阵地建设滞后",
        "三、原因分析",
        "（一）思想认识有偏差",
        "四、对策建议",
        "（一）健全制度，规范组织生活",
    ]


def test_slots_punctuation_enumerations_date_and_signature() -> None:
    blocks = blocks_of(DRAFT)
    body = [t for k, t in blocks if k == "body"]
    assert "全村共有党支部3个，党员【待补：党员数】名。" in body
    assert "主要表现在：一是会前准备不充分；二是会后跟踪不够。" in body
    assert blocks[-2:] == [("signature", "中共某村支部委员会"), ("date", "2026年3月5日")]
    assert blocks[0] == ("title", "关于某村党建工作的调研报告")


def test_keep_punctuation_and_strict_slots() -> None:
    body = [t for k, t in blocks_of(DRAFT, keep_punctuation=True) if k == "body"]
    assert any("3个,党员" in t for t in body)
    with pytest.raises(DraftFileError, match="党员数"):
        blocks_of(DRAFT, strict=True)


def test_connective_sentence_counts_the_points() -> None:
    body = [t for k, t in blocks_of(DRAFT) if k == "body"]
    assert any("以下两个方面" in t for t in body)


@pytest.mark.parametrize(
    "user_text",
    ["{{ 7*7 }}", "{% raw %}", "{{ ''.__class__.__mro__ }}", "@h1 伪造标题", "行一\n@title 伪造"],
)
def test_user_text_is_data_never_template_source(user_text: str) -> None:
    draft = draftfile.loads(DRAFT)
    draft.section("problem").points[0].body = [user_text]
    blocks = render_draft(draft, get_kind("survey")).blocks
    assert [b.text for b in blocks if b.kind == "title"] == ["关于某村党建工作的调研报告"]
    assert any(b.kind == "body" and b.text == user_text for b in blocks)


def test_missing_required_section_and_unknown_section_are_errors() -> None:
    draft = draftfile.loads(
        "kind: survey\nmeta:\n  title: 题目\nsections:\n- id: situation\n  body: [正文。]\n"
    )
    with pytest.raises(DraftFileError, match="必写部分「存在的问题」是空的"):
        render_draft(draft, get_kind("survey"))
    assert render_draft(draft, get_kind("survey"), RenderOptions(allow_incomplete=True)).blocks
    draft.section("appendix").body = ["附录"]
    with pytest.raises(DraftFileError, match="不属于报告类型"):
        render_draft(draft, get_kind("survey"))


def test_every_builtin_template_uses_only_known_names() -> None:
    env = jinja2.Environment()
    for path in builtin_templates_dir().rglob("*.j2"):
        names = jinja2.meta.find_undeclared_variables(env.parse(path.read_text(encoding="utf-8")))
        assert names <= CONTEXT_NAMES | {"content", "intro", "closing_lines", "points"}, path


def test_all_builtin_kinds_are_listed() -> None:
    kinds = discover()
    assert {"survey", "rectification", "summary"} <= set(kinds)
    assert [s.id for s in kinds["summary"].sections] == [
        "opening",
        "situation",
        "practice",
        "achievement",
        "problem",
        "plan",
        "closing",
    ]


def make_kind(root: Path, template: str, kind_id: str = "mine") -> Path:
    folder = root / kind_id
    folder.mkdir(parents=True)
    (folder / "kind.yaml").write_text(
        f"id: {kind_id}\nname: 自定义\nsections:\n  - id: problem\n    title: 问题\n",
        encoding="utf-8",
    )
    (folder / "report.j2").write_text(template, encoding="utf-8")
    return root


def test_a_user_template_folder_adds_a_kind(tmp_path: Path) -> None:
    root = make_kind(
        tmp_path, "@title {{ meta.title }}\n{% for s in sections %}@h1 {{ s.title }}\n{% endfor %}"
    )
    kind = get_kind("mine", [root])
    draft = draftfile.loads(
        "kind: mine\nmeta:\n  title: 题\nsections:\n- id: problem\n  body: [x]\n"
    )
    assert [b.full_text for b in render_draft(draft, kind).blocks] == ["题", "一、问题"]


@pytest.mark.parametrize(
    "payload",
    [
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
        "{{ lipsum.__globals__['os'].popen('id').read() }}",
        "{{ meta.__class__.__init__.__globals__ }}",
        "{{ '{0.__class__}'.format(meta) }}",
        "{{ sections.append(1) }}",
        "{{ undefined_name }}",
    ],
)
def test_template_injection_payloads_fail_cleanly(tmp_path: Path, payload: str) -> None:
    root = make_kind(tmp_path, "@title {{ meta.title }}\n@body " + payload + "\n")
    draft = draftfile.loads(
        "kind: mine\nmeta:\n  title: 题\nsections:\n- id: problem\n  body: [x]\n"
    )
    with pytest.raises(TemplateError) as info:
        render_draft(draft, get_kind("mine", [root]))
    assert info.value.path is not None and info.value.path.name == "report.j2"


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    root = make_kind(tmp_path, "@title {{ meta.title }}\n\n{% for s in sections %}\n")
    draft = draftfile.loads("kind: mine\nmeta:\n  title: 题\n")
    with pytest.raises(TemplateError, match="模板语法错误") as info:
        render_draft(draft, get_kind("mine", [root]), RenderOptions(allow_incomplete=True))
    assert info.value.line == 3


def test_unknown_kind_lists_the_known_ones() -> None:
    with pytest.raises(TemplateError, match="survey"):
        get_kind("nonexistent")

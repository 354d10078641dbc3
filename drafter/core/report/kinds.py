"""Report kinds: a folder with kind.yaml (sections, titles, what is required) and a jinja2
template (headings order and connective sentences).

Templates are untrusted data: they run in jinja2's immutable sandbox with StrictUndefined,
and user text reaches them only as context values, never as template source.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from drafter.core.errors import TemplateError
from drafter.core.files.fsio import read_text
from drafter.core.files.resources import builtin_templates_dir
from drafter.core.files.yamlio import load_yaml
from drafter.core.report.blocks import Block, parse_markup
from drafter.core.text.numbering import count_number
from drafter.core.validation import validate
from drafter.core.vocab import SECTIONS

if TYPE_CHECKING:  # jinja2 is imported when a template is first compiled, not at start-up
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

KIND_FILE = "kind.yaml"
SHARED_FOLDER = "_shared"
# Names a template may use; a test checks every template against this list.
CONTEXT_NAMES = frozenset({"meta", "sections", "section", "kind", "cn"})


class SectionSpec(BaseModel):
    """One section a kind declares."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str = ""
    """Printed as a level-1 heading; '' for untitled sections (opening, closing)."""
    role: str = ""
    """The phrasebank section that feeds it (defaults to the id)."""
    required: bool = False
    guide_chars: tuple[int, int] | None = None
    """A sensible length range, used by the balance check."""
    hint: str = ""
    """One line shown by the wizard at the top of the step."""

    @property
    def bank_section(self) -> str:
        return self.role or self.id

    @property
    def label(self) -> str:
        """What the wizard calls the step."""
        return self.title or SECTIONS.get(self.bank_section, self.id)


class SkeletonSpec(BaseModel):
    """How a skeleton of the kind is worded (see drafter.core.skeleton)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: dict[str, list[str]] = Field(default_factory=dict)
    """Section role → words an opening or closing entry must hold to suit the kind."""
    facts: dict[str, str] = Field(default_factory=dict)
    """Section role → a line for the user's own facts; {事项…} slots take the matter's name."""
    aspects: list[str] = Field(default_factory=list)
    """Aspects (vocab.ASPECTS) a first-person material of the kind goes through, in order."""
    titles: dict[str, str] = Field(default_factory=dict)
    """Person (collective, individual) → title pattern of a first-person material."""


class KindSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    name: str
    description: str = ""
    template: str = "report.j2"
    title_hint: str = ""
    closing_formula: str = ""
    """结束语 printed after the body when the draft names a 主送机关, e.g. 特此报告。"""
    sections: list[SectionSpec] = Field(min_length=1)
    skeleton: SkeletonSpec = Field(default_factory=SkeletonSpec)


_SPEC_ADAPTER = TypeAdapter(KindSpec)


@dataclass
class ReportKind:
    """A loaded report kind, ready to render."""

    spec: KindSpec
    folder: Path
    builtin: bool = True
    _template: jinja2.Template | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def sections(self) -> list[SectionSpec]:
        return self.spec.sections

    def section_spec(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.spec.sections if s.id == section_id), None)

    @property
    def template_path(self) -> Path:
        return self.folder / self.spec.template

    def template(self) -> jinja2.Template:
        """The compiled template; syntax errors name the file and line."""
        import jinja2

        if self._template is None:
            env = _environment(self.folder)
            try:
                self._template = env.get_template(self.spec.template)
            except jinja2.TemplateSyntaxError as exc:
                raise TemplateError(
                    f"模板语法错误：{exc.message}",
                    Path(exc.filename or self.template_path),
                    exc.lineno,
                ) from exc
            except jinja2.TemplateNotFound as exc:
                raise TemplateError(f"缺少模板文件 {exc.name}", self.folder) from exc
        return self._template

    def render(self, context: dict[str, Any]) -> list[Block]:
        """Render the template with plain-data context into un-numbered blocks."""
        import jinja2
        from jinja2.exceptions import SecurityError

        from drafter.core.report.sandbox import RenderLimitError, render_bounded

        template = self.template()
        try:
            markup = render_bounded(template, {**context, "cn": count_number})
        except RenderLimitError as exc:
            raise TemplateError(f"模板被拒绝执行：{exc}", self.template_path) from exc
        except RecursionError as exc:
            raise TemplateError("模板出错：宏无休止地调用自己", *_template_frame(self)) from exc
        except SecurityError as exc:
            raise TemplateError(
                f"模板被拒绝执行：不安全的操作（{exc}）", *_template_frame(self)
            ) from exc
        except jinja2.UndefinedError as exc:
            raise TemplateError(f"模板出错：{exc.message}", *_template_frame(self)) from exc
        except jinja2.TemplateError as exc:
            raise TemplateError(f"模板出错：{exc}", *_template_frame(self)) from exc
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
            raise TemplateError(f"模板出错：{exc}", *_template_frame(self)) from exc
        return parse_markup(markup)


def _environment(folder: Path) -> ImmutableSandboxedEnvironment:
    import jinja2

    from drafter.core.report.sandbox import BoundedEnvironment, FolderLoader

    shared = builtin_templates_dir() / SHARED_FOLDER
    return BoundedEnvironment(
        loader=FolderLoader([str(folder), str(shared)]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _template_frame(kind: ReportKind) -> tuple[Path, int | None]:
    """The template file and line where rendering failed (jinja rewrites the traceback)."""
    tb = sys.exc_info()[2]
    found: tuple[Path, int | None] = (kind.template_path, None)
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2"):
            found = (Path(name), tb.tb_lineno)
        tb = tb.tb_next
    return found


def load_kind(folder: Path, *, builtin: bool) -> ReportKind:
    """Read a kind folder's kind.yaml."""
    path = folder / KIND_FILE
    if path.is_symlink():
        raise TemplateError("kind.yaml 是符号链接：报告类型文件必须是普通文件", path)
    data, lines = load_yaml(read_text(path, TemplateError), path, TemplateError)
    if not isinstance(data, dict):
        raise TemplateError("kind.yaml 应写成含 id、name、sections 的映射", path, 1)
    spec = validate(_SPEC_ADAPTER, data, path=path, lines=lines, error=TemplateError)
    ids = [s.id for s in spec.sections]
    for i, sid in enumerate(ids):
        if sid in ids[:i]:
            raise TemplateError(f"部分 {sid} 写了两次", path, lines.line(("sections", i)))
        role = spec.sections[i].bank_section
        if role not in SECTIONS:
            raise TemplateError(
                f"部分 {sid}：{role} 不是短语库的部分（可选：{'、'.join(SECTIONS)}）",
                path,
                lines.line(("sections", i)),
            )
    if not (folder / spec.template).is_file():
        raise TemplateError(f"缺少模板文件 {spec.template}", folder, noun="文件夹")
    return ReportKind(spec, folder, builtin)


def _kind_folders(root: Path) -> list[Path]:
    if (root / KIND_FILE).is_file():
        return [root]
    if not root.is_dir():
        raise TemplateError("不存在", root, noun="报告类型文件夹")
    return sorted(p for p in root.iterdir() if (p / KIND_FILE).is_file())


def discover(extra: Iterable[Path] = ()) -> dict[str, ReportKind]:
    """Built-in kinds, then user kinds (a user kind with a built-in id replaces it): the user
    templates folder, config.yaml's `templates:`, DRAFTER_TEMPLATES, then `extra`."""
    kinds: dict[str, ReportKind] = {}
    for folder in _kind_folders(builtin_templates_dir()):
        kind = load_kind(folder, builtin=True)
        kinds[kind.id] = kind
    from drafter.core.config import load_config
    from drafter.core.files import locations

    roots = [locations.user_templates_dir()] if locations.user_templates_dir().is_dir() else []
    for root in [*roots, *load_config().templates, *extra]:
        for folder in _kind_folders(Path(root)):
            kind = load_kind(folder, builtin=False)
            kinds[kind.id] = kind
    return kinds


def get_kind(kind_id: str, extra: Iterable[Path] = ()) -> ReportKind:
    kinds = discover(extra)
    if kind_id not in kinds:
        raise TemplateError(f"没有“{kind_id}”这个报告类型；现有：{'、'.join(kinds)}")
    return kinds[kind_id]

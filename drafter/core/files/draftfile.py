"""Load and save draft files (YAML, see docs/draft-format.md).

Saving writes a canonical layout through one atomic helper, so load → save gives back the
same bytes for any file drafter wrote, and a crash mid-save never leaves half a draft.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from drafter.core.errors import DraftFileError
from drafter.core.files.fsio import atomic_write_text, read_text
from drafter.core.files.yamlio import dump_yaml, load_yaml
from drafter.core.model import FORMAT_VERSION, Draft, Enumeration, Meta, Paragraph, Point, Section
from drafter.core.validation import validate
from drafter.core.vocab import GENERAL_SCENE

_ADAPTER = TypeAdapter(Draft)


def loads(text: str, path: Path | None = None) -> Draft:
    """Parse and validate draft text; errors name the file and line."""
    data, lines = load_yaml(text, path, DraftFileError)
    if data is None:
        raise DraftFileError("文件是空的，不是草稿", path)
    if not isinstance(data, dict):
        raise DraftFileError("草稿应写成含 kind、meta、sections 的映射", path, 1)
    version = data.get("format_version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise DraftFileError(
            f"不支持 format_version {version!r}（本版 drafter 读的是 {FORMAT_VERSION}）",
            path,
            lines.line(("format_version",)),
        )
    draft = validate(_ADAPTER, data, path=path, lines=lines, error=DraftFileError)
    seen: set[str] = set()
    for i, section in enumerate(draft.sections):
        if section.id in seen:
            line = lines.line(("sections", i, "id"))
            raise DraftFileError(f"部分 {section.id} 写了两次", path, line)
        seen.add(section.id)
    return draft


_QUOTED_RE = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\'\'|[^\'])*\'')
_COMMENT_RE = re.compile(r"(?:^|\s)#")
_BLOCK_RE = re.compile(r"[|>][-+0-9]*\s*$")


def has_comments(text: str) -> bool:
    """Whether draft text holds YAML comments (# …), which a save does not keep: drafter
    writes its canonical form. Text inside quotes and block scalars is not a comment."""
    block: int | None = None
    for line in text.splitlines():
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        if block is not None and (not stripped or indent > block):
            continue  # inside a | or > block: text, whatever it holds
        block = None
        code = _QUOTED_RE.sub("", line)
        if _COMMENT_RE.search(code):
            return True
        if _BLOCK_RE.search(code):
            block = indent
    return False


def load(path: Path) -> Draft:
    """Read a draft file."""
    return loads(read_text(path, DraftFileError), Path(path))


def dumps(draft: Draft) -> str:
    """The canonical text of a draft."""
    return dump_yaml(to_data(draft))


def save(draft: Draft, path: Path, *, backup: bool = True) -> None:
    """Write a draft atomically, keeping the previous version as `path~`."""
    atomic_write_text(Path(path), dumps(draft), backup=backup)


def to_data(draft: Draft) -> dict[str, Any]:
    """Plain data in canonical key order, empty and default fields left out."""
    meta = _meta_data(draft.meta)
    data: dict[str, Any] = {"format_version": draft.format_version, "kind": draft.kind}
    data["meta"] = meta
    if draft.slots:
        data["slots"] = dict(draft.slots)
    data["sections"] = [_section_data(s) for s in draft.sections]
    if draft.lint.ignore:
        data["lint"] = {"ignore": list(draft.lint.ignore)}
    return data


def _meta_data(meta: Meta) -> dict[str, Any]:
    out: dict[str, Any] = {"title": meta.title}
    for key in ("unit", "signature", "date"):
        value = getattr(meta, key)
        if value:
            out[key] = value
    if meta.scene != GENERAL_SCENE:
        out["scene"] = meta.scene
    if meta.target_chars is not None:
        out["target_chars"] = meta.target_chars
    if meta.person is not None:
        out["person"] = meta.person
    out.update(_document_elements(meta))
    return out


def _document_elements(meta: Meta) -> dict[str, Any]:
    """The optional 公文 elements (主送机关, 附件, 附注, 版头, 版记), those that are set."""
    out: dict[str, Any] = {}
    for key in ("recipient", "attachments", "note"):
        value = getattr(meta, key)
        if value:
            out[key] = list(value) if isinstance(value, list) else value
    if meta.sealed:
        out["sealed"] = True
    for key in ("letterhead", "imprint"):
        part = getattr(meta, key)
        if part is not None:
            fields = {k: v for k, v in vars(part).items() if v}
            out[key] = {k: list(v) if isinstance(v, list) else v for k, v in fields.items()}
    return out


def _section_data(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {"id": section.id}
    if section.intro is not None:
        out["intro"] = section.intro
    if section.body:
        out["body"] = [_paragraph_data(p) for p in section.body]
    if section.points:
        out["points"] = [_point_data(p) for p in section.points]
    return out


def _point_data(point: Point) -> dict[str, Any]:
    out: dict[str, Any] = {"heading": point.heading}
    if point.body:
        out["body"] = [_paragraph_data(p) for p in point.body]
    if point.phrases:
        out["phrases"] = list(point.phrases)
    if point.answers:
        out["answers"] = list(point.answers)
    if point.points:
        out["points"] = [_point_data(p) for p in point.points]
    return out


def _paragraph_data(paragraph: Paragraph) -> Any:
    if isinstance(paragraph, Enumeration):
        out: dict[str, Any] = {}
        if paragraph.lead:
            out["lead"] = paragraph.lead
        out["enum"] = list(paragraph.enum)
        return out
    return paragraph

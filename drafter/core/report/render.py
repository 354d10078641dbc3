"""The pipeline's first half: draft + report kind → numbered blocks (+ warnings).

Every user string is cleaned here once (control characters removed, slots filled,
punctuation made full-width) and escaped before it enters the template context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from drafter.core.errors import DraftFileError
from drafter.core.model import Draft, Meta, Point, Section, paragraph_text
from drafter.core.report.blocks import Block, escape, number_headings
from drafter.core.report.kinds import ReportKind
from drafter.core.text.norm import fullwidth_punctuation, strip_controls
from drafter.core.text.numbering import chinese_date
from drafter.core.text.slots import fill, known_values

MAX_POINTS = 999
"""Points one section may have: （一）…（九百九十九） is as far as Chinese numbering goes."""


@dataclass(frozen=True)
class RenderOptions:
    """How to turn a draft into blocks."""

    keep_punctuation: bool = False
    """Leave half-width punctuation as typed."""
    strict: bool = False
    """Unfilled slots are errors, not warnings."""
    allow_incomplete: bool = False
    """Render even when required sections are empty (previews, the wizard)."""


@dataclass
class Rendered:
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Slots without a value (printed 【待补：名称】), in order of first use."""


class _Cleaner:
    """Cleans user strings and collects what it had to change."""

    def __init__(self, draft: Draft, options: RenderOptions):
        self.values = known_values(draft)
        self.options = options
        self.missing: dict[str, None] = {}
        self.controls = 0

    def __call__(self, text: str) -> str:
        text, removed = strip_controls(text)
        self.controls += removed
        text, missing = fill(text, self.values)
        self.missing.update(dict.fromkeys(missing))
        if not self.options.keep_punctuation:
            text = fullwidth_punctuation(text)
        return escape(text)


def check_structure(draft: Draft, kind: ReportKind, options: RenderOptions) -> None:
    """Sections the kind does not know, and (unless allowed) missing required content."""
    known = {s.id for s in kind.sections}
    for section in draft.sections:
        if len(section.points) > MAX_POINTS:
            raise DraftFileError(
                f"部分 {section.id} 有 {len(section.points)} 个要点；要点编号从（一）到"
                f"（九百九十九），最多 {MAX_POINTS} 个：请把这一部分拆开"
            )
        if section.id not in known:
            raise DraftFileError(
                f"部分 {section.id} 不属于报告类型 {kind.id}"
                f"（它的部分：{'、'.join(s.id for s in kind.sections)}）"
            )
    if options.allow_incomplete:
        return
    if not draft.meta.title.strip():
        raise DraftFileError("meta.title 是空的：报告要有标题")
    for spec in kind.sections:
        found = draft.find_section(spec.id)
        if spec.required and (found is None or not _has_content(found)):
            raise DraftFileError(f"必写部分「{spec.label}」是空的（草稿里的 {spec.id}）")


def render_draft(draft: Draft, kind: ReportKind, options: RenderOptions | None = None) -> Rendered:
    """Blocks for the whole report, headings numbered in reading order."""
    options = options or RenderOptions()
    check_structure(draft, kind, options)
    clean = _Cleaner(draft, options)
    sections = []
    for spec in kind.sections:
        found = draft.find_section(spec.id)
        section = found if found is not None else Section(id=spec.id)
        sections.append(
            {
                "id": spec.id,
                "title": spec.title,
                "role": spec.bank_section,
                "intro": None if section.intro is None else clean(section.intro),
                "body": [clean(paragraph_text(p)) for p in section.body],
                "points": [_point(p, clean) for p in section.points],
                "count": len(section.points),
                "has_content": _has_content(section),
            }
        )
    meta = draft.meta
    context: dict[str, Any] = {
        "meta": {
            "title": clean(meta.title),
            "unit": clean(meta.unit),
            "signature": clean(meta.signature or meta.unit),
            "date": chinese_date(meta.date) if meta.date else "",
            "scene": meta.scene,
            **document_elements(meta, clean),
        },
        "kind": {"id": kind.id, "name": kind.name, "closing_formula": kind.spec.closing_formula},
        "sections": sections,
        "section": {s["id"]: s for s in sections},
    }
    blocks = number_headings(kind.render(context))
    warnings = []
    if clean.missing:
        names = "、".join(clean.missing)
        if options.strict:
            raise DraftFileError(f"还有空位没填：{names}（在 slots: 下填写）")
        warnings.append(f"{len(clean.missing)}项待补内容印作【待补】：{names}")
    if clean.controls:
        warnings.append(f"删去了{clean.controls}个 Word 无法保存的控制字符")
    return Rendered(blocks, warnings, list(clean.missing))


def document_elements(meta: Meta, clean: _Cleaner) -> dict[str, Any]:
    """The optional 公文 elements as the template prints them (GB/T 9704 §7.2–7.4)."""
    head = meta.letterhead
    imprint = meta.imprint
    note = clean(meta.note.strip())
    if note and not note.startswith(("（", "(")):
        note = f"（{note}）"
    return {
        "recipient": clean(meta.recipient.strip().rstrip(":：")),
        # 附件名称后不加标点符号
        "attachments": [
            clean(a.strip().rstrip("。；;，,.")) for a in meta.attachments if a.strip()
        ],
        "note": note,
        "sealed": meta.sealed,
        "letterhead": None
        if head is None
        else {
            "organ": clean(head.organ),
            "number": clean(head.number),
            "signer": clean(head.signer),
        },
        "imprint": None
        if imprint is None
        else {
            "copy_to": "，".join(clean(c.strip()) for c in imprint.copy_to if c.strip()),
            "issuer": clean(imprint.issuer),
            "date": chinese_date(imprint.date) if imprint.date else "",
        },
    }


def _point(point: Point, clean: _Cleaner) -> dict[str, Any]:
    return {
        "heading": clean(point.heading),
        "body": [clean(paragraph_text(p)) for p in point.body],
        "points": [_point(p, clean) for p in point.points],
    }


def _has_content(section: Section) -> bool:
    return bool(section.body or section.points or section.intro)

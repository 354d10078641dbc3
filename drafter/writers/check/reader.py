"""Read any .docx into what a GB/T 9704 check needs: page setup, footers and each body
paragraph with its effective properties (direct formatting, then the style chain, then the
document defaults), whoever wrote the file — drafter, Word or WPS.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from defusedxml import ElementTree as SafeET

from drafter.core.errors import DrafterError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_THEME_EA_RE = re.compile(r'<a:(minor|major)Font>.*?<a:font script="Hans" typeface="([^"]*)"', re.S)
_MAX_PART_BYTES = 50_000_000


class CheckError(DrafterError):
    """A file the check cannot read."""


@dataclass
class Paragraph:
    """One body paragraph as it will print."""

    index: int
    text: str
    lines: list[str]
    """The text split at the line breaks typed into it."""
    styles: list[str]
    """Style names, the paragraph's own first, then what it is based on."""
    ppr: dict[str, str]
    """Effective paragraph properties: jc, firstLineChars, rightChars, line, keepNext …"""
    east_asia: str
    size_pt: float
    bold: bool


@dataclass
class Document:
    path: Path
    page_mm: tuple[float, float] = (0.0, 0.0)
    margins_mm: dict[str, float] = field(default_factory=dict)
    grid_pitch_pt: float | None = None
    odd_even_footers: bool = False
    footers: dict[str, str] = field(default_factory=dict)
    """Footer type (default, even) → its XML text."""
    paragraphs: list[Paragraph] = field(default_factory=list)
    core: str = ""
    app: str = ""
    settings: str = ""
    parts: list[str] = field(default_factory=list)


def _attrs(el: Any) -> dict[str, str]:
    return {k.replace(W, ""): v for k, v in el.attrib.items()}


class _Styles:
    """The style chain, resolved attribute by attribute."""

    def __init__(self, root: Any, theme_ea: dict[str, str]):
        self.by_id = {s.get(f"{W}styleId"): s for s in root.iter(f"{W}style")}
        self.default_id = next(
            (
                s.get(f"{W}styleId")
                for s in root.iter(f"{W}style")
                if s.get(f"{W}default") == "1" and s.get(f"{W}type") == "paragraph"
            ),
            "Normal",
        )
        defaults = root.find(f"{W}docDefaults")
        self.default_ppr = defaults.find(f"{W}pPrDefault/{W}pPr") if defaults is not None else None
        self.default_rpr = defaults.find(f"{W}rPrDefault/{W}rPr") if defaults is not None else None
        self.theme_ea = theme_ea

    def chain(self, style_id: str | None) -> list[Any]:
        out, seen = [], set()
        current = style_id or self.default_id
        while current and current in self.by_id and current not in seen:
            seen.add(current)
            style = self.by_id[current]
            out.append(style)
            based = style.find(f"{W}basedOn")
            current = based.get(f"{W}val") if based is not None else None
        return out

    def name(self, style: Any) -> str:
        name = style.find(f"{W}name")
        return str(name.get(f"{W}val")) if name is not None else str(style.get(f"{W}styleId"))

    def layers(self, own: Any, chain: list[Any], tag: str, default: Any) -> list[Any]:
        out = [own] if own is not None else []
        out += [s.find(f"{W}{tag}") for s in chain if s.find(f"{W}{tag}") is not None]
        if default is not None:
            out.append(default)
        return out

    def font(self, layers: list[Any]) -> str:
        for rpr in layers:
            fonts = rpr.find(f"{W}rFonts")
            if fonts is None:
                continue
            if fonts.get(f"{W}eastAsia"):
                return str(fonts.get(f"{W}eastAsia"))
            theme = fonts.get(f"{W}eastAsiaTheme")
            if theme:
                return str(
                    self.theme_ea.get("major" if theme.startswith("major") else "minor", theme)
                )
        return ""


def _first(layers: list[Any], tag: str, attr: str = "val") -> str | None:
    for layer in layers:
        el = layer.find(f"{W}{tag}")
        if el is not None:
            return str(el.get(f"{W}{attr}", "1"))
    return None


def _resolve_ppr(layers: list[Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for layer in reversed(layers):  # defaults first, direct formatting last
        for child in layer:
            tag = child.tag.replace(W, "")
            if tag in ("ind", "spacing"):
                out.update({f"{tag}.{k}": v for k, v in _attrs(child).items()})
            elif tag in (
                "jc",
                "outlineLvl",
                "keepNext",
                "keepLines",
                "overflowPunct",
                "autoSpaceDE",
                "autoSpaceDN",
            ):
                out[tag] = child.get(f"{W}val", "1")
    return out


def _read(zf: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = zf.getinfo(name)
    except KeyError:
        return b""
    if info.file_size > _MAX_PART_BYTES:
        raise CheckError(f"{name} 太大，无法检查", None)
    return zf.read(name)


def read_docx(path: Path) -> Document:
    """Parse the package; a file that is not a .docx is a CheckError naming it."""
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise CheckError(f"不是 Word .docx 文件（{exc.__class__.__name__}）", path) from exc
    with zf:
        names = zf.namelist()
        if "word/document.xml" not in names:
            raise CheckError("不是 Word .docx 文件（没有 word/document.xml）", path)
        try:
            body_root = SafeET.fromstring(_read(zf, "word/document.xml"))
            styles_xml = _read(zf, "word/styles.xml")
            styles_root = (
                SafeET.fromstring(styles_xml)
                if styles_xml
                else SafeET.fromstring(f'<w:styles xmlns:w="{W[1:-1]}"/>')
            )
        except Exception as exc:  # defusedxml and expat raise several types
            raise CheckError(f"XML 读不出来（{exc}）", path) from exc
        theme = _read(zf, "word/theme/theme1.xml").decode("utf-8", "replace")
        doc = Document(path, parts=names)
        doc.core = _read(zf, "docProps/core.xml").decode("utf-8", "replace")
        doc.app = _read(zf, "docProps/app.xml").decode("utf-8", "replace")
        doc.settings = _read(zf, "word/settings.xml").decode("utf-8", "replace")
        doc.odd_even_footers = "evenAndOddHeaders" in doc.settings
        rels = _read(zf, "word/_rels/document.xml.rels").decode("utf-8", "replace")
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*Target="([^"]+)"', rels))
        targets.update({k: v for v, k in re.findall(r'Target="([^"]+)"[^>]*Id="([^"]+)"', rels)})
        sect = body_root.find(f"{W}body/{W}sectPr")
        if sect is None:
            sect = next(body_root.iter(f"{W}sectPr"), None)
        if sect is not None:
            _page_setup(doc, sect)
            for ref in (
                r for s in body_root.iter(f"{W}sectPr") for r in s.findall(f"{W}footerReference")
            ):
                target = targets.get(ref.get(R_ID, ""), "")
                kind = ref.get(f"{W}type", "default")
                xml = _read(zf, f"word/{target}").decode("utf-8", "replace")
                # A section without numbers (the 版记's, a cover) leaves the body's standing.
                if kind not in doc.footers or "PAGE" in xml:
                    doc.footers[kind] = xml
    theme_ea = {kind: face for kind, face in _THEME_EA_RE.findall(theme)}
    _paragraphs(doc, body_root, _Styles(styles_root, theme_ea))
    return doc


def _page_setup(doc: Document, sect: Any) -> None:
    def mm(value: str | None) -> float:
        return round(int(value or 0) / 1440 * 25.4, 1)

    size = sect.find(f"{W}pgSz")
    if size is not None:
        doc.page_mm = (mm(size.get(f"{W}w")), mm(size.get(f"{W}h")))
    margins = sect.find(f"{W}pgMar")
    if margins is not None:
        doc.margins_mm = {k: mm(margins.get(f"{W}{k}")) for k in ("top", "bottom", "left", "right")}
    grid = sect.find(f"{W}docGrid")
    if grid is not None and grid.get(f"{W}linePitch"):
        doc.grid_pitch_pt = int(grid.get(f"{W}linePitch", "0")) / 20


def _paragraphs(doc: Document, root: Any, styles: _Styles) -> None:
    body = root.find(f"{W}body")
    for n, p in enumerate(body.iter(f"{W}p") if body is not None else [], start=1):
        ppr = p.find(f"{W}pPr")
        style_el = ppr.find(f"{W}pStyle") if ppr is not None else None
        chain = styles.chain(style_el.get(f"{W}val") if style_el is not None else None)
        p_layers = styles.layers(ppr, chain, "pPr", styles.default_ppr)
        text: list[str] = []
        fonts: dict[str, int] = {}
        sizes: dict[float, int] = {}
        bolds: dict[bool, int] = {}
        for run in p.iter(f"{W}r"):
            r_layers = styles.layers(run.find(f"{W}rPr"), chain, "rPr", styles.default_rpr)
            piece = "".join(
                "\n"
                if c.tag == f"{W}br" and c.get(f"{W}type") in (None, "textWrapping")
                else "\t"
                if c.tag == f"{W}tab"
                else (c.text or "")
                if c.tag == f"{W}t"
                else ""
                for c in run
            )
            if not piece:
                continue
            text.append(piece)
            weight = sum(1 for c in piece if ord(c) > 0x2E80)
            font = styles.font(r_layers)
            fonts[font] = fonts.get(font, 0) + weight
            size = int(_first(r_layers, "sz") or 20) / 2
            sizes[size] = sizes.get(size, 0) + len(piece)
            bold = (_first(r_layers, "b") or "0") in ("1", "true", "on")
            bolds[bold] = bolds.get(bold, 0) + len(piece)
        full = "".join(text)
        doc.paragraphs.append(
            Paragraph(
                index=n,
                text=full.replace("\n", ""),
                lines=full.split("\n"),
                styles=[styles.name(s) for s in chain],
                ppr=_resolve_ppr(p_layers),
                east_asia=max(fonts, key=lambda k: fonts[k]) if fonts else "",
                size_pt=max(sizes, key=lambda k: sizes[k]) if sizes else 0.0,
                bold=max(bolds, key=lambda k: bolds[k]) if bolds else False,
            )
        )

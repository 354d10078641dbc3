"""The .docx package around the document: what Word shows in 属性 and its title bar.

python-docx starts from a template saved by Word 2010 for Mac in 2013: its dates, its
application name, a blank thumbnail, a customXml item, stylesWithEffects, a theme and
font table for Japanese, and compatibility mode 14 (Word opens it in 兼容模式). These
functions replace each leftover with what the draft says and drop the rest.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

from docx.oxml.ns import qn

from drafter import __version__

COMPATIBILITY_MODE = 15  # Word 2013 and later: no 兼容模式
_WORD_URI = "http://schemas.microsoft.com/office/word"
# Parts a clean package does not carry, and the relationship types that point at them.
_DROPPED_PARTS = re.compile(r"^(docProps/thumbnail\.\w+|customXml/.*|word/stylesWithEffects\.xml)$")
_DROPPED_RELS = re.compile(r"/(thumbnail|customXml|stylesWithEffects)\"")
_RELATIONSHIP_RE = re.compile(r"<Relationship [^>]*/>")
_OVERRIDE_RE = re.compile(r"<Override [^>]*/>")
_JPAN_RE = re.compile(r'<a:font script="Jpan" typeface="[^"]*"/>')
_HANS_RE = re.compile(r'<a:font script="Hans" typeface="[^"]*"/>')
_EA_RE = re.compile(r'<a:ea typeface="[^"]*"/>')

_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>drafter {version}</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><Company>{company}</Company>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)
_FONT_TABLE_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
)
# GB2312 charset (86) and a fixed-pitch family for Chinese faces; ANSI for Latin ones.
_CJK_FONT = (
    '<w:font w:name={name}><w:charset w:val="86"/><w:family w:val="modern"/>'
    '<w:pitch w:val="fixed"/></w:font>'
)
_LATIN_FONT = (
    '<w:font w:name={name}><w:charset w:val="00"/><w:family w:val="roman"/>'
    '<w:pitch w:val="variable"/></w:font>'
)


def set_settings(settings: Any) -> None:
    """Compatibility mode 15, Chinese theme language, no preview picture to save."""
    for tag in ("w:savePreviewPicture", "w:rsids"):
        for old in settings.findall(qn(tag)):
            settings.remove(old)
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        for setting in compat.findall(qn("w:compatSetting")):
            if setting.get(qn("w:name")) == "compatibilityMode":
                setting.set(qn("w:val"), str(COMPATIBILITY_MODE))
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")


def _font_table(fonts: Iterable[str]) -> str:
    rows = []
    for name in dict.fromkeys(fonts):
        template = _LATIN_FONT if name.isascii() else _CJK_FONT
        rows.append(template.format(name=quoteattr(name)))
    return _FONT_TABLE_HEAD + "".join(rows) + "</w:fonts>"


def _theme(xml: str, east_asia: str) -> str:
    """Theme fonts for simplified Chinese: no Japanese faces, the body font as Hans."""
    xml = _JPAN_RE.sub("", xml)
    xml = _HANS_RE.sub(f'<a:font script="Hans" typeface={quoteattr(east_asia)}/>', xml)
    return _EA_RE.sub(f"<a:ea typeface={quoteattr(east_asia)}/>", xml)


def _drop_relationships(xml: str) -> str:
    return _RELATIONSHIP_RE.sub(
        lambda m: "" if _DROPPED_RELS.search(m.group(0)) else m.group(0), xml
    )


def _drop_overrides(xml: str, kept: set[str]) -> str:
    def keep(match: re.Match[str]) -> str:
        name = re.search(r'PartName="/([^"]+)"', match.group(0))
        return match.group(0) if name is None or name.group(1) in kept else ""

    xml = _OVERRIDE_RE.sub(keep, xml)
    if not any(name.endswith((".jpeg", ".jpg")) for name in kept):
        xml = xml.replace('<Default Extension="jpeg" ContentType="image/jpeg"/>', "")
    return xml


def clean_package(data: bytes, *, fonts: Iterable[str], east_asia: str, company: str) -> bytes:
    """The saved package with the template's leftovers replaced or dropped."""
    source = zipfile.ZipFile(io.BytesIO(data))
    kept = [info for info in source.infolist() if not _DROPPED_PARTS.match(info.filename)]
    names = {info.filename for info in kept}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in kept:
            name = info.filename
            if name == "docProps/app.xml":
                text = _APP_XML.format(version=__version__, company=_escape(company))
            elif name == "word/fontTable.xml":
                text = _font_table(fonts)
            elif name.startswith("word/theme/"):
                text = _theme(source.read(name).decode("utf-8"), east_asia)
            elif name.endswith(".rels"):
                text = _drop_relationships(source.read(name).decode("utf-8"))
            elif name == "[Content_Types].xml":
                text = _drop_overrides(source.read(name).decode("utf-8"), names)
            else:
                target.writestr(info, source.read(name))
                continue
            target.writestr(info, text.encode("utf-8"))
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Text out of a .docx, checked before it is opened: no zip bombs, no entities, no DTDs.

A .docx is a zip of XML parts. The archive's entry count and declared unpacked size are
capped (zipfile never inflates an entry past its declared size, so the cap holds), encrypted
Office files are recognised by their OLE `EncryptedPackage` stream, and an XML part that
declares a DTD is refused before parsing (Word never writes one), so no entity can be
defined, expanded or fetched; only UTF-8 parts are read, so that check cannot be dodged.
What remains is parsed by expat (as defusedxml's forbid_dtd would, but at C speed).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, XMLParser

from drafter.core.harvest.source import Paragraph, ReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_ENTRIES = 2_000
MAX_UNPACKED = 256 * 1024 * 1024
"""Sum of the declared sizes of all entries; a real report is a few megabytes."""
MAX_PART = 64 * 1024 * 1024
MAX_OLE_SCAN = 64 * 1024 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME_RE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def is_ole(path: Path) -> bool:
    """True for an OLE compound file: a .doc/.wps, or an encrypted Office document."""
    with path.open("rb") as fh:
        return fh.read(8) == OLE_MAGIC


def is_encrypted_ole(path: Path) -> bool:
    """An encrypted Office file is an OLE container holding an `EncryptedPackage` stream."""
    with path.open("rb") as fh:
        data = fh.read(MAX_OLE_SCAN)
    return data.startswith(OLE_MAGIC) and "EncryptedPackage".encode("utf-16-le") in data


def docx_paragraphs(path: Path) -> list[Paragraph]:
    """The body paragraphs of a .docx (tables included), with heading levels from its styles."""
    if is_ole(path):
        if is_encrypted_ole(path):
            raise ReadError("文档加了密码：请另存一份不带密码的")
        raise ReadError("这是旧版 Word（.doc）文件，却用了 .docx 的名字：请改名为 .doc")
    if not zipfile.is_zipfile(path):
        raise ReadError("不是有效的 .docx（不是 zip 压缩包：文件损坏或被改了名）")
    try:
        with zipfile.ZipFile(path) as archive:
            document, styles = _read_parts(archive)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError) as exc:
        raise ReadError(f".docx 压缩包已损坏（{exc}）") from exc
    levels = _style_levels(_parse(styles, "word/styles.xml")) if styles else {}
    return _paragraphs(_parse(document, "word/document.xml"), levels)


def _read_parts(archive: zipfile.ZipFile) -> tuple[bytes, bytes | None]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ReadError(
            f"拒绝读取：压缩包内有 {len(infos)} 个文件（上限 {MAX_ENTRIES}），可能是“压缩炸弹”"
        )
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED:
        raise ReadError(
            f"拒绝读取：压缩包解开有 {unpacked // 2**20} MB"
            f"（上限 {MAX_UNPACKED // 2**20} MB），可能是“压缩炸弹”"
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise ReadError("压缩包加了密码：请另存一份不带密码的")
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise ReadError("不是 Word 文档（压缩包里没有 word/document.xml）")
    styles = _read_part(archive, "word/styles.xml") if "word/styles.xml" in names else None
    return _read_part(archive, "word/document.xml"), styles


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as fh:
        data = fh.read(MAX_PART + 1)
    if len(data) > MAX_PART:
        raise ReadError(f"拒绝读取：{name} 超过 {MAX_PART // 2**20} MB")
    return data


def _parse(data: bytes, name: str) -> Element:
    head = data[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        raise ReadError(f"拒绝读取：{name} 不是 UTF-8 编码的 XML（Word 写的是 UTF-8）")
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ReadError(f"拒绝读取：{name} 声明了 DTD 或实体（可能是 XXE 攻击）")
    parser = XMLParser()
    try:
        parser.feed(data)
        root: Element = parser.close()
    except (ParseError, ValueError) as exc:
        raise ReadError(f"{name} 中的 XML 已损坏（{exc}）") from exc
    return root


def _style_levels(styles: Element) -> dict[str, int]:
    """Paragraph style id → heading level (1-based); 0 for the Title style."""
    levels: dict[str, int] = {}
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if not style_id:
            continue
        name_el = style.find(f"{_W}name")
        name = (name_el.get(f"{_W}val") or "") if name_el is not None else ""
        outline = style.find(f"{_W}pPr/{_W}outlineLvl")
        match = _HEADING_NAME_RE.match(name.strip())
        if outline is not None and (outline.get(f"{_W}val") or "").isdigit():
            level = int(outline.get(f"{_W}val") or 0) + 1
            if level <= 9:
                levels[style_id] = level
        elif match:
            levels[style_id] = int(match.group(1))
        elif name.strip().lower() == "title":
            levels[style_id] = 0
    return levels


def _paragraphs(root: Element, levels: dict[str, int]) -> list[Paragraph]:
    out: list[Paragraph] = []
    for n, para in enumerate(root.iter(f"{_W}p"), 1):
        out.append(Paragraph(n, _text(para), _level(para, levels)))
    return out


def _level(para: Element, levels: dict[str, int]) -> int | None:
    props = para.find(f"{_W}pPr")
    if props is None:
        return None
    outline = props.find(f"{_W}outlineLvl")
    if outline is not None and (outline.get(f"{_W}val") or "").isdigit():
        level = int(outline.get(f"{_W}val") or 0) + 1
        return level if level <= 9 else None
    style = props.find(f"{_W}pStyle")
    if style is not None and style.get(f"{_W}val") in levels:
        return levels[style.get(f"{_W}val") or ""]
    return None


def _text(para: Element) -> str:
    """The visible text of one paragraph, leaving out paragraphs nested in text boxes."""
    if para.find(f".//{_W}p") is None:  # the common case, walked in C
        return "".join(t.text or "" for t in para.iter(f"{_W}t"))
    parts: list[str] = []
    stack = list(reversed(list(para)))
    while stack:
        node = stack.pop()
        tag = node.tag
        if tag == f"{_W}p":
            continue  # a nested paragraph (text box) is yielded on its own
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        stack.extend(reversed(list(node)))
    return "".join(parts)

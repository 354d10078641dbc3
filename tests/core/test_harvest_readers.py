"""Reading sources: encodings, .docx and .md, LibreOffice formats, and hostile files."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from drafter.core.harvest import docxsafe, readers
from drafter.core.harvest.readers import collect_files, decode, read_source
from drafter.core.harvest.source import ReadError
from drafter.core.text.chinese import to_simplified
from tests.core.harvest_samples import SURVEY

SIMPLE = "一、存在的问题\n（一）学习教育针对性不强。部分支部学习以读文件为主。\n"


def _traditional(text: str) -> str:
    import opencc

    return str(opencc.OpenCC("s2tw").convert(text))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_text_in_each_common_encoding_reads_the_same(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SURVEY.encode(encoding))
    lines = [p.text for p in read_source(path)]
    assert lines == SURVEY.splitlines()


def test_utf16_without_bom_and_big5_traditional_are_recognised() -> None:
    assert decode(SIMPLE.encode("utf-16-le")) == SIMPLE
    traditional = _traditional(SIMPLE)
    assert traditional != SIMPLE
    assert to_simplified(decode(traditional.encode("big5"))) == SIMPLE


def test_lines_keep_their_numbers_for_provenance(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n第三行有字。\n", encoding="utf-8")
    assert [(p.index, p.text) for p in read_source(path) if p.text] == [(3, "第三行有字。")]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "没有文字"),
        (b"   \n\n", "没有文字"),
        (bytes(range(256)) * 64, "二进制"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(1, 200)) * 50, "二进制"),
    ],
)
def test_empty_and_binary_text_files_are_refused_with_a_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_source(path)


def test_markdown_loses_its_markup_and_keeps_heading_levels(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "# 某单位工作总结\n\n- **结对帮扶**：党员每月走访一次。\n```\n代码块不读\n```\n",
        encoding="utf-8",
    )
    paragraphs = [p for p in read_source(path) if p.text]
    assert [(p.text, p.level) for p in paragraphs] == [
        ("某单位工作总结", 1),
        ("结对帮扶：党员每月走访一次。", None),
    ]


def test_a_bold_point_inside_a_markdown_paragraph_starts_a_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "**一是压实责任。**支部书记带头抓。**二是强化结果运用。**考核结果与评优挂钩。\n",
        encoding="utf-8",
    )
    assert [p.text for p in read_source(path)] == [
        "一是压实责任。支部书记带头抓。",
        "二是强化结果运用。考核结果与评优挂钩。",
    ]


def _docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("存在的问题", level=1)
    document.add_paragraph("（一）学习教育针对性不强。部分支部学习以读文件为主。")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "表格里的一句话也要读到。"
    document.save(str(path))
    return path


def test_docx_paragraphs_tables_and_heading_styles(tmp_path: Path) -> None:
    paragraphs = [p for p in read_source(_docx(tmp_path / "a.docx")) if p.text]
    assert [p.text for p in paragraphs] == [
        "存在的问题",
        "（一）学习教育针对性不强。部分支部学习以读文件为主。",
        "表格里的一句话也要读到。",
    ]
    assert paragraphs[0].level == 1 and paragraphs[1].level is None


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
)


def test_xml_with_external_entities_is_refused_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("不该被读到的内容", encoding="utf-8")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        + _BODY.format(text="&x;")
    ).encode()
    path = _zip(tmp_path / "xxe.docx", {"word/document.xml": xxe})
    with pytest.raises(ReadError, match="声明了 DTD 或实体") as caught:
        read_source(path)
    assert "不该" not in str(caught.value)


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10))
    bomb = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a0 "哈">{laughs}]>' + _BODY.format(
        text="&a9;"
    )
    path = _zip(tmp_path / "laughs.docx", {"word/document.xml": bomb.encode()})
    with pytest.raises(ReadError, match="DTD"):
        read_source(path)


def test_zip_bombs_are_refused_by_size_and_by_entry_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docxsafe, "MAX_UNPACKED", 8 * 2**20)
    big = _zip(tmp_path / "big.docx", {"word/document.xml": b"\0" * (20 * 2**20)})
    assert big.stat().st_size < 2**20  # it compresses to almost nothing
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_source(big)
    many = _zip(
        tmp_path / "many.docx", {f"x/{i}.xml": b"" for i in range(docxsafe.MAX_ENTRIES + 1)}
    )
    with pytest.raises(ReadError, match="压缩炸弹"):
        read_source(many)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"PK\x03\x04 this is not really a zip", "不是有效的 .docx|已损坏"),
        (docxsafe.OLE_MAGIC + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"), "加了密码"),
        (docxsafe.OLE_MAGIC + b"\0" * 600, "旧版 Word"),
    ],
)
def test_corrupt_encrypted_and_renamed_docx_say_why(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=reason):
        read_source(path)


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = _zip(tmp_path / "a.docx", {"hello.txt": b"hi"})
    with pytest.raises(ReadError, match=r"没有 word/document\.xml"):
        read_source(path)


def test_doc_without_libreoffice_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.wps"
    path.write_bytes(docxsafe.OLE_MAGIC + b"\0" * 512)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError, match="LibreOffice"):
        read_source(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_doc_is_converted_with_libreoffice(tmp_path: Path) -> None:
    source = _docx(tmp_path / "made.docx")
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(tmp_path / "doc"),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    texts = [p.text for p in read_source(tmp_path / "doc" / "made.doc")]
    assert "（一）学习教育针对性不强。部分支部学习以读文件为主。" in texts


def test_folders_are_walked_and_unsupported_arguments_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("sub/b.txt", "a.docx", "c.md", "skip.pdf", ".hidden.txt", "~$lock.docx"):
        (tmp_path / name).write_bytes(b"x")
    files, bad = collect_files([tmp_path, tmp_path / "nope.txt", tmp_path / "skip.pdf"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.docx", "c.md", "sub/b.txt"]
    assert [(p.name, why.split(" ")[0]) for p, why in bad] == [
        ("nope.txt", "找不到这个文件或文件夹"),
        ("skip.pdf", "不支持"),
    ]


def test_reader_table_covers_every_supported_suffix() -> None:
    assert set(readers.SUFFIXES) == {".txt", ".md", ".docx", ".doc", ".wps"}

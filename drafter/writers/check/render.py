"""Render a .docx through LibreOffice and measure the printed pages.

soffice converts to PDF (several files in one call: start-up is most of its 2–4 s), blank
pages included: the blank page an even-page section break inserts is a printed page, and
the 版记's page parity counts it. pdftotext -bbox gives every word's box, page by page:
the text block's lines and the footer's text. `pagerules` judges them.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.writers.check.reader import CheckError

PAGE_W, PAGE_H = 595.3, 841.9  # A4 in points
TEXT_TOP, TEXT_BOTTOM = 37 / 25.4 * 72, (297 - 35) / 25.4 * 72
TEXT_RIGHT = (210 - 26) / 25.4 * 72
_PAGE_RE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_TIMEOUT = 240
# Keep the blank pages LibreOffice inserts for an even-page start (it drops them by default;
# JSON filter options on the command line need LibreOffice 7.4 or later).
_PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


@dataclass
class Line:
    """One printed line of the text block."""

    y: float
    x_min: float
    x_max: float
    text: str


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)
    footer: str = ""
    """What prints below the text block: the page number, if any."""

    @property
    def blank(self) -> bool:
        return not self.lines and not self.footer


def tools_missing() -> str | None:
    """Why rendering cannot run here, or None when it can."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return "--render 要用 LibreOffice（soffice）：请安装，或不加 --render"
    if not shutil.which("pdftotext"):
        return "--render 要用 pdftotext（poppler-utils）：请安装，或不加 --render"
    return None


def render_pdfs(paths: Sequence[Path], folder: Path) -> dict[Path, Path]:
    """Convert .docx files to PDF in one soffice call; each file's PDF by its path."""
    missing = tools_missing()
    if missing:
        raise CheckError(missing)
    soffice = shutil.which("soffice") or shutil.which("libreoffice") or "soffice"
    profile = folder / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--convert-to",
        _PDF_FILTER,
        "--outdir",
        str(folder),
        *(str(p) for p in paths),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise CheckError(f"LibreOffice 在 {_TIMEOUT} 秒内没有完成") from exc
    out = {}
    for path in paths:
        pdf = folder / (path.stem + ".pdf")
        if not pdf.is_file():
            raise CheckError("LibreOffice 转换不了这个文件", path)
        out[path] = pdf
    return out


def measure(pdf: Path) -> list[Page]:
    """The text block's lines on each page, in reading order."""
    proc = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        check=False,
    )
    pages = []
    for number, page_xml in enumerate(_PAGE_RE.findall(proc.stdout), start=1):
        rows: dict[int, list[tuple[float, float, str]]] = {}
        footer = []
        for x0, y0, x1, _y1, word in _WORD_RE.findall(page_xml):
            y = float(y0)
            if y > TEXT_BOTTOM:  # the footer's page number
                footer.append(html.unescape(word))
                continue
            key = next((k for k in rows if abs(k - y) < 4), round(y))
            rows.setdefault(key, []).append((float(x0), float(x1), html.unescape(word)))
        page = Page(number, footer="".join(footer))
        for y in sorted(rows):
            words = sorted(rows[y])
            text = "".join(w for _, _, w in words)
            page.lines.append(Line(y, words[0][0], max(x1 for _, x1, _ in words), text))
        pages.append(page)
    return pages


def rendered_pages(paths: Sequence[Path]) -> dict[Path, list[Page]]:
    """Render and measure several files with one LibreOffice start."""
    with tempfile.TemporaryDirectory(prefix="drafter-check-") as tmp:
        folder = Path(tmp)
        copies = {}
        for n, path in enumerate(paths):  # numbered copies: two files may share a name
            copy = folder / f"doc{n}.docx"
            shutil.copyfile(path, copy)
            copies[copy] = path
        pdfs = render_pdfs(list(copies), folder)
        return {copies[copy]: measure(pdf) for copy, pdf in pdfs.items()}

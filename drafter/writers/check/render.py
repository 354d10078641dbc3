"""Render a .docx through LibreOffice and measure the printed pages.

soffice converts to PDF (several files in one call: start-up is most of its 2–4 s);
pdftotext -bbox gives every word's box, page by page. From those: text lines per page and
their pitch, lines that run past the right edge of the text block (hanging punctuation, a
29th character), and a last page that holds nothing but the signature and date.
"""

from __future__ import annotations

import html
import re
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from drafter.writers.check.reader import CheckError
from drafter.writers.check.rules import DATE_RE

PAGE_W, PAGE_H = 595.3, 841.9  # A4 in points
TEXT_TOP, TEXT_BOTTOM = 37 / 25.4 * 72, (297 - 35) / 25.4 * 72
TEXT_RIGHT = (210 - 26) / 25.4 * 72
LINES_PER_PAGE = 22
_PAGE_RE = re.compile(r"<page [^>]*>(.*?)</page>", re.S)
_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_TIMEOUT = 240
_HANGING = frozenset("。，、；：！？”’）》」』")


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


def tools_missing() -> str | None:
    """Why rendering cannot run here, or None when it can."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return "--render needs LibreOffice (soffice); install it or leave out --render"
    if not shutil.which("pdftotext"):
        return "--render needs pdftotext (poppler-utils); install it or leave out --render"
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
        "pdf",
        "--outdir",
        str(folder),
        *(str(p) for p in paths),
    ]
    try:
        subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise CheckError(f"LibreOffice did not finish within {_TIMEOUT} s") from exc
    out = {}
    for path in paths:
        pdf = folder / (path.stem + ".pdf")
        if not pdf.is_file():
            raise CheckError("LibreOffice could not convert the file", path)
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
        for x0, y0, x1, _y1, word in _WORD_RE.findall(page_xml):
            y = float(y0)
            if y > TEXT_BOTTOM:  # the footer's page number
                continue
            key = next((k for k in rows if abs(k - y) < 4), round(y))
            rows.setdefault(key, []).append((float(x0), float(x1), html.unescape(word)))
        page = Page(number)
        for y in sorted(rows):
            words = sorted(rows[y])
            text = "".join(w for _, _, w in words)
            page.lines.append(Line(y, words[0][0], max(x1 for _, x1, _ in words), text))
        pages.append(page)
    return pages


def render_faults(pages: list[Page], signature: str) -> list[str]:
    """One line per fault seen on the printed pages."""
    faults = []
    for page in pages:
        if len(page.lines) > LINES_PER_PAGE:
            faults.append(f"page {page.number}: {len(page.lines)} lines, want at most 22")
        gaps = [b.y - a.y for a, b in zip(page.lines, page.lines[1:], strict=False)]
        regular = [g for g in gaps if g < 40]
        if len(regular) >= 5 and abs(statistics.median(regular) - 28.95) > 0.6:
            pitch = statistics.median(regular)
            faults.append(f"page {page.number}: line pitch {pitch:.2f} pt, want 28.95")
        for line in page.lines:
            # LibreOffice hangs 。，、 whatever the file says (Word honours overflowPunct,
            # which the static grid rule checks), so only a 29th character counts here.
            if line.x_max > TEXT_RIGHT + 3 and line.text[-1:] not in _HANGING:
                past = line.x_max - TEXT_RIGHT
                faults.append(
                    f"page {page.number}: 「{line.text[-6:]}」 runs {past:.0f} pt "
                    "past the right edge"
                )
    faults.extend(_stranded(pages, signature))
    return faults


def _stranded(pages: list[Page], signature: str) -> list[str]:
    """A page whose only text is the signature, the date and what follows them."""
    sig = re.sub(r"\s", "", signature)
    for page in pages:
        texts = [re.sub(r"\s", "", line.text) for line in page.lines]
        dates = [i for i, t in enumerate(texts) if DATE_RE.match(t)]
        if not dates:
            continue
        start = dates[0] - (1 if dates[0] > 0 and sig and texts[dates[0] - 1] == sig else 0)
        if start == 0:
            what = "the signature and date" if start < dates[0] else "the date"
            return [
                f"page {page.number} holds only {what}: keep the last lines of the body with them"
            ]
    return []


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

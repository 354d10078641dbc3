"""Rules on the printed pages, one line per fault, each naming its page (第 3 页：…): lines per
page and their pitch, a 29th character, a stranded signature or date, the title's printed
lines, and where the 版记 falls (GB/T 9704 §5.2.3, §7.3–7.5).
"""

from __future__ import annotations

import re
import statistics

from drafter.writers.check.render import TEXT_BOTTOM, TEXT_RIGHT, Page
from drafter.writers.check.rules import DATE_RE, title_faults

LINES_PER_PAGE = 22
LINE_PITCH_PT = 28.95
_HANGING = frozenset("。，、；：！？”’）》」』")
# A 版记 line: 抄送：…。 or 印发机关 … 2026年11月21日印发.
_IMPRINT_RE = re.compile(r"^(抄送[：:]|.*\d{4}年\d{1,2}月\d{1,2}日印发$)")


def render_faults(pages: list[Page], signature: str, title: str = "") -> list[str]:
    """One line per fault seen on the printed pages."""
    faults = []
    for page in pages:
        if len(page.lines) > LINES_PER_PAGE:
            faults.append(
                f"第 {page.number} 页：排了 {len(page.lines)} 行，每页应不超过 22 行（§5.2.3）"
            )
        gaps = [b.y - a.y for a, b in zip(page.lines, page.lines[1:], strict=False)]
        regular = [g for g in gaps if g < 40]
        if len(regular) >= 5 and abs(statistics.median(regular) - LINE_PITCH_PT) > 0.6:
            pitch = statistics.median(regular)
            faults.append(
                f"第 {page.number} 页：行距 {round(pitch, 2):g} 磅，"
                f"应为 {LINE_PITCH_PT} 磅（每页 22 行，§5.2.3）"
            )
        for line in page.lines:
            # LibreOffice hangs 。，、 whatever the file says (Word honours overflowPunct,
            # which the static grid rule checks), so only a 29th character counts here.
            if line.x_max > TEXT_RIGHT + 3 and line.text[-1:] not in _HANGING:
                past = line.x_max - TEXT_RIGHT
                faults.append(
                    f"第 {page.number} 页：「{line.text[-6:]}」超出版心右边 {past:.0f} 磅，"
                    "一行应排 28 个字（§5.2.3）"
                )
    faults.extend(_title(pages, title))
    faults.extend(_stranded(pages, signature))
    faults.extend(_imprint(pages))
    return faults


def _squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


def printed_title(pages: list[Page], title: str) -> list[str]:
    """The title's lines as printed on page 1 ([] when it is not found there)."""
    want = _squeeze(title)
    if not want or not pages:
        return []
    texts = [_squeeze(line.text) for line in pages[0].lines]
    for start, text in enumerate(texts):
        if not text or not want.startswith(text):
            continue
        lines, seen = [], ""
        for line in texts[start:]:
            if not want.startswith(seen + line):
                break
            lines.append(line)
            seen += line
            if seen == want:
                return lines
    return []


def _title(pages: list[Page], title: str) -> list[str]:
    """The title as printed: a line LibreOffice wrapped on its own counts too."""
    lines = printed_title(pages, title)
    return (
        [f"第 1 页：印出的标题{fault}" for fault in title_faults(lines)] if len(lines) > 1 else []
    )


def _stranded(pages: list[Page], signature: str) -> list[str]:
    """A page whose only text is the ending: 附件说明, signature, date and what follows."""
    sig = _squeeze(signature)
    for page in pages:
        texts = [_squeeze(line.text) for line in page.lines]
        dates = [i for i, t in enumerate(texts) if DATE_RE.match(t)]
        if not dates:
            continue
        start = dates[0] - (1 if dates[0] > 0 and sig and texts[dates[0] - 1] == sig else 0)
        attachment = next((i for i, t in enumerate(texts[:start]) if t.startswith("附件：")), None)
        if start == 0 or attachment == 0:
            what = "发文机关署名和成文日期" if start < dates[0] else "成文日期"
            what = "附件说明、" + what if attachment == 0 else what
            return [f"第 {page.number} 页只有{what}：应与正文末段同页（§7.3.5）"]
    return []


def _imprint(pages: list[Page]) -> list[str]:
    """The 版记 at the foot of the last page, an even one; after a blank page, neither page
    numbered (§7.4, §7.5)."""
    at = [p for p in pages if any(_IMPRINT_RE.match(_squeeze(line.text)) for line in p.lines)]
    if not at:
        return []
    page = at[-1]
    faults = []
    if page.number % 2:
        faults.append(f"第 {page.number} 页：版记在奇数页，应在最后一个偶数页的下端（§7.4）")
    if page is not pages[-1]:
        faults.append(f"第 {page.number} 页：版记不在最后一页（§7.4）")
    last = [line for line in page.lines if _IMPRINT_RE.match(_squeeze(line.text))][-1]
    if last.y < TEXT_BOTTOM - 2 * LINE_PITCH_PT:
        faults.append(
            f"第 {page.number} 页：版记不在页面下端，最后一个要素应在版心最后一行（§7.4）"
        )
    before = pages[page.number - 2] if page.number >= 2 else None
    if before is not None and not before.lines:
        numbered = [p.number for p in (before, page) if p.footer.strip()]
        if numbered:
            which = "、".join(str(n) for n in numbered)
            faults.append(
                f"第 {which} 页编了页码：版记页前有空白页的，空白页和版记页均不编排页码（§7.5）"
            )
    elif before is not None and before.footer.strip() and not page.footer.strip():
        faults.append(f"第 {page.number} 页没有页码：版记页前没有空白页，应与正文连续编码（§7.5）")
    return faults

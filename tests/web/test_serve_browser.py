"""`drafter serve` in a real browser: a colleague writes a report in Chromium and downloads it.

Runs where Chromium is installed at /usr/bin/chromium (CI installs it) and Playwright is
importable; elsewhere it is skipped, saying what is missing. Playwright drives the system
browser binary: no browser is downloaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import docx
import pytest

from drafter.core.files import draftfile
from tests.web.browser import CAPTURE, CHROMIUM, CHROMIUM_ARGS, WAIT, Server, TerminalLog, compose

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    ),
]

# A bank written for this test: one sentence found by the initials of its opening words.
BANK = """\
topic: org-life
entries:
  - id: web.problem.01
    section: problem
    kind: sentence
    move: manifestation
    text: 楼道议事会每月开一次，由居民代表轮流主持，小事不出楼栋。
"""
PHRASE = "楼道议事会每月开一次，由居民代表轮流主持，小事不出楼栋。"
INITIALS = "ldyshmyk"  # 楼道议事会每月开
TITLE = "关于社区议事协商情况的调研报告"
SITUATION = "全社区有居民小区九个，已建楼道议事会的有五个。"
HEADING = "居民议事渠道不够通畅"
BODY = "有的小区议事会一年只开一两次，居民的意见要等很久才有回音。"
CAUSE = "对议事协商的作用认识不足"
MEASURE = "建立议事会按月例会制度"
BODY_PLACEHOLDER = "正文：一段一行"
SCREENSHOT = os.environ.get("DRAFTER_SERVE_SCREENSHOT")
"""Where to keep a picture of the wizard in the browser (the README's is docs/serve.png)."""


def document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml")


def test_a_report_written_in_the_browser_downloads_as_the_built_docx(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    home = tmp_path / "home"
    home.mkdir()
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "neighbourhood.yaml").write_text(BANK, encoding="utf-8")
    server = Server(home, "--bank", str(bank))
    try:
        assert "127.0.0.1" in server.wait_ready()
        with sync_api.sync_playwright() as playwright:
            # A fresh profile in tmp_path: no history, no extensions, no first-run pages.
            context = playwright.chromium.launch_persistent_context(
                tmp_path / "chromium",
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                timeout=WAIT * 1000,
                viewport={"width": 1280, "height": 760},
                accept_downloads=True,
                # Playwright turns the pop-up blocker off; a colleague's browser has it on,
                # and the download is a window textual-serve opens from a websocket message.
                ignore_default_args=["--disable-popup-blocking"],
            )
            try:
                context.set_default_timeout(WAIT * 1000)
                context.add_init_script(CAPTURE)
                download = write_and_export(context.new_page(), server.url, tmp_path)
                second_tab_is_read_only(context.new_page(), server.url)
            finally:
                context.close()
    finally:
        output = server.stop()
        print(output)  # shown when the test fails: a wizard's traceback lands here
    assert "Traceback" not in output, output

    # The download is the Word file, and so is the copy in the drafts folder.
    drafts = home / "data" / "drafts"
    (draft_path,) = drafts.glob("*.draft.yaml")
    saved = draft_path.with_name(draft_path.name.replace(".draft.yaml", ".docx"))
    assert download.name == saved.name
    assert download.read_bytes() == saved.read_bytes()
    text = [p.text for p in docx.Document(str(download)).paragraphs]
    assert text[0] == TITLE
    assert "（一）" + HEADING in text
    body = "".join(text)
    assert BODY in body and PHRASE in body

    # Autosave kept every keystroke; `drafter build` of the draft writes the same document.
    draft = draftfile.load(draft_path)
    (point,) = draft.section("problem").points
    assert point.heading == HEADING
    assert point.body == [BODY, PHRASE]
    assert [p.heading for p in draft.section("cause").points] == [CAUSE]
    assert [p.heading for p in draft.section("countermeasure").points] == [MEASURE]
    built = tmp_path / "built.docx"
    subprocess.run(
        [sys.executable, "-m", "drafter", "build", str(draft_path), "-o", str(built)],
        env=dict(os.environ, DRAFTER_HOME=str(home)),
        check=True,
        timeout=WAIT * 2,
    )
    assert document_xml(built) == document_xml(download)


def write_and_export(page: Page, url: str, tmp_path: Path) -> Path:
    """Start a survey, write each required part in Chinese, insert a phrase, export."""
    screen = TerminalLog(page)
    page.goto(url)
    screen.wait_for("问题与对策调研报告")  # the report kinds load just after the first paint
    page.focus("textarea.xterm-helper-textarea")
    compose(page, TITLE)  # the title field has the focus on a first start
    screen.wait_for(TITLE)
    screen.checkpoint()
    screen.click("空白开始 ctrl+n")  # the mouse, on the button
    screen.wait_for("下一步")
    # Each key waits for the last one's effect to be drawn, as a user's eyes would.
    next_step(page, screen)  # 基本情况: a paragraph typed into the text box, clicked
    type_body(page, screen, SITUATION, SITUATION[:8])

    next_step(page, screen)  # 存在的问题: a point, its text, a phrase found by initials
    add_point(page, screen, HEADING)
    type_body(page, screen, BODY, "· 1段")
    page.keyboard.press("Control+f")
    page.wait_for_timeout(300)
    screen.checkpoint()
    page.keyboard.type(INITIALS)
    screen.wait_for("每月开一次")
    screen.checkpoint()
    page.keyboard.press("Enter")  # the sentence becomes the point's second paragraph
    screen.wait_for("· 2段")
    if SCREENSHOT:
        page.wait_for_timeout(500)
        page.screenshot(path=SCREENSHOT)

    # F1 help and the command palette open and close.
    for key, shown in (("F1", "标题与正文"), ("Control+p", "转到：审阅导出")):
        screen.checkpoint()
        page.keyboard.press(key)
        screen.wait_for(shown)
        page.keyboard.press("Escape")
        screen.wait_gone(shown)

    next_step(page, screen, click="原因分析")  # the step's name, at the top
    add_point(page, screen, CAUSE)
    next_step(page, screen, click="^n 下一步")  # the key in the footer
    add_point(page, screen, MEASURE)

    screen.checkpoint()
    page.keyboard.press("Control+r")
    screen.wait_for("导出 Word")
    screen.checkpoint()
    page.keyboard.press("Control+e")
    screen.wait_for("导出")
    with page.expect_download(timeout=WAIT * 1000) as event:
        page.keyboard.press("Enter")
    screen.wait_for("已导出")
    download = tmp_path / event.value.suggested_filename
    event.value.save_as(download)
    return download


def next_step(page: Page, screen: TerminalLog, click: str = "") -> None:
    """The next step by ctrl+n, or by clicking what the README offers instead (the browser
    keeps ctrl+n for itself): a step's name, or 下一步 in the footer."""
    screen.checkpoint()
    if click:
        screen.click(click)
    else:
        page.keyboard.press("Control+n")
    screen.wait_for(BODY_PLACEHOLDER)
    page.wait_for_timeout(500)  # the step settles its focus after it is drawn


def type_body(page: Page, screen: TerminalLog, text: str, shown: str) -> None:
    """Click into the point's text box and type a paragraph through the input method."""
    screen.click(BODY_PLACEHOLDER)
    page.wait_for_timeout(300)
    screen.checkpoint()
    compose(page, text)
    screen.wait_for(shown)


def add_point(page: Page, screen: TerminalLog, heading: str) -> None:
    """A new point (ctrl+o focuses its heading), its heading typed in Chinese."""
    screen.checkpoint()
    page.keyboard.press("Control+o")
    screen.wait_for("（无标题）")
    compose(page, heading)
    screen.wait_for("（一）" + heading)


def second_tab_is_read_only(page: Page, url: str) -> None:
    """A second tab on the same draft opens it read-only: the first tab is writing it."""
    screen = TerminalLog(page)
    page.goto(url)
    screen.wait_for(TITLE)  # listed under 继续写作, and focused
    page.focus("textarea.xterm-helper-textarea")
    page.keyboard.press("Enter")
    screen.wait_for("只读打开")

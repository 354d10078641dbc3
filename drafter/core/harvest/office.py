""".doc and .wps through LibreOffice, without letting a document reach the network.

A document may name remote images, style sheets or linked files (an HTML page saved as
.doc does). LibreOffice runs with a fresh profile that blocks links from untrusted
locations, never updates links, refuses macros and sends any request it still makes to a
closed local port; it runs in its own process group, killed whole on timeout, and the
input is size-capped before it is copied.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from drafter.core.harvest.docxsafe import docx_paragraphs, is_encrypted_ole, is_ole
from drafter.core.harvest.source import Paragraph, ReadError, read_capped

SOFFICE_TIMEOUT = 180
"""Seconds for one conversion."""
MAX_OFFICE_BYTES = 64 * 1024 * 1024
"""A .doc/.wps larger than this is not a report (and would fill the temporary folder)."""
DEAD_PROXY = "127.0.0.1", 9
"""Where any request LibreOffice still makes goes: the discard port, normally closed."""

# (path, property, type, value): the profile settings that keep a conversion offline.
_SETTINGS = (
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks",
     "boolean", "true"),
    ("/org.openoffice.Office.Common/Security/Scripting", "MacroSecurityLevel", "int", "3"),
    ("/org.openoffice.Office.Common/Security/Scripting", "DisableMacrosExecution",
     "boolean", "true"),
    ("/org.openoffice.Office.Writer/Content/Update", "Link", "int", "0"),  # 0 = never
    ("/org.openoffice.Office.Calc/Content/Update", "Link", "int", "1"),  # 1 = never
    ("/org.openoffice.Inet/Settings", "ooInetProxyType", "int", "1"),  # 1 = manual
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy", "string", ""),
    *(
        ("/org.openoffice.Inet/Settings", f"ooInet{scheme}Proxy{field}", kind, value)
        for scheme in ("HTTP", "HTTPS", "FTP")
        for field, kind, value in (("Name", "string", DEAD_PROXY[0]),
                                   ("Port", "int", str(DEAD_PROXY[1])))
    ),
)  # fmt: skip


def profile_xcu() -> str:
    """registrymodifications.xcu for a fresh LibreOffice profile with _SETTINGS."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{name}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for path, name, _kind, value in _SETTINGS
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n"
    )


def _offline_env() -> dict[str, str]:
    proxy = f"http://{DEAD_PROXY[0]}:{DEAD_PROXY[1]}"
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update(http_proxy=proxy, https_proxy=proxy, ftp_proxy=proxy, all_proxy=proxy)
    env.update(HTTP_PROXY=proxy, HTTPS_PROXY=proxy, FTP_PROXY=proxy, ALL_PROXY=proxy)
    env["no_proxy"] = env["NO_PROXY"] = ""
    return env


def convert_and_read(path: Path, *, timeout: float = SOFFICE_TIMEOUT) -> list[Paragraph]:
    """Convert a .doc/.wps to .docx with LibreOffice in a private, offline profile, then
    read it."""
    if is_ole(path) and is_encrypted_ole(path):
        raise ReadError("文档加了密码：请另存一份不带密码的")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(
            f"没有 LibreOffice（soffice）读不了 {path.suffix} 文件：请安装它，或把文件另存为 .docx"
        )
    with tempfile.TemporaryDirectory(prefix="drafter-harvest-") as tmp:
        work = Path(tmp)
        source = work / f"source{path.suffix.lower()}"
        source.write_bytes(read_capped(path, MAX_OFFICE_BYTES))
        user = work / "profile" / "user"
        user.mkdir(parents=True)
        (user / "registrymodifications.xcu").write_text(profile_xcu(), encoding="utf-8")
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",  # named, so an HTML page saved as .doc converts too
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        _run(command, work, timeout)
        converted = work / "out" / "source.docx"
        if not converted.is_file():
            raise ReadError("LibreOffice 转换不了（文件损坏或受保护？）")
        return docx_paragraphs(converted)


def _run(command: list[str], cwd: Path, timeout: float) -> None:
    """Run LibreOffice in a process group of its own; on timeout the whole group dies
    (soffice starts soffice.bin, which would otherwise be orphaned and keep running)."""
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=_offline_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        raise ReadError(f"LibreOffice 转换超过了 {timeout:g} 秒") from exc
    finally:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever of the group is left
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=5)

"""Errors the core raises; the CLI and the TUI turn each into one readable line.

A message reads as the user would say it: 草稿文件 a.draft.yaml 第 12 行：缺少字段 title.
The noun before the path says what kind of file it is; each error class sets its own.
"""

from __future__ import annotations

import errno
from pathlib import Path


class DrafterError(Exception):
    """A user-facing error, located in a file (and a line) when it can be."""

    noun = "文件"

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        *,
        noun: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        if noun is not None:  # this path is not what the class names (a folder …)
            self.noun = noun

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.noun} {self.path}".lstrip()
        if self.line:
            where += f" 第 {self.line} 行"
        return f"{where}：{self.message}"


class DraftFileError(DrafterError):
    """A draft file that cannot be read, parsed or validated."""

    noun = "草稿文件"


class BankError(DrafterError):
    """A phrasebank file that cannot be read, parsed or validated."""

    noun = "短语库"


class TemplateError(DrafterError):
    """A report kind whose kind.yaml or jinja2 template is broken or unknown."""

    noun = "报告类型"


class OutputError(DrafterError):
    """An output file that cannot be written."""

    noun = "输出文件"


class QueryError(DrafterError):
    """A search query or filter that cannot be used (unknown filter values …)."""


_OS_REASONS = {
    errno.ENOENT: "找不到这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "磁盘是只读的",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EEXIST: "已经存在",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EDQUOT: "超出了磁盘配额",
    errno.EIO: "磁盘读写出错",
    errno.EMFILE: "同时打开的文件太多",
    errno.EADDRINUSE: "端口已被占用",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
}


def os_reason(exc: OSError) -> str:
    """Why the system refused, in Chinese for the common cases (else the system's words)."""
    return _OS_REASONS.get(exc.errno or 0) or exc.strerror or str(exc)

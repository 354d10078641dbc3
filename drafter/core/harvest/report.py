"""What a harvest did, per file and in total: as text for people and as JSON for scripts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.core.vocab import SECTIONS

# Why a passage was left out (the JSON keeps these keys), as the summary says it.
SKIP_WORDS = {
    "heading too short": "标题太短",
    "heading too long": "标题太长",
    "a title, not a heading": "是文件标题，不是小标题",
    "no section recognised": "认不出属于哪一部分",
    "cut off (no sentence end)": "没有句末标点，像是被截断",
    "sentence too short": "句子太短",
    "no verb (fragment)": "缺少谓语（残句）",
    "sentence too long": "句子太长",
    "about the web page or article, not the work": "说的是网页或文章本身，不是工作",
    "cut off by the source (truncated page)": "原文就被截断（网页不完整）",
    "cut off (fragment)": "是残句",
    "unbalanced quotes or brackets": "引号或括号没有配对",
    "placeholder or censored text": "是占位符或被屏蔽的文字",
}


@dataclass
class FileReport:
    """One source file: phrases kept by section, duplicates dropped, or why it failed."""

    path: str
    failure: str | None = None
    sections: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    output: str | None = None
    cleaned: Counter[str] = field(default_factory=Counter)
    """What cleaning found: annotations, chunks, reworded, fragments, pseudo-original."""

    @property
    def phrases(self) -> int:
        return sum(self.sections.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "status": "failed" if self.failure else "harvested",
            "reason": self.failure,
            "output": self.output,
            "phrases": self.phrases,
            "sections": {s: self.sections[s] for s in SECTIONS if self.sections[s]},
            "duplicates": self.duplicates,
            "skipped": dict(self.skipped.most_common()),
            "cleaned": {
                "annotations_removed": self.cleaned["annotations"],
                "chunks_rejoined": self.cleaned["chunks"],
                "suspected_rewording": self.cleaned["reworded"],
                "pseudo_original": bool(self.cleaned["pseudo-original"]),
                "fragments_left_out": self.cleaned["fragments"],
            },
        }

    def lines(self) -> list[str]:
        if self.failure:
            return [f"{self.path}：没有读成：{self.failure}"]
        target = f" → {self.output}" if self.output else "（没有新内容）"
        parts = "，".join(f"{SECTIONS[s]} {n}" for s in SECTIONS if (n := self.sections[s]))
        out = [
            f"{self.path}{target}",
            f"  短语：{self.phrases}" + (f"（{parts}）" if parts else ""),
        ]
        out.append(f"  去掉重复：{self.duplicates}")
        out.append("  " + self.cleaned_line())
        if self.skipped:
            reasons = "；".join(
                f"{SKIP_WORDS.get(why, why)} {n}" for why, n in self.skipped.most_common()
            )
            out.append(f"  没有收入：{sum(self.skipped.values())}（{reasons}）")
        return out

    def cleaned_line(self) -> str:
        """Annotations removed, chunks rejoined, suspected rewording, fragments left out."""
        counts = self.cleaned
        whole = "；全文像是“伪原创”（经工具改写）" if counts["pseudo-original"] else ""
        return (
            f"清理：去掉阅读批注 {counts['annotations']} 处，接回分页断开的段落 "
            f"{counts['chunks']} 处，疑似改写的条目 {counts['reworded']} 条{whole}，"
            f"未收入的残句 {counts['fragments']} 条"
        )


@dataclass
class HarvestReport:
    """The whole harvest: one FileReport per file, and warnings about the run itself."""

    out_dir: Path
    files: list[FileReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return sum(1 for f in self.files if not f.failure)

    @property
    def failed(self) -> int:
        return sum(1 for f in self.files if f.failure)

    @property
    def phrases(self) -> int:
        return sum(f.phrases for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    def to_dict(self) -> dict[str, Any]:
        sections: Counter[str] = Counter()
        for report in self.files:
            sections.update(report.sections)
        return {
            "out_dir": str(self.out_dir),
            "files": [f.to_dict() for f in self.files],
            "totals": {
                "files_read": self.read,
                "files_failed": self.failed,
                "phrases": self.phrases,
                "sections": {s: sections[s] for s in SECTIONS if sections[s]},
                "duplicates": self.duplicates,
            },
            "warnings": list(self.warnings),
        }

    def text(self) -> str:
        """The summary printed by `drafter harvest`."""
        out: list[str] = []
        for report in self.files:
            out += report.lines()
        out += [f"提醒：{w}" for w in self.warnings]
        out.append(
            f"合计：读了 {self.read} 个文件，{self.failed} 个没有读成；{self.phrases} 条短语"
            f"写入 {self.out_dir}（待审：review: pending）；去掉重复 {self.duplicates} 条"
        )
        return "\n".join(out)

"""What a harvest did, per file and in total: as text for people and as JSON for scripts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.core.vocab import SECTIONS


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
            return [f"{self.path}: failed: {self.failure}"]
        target = f" → {self.output}" if self.output else " (nothing new)"
        parts = ", ".join(f"{SECTIONS[s]} {n}" for s in SECTIONS if (n := self.sections[s]))
        out = [
            f"{self.path}{target}",
            f"  phrases: {self.phrases}" + (f" ({parts})" if parts else ""),
        ]
        out.append(f"  duplicates dropped: {self.duplicates}")
        out.append("  " + self.cleaned_line())
        if self.skipped:
            reasons = "; ".join(f"{why} {n}" for why, n in self.skipped.most_common())
            out.append(f"  left out: {sum(self.skipped.values())} ({reasons})")
        return out

    def cleaned_line(self) -> str:
        """Annotations removed, chunks rejoined, suspected rewording, fragments left out."""
        counts = self.cleaned
        whole = (
            "; the file reads as 伪原创 (reworded by a tool)" if counts["pseudo-original"] else ""
        )
        return (
            f"cleaned: {counts['annotations']} reading annotation(s) removed, "
            f"{counts['chunks']} page chunk(s) rejoined, {counts['reworded']} entr(ies) with "
            f"suspected rewording{whole}, {counts['fragments']} fragment(s) left out"
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
        out += [f"warning: {w}" for w in self.warnings]
        out.append(
            f"total: {self.read} file(s) read, {self.failed} failed; {self.phrases} phrase(s) "
            f"written to {self.out_dir} (review: pending); {self.duplicates} duplicate(s) dropped"
        )
        return "\n".join(out)

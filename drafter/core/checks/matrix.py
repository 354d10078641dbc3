"""The answer matrix: which countermeasure answers which problem, which problem each cause
explains. The answering checks (A001–A003), the review Context and the wizard's step notes
all read this one matrix, so they never disagree about what is answered.

Phrasebank links decide first (the ids in point.phrases, and bank headings a typed heading
matches). Failing that, the problem's subject (组织生活质量 of 组织生活质量不高) is looked
for in the other point with rapidfuzz, and a shared bank topic lowers the bar. Only the
subject's content words count: generic words every heading holds (队伍, 建设, 工作) are
dropped first, so 党员队伍 is not answered by 建强带头人队伍.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from drafter.core.checks.subjects import subject_of
from drafter.core.model import Draft, iter_points, paragraph_text
from drafter.core.text.numbering import heading_label

if TYPE_CHECKING:
    from drafter.core.bank.loading import Bank
    from drafter.core.report.kinds import ReportKind, SectionSpec

HEADING_MATCH = 60
"""rapidfuzz partial_ratio of the problem's subject against the other point's heading (or
the share of the subject's two-character words the heading holds)."""
TEXT_MATCH = 85
"""… against the other point's whole text (heading, paragraphs and sub-points)."""
TOPIC_MATCH = 50
"""… against the whole text, when the two points share a bank topic."""
BANK_HEADING_MATCH = 75
"""rapidfuzz ratio at which a typed heading counts as a bank heading (for links and topics)."""

GENERIC_WORDS: tuple[str, ...] = (
    "队伍", "建设", "工作", "管理", "机制", "制度", "体系", "能力", "水平", "作用", "方面",
    "问题", "情况", "质量", "效果", "成效", "落实", "推进", "加强", "提升", "完善", "健全",
    "党员", "党建",
)  # fmt: skip
"""Words nearly every heading of the genre holds: two subjects that share only these are
not the same subject (党员队伍 is not 带头人队伍)."""
MIN_TEXT_CORE = 3
"""Characters a subject's content words need before they alone are looked for in the other
point's whole text (two characters turn up everywhere); shorter, the whole subject is."""

Reason = Literal["link", "text", "topic"]
# Sections that answer the problems: 对策建议, or 下步打算 in a kind without one (工作总结).
REMEDY_ROLES = ("countermeasure", "plan")


@dataclass(frozen=True)
class PointRef:
    """A top-level point of the problem, cause or countermeasure section."""

    section: str
    path: tuple[int, ...]
    heading: str

    @property
    def label(self) -> str:
        """Its printed number, （一）."""
        return heading_label(2, self.path[-1] + 1)


@dataclass(frozen=True)
class Answer:
    """Why two points belong together: a bank link, text similarity, or topic plus text."""

    reason: Reason
    score: int


@dataclass
class AnswerMatrix:
    """Problems × countermeasures, and causes × problems; cells hold the answers found."""

    problems: list[PointRef] = field(default_factory=list)
    countermeasures: list[PointRef] = field(default_factory=list)
    causes: list[PointRef] = field(default_factory=list)
    cells: dict[tuple[int, int], Answer] = field(default_factory=dict)
    """(problem index, countermeasure index) → answer."""
    cause_cells: dict[tuple[int, int], Answer] = field(default_factory=dict)
    """(cause index, problem index) → answer."""

    def answers(self, problem: int) -> list[int]:
        """Countermeasures that answer a problem, in order."""
        return [j for j in range(len(self.countermeasures)) if (problem, j) in self.cells]

    def unanswered(self, role: str = "countermeasure") -> list[int]:
        """Problems no point of `role` takes up: no cause explains them (role "cause"), or no
        countermeasure answers them (any other role). The review check A001 and the wizard's
        step notes both ask this, so they never disagree."""
        if role == "cause":
            explained = {problem for _, problem in self.cause_cells}
            return [i for i in range(len(self.problems)) if i not in explained]
        return [i for i in range(len(self.problems)) if not self.answers(i)]

    def orphan_causes(self) -> list[int]:
        """Causes tied to no problem."""
        tied = {k for k, _ in self.cause_cells}
        return [k for k in range(len(self.causes)) if k not in tied]

    def to_dict(self) -> dict[str, Any]:
        def refs(items: list[PointRef]) -> list[dict[str, Any]]:
            return [
                {"section": r.section, "path": list(r.path), "heading": r.heading} for r in items
            ]

        def pairs(cells: dict[tuple[int, int], Answer]) -> list[dict[str, Any]]:
            return [
                {"row": i, "column": j, "reason": a.reason, "score": a.score}
                for (i, j), a in sorted(cells.items())
            ]

        return {
            "problems": refs(self.problems),
            "countermeasures": refs(self.countermeasures),
            "causes": refs(self.causes),
            "answers": pairs(self.cells),
            "causes_of": pairs(self.cause_cells),
        }


@dataclass
class _Side:
    """What matching needs of one point."""

    ref: PointRef
    subject: str
    text: str
    ids: set[str]
    topics: set[str]
    answers: set[str]
    """Headings of the problems the user linked this point to (Point.answers)."""


def spec_for(kind: ReportKind, roles: tuple[str, ...]) -> SectionSpec | None:
    """The first section of the kind fed by one of `roles`, in the order of `roles`."""
    for role in roles:
        for spec in kind.sections:
            if spec.bank_section == role:
                return spec
    return None


def _sides(draft: Draft, spec: SectionSpec | None, bank: Bank | None) -> list[_Side]:
    section = draft.find_section(spec.id) if spec else None
    if spec is None or section is None:
        return []
    headings = _bank_headings(bank, spec.bank_section)
    out = []
    for i, point in enumerate(section.points):
        everything = iter_points([point])
        text = "".join(p.heading + "".join(paragraph_text(b) for b in p.body) for p in everything)
        ids = {pid for p in everything for pid in p.phrases}
        ids |= _matching_heading(point.heading, headings)
        entries = [bank.get(pid) for pid in ids] if bank else []
        topics = {t for e in entries if e is not None for t in e.topics}
        subject = subject_of(point.heading) if point.heading.strip() else text[:12]
        answers = {a.strip() for p in everything for a in p.answers if a.strip()}
        ref = PointRef(section.id, (i,), point.heading)
        out.append(_Side(ref, subject, text, ids, topics, answers))
    return out


def _bank_headings(bank: Bank | None, role: str) -> dict[str, str]:
    if bank is None:
        return {}
    return {e.id: e.text for e in bank if e.section == role and e.kind == "heading"}


def _matching_heading(heading: str, headings: dict[str, str]) -> set[str]:
    if not heading.strip() or not headings:
        return set()
    from rapidfuzz import fuzz, process

    found = process.extractOne(
        heading, headings, scorer=fuzz.ratio, score_cutoff=BANK_HEADING_MATCH
    )
    return {found[2]} if found else set()


def _linked(bank: Bank | None, problem: _Side, other: _Side, via_causes: bool) -> bool:
    """A problem's entries link to the other point's entries (or through a linked cause)."""
    if bank is None or not other.ids:
        return False
    for entry_id in problem.ids:
        entry = bank.get(entry_id)
        if entry is None:
            continue
        targets = set(entry.links)
        if via_causes:
            for cause in bank.linked(entry, "cause"):
                targets.update(cause.links)
        if targets & other.ids:
            return True
    return False


def _relate(problem: _Side, other: _Side, bank: Bank | None, via_causes: bool) -> Answer | None:
    if problem.ref.heading.strip() in other.answers or _linked(bank, problem, other, via_causes):
        return Answer("link", 100)
    subject = problem.subject
    if not subject:
        return None
    from rapidfuzz import fuzz

    core = content_words(subject)
    if core:
        heading = max(
            fuzz.partial_ratio(core, other.ref.heading), _bigram_share(core, other.ref.heading)
        )
        whole = fuzz.partial_ratio(core if len(core) >= MIN_TEXT_CORE else subject, other.text)
        whole = 100.0 if subject in other.text else whole
    else:  # only generic words (党员队伍): the subject must be there as a whole
        heading = 100.0 if subject in other.ref.heading else 0.0
        whole = 100.0 if subject in other.text else 0.0
    if heading >= HEADING_MATCH or whole >= TEXT_MATCH:
        return Answer("text", round(max(heading, whole)))
    if problem.topics & other.topics and whole >= TOPIC_MATCH:
        return Answer("topic", round(whole))
    return None


def content_words(subject: str) -> str:
    """A subject without its generic words: 阵地建设 → 阵地, 流动党员管理 → 流动; empty when
    fewer than two characters remain (党员队伍, 工作机制)."""
    core = subject
    for word in GENERIC_WORDS:
        core = core.replace(word, "")
    return core if len(core) >= 2 else ""


def _bigram_share(subject: str, heading: str) -> float:
    """Share (0-100) of the subject's two-character words found in the heading, in any
    order: 服务群众 is named by 践行群众路线，提升服务质效."""
    pairs = {subject[i : i + 2] for i in range(len(subject) - 1)}
    return 100 * sum(p in heading for p in pairs) / len(pairs) if pairs else 0.0


def answer_matrix(draft: Draft, kind: ReportKind, bank: Bank | None = None) -> AnswerMatrix:
    """Which countermeasure answers which problem, and which problem each cause explains."""
    problems = _sides(draft, spec_for(kind, ("problem",)), bank)
    remedies = _sides(draft, spec_for(kind, REMEDY_ROLES), bank)
    causes = _sides(draft, spec_for(kind, ("cause",)), bank)
    matrix = AnswerMatrix(
        [p.ref for p in problems], [r.ref for r in remedies], [c.ref for c in causes]
    )
    for i, problem in enumerate(problems):
        for j, remedy in enumerate(remedies):
            if found := _relate(problem, remedy, bank, via_causes=True):
                matrix.cells[i, j] = found
        for k, cause in enumerate(causes):
            if found := _relate(problem, cause, bank, via_causes=False):
                matrix.cause_cells[k, i] = found
    return matrix

"""From finding to fix: the edits the checks attach to their findings, and the structural
repairs (section order, a separate S3), turned into editing operations.

Sits above both core/checks and core/editing (which never import each other): a finding
carries plain SpanEdits; here they are filtered by code, freed of duplicates and overlaps,
grouped by the text they write into and applied right to left, all of them as one operation
(so one undo step). :func:`fix_draft` repeats check-and-fix until nothing fixable is left
(a space removed can show a repeat it hid) — what `drafter fix` does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from drafter.core.checks import run_checks
from drafter.core.checks.finding import Finding, SpanEdit
from drafter.core.checks.structure import section_order
from drafter.core.editing import ops
from drafter.core.editing.change import Change, TextChange
from drafter.core.errors import EditError
from drafter.core.model.model import Report
from drafter.core.model.skeleton import Skeleton

STRUCTURAL = ("section-order", "S3-inside")
# The codes whose findings carry edits (core/checks/fixes.py); numbering-halfwidth is found
# in source documents only (a draft keeps no heading numbers), so a draft has none to fix.
MECHANICAL = (
    "halfwidth-punct",
    "halfwidth-bracket",
    "stray-space",
    "doc-number-bracket",
    "doc-number-di",
    "doc-number-zero",
    "doc-number-space",
    "repeated-words",
    "date-zero-padding",
    "year-range-hyphen",
    "numbering-halfwidth",
)
MAX_ROUNDS = 6


@dataclass(frozen=True)
class FixRecord:
    """One change a fix made: the `drafter fix --json` record."""

    code: str
    section: str | None
    paragraph: str | None
    before: str
    after: str

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "section": self.section,
            "paragraph": self.paragraph,
            "before": self.before,
            "after": self.after,
        }


@dataclass
class FixPlan:
    """What fixing a set of findings would do: span edits (with the code each repairs) and
    the structural repairs asked for (findings of STRUCTURAL codes)."""

    edits: list[tuple[str, SpanEdit]] = field(default_factory=list)
    structural: list[Finding] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.edits or self.structural)

    def counts(self) -> Counter:
        """How many places per code."""
        return Counter([c for c, _e in self.edits] + [f.code for f in self.structural])


def can_fix(finding: Finding) -> bool:
    return finding.fixable or finding.code in STRUCTURAL


def plan(findings: Iterable[Finding], codes: Iterable[str] | None = None) -> FixPlan:
    """The fixes for these findings (only those of ``codes`` if given). The same edit named
    by two findings (a 文号 with a space and a 第) is made once; of two edits that overlap,
    the wider one is kept (the 文号 rewritten whole, not its bracket alone)."""
    wanted = set(codes) if codes is not None else None
    out = FixPlan()
    candidates: list[tuple[str, SpanEdit]] = []
    seen: set[SpanEdit] = set()
    for f in findings:
        if wanted is not None and f.code not in wanted:
            continue
        if f.code in STRUCTURAL:
            if not any(s.code == f.code for s in out.structural):
                out.structural.append(f)
            continue
        for e in f.edits:
            if e not in seen:
                seen.add(e)
                candidates.append((f.code, e))
    taken: dict[tuple, list[SpanEdit]] = {}
    for code, e in sorted(candidates, key=lambda ce: ce[1].start - ce[1].end):
        others = taken.setdefault(e.target, [])
        if any(e.start < o.end and o.start < e.end for o in others):
            continue
        if e.start == e.end and any(o.start == e.start for o in others):
            continue
        others.append(e)
        out.edits.append((code, e))
    out.edits.sort(key=lambda ce: (ce[1].target, ce[1].start))
    return out


def _apply_edits(
    report: Report, edits: Sequence[tuple[str, SpanEdit]], records: list[FixRecord]
) -> list[TextChange]:
    """Apply the edits, one replace_spans per text and code, records in ``records``."""
    by_target: dict[tuple, list[tuple[str, SpanEdit]]] = {}
    for code, e in edits:
        by_target.setdefault(e.target, []).append((code, e))
    texts: list[TextChange] = []
    for (part, key), items in by_target.items():
        done: list[tuple[int, int]] = []  # (original end, length change) of edits made
        codes = list(dict.fromkeys(code for code, _e in items))
        for code in codes:
            spans = []
            for c, e in items:
                if c != code:
                    continue
                shift = sum(d for end, d in done if end <= e.start)
                spans.append((e.start + shift, e.end + shift, e.before, e.after))
            change = ops.replace_spans(report, part, key, spans, label=f"修正：{code}")
            done += [(e.end, len(e.after) - len(e.before)) for c, e in items if c == code]
            for t in change.texts:
                texts.append(t)
                records.append(
                    FixRecord(
                        code,
                        _section_key(report, t.section),
                        t.paragraph or None,
                        t.before,
                        t.after,
                    )
                )
    return texts


def _section_key(report: Report, section_id: str) -> str | None:
    """S1…S5 (the finding's vocabulary) for a Section.id; None for the opening."""
    if not section_id:
        return None
    sec = next((s for s in report.walk() if s.id == section_id), None)
    return sec.section if sec is not None else section_id


def _structural(
    report: Report, skeleton: Skeleton | None, findings: Sequence[Finding], records: list
) -> list[Change]:
    if not findings:
        return []
    if skeleton is None:
        raise EditError("报告结构", "草稿的报告结构未知，无法调整章节")
    changes = []
    for f in findings:
        if f.code == "section-order":
            before = "、".join(section_order(report))
            # A section filed under another one's heading (二、 under 一、) first comes up to
            # the top level, then the top level is sorted.
            nested = [
                s.id
                for top in report.sections
                for s in top.walk()
                if s is not top and s.section != top.section
            ]
            for sid in reversed(nested):
                changes.append(ops.lift_section(report, sid))
            changes.append(ops.sort_sections_by_rule(report, skeleton))
            records.append(FixRecord(f.code, None, None, before, "、".join(section_order(report))))
        elif f.code == "S3-inside" and f.paragraph:
            target = report.find("S3")
            if target is None:
                changes.append(ops.add_section(report, skeleton, "S3"))
                target = report.find("S3")
            found = report.find_paragraph(f.paragraph)
            was = found[0].section if found and found[0] is not None else None
            changes.append(ops.move_paragraphs(report, [f.paragraph], target.id))
            records.append(FixRecord(f.code, "S3", f.paragraph, was or "开头", "S3"))
    return changes


def fix_op(
    fixes: FixPlan, skeleton: Skeleton | None = None, records: list[FixRecord] | None = None
) -> Callable[[Report], Change]:
    """One editing operation making every fix of the plan (one undo step); what it changed
    goes into ``records`` when given."""
    out = records if records is not None else []

    def op(report: Report) -> Change:
        texts = _apply_edits(report, fixes.edits, out)
        changes = _structural(report, skeleton, fixes.structural, out)
        headings = any(not t.paragraph and t.section for t in texts)
        return Change(
            f"修正 {sum(fixes.counts().values())} 处",
            structure=headings or any(c.structure for c in changes),
            text=bool(texts) or any(c.text for c in changes),
            metadata=any(not t.paragraph and not t.section for t in texts),
            sections=tuple(
                dict.fromkeys(
                    [*(s for c in changes for s in c.sections), *(t.section for t in texts)]
                )
            ),
            texts=tuple(texts),
        )

    return op


@dataclass
class FixOutcome:
    records: list[FixRecord]
    counts: Counter
    rounds: int


def fix_draft(
    apply: Callable[[Callable[[Report], Change]], Change],
    report: Report,
    skeleton: Skeleton | None,
    codes: Iterable[str] | None = None,
    kind: str | None = None,
) -> FixOutcome:
    """Check, fix, check again… until no fixable finding of ``codes`` is left (by default
    every mechanical one: a fix may bring out another, a space before a comma made
    full-width). ``apply`` runs an operation on ``report`` (Draft.apply for an undoable
    step, or the op itself)."""
    codes = list(codes) if codes is not None else None
    records: list[FixRecord] = []
    counts: Counter = Counter()
    rounds = 0
    restructured: set[str] = set()  # a structural repair is made once, not round after round
    for rounds in range(1, MAX_ROUNDS + 1):
        findings = run_checks(report, kind).findings
        wanted = codes
        if wanted is None:
            wanted = {f.code for f in findings if f.fixable} - set(STRUCTURAL)
        fixes = plan(findings, wanted)
        fixes.structural = [f for f in fixes.structural if f.code not in restructured]
        restructured |= {f.code for f in fixes.structural}
        if not fixes:
            rounds -= 1
            break
        counts += fixes.counts()
        apply(fix_op(fixes, skeleton, records))
    return FixOutcome(records, counts, rounds)

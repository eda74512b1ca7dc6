"""Checks over a report, one module per family, each yielding Finding objects.
May import: reading, model and core root; never library, editing, writing.

:func:`run_checks` runs them all: structure (sections S1–S5, order, formal parts),
indicators (required ones missing or without figures), figures (funnels, rates, last year's
values) and conventions (文号, dates, numbering, punctuation, repeats, years, blanks, debris).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.core.checks.bases import check_bases
from drafter.core.checks.conventions import check_conventions
from drafter.core.checks.figures import check_figures, check_last_year
from drafter.core.checks.finding import Finding, severity_rank
from drafter.core.checks.indicators import check_indicators, check_plans
from drafter.core.checks.requirements import Requirements, section_findings
from drafter.core.checks.structure import check_structure, sections_found
from drafter.core.checks.weaknesses import check_weaknesses
from drafter.core.checks.wording import WordingList, check_wording, default_wording
from drafter.core.model.indicators import indicator_statuses
from drafter.core.model.model import Report


@dataclass
class Source:
    """What a checked file held beyond the Report: its raw paragraphs and the page debris."""

    lines: list[str] = field(default_factory=list)
    debris: list[str] = field(default_factory=list)


@dataclass
class CheckResult:
    findings: list[Finding]
    sections: dict[str, bool]
    indicators: dict[str, dict]

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self, path: str = "") -> dict[str, Any]:
        """The DESIGN.md `check --json` document for one file."""
        return {
            "path": str(path),
            "findings": [f.to_dict() for f in self.findings],
            "sections": dict(self.sections),
            "indicators": {k: dict(v) for k, v in self.indicators.items()},
        }


_SELF_DEPT = re.compile(r"[我本](局|办|委|厅)(?![会员])")


def report_kind(report: Report) -> str:
    """gov or dept: the draft's organ kind; for an imported file whose organ was not recognised,
    how the report speaks of itself ("我局" twice or more → dept; governments say "我区")."""
    meta = report.metadata
    if meta.organ.strip() or meta.signature.strip():
        return meta.organ_kind or "gov"
    text = "\n".join(p.text for p in report.paragraphs())[:20000]
    if len(_SELF_DEPT.findall(text)) >= 2:
        return "dept"
    return meta.organ_kind or "gov"


def run_checks(
    report: Report,
    kind: str | None = None,
    source: Source | None = None,
    wording: WordingList | None = None,
    requirements: Requirements | None = None,
) -> CheckResult:
    """All checks on a report; kind (gov|dept) defaults to the report's organ kind;
    wording: the canonical wording list (default: the shipped one and the user's additions);
    requirements: a reviewing office's file (its outline, indicator levels and wording)."""
    kind = kind or report_kind(report)
    found = sections_found(report)
    statuses = indicator_statuses(report, kind)
    wording = wording or default_wording()
    findings: list[Finding] = list(check_structure(report, found, from_file=source is not None))
    if requirements is not None:
        requirements.apply_levels(statuses, kind)
        wording = wording.extended(requirements.phrases)
        drop, add = section_findings(requirements, report.metadata.year, found)
        findings = [f for f in findings if f.code not in drop] + add
    findings += check_indicators(report, statuses, kind)
    findings += check_plans(report, statuses)
    findings += check_figures(report)
    findings += check_last_year(report, statuses)
    findings += check_conventions(
        report, source.lines if source else None, source.debris if source else None
    )
    findings += check_bases(report)
    findings += check_weaknesses(report, found)
    findings += check_wording(report, wording)
    findings.sort(key=lambda f: severity_rank(f.severity))  # stable: document order kept
    return CheckResult(findings, found, statuses)


def read_for_check(path: str | Path) -> tuple[Report, Source | None]:
    """The report in a file (draft, .docx, .txt) as it is, with the source's raw paragraphs
    and page debris when it came from a document (checks on numbering and debris need them).
    Unreadable input raises DrafterError."""
    from drafter.core.reading.importer import build_report, is_draft, read_report, source_paragraphs

    p = Path(path)
    if is_draft(p):
        return read_report(p), None
    lines = source_paragraphs(p)
    built, debris = build_report(lines)
    return built.report, Source(lines=lines, debris=debris)


def check_path(
    path: str | Path, kind: str | None = None, requirements: Requirements | None = None
) -> tuple[Report, CheckResult]:
    """Read a file and run every check on it."""
    report, source = read_for_check(path)
    return report, run_checks(report, kind, source, requirements=requirements)


__all__ = [
    "CheckResult",
    "Finding",
    "Source",
    "check_path",
    "read_for_check",
    "report_kind",
    "run_checks",
]

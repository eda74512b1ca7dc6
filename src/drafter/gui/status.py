"""A section's writing status for the navigator: empty / in progress / indicators missing / done."""

from __future__ import annotations

from drafter.core.model.blanks import has_blanks
from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import SkeletonNode

EMPTY, PROGRESS, MISSING, DONE = "empty", "progress", "missing", "done"

LABELS = {EMPTY: "未填写", PROGRESS: "撰写中", MISSING: "缺指标", DONE: "已完成"}
MARKS = {EMPTY: "○", PROGRESS: "◐", MISSING: "△", DONE: "●"}
COLOURS = {EMPTY: "#9a9a9a", PROGRESS: "#b07800", MISSING: "#c0392b", DONE: "#2e7d32"}


def required_indicators(node: SkeletonNode | None, kind: str) -> list[str]:
    """The indicators a section must cover for this organ kind (areas included)."""
    if node is None:
        return []
    from drafter.core.model.indicators import load_catalog

    catalog = load_catalog()
    return [i for i in node.all_indicators() if i in catalog and catalog[i].required_for(kind)]


def unfinished(section: Section) -> bool:
    """Blanks left, or paragraphs still as last year wrote them / with last year's figures."""
    for sec in section.walk():
        for p in sec.paragraphs:
            if has_blanks(p.lead + p.text) or p.unchanged_from_last_year:
                return True
            if any(f and f in p.text for f in p.stale_figures):
                return True
    return False


def has_text(section: Section) -> bool:
    return any(p.text.strip() for sec in section.walk() for p in sec.paragraphs)


def section_status(
    report: Report,
    section: Section,
    node: SkeletonNode | None,
    present: set[str] | None = None,
) -> str:
    """The status shown beside a section; ``present`` = indicator ids its text covers."""
    if not has_text(section):
        return EMPTY
    if unfinished(section):
        return PROGRESS
    if present is not None:
        for ind in required_indicators(node, report.metadata.organ_kind):
            if ind not in present and not report.indicator(ind).not_applicable:
                return MISSING
    return DONE

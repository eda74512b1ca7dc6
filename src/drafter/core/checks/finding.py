"""A finding of a check: what is wrong, how bad, where, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")

# Where a SpanEdit writes: a paragraph's text or run-in lead, a section's heading, or a
# metadata field ("metadata.doc_number").
PARTS = ("text", "lead", "heading")


@dataclass(frozen=True)
class SpanEdit:
    """The edit that repairs (part of) a finding: replace ``before`` at start…end by ``after``.

    Plain data, so checks need not know the editing layer: ``core/fixing.py`` turns edits
    into editing operations. ``part`` is "text" or "lead" of paragraph ``paragraph``,
    "heading" of section ``section`` (Section.id), or "metadata.<field>".
    """

    start: int
    end: int
    before: str
    after: str
    part: str = "text"
    paragraph: str | None = None
    section: str | None = None

    @property
    def target(self) -> tuple[str, str | None]:
        """What the edit writes into: (part, paragraph or section id)."""
        return self.part, self.section if self.part == "heading" else self.paragraph


@dataclass
class Finding:
    code: str  # stable id of the check, e.g. "S2-missing", "doc-number-bracket"
    severity: str  # "error" | "warning" | "info"
    message: str  # what is wrong, in Chinese
    hint: str = ""  # what to do, in Chinese
    section: str | None = None  # S1…S5
    indicator: str | None = None  # A1…J1
    paragraph: str | None = None  # Paragraph.id
    start: int | None = None  # span in the paragraph's text
    end: int | None = None
    # The edits that repair it (empty: nothing to fix mechanically, or too ambiguous to).
    edits: tuple[SpanEdit, ...] = ()

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    def to_dict(self) -> dict[str, Any]:
        """The DESIGN.md `check --json` shape."""
        return {
            "code": self.code,
            "severity": self.severity,
            "section": self.section,
            "indicator": self.indicator,
            "message": self.message,
            "hint": self.hint,
            "location": {"paragraph": self.paragraph, "start": self.start, "end": self.end},
        }


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)

"""A finding of a check: what is wrong, how bad, where, and what to do about it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SEVERITIES = ("error", "warning", "info")


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

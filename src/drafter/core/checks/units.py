"""The texts of a report that checks read, each with where it stands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafter.core.model.model import Paragraph, Report, Section


@dataclass
class TextUnit:
    """One run of text: a paragraph, a run-in lead, or a section heading.

    ``paragraph`` is the Paragraph the text belongs to (None for a section heading);
    ``spans`` tells whether offsets in ``text`` are offsets in ``paragraph.text`` (False
    for a run-in lead, whose words are in ``paragraph.lead``).
    """

    text: str
    section: str | None  # S1…S5, None for the opening
    paragraph: Paragraph | None
    owner: Section | None
    is_heading: bool
    spans: bool = True

    @property
    def paragraph_id(self) -> str | None:
        return self.paragraph.id if self.paragraph else None

    def location(self, start: int | None = None, end: int | None = None) -> dict:
        """Finding keyword arguments for a span of this unit's text."""
        ok = self.spans and self.paragraph is not None
        return {
            "section": self.section,
            "paragraph": self.paragraph_id,
            "start": start if ok else None,
            "end": end if ok else None,
        }


def text_units(report: Report) -> Iterator[TextUnit]:
    """Opening paragraphs, then every section heading, run-in lead and paragraph in order."""
    for p in report.opening:
        yield TextUnit(p.text, None, p, None, False)
    for sec in report.walk():
        if sec.heading:
            yield TextUnit(sec.heading, sec.section, None, sec, True)
        for p in sec.paragraphs:
            if p.lead:
                yield TextUnit(p.lead, sec.section, p, sec, True, spans=False)
            yield TextUnit(p.text, sec.section, p, sec, p.kind == "heading")

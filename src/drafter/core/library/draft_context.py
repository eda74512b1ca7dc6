"""What the suggester must know of the draft being written, so that it never offers the
clerk's own text back: the report the draft was rolled forward from, the paragraphs the
draft already holds, and (for S4) the weaknesses its S2 names.

:class:`DraftView` is a plain snapshot taken from a Report (cheap: the GUI takes it on its
own thread and hands it to a background query); :class:`DraftFilter` is what a query uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from drafter.core.library.suggestion import mostly_in, word_shingles

MIN_PARAGRAPH = 10  # characters: shorter lines (headings, "无。") say nothing about overlap


@dataclass(frozen=True)
class DraftView:
    organ: str = ""
    source: str = ""  # file name of the report the draft was rolled forward from
    source_year: int = 0  # that report's year
    paragraphs: tuple[str, ...] = ()  # every paragraph's words (lead + text)
    problems: tuple[str, ...] = ()  # the paragraphs of its S2 (weaknesses and their causes)

    @classmethod
    def of(cls, report, extra: Iterable[str] = ()) -> DraftView:
        """The view of a Report; ``extra``: text not yet in the report (the editor's)."""
        last = report.last_year
        paragraphs = [(p.lead + p.text).strip() for p in report.paragraphs()]
        problems = [
            (p.lead + p.text).strip()
            for s in report.walk()
            if s.section == "S2"
            for p in s.paragraphs
            if p.kind != "heading"
        ]
        return cls(
            organ=report.metadata.organ,
            source=last.source if last else "",
            source_year=last.year if last else 0,
            paragraphs=tuple(t for t in [*paragraphs, *extra] if len(t) >= MIN_PARAGRAPH),
            problems=tuple(t for t in problems if t),
        )


def is_source(view: DraftView, file: str, organ: str, year: int) -> bool:
    """Is this library report the one the draft was rolled forward from?

    The same file name (as the importer recorded it) of the same year, or, failing a name,
    the same organ's report of that year."""
    if not view.source and not view.source_year:
        return False
    same_year = not year or not view.source_year or year == view.source_year
    if view.source and file and PurePath(file).name == PurePath(view.source).name:
        return same_year
    return bool(view.organ) and organ == view.organ and bool(year) and year == view.source_year


class DraftFilter:
    """Leaves out the draft's own source report and text the draft already holds."""

    def __init__(self, view: DraftView, entries: Iterable[tuple[str, str, str, int]] = ()):
        """entries: (id, file, organ, year) of every library report."""
        self.view = view
        self.excluded = frozenset(
            eid for eid, file, organ, year in entries if is_source(view, file, organ, year)
        )
        pool: set[str] = set()
        for text in view.paragraphs:
            pool |= word_shingles(text)
        self.pool = pool

    def already_written(self, text: str) -> bool:
        """Is this text (near-)identical to what the draft already says?"""
        return mostly_in(word_shingles(text), self.pool)

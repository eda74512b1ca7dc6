"""A passage of the phrase library (a paragraph or one of its sentences) and its labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

KINDS = ("paragraph", "sentence", "opening", "closing")

# A sentence ends at 。！？ (full or half width), with any closing quotes or brackets after it.
_SENTENCE_RE = re.compile(r"[^。！？!?]*[。！？!?]+[”’」』）)]*|[^。！？!?]+$")


@dataclass(frozen=True)
class Passage:
    text: str
    template: str
    kind: str  # one of KINDS
    section: str | None  # S1…S5 (None for openings and closings)
    area: str | None  # A…J inside S1, else None
    indicators: tuple[str, ...]
    organ: str
    year: int
    entry: str  # the library entry it came from

    @property
    def source(self) -> str:
        return f"{self.organ}{self.year}年度报告" if self.year else self.organ


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph, terminators kept; their concatenation is the text."""
    return [m.group() for m in _SENTENCE_RE.finditer(text) if m.group()]

"""What the suggester hands out (:class:`Suggestion`), how a section is named on the command
line (:func:`parse_section_id`), and when two passages count as the same text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.core.errors import DrafterError
from drafter.core.model.model import AREA_IDS, SECTION_IDS

FOLD_SIMILARITY = 0.8  # shingle overlap above which two passages count as one

_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff]+")


@dataclass
class Suggestion:
    text: str
    template: str
    source: str
    section: str | None
    area: str | None
    score: float
    kind: str = "paragraph"
    indicators: tuple[str, ...] = ()
    year: int | None = None  # the source report's year (None: our own standard phrasing)
    entry: str = ""  # the library report it came from

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "template": self.template,
            "source": self.source,
            "year": self.year,
            "section": self.section,
            "area": self.area,
            "score": round(self.score, 4),
            "kind": self.kind,
            "indicators": list(self.indicators),
            "entry": self.entry,
        }


def parse_section_id(value: str | None) -> tuple[str | None, str | None]:
    """ "S2" → (S2, None); "S1.G" → (S1, G); "G" → (S1, G). DrafterError if unknown."""
    if not value:
        return None, None
    v = value.strip().upper()
    if v in SECTION_IDS:
        return v, None
    if len(v) == 1 and v in AREA_IDS:
        return "S1", v
    if "." in v:
        sec, _, area = v.partition(".")
        if sec in SECTION_IDS and area in AREA_IDS:
            return sec, area
    raise DrafterError(value, "不是有效的章节编号（应为 S1…S5、S1.A…S1.J 或工作领域字母 A…J）")


# ---- near-duplicates ----------------------------------------------------------------------


def shingles(template: str) -> frozenset[str]:
    """4-character shingles of (at most the first 200 characters of) a template."""
    t = template[:200]
    return frozenset(t[i : i + 4] for i in range(max(1, len(t) - 3)))


def same(a: frozenset[str], b: frozenset[str]) -> bool:
    """Near-duplicates: most of the shorter one's 4-grams are in the other."""
    small = min(len(a), len(b)) or 1
    return len(a & b) / small >= FOLD_SIMILARITY


@lru_cache(maxsize=4096)  # a draft's paragraphs are asked about again at every keystroke
def word_shingles(text: str) -> frozenset[str]:
    """4-character shingles of a text's Chinese characters only: figures, years, blanks'
    digits, spaces and the width of punctuation do not tell two versions of a paragraph
    apart (a paragraph rolled forward to next year is still the same paragraph)."""
    t = _NOT_WORDS.sub("", text.replace("【填：", "").replace("】", ""))
    return frozenset(t[i : i + 4] for i in range(len(t) - 3)) if len(t) >= 4 else frozenset()


def mostly_in(words: frozenset[str], pool: set[str] | frozenset[str]) -> bool:
    """Is a text (its word shingles) near-identical to text already in the pool?"""
    return bool(words) and len(words & pool) / len(words) >= FOLD_SIMILARITY

"""Change: what one edit did, in words and flags, returned by every operation in ops.py.

The flags say which kinds of data changed (so a view redraws only what it shows), ``sections``
names the sections touched (Section.id; "" stands for the opening), ``texts`` holds the
before/after text of each paragraph whose words changed (the `drafter fix --json` record).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextChange:
    """One paragraph's words before and after (paragraph: Paragraph.id; section: Section.id)."""

    section: str
    paragraph: str
    before: str
    after: str


@dataclass(frozen=True)
class Change:
    label: str  # in Chinese, names the step: "删除工作领域 E"
    structure: bool = False  # sections added, removed, renamed, moved; paragraphs moved
    text: bool = False  # paragraph words
    metadata: bool = False
    indicators: bool = False
    sections: tuple[str, ...] = ()
    texts: tuple[TextChange, ...] = ()
    # Consecutive changes with the same non-empty key merge into one undo step.
    merge_key: tuple = ()

    def to_dict(self) -> dict:
        return {
            "label": self.label,
            "structure": self.structure,
            "text": self.text,
            "metadata": self.metadata,
            "indicators": self.indicators,
            "sections": list(self.sections),
            "texts": [
                {
                    "section": t.section,
                    "paragraph": t.paragraph,
                    "before": t.before,
                    "after": t.after,
                }
                for t in self.texts
            ],
        }


EVERYTHING = dict(structure=True, text=True, metadata=True, indicators=True)

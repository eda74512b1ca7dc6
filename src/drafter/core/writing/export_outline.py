"""What of the report's outline goes into an export: no heading without text under it.

A new or partly written draft has sections and work areas with nothing written yet. The
export leaves them out (Report.blocks() then numbers the rest closed up) and names them,
except the last part (S5, 下一年度工作安排 / 其他事项): real reports print its heading with
"无。" when there is nothing to say. A sub-heading inside a section with no text after it
before the next heading of its level or higher is left out too. A heading that is itself a
sentence (ending with 。) is text, not a label: it stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.core.model.model import Paragraph, Report, Section

NOTHING = "无。"
KEEP_EMPTY = ("S5",)  # printed with NOTHING when empty


@dataclass(frozen=True)
class Omitted:
    """A heading left out of the export: its section key and words."""

    key: str
    heading: str

    def describe(self) -> str:
        return f"{self.key}“{self.heading}”" if self.heading else self.key


def _has_text(p: Paragraph) -> bool:
    return p.kind != "heading" and bool((p.text or p.lead).strip())


def _says_something(heading: str) -> bool:
    """A heading that is a sentence ("…有待进一步提高。"): the text itself, not a label."""
    return heading.strip().endswith(("。", "！", "？", "；"))


def _filled(sec: Section) -> bool:
    return (
        _says_something(sec.heading)
        or any(_has_text(p) for p in sec.paragraphs)
        or any(_filled(c) for c in sec.children)
    )


def _prune_paragraphs(sec: Section, omitted: list[Omitted]) -> None:
    """Drop empty body paragraphs and sub-headings with no text after them."""
    paras = [p for p in sec.paragraphs if p.kind == "heading" or _has_text(p)]
    keep: list[Paragraph] = []
    for i, p in enumerate(paras):
        if p.kind == "heading":
            has_text = False
            for q in paras[i + 1 :]:
                if q.kind == "heading" and q.level <= p.level:
                    break
                if _has_text(q):
                    has_text = True
                    break
            if (
                not has_text
                and not _says_something(p.text)
                and not (i == len(paras) - 1 and sec.children)
            ):
                omitted.append(Omitted(sec.key, p.text.strip()))
                continue
        keep.append(p)
    sec.paragraphs = keep


def _name_empty(sec: Section, omitted: list[Omitted]) -> None:
    """Name an empty section by its heading, or (a section without one) its children."""
    if sec.heading.strip():
        omitted.append(Omitted(sec.key, sec.heading.strip()))
        return
    for p in sec.paragraphs:
        if p.kind == "heading" and p.text.strip():
            omitted.append(Omitted(sec.key, p.text.strip()))
    for child in sec.children:
        _name_empty(child, omitted)


def _prune(sections: list[Section], omitted: list[Omitted]) -> list[Section]:
    out = []
    for sec in sections:
        if not _filled(sec):
            if sec.section in KEEP_EMPTY and sec.area is None and sec.heading.strip():
                sec.children = []
                sec.paragraphs = [Paragraph(NOTHING)]
                out.append(sec)
            else:
                _name_empty(sec, omitted)
            continue
        _prune_paragraphs(sec, omitted)
        sec.children = _prune(sec.children, omitted)
        out.append(sec)
    return out


def printable(report: Report) -> tuple[Report, list[Omitted]]:
    """A copy of the report holding only what prints, and what was left out."""
    copy = Report.from_dict(report.to_dict())
    omitted: list[Omitted] = []
    copy.opening = [p for p in copy.opening if _has_text(p) or p.kind == "heading"]
    copy.sections = _prune(copy.sections, omitted)
    return copy, omitted

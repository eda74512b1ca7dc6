"""problem-without-plan: each weakness listed in S2 should meet a measure in S4.

A weakness is an item of S2 (a paragraph, a heading, or one "一是…二是…" part). Its matter is
read from its first clause that names one (templates/matters.json: 普法宣传, 行政执法, …),
else from the whole item; it is answered when S4 names the same matter in any words. An
unanswered weakness is an info finding on the S2 item. A report without S2 or S4 is already an
error (S2-missing/S4-missing): nothing more is said here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.model.model import Paragraph, Report
from drafter.resources import templates_dir

_CLAUSE = re.compile(r"[^，,；;。：:！？!?]+")
_PART = re.compile(r"(?:^|(?<=[。；;，,\s]))[一二三四五六七八九十]是")
SHOWN = 30  # characters of the weakness quoted in the message


@dataclass(frozen=True)
class Matter:
    id: str
    words: tuple[str, ...]

    def named_in(self, text: str) -> bool:
        return any(w in text for w in self.words)


@cache
def load_matters() -> tuple[Matter, ...]:
    data = json.loads((templates_dir() / "matters.json").read_text(encoding="utf-8"))
    return tuple(Matter(m["id"], tuple(m["words"])) for m in data["matters"])


def matters_of(text: str, matters: tuple[Matter, ...] | None = None) -> list[Matter]:
    """The matters a weakness is about: those of its first clause naming any, else none."""
    matters = matters or load_matters()
    for m in _CLAUSE.finditer(text):
        named = [x for x in matters if x.named_in(m.group())]
        if named:
            return named
    return []


@dataclass
class Weakness:
    text: str
    paragraph: Paragraph
    start: int | None  # span in paragraph.text (None: the item is or starts in the lead)
    end: int | None


def weaknesses(report: Report) -> list[Weakness]:
    out: list[Weakness] = []
    for sec in report.walk():
        if sec.section != "S2":
            continue
        for p in sec.paragraphs:
            if not p.text.strip():
                continue
            cuts = [m.start() for m in _PART.finditer(p.text)]
            if p.lead or len(cuts) < 2:
                out.append(Weakness(p.lead + p.text, p, None, None))
                continue
            if cuts[0] > 0:
                out.append(Weakness(p.text[: cuts[0]], p, 0, cuts[0]))
            for a, b in zip(cuts, [*cuts[1:], len(p.text)], strict=True):
                out.append(Weakness(p.text[a:b], p, a, b))
    return out


def check_weaknesses(report: Report, found: dict[str, bool]) -> Iterator[Finding]:
    if not (found.get("S2") and found.get("S4")):
        return
    plans = "\n".join(u.text for u in text_units(report) if u.section == "S4")
    if not plans.strip():
        return
    matters = load_matters()
    for w in weaknesses(report):
        named = matters_of(w.text, matters)
        if not named or any(m.named_in(plans) for m in named):
            continue
        short = w.text.strip()
        short = short if len(short) <= SHOWN else short[:SHOWN] + "…"
        what = "、".join(m.id for m in named)
        yield Finding(
            "problem-without-plan",
            "info",
            f"存在的不足“{short}”（{what}）在下一年度安排中没有对应的措施。",
            f"在下一年度的主要安排中写明针对这一不足（{what}）的措施。",
            section="S2",
            paragraph=w.paragraph.id,
            start=w.start,
            end=w.end,
        )

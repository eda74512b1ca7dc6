"""outdated-basis: a report citing as its current basis something its year has left behind.

The registry is data (templates/bases.json): each entry a pattern with the last report year it
may be cited as current (《法治政府建设实施纲要（2015—2020年）》 until 2020, 党的十九大 until 2022,
政府法制办 until the 2018 reform). A sentence that looks back ("2015年以来", "收官之年") cites
it as history and is not flagged.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.model.indicators import sentences
from drafter.core.model.model import Report
from drafter.resources import templates_dir


@dataclass(frozen=True)
class Basis:
    id: str
    pattern: re.Pattern
    until: int
    what: str
    now: str


@dataclass(frozen=True)
class Registry:
    entries: tuple[Basis, ...]
    looking_back: re.Pattern


@cache
def load_registry() -> Registry:
    data = json.loads((templates_dir() / "bases.json").read_text(encoding="utf-8"))
    entries = tuple(
        Basis(e["id"], re.compile(e["pattern"]), int(e["until"]), e["what"], e["now"])
        for e in data["entries"]
    )
    return Registry(entries, re.compile(data["looking_back"]))


def outdated_in(text: str, year: int, registry: Registry) -> Iterator[tuple[Basis, int, int]]:
    """(entry, start, end) of every citation in text that a report for ``year`` has outgrown."""
    live = [b for b in registry.entries if year > b.until]
    if not live:
        return
    for a, b in sentences(text):
        sent = text[a:b]
        if registry.looking_back.search(sent):
            continue
        for basis in live:
            m = basis.pattern.search(sent)
            if m:
                yield basis, a + m.start(), a + m.end()


def check_bases(report: Report, registry: Registry | None = None) -> Iterator[Finding]:
    year = report.metadata.year
    if not year:
        return
    registry = registry or load_registry()
    told: set[tuple[str, str | None]] = set()
    for unit in text_units(report):
        for basis, start, end in outdated_in(unit.text, year, registry):
            key = (basis.id, unit.paragraph_id)
            if key in told:
                continue
            told.add(key)
            yield Finding(
                "outdated-basis",
                "warning",
                f"{year}年度的报告仍把{basis.what}作为现行的依据或机构（只适用至{basis.until}年）。",
                f"{basis.until + 1}年起应为{basis.now}；如是回顾以往，写明时间（如“2015年以来”）。",
                **unit.location(start, end),
            )

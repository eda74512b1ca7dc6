"""The indicator catalog (templates/indicators.json): IDs, requirement levels and cues."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from drafter.resources import template_path


@dataclass(frozen=True)
class Indicator:
    id: str
    area: str
    name: str
    gov: str  # "required" | "recommended"
    dept: str
    figure_units: tuple[str, ...]
    cues: tuple[str, ...]

    def level_for(self, kind: str) -> str:
        return self.gov if kind == "gov" else self.dept

    def required_for(self, kind: str) -> bool:
        return self.level_for(kind) == "required"

    @property
    def wants_figure(self) -> bool:
        return bool(self.figure_units)


@cache
def load_catalog() -> dict[str, Indicator]:
    """All indicators by id, in catalog order."""
    data = json.loads(template_path("indicators.json").read_text(encoding="utf-8"))
    out: dict[str, Indicator] = {}
    for d in data["indicators"]:
        out[d["id"]] = Indicator(
            id=d["id"],
            area=d["area"],
            name=d["name"],
            gov=d["gov"],
            dept=d["dept"],
            figure_units=tuple(d.get("figure_units", [])),
            cues=tuple(d.get("cues", [])),
        )
    return out

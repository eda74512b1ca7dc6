"""The example reports shipped in seeds/ and what is known of each (organ, kind, year)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from drafter.resources import seeds_dir


@dataclass(frozen=True)
class Seed:
    file: str
    organ: str
    kind: str
    year: int

    @property
    def path(self) -> Path:
        return seeds_dir() / self.file


@cache
def load_seeds() -> tuple[Seed, ...]:
    data = json.loads((seeds_dir() / "seeds.json").read_text(encoding="utf-8"))
    return tuple(
        Seed(**{k: d[k] for k in ("file", "organ", "kind", "year")}) for d in data["seeds"]
    )

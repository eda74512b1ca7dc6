"""How well the library suggests: the leave-one-seed-out measure.

Index four seeds, query with each paragraph of the fifth (no section given), and count how
often the top 5 suggestions hold a passage of the paragraph's own work area. Used by the tests
(with a floor) and printed by benchmarks/bench_suggest.py.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from drafter.core.library.corpus import Entry, Library
from drafter.core.library.retrieval import Suggester


@dataclass
class QualityResult:
    hits: int = 0
    total: int = 0
    per_seed: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


class _Subset:
    """A library restricted to some of its entries (what a Suggester needs of it)."""

    def __init__(self, library: Library, entries: list[Entry]):
        self.library = library
        self.chosen = entries

    def fingerprint(self) -> str:
        return "subset:" + ",".join(e.id for e in self.chosen)

    def passages(self):
        return self.library.passages(self.chosen)


def leave_one_seed_out(n: int = 5, library: Library | None = None) -> QualityResult:
    library = library or Library.open()
    seeds = library.seed_entries()
    result = QualityResult()
    with tempfile.TemporaryDirectory(prefix="drafter-loo-") as tmp:
        for held in seeds:
            others = [e for e in seeds if e.id != held.id]
            suggester = Suggester(_Subset(library, others), cache_dir=Path(tmp) / held.id)
            hits = total = 0
            for p in library.entry_passages(held):
                if p.kind != "paragraph" or not p.area:
                    continue
                total += 1
                hits += any(s.area == p.area for s in suggester.suggest(p.text, n=n))
            result.per_seed[held.id] = (hits, total)
            result.hits += hits
            result.total += total
    return result

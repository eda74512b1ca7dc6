"""What `drafter fix` does to the five seeds, and how long it takes.

For each seed, imported as it is and rolled forward: the findings before and after fixing,
how many places were changed per code, and the in-process time of the whole fix (checks
included, every round until nothing fixable is left), best of N runs. Also the time to plan
and preview the biggest single 全部修正 (what the GUI does on the click, before the dialog).

    python benchmarks/bench_fix.py [--runs 3]

Prints figures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from drafter.core.checks import run_checks  # noqa: E402
from drafter.core.fixing import fix_draft, fix_op, plan  # noqa: E402
from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.reading.importer import import_file  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    run_checks(import_file(load_seeds()[0].path).report)  # jieba and the catalog loaded
    for rolled in (False, True):
        print("rolled forward" if rolled else "imported as they are")
        for seed in load_seeds():
            original = import_file(seed.path, year=None if rolled else seed.year).report
            before = run_checks(original).findings
            best = float("inf")
            for _ in range(args.runs):
                report = copy.deepcopy(original)
                t0 = time.perf_counter()
                outcome = fix_draft(lambda op, r=report: op(r), report, None)
                best = min(best, time.perf_counter() - t0)
            after = run_checks(report).findings
            cleared = Counter(f.code for f in before) - Counter(f.code for f in after)
            left = sum(1 for f in after if f.code in ("halfwidth-quote", "quote-unbalanced"))
            print(
                f"  {seed.file[:3]}: findings {len(before)} → {len(after)} "
                f"(cleared {sum(cleared.values())}, fixable before "
                f"{sum(1 for f in before if f.fixable)}), places {sum(outcome.counts.values())}, "
                f"rounds {outcome.rounds}, quotes left {left}, fix {best * 1000:.0f} ms"
            )
            fixable = [f for f in before if f.code == "halfwidth-punct" and f.fixable]
            t0 = time.perf_counter()
            records: list = []
            fix_op(plan(fixable), None, records)(copy.deepcopy(original))
            print(f"       全部修正半角标点 preview: {(time.perf_counter() - t0) * 1000:.0f} ms")


if __name__ == "__main__":
    main()

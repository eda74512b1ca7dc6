"""Time indicator detection on a 3,000-character section (the GUI re-detects on every pause).

Prints: the section read for the first time after warm-up, again unchanged, and after one
sentence was edited (only that sentence is re-read). Aim: under 20 ms after warm-up.

    python benchmarks/bench_detect.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.model.indicators import detect_indicators, warm_up  # noqa: E402


def ms(fn, runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    t0 = time.perf_counter()
    warm_up()
    print(f"warm-up (jieba + rules): {time.perf_counter() - t0:.2f} s")
    texts = [s.path.read_text(encoding="utf-8") for s in load_seeds()]
    sections = [t[i : i + 3000] for t in texts for i in range(0, len(t) - 3000, 3000)]
    first = [ms(lambda s=s: detect_indicators(s)) for s in sections]
    again = [ms(lambda s=s: detect_indicators(s), runs=5) for s in sections]
    edited = []
    for n, s in enumerate(sections):
        cut = s.index("。", 1500) + 1
        changed = s[:cut] + f"全年共收到行政复议申请{40 + n}件，依法受理{30 + n}件。" + s[cut:]
        edited.append(ms(lambda c=changed: detect_indicators(c)))
    print(f"{len(sections)} sections of 3,000 characters (median / max):")
    print(f"  first read      {statistics.median(first):6.1f} / {max(first):6.1f} ms")
    print(f"  unchanged       {statistics.median(again):6.1f} / {max(again):6.1f} ms")
    print(f"  one sentence    {statistics.median(edited):6.1f} / {max(edited):6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

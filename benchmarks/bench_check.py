"""Time `drafter check` against `gongwen check` (gongwen-skill, PyPI) on the same .docx files.

Two inputs: the largest seed, and a generated report of about 100 pages. Both are exported
to .docx with drafter's exporter; each tool is timed end to end as a command (interpreter
start included), best of N runs. Also prints drafter's in-process time once warm.

    python benchmarks/bench_check.py [--runs 3]

Needs gongwen-skill (`pip install gongwen-skill`, in the `bench` extra). Prints figures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drafter.core.checks import check_path  # noqa: E402
from drafter.core.exporter import export_docx  # noqa: E402
from drafter.core.importer import import_file  # noqa: E402
from drafter.core.model import Paragraph, Report, Section  # noqa: E402
from drafter.core.seeds import load_seeds  # noqa: E402

CHARS_PER_PAGE = 22 * 28  # GB/T 9704: 22 lines of 28 characters


def largest_seed() -> Path:
    return max((s.path for s in load_seeds()), key=lambda p: p.stat().st_size)


def hundred_pages(pages: int = 100) -> Report:
    """A report of about `pages` pages: the seeds' S1 paragraphs, figures varied, under areas."""
    base = import_file(largest_seed(), roll_forward=False).report
    pool: list[Paragraph] = []
    for seed in load_seeds():
        rep = import_file(seed.path, roll_forward=False).report
        for sec in rep.walk():
            if sec.section == "S1":
                pool.extend(p for p in sec.paragraphs if p.kind == "body" and len(p.text) > 60)
    target = pages * CHARS_PER_PAGE
    s1 = Section("S1", heading="主要举措和成效")
    total, i, round_ = 0, 0, 0
    area_ids = "ABCDEFGHIJ"
    while total < target:
        area = Section(
            "S1", area=area_ids[round_ % 10], heading=f"推进法治政府建设第{round_ + 1}部分"
        )
        for _ in range(12):
            src = pool[i % len(pool)]
            i += 1
            text = re.sub(r"\d+", lambda m, k=round_: str(int(m.group()) + k), src.text)
            area.paragraphs.append(Paragraph(text, lead=src.lead, level=src.level))
            total += len(text) + len(src.lead)
        s1.children.append(area)
        round_ += 1
    others = [s for s in base.sections if s.section != "S1"]
    return Report(metadata=base.metadata, opening=base.opening, sections=[s1, *others])


def timed(cmd: list[str], runs: int, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    times = []
    proc = None
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        times.append(time.perf_counter() - t0)
    return min(times), proc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    gongwen = shutil.which("gongwen")
    if not gongwen:
        print("gongwen not found: pip install gongwen-skill", file=sys.stderr)
        return 2
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    work = Path(tempfile.mkdtemp(prefix="bench_check_"))
    env["DRAFTER_HOME"] = str(work / "home")
    inputs = {
        "largest seed": import_file(largest_seed(), roll_forward=False).report,
        "100-page report": hundred_pages(),
    }
    print(f"{'input':18} {'chars':>7} {'drafter check':>14} {'gongwen check':>14} {'ratio':>6}")
    for name, report in inputs.items():
        docx = work / (re.sub(r"\W+", "_", name) + ".docx")
        export_docx(report, docx)
        chars = sum(len(p.lead) + len(p.text) for p in report.paragraphs())
        ours, proc = timed([sys.executable, "-m", "drafter", "check", str(docx)], args.runs, env)
        if proc.returncode not in (0, 1):
            print(f"drafter check failed on {docx}: {proc.stderr.strip()}", file=sys.stderr)
            return 2
        theirs, gproc = timed([gongwen, "check", str(docx)], args.runs, env)
        if gproc.returncode not in (0, 1):
            print(f"gongwen check exited {gproc.returncode}: {gproc.stderr.strip()[:200]}")
        print(f"{name:18} {chars:>7} {ours:>13.2f}s {theirs:>13.2f}s {ours / theirs:>6.2f}")
        # drafter in process, jieba and the rules already loaded (the GUI's case)
        check_path(docx)
        t0 = time.perf_counter()
        check_path(docx)
        warm = time.perf_counter() - t0
        print(f"{'':18} {'':>7} {warm:>13.3f}s (drafter in process, warm)")
    load = [
        sys.executable,
        "-c",
        "import time; t = time.perf_counter(); from drafter.core import tokenizer; "
        "tokenizer.load(); print(f'{time.perf_counter() - t:.2f}')",
    ]
    cost = subprocess.run(load, capture_output=True, text=True, env=env).stdout.strip()
    print(f"(best of {args.runs} runs, end to end as commands; ratio < 0.5 meets the aim)")
    print(
        f"of drafter's time, loading the shared jieba tokenizer (core/tokenizer.load) takes {cost} s"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

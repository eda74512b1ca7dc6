"""Time `drafter check` against `gongwen check` (gongwen-skill, PyPI) on the same .docx files.

Two inputs: the largest seed, and a generated report of about 100 pages. Both are exported
to .docx with drafter's exporter; each tool is timed end to end as a command (interpreter
start included), the two alternating, median and best of N runs. drafter's sources are
byte-compiled first (as an installed package is) and it runs with a fresh user cache: its
very first run builds the word index (jieba's dictionary in SQLite, once per machine) and is
reported apart. Also prints drafter's in-process time once warm.

    python benchmarks/bench_check.py [--runs 5]

Needs gongwen-skill (`pip install gongwen-skill`, in the `bench` extra). Prints figures; it
asserts nothing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drafter.core.checks import check_path  # noqa: E402
from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.model.model import Paragraph, Report, Section  # noqa: E402
from drafter.core.reading.importer import import_file  # noqa: E402
from drafter.core.writing.exporter import export_docx  # noqa: E402

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


def gongwen_command() -> str | None:
    """gongwen's own entry script: the one next to this interpreter when there is one (a
    version manager's shim on PATH, e.g. pyenv's, adds a tenth of a second to every run)."""
    beside = Path(sys.executable).parent / "gongwen"
    return str(beside) if beside.is_file() else shutil.which("gongwen")


def run_once(cmd: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - t0, proc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    gongwen = gongwen_command()
    if not gongwen:
        print("gongwen not found: pip install gongwen-skill", file=sys.stderr)
        return 2
    compileall.compile_dir(str(ROOT / "src" / "drafter"), quiet=1)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    work = Path(tempfile.mkdtemp(prefix="bench_check_"))
    env["DRAFTER_HOME"] = str(work / "home")
    env.pop("DRAFTER_CACHE", None)  # a fresh cache: the first run builds the word index
    inputs = {
        "largest seed": import_file(largest_seed(), roll_forward=False).report,
        "100-page report": hundred_pages(),
    }
    print(
        f"{'input':16} {'chars':>7} {'drafter med/best':>17} {'gongwen med/best':>17} "
        f"{'ratio med':>9}"
    )
    first_run = None
    for name, report in inputs.items():
        docx = work / (re.sub(r"\W+", "_", name) + ".docx")
        export_docx(report, docx)
        chars = sum(len(p.lead) + len(p.text) for p in report.paragraphs())
        ours_cmd = [sys.executable, "-m", "drafter", "check", str(docx)]
        theirs_cmd = [gongwen, "check", str(docx)]
        first, proc = run_once(ours_cmd, env)  # warm-up (builds the word index the first time)
        if first_run is None:
            first_run = first
        run_once(theirs_cmd, env)
        ours, theirs = [], []
        for _ in range(args.runs):
            t, proc = run_once(ours_cmd, env)
            ours.append(t)
            if proc.returncode not in (0, 1):
                print(f"drafter check failed on {docx}: {proc.stderr.strip()}", file=sys.stderr)
                return 2
            t, gproc = run_once(theirs_cmd, env)
            theirs.append(t)
            if gproc.returncode not in (0, 1):
                print(f"gongwen check exited {gproc.returncode}: {gproc.stderr.strip()[:200]}")
        om, tm = statistics.median(ours), statistics.median(theirs)
        print(
            f"{name:16} {chars:>7} {om:>8.2f}/{min(ours):.2f} s {tm:>8.2f}/{min(theirs):.2f} s "
            f"{om / tm:>9.2f}"
        )
        # drafter in process, rules compiled and word index open (the GUI's case)
        check_path(docx)
        t0 = time.perf_counter()
        check_path(docx)
        warm = time.perf_counter() - t0
        print(f"{'':16} {'':>7} {warm:>13.3f} s (drafter in process, warm)")
    print(
        f"(median/best of {args.runs} runs each, alternating, end to end as commands; "
        "ratio ≤ 0.5 meets the aim)"
    )
    print(f"drafter's very first run, building the word index in a fresh cache: {first_run:.2f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Export time: `drafter export` against `gongwen md2docx` (gongwen-skill) on the same content.

Two reports: the largest seed (read by the importer, as it is) and a report of about 60
pages (the seed's body repeated). For each, the same content is written as a draft for
drafter and as Markdown for gongwen, and both commands are run as whole processes
(subprocess wall time, Python start-up and imports included), alternating, after one
warm-up run each (which also builds drafter's word index once); drafter's sources are
byte-compiled first, as an installed package is. Prints the median and the
best of the runs for both, with the ratio drafter / gongwen (aim: under 0.5), and the
first (warm-up) runs apart.

    pip install -e .[bench]          # gongwen-skill
    python benchmarks/bench_export.py [--runs 5]
"""

from __future__ import annotations

import argparse
import compileall
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.model.model import Report  # noqa: E402
from drafter.core.reading.importer import read_report  # noqa: E402
from drafter.core.storage import save_draft  # noqa: E402
from drafter.core.writing.exporter import format_date  # noqa: E402

MD_HEADING = {1: "##", 2: "###", 3: "####", 4: "#####"}


def largest_seed() -> Report:
    seed = max(load_seeds(), key=lambda s: s.path.stat().st_size)
    return read_report(seed.path)


def estimated_pages(report: Report) -> float:
    """Body lines at 28 characters (2 of them the first-line indent) over 22 lines a page."""
    lines = 6  # title, blank, 主送机关, blank + 落款 lines
    for b in report.blocks():
        text = b.number + b.lead + b.text
        width = sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)
        lines += max(1, math.ceil((width + 2) / 28))
    return lines / 22


def sixty_pages(base: Report) -> Report:
    """The seed's sections repeated (numbers recomputed) until the body fills 60 pages."""
    data = base.to_dict()
    report = Report.from_dict(data)
    while estimated_pages(report) < 60:
        report.sections.extend(Report.from_dict(data).sections)
    return report


def to_markdown(report: Report) -> str:
    m = report.metadata
    out = [f"# {m.title or '报告'}", ""]
    if m.recipient:
        out += [f"{m.recipient}：", ""]
    for b in report.blocks():
        if b.kind == "heading":
            out += [f"{MD_HEADING[max(1, min(b.level, 4))]} {b.number}{b.text}", ""]
        else:
            out += [f"{b.number}{b.lead}{b.text}", ""]
    if m.closing:
        out += [m.closing, ""]
    return "\n".join(out)


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if res.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{res.stderr[-2000:]}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    gongwen = shutil.which("gongwen")
    if not gongwen:
        raise SystemExit("gongwen not found: pip install gongwen-skill (the bench extra)")
    # An installed package is byte-compiled (pip does it); a source checkout run with
    # PYTHONDONTWRITEBYTECODE would compile drafter's modules in every run instead.
    compileall.compile_dir(str(ROOT / "src" / "drafter"), quiet=1)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    base = largest_seed()
    cases = [("largest seed", base), ("60-page report", sixty_pages(base))]
    print(
        f"{'report':<16} {'pages':>5} {'drafter s':>10} {'gongwen s':>10} {'ratio':>6}"
        f" {'best d/g s':>14} {'ratio':>6}   first runs d/g s"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for name, report in cases:
            key = name.split()[0]
            draft = tmp_path / f"{key}.fzbg.json"
            md = tmp_path / f"{key}.md"
            save_draft(report, draft)
            md.write_text(to_markdown(report), encoding="utf-8")
            m = report.metadata
            drafter_cmd = [sys.executable, "-m", "drafter", "export", str(draft), "-o"]
            gongwen_cmd = [gongwen, "md2docx", str(md), "-t", "report", "--no-ai-declaration"]
            if m.signature or m.organ:
                gongwen_cmd += ["--signer", m.signature or m.organ]
            if m.date:
                gongwen_cmd += ["--date", format_date(m.date)]
            gongwen_cmd += ["-o"]
            mine, theirs = [], []
            for i in range(args.runs + 1):
                mine.append(timed([*drafter_cmd, str(tmp_path / f"d{i}.docx")], env))
                theirs.append(timed([*gongwen_cmd, str(tmp_path / f"g{i}.docx")], env))
            # The first run of each warms the OS file cache (and, once per machine,
            # builds drafter's word index): shown apart, the median is of the others.
            a, b = statistics.median(mine[1:]), statistics.median(theirs[1:])
            best_a, best_b = min(mine[1:]), min(theirs[1:])
            pages = estimated_pages(report)
            print(
                f"{name:<16} {pages:>5.0f} {a:>10.3f} {b:>10.3f} {a / b:>6.2f}"
                f" {best_a:>6.3f}/{best_b:.3f} {best_a / best_b:>6.2f}"
                f"   {mine[0]:.3f}/{theirs[0]:.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

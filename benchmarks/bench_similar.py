"""Time the similar-to comparison (a reviewing office's folder) on 200 reports.

The 200 reports are made from the five seeds: each variant takes a seed and changes about one
character in six at random (so variants of one seed do not copy each other), and ten of them
are verbatim copies of another variant under a different organ name (so the comparison has
copies to find). Prints the time of the comparison alone (cold: the seeds' boilerplate is
computed first; warm) and, with --cli, of `drafter check FOLDER --json` end to end with the
share of it that similar-to takes. It asserts nothing.

    python benchmarks/bench_similar.py [--reports 200] [--cli]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from drafter.core.checks import read_for_check, similarity  # noqa: E402
from drafter.core.library.seeds import load_seeds  # noqa: E402

POOL = "法治政府建设工作推进落实加强完善健全制度机制体系服务管理监督执法审批规范公开决策"


def variant(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < 1 / 6:
            out.append(rng.choice(POOL))
        else:
            out.append(ch)
    return "".join(out)


def make_folder(folder: Path, n: int, copies: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    seeds = load_seeds()
    texts = [s.path.read_text(encoding="utf-8") for s in seeds]
    for i in range(n - copies):
        k = i % len(seeds)
        parts = [variant(part, rng) for part in texts[k].split(seeds[k].organ)]
        text = f"第{i}号单位".join(parts)
        (folder / f"r{i:03d}.txt").write_text(text, encoding="utf-8")
    for j in range(copies):
        src = (folder / f"r{j:03d}.txt").read_text(encoding="utf-8")
        copied = src.replace(f"第{j}号单位", f"抄送{j}号单位")
        (folder / f"copy{j:02d}.txt").write_text(copied, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--cli", action="store_true", help="also time `drafter check FOLDER`")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder, args.reports, args.copies)
        files = sorted(folder.glob("*.txt"))
        t = time.perf_counter()
        reports = [(str(p), read_for_check(p)[0]) for p in files]
        read = time.perf_counter() - t
        chars = sum(len(p.read_text(encoding="utf-8")) for p in files)
        print(f"{len(files)} reports, {chars / 1e6:.2f} M characters (read in {read:.1f} s)")
        t, c = time.perf_counter(), time.process_time()
        found = similarity.similarity_findings(reports)
        cold, cold_cpu = time.perf_counter() - t, time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        similarity.similarity_findings(reports)
        warm, warm_cpu = time.perf_counter() - t, time.process_time() - c
        flagged = sum(1 for items in found if items)
        print(
            f"similar-to: cold (seed boilerplate included) {cold:.2f} s wall / {cold_cpu:.2f} s CPU;"
            f" warm {warm:.2f} s wall / {warm_cpu:.2f} s CPU"
        )
        print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print(
            f"reports flagged: {flagged} of the {2 * args.copies} made as copies"
            " (a pair whose organ reads the same in both is one organ's drafts, left alone)"
        )
        if args.cli:
            t = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "drafter", "check", str(folder), "--json"],
                capture_output=True,
                text=True,
            )
            total = time.perf_counter() - t
            docs = json.loads(proc.stdout)
            n = sum(1 for d in docs for f in d.get("findings", []) if f["code"] == "similar-to")
            print(
                f"drafter check FOLDER --json: {total:.1f} s end to end, "
                f"{n} similar-to findings; similar-to is {cold / total:.0%} of it"
            )


if __name__ == "__main__":
    main()

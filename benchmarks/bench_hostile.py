"""Hostile inputs against the CLI: how many runs end in 内部错误, a traceback, a hang or a
memory blow-up.

Every malformed draft (tests/hostile_files.py BAD_DRAFTS) goes through `check`, `export` and
`import`; every hostile source file through `import`, `check`, `export` and `library add`.
Each run has a 30 s timeout and a 2 GB address-space limit; it counts as slow over 10 s and
as heavy over 500 MB peak RSS. Prints one line per bad run and the totals.

    .venv/bin/python benchmarks/bench_hostile.py [--only NAME]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

import hostile_files  # noqa: E402

TIMEOUT = 30
SLOW = 10.0
HEAVY_MB = 500


def run(args: list[str], cwd: Path, env: dict) -> tuple[int | None, str, float, float]:
    code, err, seconds, _cpu, rss = hostile_files.run_measured(args, cwd, env, TIMEOUT)
    return code, err, seconds, rss


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="run only inputs whose name contains this")
    ap.add_argument("--src", default=str(ROOT / "src"), help="the drafter sources to run")
    ap.add_argument("--cmd", help="run only this command (check, export, import, library-add)")
    ap.add_argument("--no-force", action="store_true", help="export without --force (older CLI)")
    opts = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="drafter-hostile-"))
    env = {**os.environ, "DRAFTER_HOME": str(work / "home"), "PYTHONPATH": opts.src}
    force = [] if opts.no_force else ["--force"]
    cases: list[tuple[str, list[str]]] = []
    for name, make in hostile_files.BAD_DRAFTS.items():
        if opts.only and opts.only not in name:
            continue
        d = make(work)
        cases += [
            (f"check {name}", ["check", str(d)]),
            (f"export {name}", ["export", str(d), "-o", str(work / f"{name}.docx"), *force]),
            (f"import {name}", ["import", str(d), "-o", str(work / f"{name}.out.json"), "--force"]),
        ]
    for name, make in hostile_files.HOSTILE_SOURCES.items():
        if opts.only and opts.only not in name:
            continue
        s = make(work)
        cases += [
            (f"import {name}", ["import", str(s), "-o", str(work / f"{name}.json"), "--force"]),
            (f"check {name}", ["check", str(s)]),
            (f"export {name}", ["export", str(s), "-o", str(work / f"{name}.out.docx"), *force]),
            (f"library-add {name}", ["library", "add", str(s)]),
        ]
    if not opts.only or "folder" in (opts.only or ""):
        folder = work / "folder"
        folder.mkdir()
        for i in range(5):
            good = hostile_files.base_draft()
            good["metadata"]["organ"] = f"某县第{i}局"
            import json

            (folder / f"good{i}.fzbg.json").write_text(json.dumps(good, ensure_ascii=False))
        hostile_files.BAD_DRAFTS["figures_list"](folder)
        hostile_files.docx_numbering_huge_start(folder)
        cases.append(("check folder", ["check", str(folder), "--csv", str(work / "out.csv")]))
    if opts.cmd:
        cases = [c for c in cases if c[0].split()[0] == opts.cmd]
    internal = traceback = slow = heavy = hung = 0
    for label, args in cases:
        code, err, seconds, rss = run(args, work, env)
        bad = []
        if code is None:
            hung += 1
            bad.append(f"hung >{TIMEOUT}s")
        elif seconds > SLOW:
            slow += 1
            bad.append(f"slow {seconds:.1f}s")
        if rss > HEAVY_MB:
            heavy += 1
            bad.append(f"{rss:.0f} MB")
        if "内部错误" in err:
            internal += 1
            bad.append("内部错误")
        if "Traceback" in err:
            traceback += 1
            bad.append("traceback")
        if len(err) > 2000:
            bad.append(f"stderr {len(err)} chars")
        if bad:
            line = err.strip().splitlines()[-1][:160] if err.strip() else ""
            print(f"{label}: exit {code}, {', '.join(bad)}  {line}")
    print(
        f"runs {len(cases)}: 内部错误 {internal}, traceback {traceback}, "
        f"hung {hung}, slow {slow}, over {HEAVY_MB} MB {heavy}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

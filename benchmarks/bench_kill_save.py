"""kill -9 during saves: how often the draft or its backup (草稿~) is left unloadable, and how
many temporary files the kills leave behind.

A child process saves a ~5 MB draft in a loop (each save keeps the previous version as the
backup); it is killed at a random moment, then the draft and the backup are loaded.

    .venv/bin/python benchmarks/bench_kill_save.py [-n 50] [--src PATH] [--no-link]

--src runs another checkout's sources (e.g. main before a change); --no-link makes hard links
fail, as on a share without them, so the backup goes through the copy path.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import os, sys
try:
    from drafter.core.model.model import Paragraph
    from drafter.core.model.skeleton import new_report
except ImportError:  # sources from before the stage packages
    from drafter.core.model import Paragraph
    from drafter.core.skeleton import new_report
from drafter.core.storage import save_draft
if sys.argv[2] == "no-link":
    def no_link(*a):
        raise OSError(95, "Operation not supported")
    os.link = no_link
r = new_report("某局", 2022, "dept")
big = "依法行政" * 400000
print("ready", flush=True)
i = 0
while True:
    i += 1
    r.opening = [Paragraph(f"版本{i}" + big)]
    save_draft(r, sys.argv[1])
"""

CHECK = """
import json, sys
from drafter.core.storage import load_draft
out = {}
for name in sys.argv[1:]:
    try:
        load_draft(name)
        out[name] = "ok"
    except Exception as exc:
        out[name] = type(exc).__name__ + ": " + str(exc)[:80]
print(json.dumps(out))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=50)
    ap.add_argument("--src", default=str(ROOT / "src"))
    ap.add_argument("--no-link", action="store_true")
    opts = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": opts.src}
    work = Path(tempfile.mkdtemp(prefix="drafter-kill-"))
    path = work / "草稿.fzbg.json"
    mode = "no-link" if opts.no_link else "link"
    rng = random.Random(18)
    bad_draft = bad_backup = 0
    for _ in range(opts.n):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), mode], stdout=subprocess.PIPE, env=env
        )
        child.stdout.readline()
        time.sleep(rng.uniform(0.05, 0.6))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        backup = str(path) + "~"
        names = [str(path)] + ([backup] if os.path.exists(backup) else [])
        res = subprocess.run(
            [sys.executable, "-c", CHECK, *names], capture_output=True, text=True, env=env
        )
        result = json.loads(res.stdout)
        bad_draft += result[str(path)] != "ok"
        bad_backup += result.get(backup, "ok") != "ok"
    temps = [f for f in work.iterdir() if f.name.endswith(".tmp")]
    size = sum(f.stat().st_size for f in temps)
    print(
        f"{opts.n} kills ({mode}): unloadable draft {bad_draft}, unloadable backup {bad_backup}, "
        f"temporary files left {len(temps)} ({size / 1048576:.1f} MB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

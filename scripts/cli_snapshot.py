"""Write the CLI's outputs on the five seeds into a folder, to diff two trees' behaviour.

Usage: .venv/bin/python scripts/cli_snapshot.py OUT_DIR

For each seed in seeds/: ``import --json``, ``check --json`` (on the seed and on the
imported draft), the exported word/document.xml (plain and ``--header --seal --record``);
then ``suggest --json`` for a few queries with and without ``--section``. Each output is
one file in OUT_DIR (stdout, then stderr and the exit code), with the temporary folder's
path replaced by ``<TMP>`` and paragraph ids (random) numbered, so ``diff -r before after`` shows any change in behaviour.
The run uses its own DRAFTER_HOME, so the user's library and settings play no part.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PARAGRAPH_ID = re.compile(r'"paragraph": "([0-9a-f]{12})"')
QUERIES = [
    ("行政执法", None),
    ("行政执法", "S2"),
    ("法治宣传教育", "S1.J"),
    ("行政复议 应诉", "E"),
    ("主要负责人 履行第一责任人职责", "S3"),
]


def run(args: list[str], env: dict[str, str], tmp: Path) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "drafter.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp,
    )
    out = f"{proc.stdout}\n--- stderr ---\n{proc.stderr}\n--- exit {proc.returncode} ---\n"
    return _number_paragraph_ids(out.replace(str(tmp), "<TMP>"))


def _number_paragraph_ids(text: str) -> str:
    """Paragraph ids are random per run: number them in order of first appearance."""
    seen: dict[str, str] = {}

    def number(m: re.Match) -> str:
        return f'"paragraph": "{seen.setdefault(m.group(1), f"p{len(seen) + 1}")}"'

    return PARAGRAPH_ID.sub(number, text)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: cli_snapshot.py OUT_DIR", file=sys.stderr)
        return 2
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="drafter-snap-") as name:
        tmp = Path(name)
        env = dict(os.environ, DRAFTER_HOME=str(tmp / "home"))
        env.pop("DRAFTER_CACHE", None)
        for seed in SEEDS:
            stem = seed.stem
            draft = tmp / f"{stem}.drafter.json"
            (out_dir / f"{stem}.import.txt").write_text(
                run(["import", str(seed), "-o", str(draft), "--json"], env, tmp), "utf-8"
            )
            (out_dir / f"{stem}.check-seed.txt").write_text(
                run(["check", str(seed), "--json"], env, tmp), "utf-8"
            )
            (out_dir / f"{stem}.check-draft.txt").write_text(
                run(["check", str(draft), "--json"], env, tmp), "utf-8"
            )
            for label, extra in (("plain", []), ("full", ["--header", "--seal", "--record"])):
                docx = tmp / f"{stem}.{label}.docx"
                log = run(["export", str(draft), "-o", str(docx), *extra], env, tmp)
                (out_dir / f"{stem}.export-{label}.log.txt").write_text(log, "utf-8")
                if docx.exists():
                    with zipfile.ZipFile(docx) as zf:
                        xml = zf.read("word/document.xml")
                    (out_dir / f"{stem}.export-{label}.document.xml").write_bytes(xml)
        for i, (text, section) in enumerate(QUERIES):
            args = ["suggest", text, "--json"] + (["--section", section] if section else [])
            (out_dir / f"suggest-{i}.txt").write_text(run(args, env, tmp), "utf-8")
    print(f"wrote {len(list(out_dir.iterdir()))} files to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

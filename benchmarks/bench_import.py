"""Import speed: the largest seed (.txt) and a generated 100-page .docx with automatic numbering.

In process (import_file, after a first import that readies the word index and the rules) and
as whole `drafter import` commands (interpreter start and imports included; drafter's sources
byte-compiled first, as an installed package is; median of 5), the very first command in a
fresh user cache (it builds the word index once) reported apart.

Run: python benchmarks/bench_import.py  (prints the figures; asserts nothing)
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DRAFTER_HOME", tempfile.mkdtemp(prefix="drafter-bench-"))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from drafter.core.library.seeds import load_seeds  # noqa: E402
from drafter.core.reading.importer import import_file  # noqa: E402
from drafter.core.reading.outline import parse_number  # noqa: E402

LEVELS = [
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%2）"),
    ("decimal", "%3."),
    ("decimal", "（%4）"),
]


def hundred_page_docx(path: Path) -> tuple[Path, int]:
    """~100 A4 pages (GB/T 9704: 22 lines × 28 characters a page) built from all seeds,
    headings numbered by Word's automatic numbering, one statistics table per section."""
    lines: list[str] = []
    for seed in load_seeds():
        lines.extend(x for x in seed.path.read_text(encoding="utf-8").split("\n") if x.strip())
    d = docx.Document()
    numbering = d.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
        for i, (f, t) in enumerate(LEVELS)
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="91"><w:abstractNumId w:val="90"/></w:num>')
    )
    chars = 0
    target = 100 * 22 * 28
    round_no = 0
    while chars < target:
        round_no += 1
        for line in lines:
            num = parse_number(line.strip())
            if num:
                p = d.add_paragraph(num.rest)
                p._p.get_or_add_pPr().append(
                    parse_xml(
                        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{num.kind - 1}"/><w:numId w:val="91"/></w:numPr>'
                    )
                )
            else:
                d.add_paragraph(line)
            chars += len(line)
            if chars >= target:
                break
        t = d.add_table(rows=4, cols=3)
        for r in range(4):
            for c in range(3):
                t.cell(r, c).text = f"第{round_no}表{r}行{c}列"
    d.save(path)
    return path, chars


def timed(path: Path, runs: int) -> tuple[list[float], object]:
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = import_file(path)
        times.append(time.perf_counter() - t0)
    return times, result


def command_times(source: Path, runs: int = 5) -> tuple[float, list[float]]:
    """`drafter import SOURCE -o DRAFT` as a whole process: the first run in a fresh user
    cache (builds the word index), then `runs` more."""
    compileall.compile_dir(str(ROOT / "src" / "drafter"), quiet=1)
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, DRAFTER_HOME=str(Path(d) / "home"), PYTHONPATH=str(ROOT / "src"))
        env.pop("DRAFTER_CACHE", None)
        cmd = [
            sys.executable,
            "-m",
            "drafter",
            "import",
            str(source),
            "-o",
            str(Path(d) / "o.json"),
        ]
        times = []
        for _ in range(runs + 1):
            t0 = time.perf_counter()
            proc = subprocess.run([*cmd, "--force"], capture_output=True, text=True, env=env)
            times.append(time.perf_counter() - t0)
            if proc.returncode != 0:
                raise SystemExit(f"drafter import failed: {proc.stderr.strip()}")
        return times[0], times[1:]


def main() -> None:
    largest = max((s.path for s in load_seeds()), key=lambda p: p.stat().st_size)
    first, times = command_times(largest)
    print(
        f"`drafter import` of {largest.name} as a command: median {statistics.median(times):.2f} s, "
        f"best {min(times):.2f} s over {len(times)} runs; first run in a fresh cache "
        f"(builds the word index) {first:.2f} s"
    )

    t0 = time.perf_counter()
    import_file(load_seeds()[0].path)
    print(
        f"first import in process (word index + indicator rules): {time.perf_counter() - t0:.2f} s"
    )

    times, result = timed(largest, 10)
    print(
        f"largest seed {largest.name} ({largest.stat().st_size / 1024:.1f} KB, "
        f"{result.paragraphs} paragraphs): median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {len(times)} runs"
    )

    with tempfile.TemporaryDirectory() as d:
        path, chars = hundred_page_docx(Path(d) / "hundred_pages.docx")
        times, result = timed(path, 3)
        print(
            f"100-page .docx ({chars} characters ≈ {chars / (22 * 28):.0f} pages of 22×28, {path.stat().st_size / 1024:.0f} KB, "
            f"{result.paragraphs} paragraphs, {len(result.headings)} headings mapped): "
            f"median {statistics.median(times):.2f} s, max {max(times):.2f} s over {len(times)} runs"
        )


if __name__ == "__main__":
    main()

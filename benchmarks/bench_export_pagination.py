"""How the end of an exported report falls on the pages, as LibreOffice lays it out with
Word-like font metrics (tests/data/word-metrics-fonts.conf).

Every seed in the plain and the --header --seal --record variants, and seed 003 with its
last paragraph lengthened a line at a time over a whole page. Prints, per export, the pages,
the pages that start with the 署名 or the date, and where the 版记's last line sits; then the
totals.

    .venv/bin/python benchmarks/bench_export_pagination.py [--default-fonts]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from drafter.core.writing.exporter import ExportOptions, export_docx  # noqa: E402
from export_fixtures import lengthened_report, seed_reports  # noqa: E402
from render_batch import closing_texts, paginate, render_all  # noqa: E402

FULL = ExportOptions(header=True, seal=True, record=True)


def cases():
    for name, report in seed_reports():
        yield f"{name[:3]}-plain", report, ExportOptions()
        yield f"{name[:3]}-full", report, FULL
    for step in range(23):
        yield f"003-long{step:02d}", lengthened_report(step * 28), FULL


def main() -> None:
    word = "--default-fonts" not in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs, meta = [], []
        for label, report, opts in cases():
            path = work / f"{label}.docx"
            export_docx(report, path, opts)
            docs.append(path)
            meta.append((label, opts, closing_texts(report, opts)))
        t0 = time.perf_counter()
        pdfs = render_all(docs, work, word_metrics=word)
        took = time.perf_counter() - t0
        orphans = on_edge = records = even = 0
        for (label, opts, (sig, date)), pdf in zip(meta, pdfs, strict=True):
            pg = paginate(pdf, sig, date)
            orphans += bool(pg.orphan_closing)
            where = "-"
            if opts.record:
                records += 1
                ok_edge = pg.record_gap_mm is not None and abs(pg.record_gap_mm) <= 3
                ok_even = pg.record_page is not None and pg.record_page % 2 == 0
                on_edge += ok_edge
                even += ok_even
                gap = f"{pg.record_gap_mm:.1f}" if pg.record_gap_mm is not None else "?"
                where = f"p{pg.record_page} gap {gap} mm"
            print(
                f"{label:14} pages {pg.pages:3}  closing alone on {pg.orphan_closing}  版记 {where}"
            )
        n = len(docs)
        print(
            f"\nfonts: {'Word-like metrics' if word else 'default'}; {n} exports rendered in {took:.0f} s"
        )
        print(f"exports with a page starting with the 署名 or the date: {orphans} of {n}")
        print(f"版记 last line within 3 mm of the bottom edge: {on_edge} of {records}")
        print(f"版记 on an even page: {even} of {records}")


if __name__ == "__main__":
    main()

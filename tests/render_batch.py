"""Render many .docx files through LibreOffice in one call, with Word-like font metrics.

tests/data/word-metrics-fonts.conf maps every Chinese font name the exporter writes to a
font with full-width CJK and half-width Latin (as 仿宋_GB2312, 黑体, 宋体 are), so pages
break where they would in Word. pdftotext -bbox-layout gives each line's box.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

FONT_MAP = Path(__file__).resolve().parent / "data" / "word-metrics-fonts.conf"

# The text block in PDF points (GB/T 9704: margins 37 / 35 / 28 / 26 mm on A4).
TOP, BOTTOM = 2098 / 20, (16838 - 1984) / 20
MM = 72 / 25.4


@dataclass
class Line:
    y0: float
    y1: float
    x0: float
    x1: float
    text: str


def render_all(docs: list[Path], workdir: Path, word_metrics: bool = True) -> list[Path]:
    """One soffice run converting every .docx to PDF in workdir; the PDFs in order."""
    env = dict(os.environ)
    if word_metrics:
        conf = workdir / "xdg" / "fontconfig"
        conf.mkdir(parents=True, exist_ok=True)
        shutil.copy(FONT_MAP, conf / "fonts.conf")
        env["XDG_CONFIG_HOME"] = str(workdir / "xdg")
    profile = workdir / "lo-profile"
    res = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(workdir),
            *map(str, docs),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
    )
    pdfs = [workdir / (d.stem + ".pdf") for d in docs]
    missing = [p.name for p in pdfs if not p.exists()]
    assert res.returncode == 0 and not missing, (missing, res.stderr)
    return pdfs


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """Every page's lines, top to bottom."""
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    pages = []
    for page in root.iter("page"):
        lines = [
            Line(
                float(ln.get("ymin")),
                float(ln.get("ymax")),
                float(ln.get("xmin")),
                float(ln.get("xmax")),
                "".join(w.text or "" for w in ln.iter("word")),
            )
            for ln in page.iter("line")
        ]
        pages.append(sorted(lines, key=lambda x: (x.y0, x.x0)))
    return pages


def body_lines(page: list[Line]) -> list[Line]:
    return [ln for ln in page if TOP - 4 <= ln.y0 and ln.y1 <= BOTTOM + 2]


@dataclass
class Pagination:
    """What a reader sees of a rendered export's end."""

    pages: int
    orphan_closing: list[int]  # pages (1-based) whose first body line is the 署名 or the date
    record_page: int | None  # the page holding the 版记's last line ("…印发")
    record_gap_mm: float | None  # its last line's bottom to the text block's bottom edge


def paginate(pdf: Path, signature: str, date: str) -> Pagination:
    pages = pdf_lines(pdf)
    record_page = record_y = gap = None
    for n, page in enumerate(pages, 1):
        for ln in body_lines(page):
            if ln.text.replace(" ", "").endswith("印发"):
                record_page, record_y, gap = n, ln.y0, (BOTTOM - ln.y1) / MM
    orphans = []
    for n, page in enumerate(pages, 1):
        lines = body_lines(page)
        if n == record_page:  # the 印发机关 on the 印发 line is not the 署名
            lines = [ln for ln in lines if abs(ln.y0 - record_y) > 2]
        if n > 1 and lines and lines[0].text.replace(" ", "") in (signature, date):
            orphans.append(n)
    return Pagination(len(pages), orphans, record_page, gap)


def closing_texts(report, options) -> tuple[str, str]:
    """The 署名 and the date lines as the export prints them."""
    from drafter.core.writing.closing import signature_texts

    return signature_texts(report.metadata)

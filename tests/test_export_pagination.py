"""Where the end of a report falls, as LibreOffice lays it out with Word-like font metrics.

Every seed plain and with --header --seal --record, seed 003 with its last paragraph
lengthened a line at a time until its last page is full and over onto the next, and three
short reports whose 版记 goes to page 2 alone, shares an even page 2, or needs a blank
page 3 — all rendered in one soffice run (tests/render_batch.py, the font map in
tests/data/). A reader must never see a page start with the 署名 or the date, and the
版记's last line must sit on the text block's bottom edge (±3 mm) of an even page, with
no page number on its page or on a blank page before it.
"""

from __future__ import annotations

import re

import pytest

from drafter.core.model.model import Paragraph
from drafter.core.writing.exporter import ExportOptions, export_docx
from export_fixtures import lengthened_report, seed_reports, short_report
from render_batch import BOTTOM, body_lines, closing_texts, paginate, pdf_lines, render_all

FULL = ExportOptions(header=True, seal=True, record=True)
RECORD = ExportOptions(record=True)
# 003's body ends a few lines down its last page: 14 more lines fill it and go over.
LENGTHENED = range(0, 14)


def _cases():
    for name, report in seed_reports():
        yield f"{name[:3]}-plain", report, ExportOptions()
        yield f"{name[:3]}-full", report, FULL
    for step in LENGTHENED:
        yield f"003-long{step:02d}", lengthened_report(step * 28), FULL
    yield "short-alone", short_report(), RECORD  # one page: the 版记 on page 2
    yield "short-shares", short_report(26 + 28 * 8), RECORD  # page 2 has room: shared
    yield "short-blank", ending_short(26 + 28 * 23), RECORD  # 19 of 22: 3 blank, 4
    yield "short-near-full", ending_short(26 + 28 * 25), RECORD  # 落款 to 3, 版记 on 4


def ending_short(pad: int):
    """short_report(pad) ending with a one-line paragraph (the pad is not the last one)."""
    report = short_report(pad)
    report.opening.append(Paragraph("坚持依法行政推进政务公开。"))
    return report


CASES = list(_cases())
IDS = [c[0] for c in CASES]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("pagination")
    docs = []
    for label, report, opts in CASES:
        path = work / f"{label}.docx"
        export_docx(report, path, opts)
        docs.append(path)
    pdfs = render_all(docs, work)
    return {label: pdf for (label, _, _), pdf in zip(CASES, pdfs, strict=True)}


@pytest.mark.parametrize("i", range(len(CASES)), ids=IDS)
def test_no_page_starts_with_the_signature_or_the_date(rendered, i):
    label, report, opts = CASES[i]
    pg = paginate(rendered[label], *closing_texts(report, opts))
    assert pg.orphan_closing == [], f"{label}: pages {pg.orphan_closing} start with the 落款"


RECORD_CASES = [i for i, c in enumerate(CASES) if c[2].record]


@pytest.mark.parametrize("i", RECORD_CASES, ids=[IDS[i] for i in RECORD_CASES])
def test_record_sits_on_the_bottom_edge_of_an_even_page(rendered, i):
    label, report, opts = CASES[i]
    pg = paginate(rendered[label], *closing_texts(report, opts))
    assert pg.record_page is not None, label
    assert pg.record_page % 2 == 0, f"{label}: 版记 on page {pg.record_page}"
    assert pg.record_page == pg.pages  # the last page
    assert abs(pg.record_gap_mm) <= 3, f"{label}: {pg.record_gap_mm:.1f} mm off the edge"


def _numbers(page) -> list[str]:
    return [ln.text for ln in page if ln.y0 > BOTTOM and re.search(r"\d", ln.text)]


@pytest.mark.parametrize(
    "label,pages,record_page,blank",
    [
        ("short-alone", 2, 2, None),
        ("short-shares", 2, 2, None),
        ("short-blank", 4, 4, 3),
        ("short-near-full", 4, 4, None),
    ],
)
def test_record_page_blank_page_and_page_numbers(rendered, label, pages, record_page, blank):
    got = pdf_lines(rendered[label])
    assert len(got) == pages
    texts = [ln.text for ln in body_lines(got[record_page - 1])]
    assert texts[-1].replace(" ", "").endswith("印发")
    if label == "short-near-full":  # the 落款 went to page 3 with the last lines
        assert any("联系人" in ln.text for ln in got[2])
    if label == "short-shares":  # the body's end and the 版记 on one page, numbered
        assert any("联系人" in t for t in texts)
        assert _numbers(got[record_page - 1])
    else:  # the 版记 alone, no number
        assert not any("联系人" in t for t in texts)
        assert not _numbers(got[record_page - 1])
    if blank:
        assert got[blank - 1] == []  # blank: no text, no number
    assert _numbers(got[0])  # body pages keep theirs

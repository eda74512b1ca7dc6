"""An exported report rendered by LibreOffice, checked as a reader sees the pages.

soffice converts the .docx to PDF (with its own throw-away profile); pdftotext -bbox-layout
gives every line's box, pdftoppm the pixels. Fonts that are not installed are substituted
(Noto CJK), so lines and positions are counted, not glyph shapes.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest

from conftest import SEEDS as SEEDS_DIR
from drafter.core.writing.exporter import ExportOptions, export_docx
from export_fixtures import seed_reports
from render_batch import BOTTOM, TOP, Line, pdf_lines, render_all

# The text block in PDF points (GB/T 9704: margins 37 / 35 / 28 / 26 mm on A4).
LEFT, RIGHT = 1587 / 20, (11906 - 1474) / 20
PITCH = 579 / 20  # 28.95 pt
ONE_CHAR_14PT = 14.0


def render(docx_path: Path, workdir: Path) -> Path:
    """One .docx to PDF with the fonts as installed (no Word-metrics map)."""
    return render_all([docx_path], workdir, word_metrics=False)[0]


def page_pixels(pdf: Path, page: int, workdir: Path, dpi: int = 50):
    """(width, height, rgb bytes) of one page, via pdftoppm's PPM output."""
    stem = workdir / f"p{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    data = Path(str(stem) + ".ppm").read_bytes()
    magic, w, h, maxval, rest = re.match(
        rb"(P6)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", data, re.S
    ).groups()
    return int(w), int(h), rest


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The largest seed with 版头 and 落款, as LibreOffice lays it out (the 版记 has its
    own reports below: where it goes depends on how full the last page is)."""
    work = tmp_path_factory.mktemp("render")
    name, report = max(seed_reports(), key=lambda fr: (SEEDS_DIR / fr[0]).stat().st_size)
    path = work / "report.docx"
    export_docx(report, path, ExportOptions(header=True))
    pdf = render(path, work)
    return report, pdf, pdf_lines(pdf), work


def body_lines(page: list[Line]) -> list[Line]:
    return [ln for ln in page if TOP - 4 <= ln.y0 and ln.y1 <= BOTTOM + 2]


def footer_lines(page: list[Line]) -> list[Line]:
    return [ln for ln in page if ln.y0 > BOTTOM]


def full_width_only(text: str) -> bool:
    """Ideographs and full-width punctuation only (quotes and dashes are "ambiguous" width:
    a substituted Western font may draw them narrow)."""
    return all(unicodedata.east_asian_width(c) in "WF" for c in text)


def test_libreoffice_opens_it_and_lays_out_several_pages(rendered):
    report, _, pages, _ = rendered
    assert len(pages) >= 4
    text = "".join(ln.text for page in pages for ln in page)
    assert report.blocks()[3].text[:20] in text


def test_a_full_body_page_shows_22_lines_on_a_28_95_pt_pitch(rendered):
    _, _, pages, _ = rendered
    counts = [len(body_lines(p)) for p in pages]
    assert max(counts) == 22, counts
    assert counts.count(22) >= len(pages) // 2, counts
    for page in pages[1:-1]:  # body pages: lines one pitch apart from top to bottom
        lines = body_lines(page)
        if len(lines) == 22:
            ys = [ln.y0 for ln in lines]
            steps = [b - a for a, b in zip(ys, ys[1:], strict=False)]
            assert all(abs(s - PITCH) < 0.6 for s in steps), steps
            assert abs(lines[-1].y1 - BOTTOM) < PITCH  # the last line fills the block


def inside_block(line: Line) -> int:
    """Characters of a line inside the text block. LibreOffice lets a closing punctuation
    mark hang past the right edge (its own setting, which Word's overflowPunct=0 turns
    off in Word); such a mark is outside the block."""
    hangs = line.x1 > RIGHT + 4 and line.text[-1] in HANGING
    return len(line.text) - (1 if hangs else 0)


HANGING = set("、，。；：！？）》”’")


def test_full_lines_hold_28_characters(rendered):
    _, _, pages, _ = rendered
    widths = [
        inside_block(ln)
        for page in pages[1:-1]
        for ln in body_lines(page)
        if full_width_only(ln.text) and abs(ln.x0 - LEFT) < 2
    ]
    assert max(widths) == 28, widths
    assert widths.count(28) > len(widths) / 2, widths


def test_page_numbers_right_on_odd_pages_left_on_even_pages(rendered):
    _, _, pages, _ = rendered
    for n, page in enumerate(pages, 1):
        (num,) = footer_lines(page)
        assert re.fullmatch(f"\u2014\\s*{n}\\s*\u2014", num.text), num.text
        if n % 2:
            assert abs(num.x1 - (RIGHT - ONE_CHAR_14PT)) < 2, (n, num)
        else:
            assert abs(num.x0 - (LEFT + ONE_CHAR_14PT)) < 2, (n, num)
        assert abs(num.y0 - (BOTTOM + 7 * 72 / 25.4)) < 4  # the dash 7 mm below the block


# ----- 版记: at the foot of the last page ------------------------------------------------------


MM = 72 / 25.4


# Where the 版记 goes (its own even page, a shared even page, after a blank page) is
# checked on many exports at once in test_export_pagination.py.


def test_title_lines_are_balanced_and_centred(rendered):
    report, _, pages, _ = rendered
    title = report.metadata.title
    lines = pages[0]
    for i in range(len(lines)):
        joined = ""
        for j in range(i, len(lines)):
            joined += lines[j].text
            if joined == title:
                title_lines = lines[i : j + 1]
                break
            if not title.startswith(joined):
                break
        else:
            continue
        if joined == title:
            break
    else:
        pytest.fail(f"title not found on page 1: {[ln.text for ln in lines]}")
    lengths = [len(ln.text) for ln in title_lines]
    assert max(lengths) - min(lengths) <= 6
    for ln in title_lines:
        assert abs((ln.x0 + ln.x1) / 2 - (LEFT + RIGHT) / 2) < 3


def test_header_red_only_in_mark_and_rule(rendered):
    _, pdf, pages, work = rendered
    dpi = 50
    w, h, rgb = page_pixels(pdf, 1, work, dpi)
    red_rows = set()
    for y in range(h):
        row = rgb[y * w * 3 : (y + 1) * w * 3]
        for x in range(w):
            r, g, b = row[x * 3], row[x * 3 + 1], row[x * 3 + 2]
            if r > 180 and g < 90 and b < 90:
                red_rows.add(y)
                break
    assert red_rows
    px = dpi / 72
    mark_top = min(red_rows) / px
    assert abs(mark_top - (TOP + 35 * 72 / 25.4)) < 12  # 标志 35 mm below the block's top
    number = next(ln for ln in pages[0] if "签发人" in ln.text)
    rule = max(red_rows) / px
    assert abs(rule - number.y1 - 4 * MM) < 1 * MM  # the red rule 4 mm below the 发文字号
    w2, h2, rgb2 = page_pixels(pdf, 2, work, dpi)
    assert not any(
        rgb2[i] > 180 and rgb2[i + 1] < 90 and rgb2[i + 2] < 90 for i in range(0, len(rgb2), 3)
    )

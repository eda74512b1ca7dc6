"""The 版记 (抄送, 印发机关, 印发日期) on the bottom edge of the last page, on an even page.

Placed by construction, not by a spacer sized from an estimate: the 版记 is a floating table
whose bottom sits on the bottom margin (tblpPr vertAnchor="margin", its offset the text
block's height less its own), so
the last rule lies on the text block's bottom edge of the page its anchor is on, whatever
the fonts and whatever a leader changes above it. Its rows cannot split.

Which page: GB/T 9704 puts the 版记 on the last page, an even one (封四). When the body's
last page is even and leaves room for the 版记 with two lines to spare, the table shares it
(anchored in a tiny paragraph kept with the 落款). Otherwise the 版记 opens a section on a
new page whose footers carry no page number (7.5); after a body ending on an even page that
section first holds a blank page, so that the 版记 lands on the next even one. (w:type
evenPage would leave the blank page to the word processor, but LibreOffice 7 ignores it.)
The page count comes from core.page_fill's estimate; the position does not depend on it.
When the estimate puts the end of the 落款 within a few lines of a page's foot, where a line
more or less would change the page, the kept-together ending starts a new page, so that
the count no longer hangs on that line.
"""

from __future__ import annotations

from lxml import etree

from drafter.core.model.blanks import blank
from drafter.core.writing.closing import format_date
from drafter.core.writing.docx_xml import (
    Border,
    RunStyle,
    W,
    add_paragraph,
    add_text,
    fill_section,
    record_table,
    set_keep,
)
from drafter.core.writing.page_fill import body_extent

SPARE_LINES = 2  # room kept free above the 版记 when it shares the body's last page
NEAR_FULL_LINES = 3  # an ending this close to a page's foot may land on either page


def _ending_start(body: etree._Element) -> etree._Element | None:
    """The first paragraph of the kept-together ending: the last body paragraph, which
    core.closing gave widow control."""
    for p in reversed([c for c in body if c.tag == W("p")]):
        widow = p.find(f"{W('pPr')}/{W('widowControl')}")
        if widow is not None and widow.get(W("val")) in ("1", "true", "on"):
            return p
    return None


def write_record(b, last: etree._Element) -> None:
    """Append the 版记 after the 落款, whose last paragraph is last."""
    lay, meta = b.lay, b.meta
    rec = lay.record
    size = float(lay.sizes["record"])
    em = lay.char_twips(size)
    st = RunStyle(lay.font(rec["font"]), size)
    width = lay.text_width
    indent = rec["indent"]
    line = b.line
    first = Border(rec["first_rule_eighths"])
    middle = Border(rec["middle_rule_eighths"])
    end = Border(rec["last_rule_eighths"])
    holder = etree.Element(W("body"))
    rows = []
    cc = meta.cc.strip()
    if cc:
        label = rec["cc_label"]
        if not cc.endswith("。"):
            cc += "。"
        label_w = em * len(label)
        p = add_paragraph(
            holder,
            style_id="GwRecord",
            line=line,
            left=indent + label_w,
            right=indent,
            hanging=label_w,
        )
        add_text(p, label + cc, st)
        room = width - 2 * indent - label_w
        n_lines = max(1, -(-lay.advance(cc, size, condensed=False) // room))
        rows.append((p, first, middle, n_lines * line))
    printer = (meta.printer or meta.organ).strip() or blank("印发机关")
    iso = meta.print_date.strip() or meta.date.strip()
    pdate = format_date(iso, "印发日期") if iso else blank("印发日期")
    p = add_paragraph(
        holder, style_id="GwRecord", line=line, tabs=[("left", indent), ("right", width - indent)]
    )
    add_text(p, f"\t{printer}\t{pdate}{rec['print_suffix']}", st)
    rows.append((p, middle if cc else first, end, line))
    record_h = sum(r[3] for r in rows)

    pages, used = body_extent(b.body, width, lay.text_height)
    if used > lay.text_height - NEAR_FULL_LINES * line:
        # The 落款 ends at the foot of a page: a line more or less in the word processor
        # than in the estimate decides which page it lands on, and with it the 版记's
        # parity. Start the kept-together end (last body lines and 落款) on a new page.
        start = _ending_start(b.body)
        if start is not None:
            set_keep(start, page_break_before=True)
            pages, used = body_extent(b.body, width, lay.text_height)
    shares = pages % 2 == 0 and lay.text_height - used >= record_h + SPARE_LINES * line
    if shares:
        set_keep(last)  # the anchor below stays on the 落款's page
    else:
        sect = etree.SubElement(last.find(W("pPr")), W("sectPr"))
        fill_section(sect, lay.page)
        fill_section(b.final_sect, lay.page, new_page=True)
        _sections_fix(b.body)
    tail = RunStyle(lay.font("body"), float(lay.sizes["end_mark"]))
    if not shares:  # the new section opens with a paragraph (LibreOffice loses the page
        # break when a section starts with a table that floats); after a body ending on an
        # even page, that paragraph breaks the page once more: a blank page, no number.
        for n in range(2 if pages % 2 == 0 else 1):
            opener = add_paragraph(
                b.body,
                style_id="GwRecord",
                line=rec["end_line"],
                snap_to_grid=False,
                mark=tail,
                index=len(b.body) - 1,
            )
            if n:  # the blank page ends here (a leading page break would merge with the
                # section's own in LibreOffice)
                set_keep(opener, keep_next=False, page_break_before=True)
    tbl = record_table(
        holder, width, rows, at_bottom=lay.text_height, left_margin=lay.page["margin_left"]
    )
    b.body.insert(len(b.body) - 1, tbl)
    add_paragraph(
        b.body,
        style_id="GwRecord",
        line=rec["end_line"],
        snap_to_grid=False,
        mark=tail,
        index=len(b.body) - 1,
    )


def _sections_fix(body: etree._Element) -> None:
    """Keep <w:sectPr> the last child of its pPr (after a paragraph-mark rPr)."""
    for sect in body.iter(W("sectPr")):
        parent = sect.getparent()
        if parent is not None and parent.tag == W("pPr"):
            parent.remove(sect)
            parent.append(sect)

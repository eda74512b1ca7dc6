"""Raw WordprocessingML builders for what python-docx has no API for.

Runs with the Chinese font in every slot, paragraphs with exact line spacing and indents,
borders, tab stops, PAGE fields, section properties with a line grid, and the 版记 table.
Elements are built with lxml directly (fast, and in schema order).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

# Characters XML 1.0 forbids (C0 controls other than tab/newline/CR).
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


_WNS = "{" + qn("w:p").split("}")[0][1:] + "}"


def W(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return _WNS + tag


def sub(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    """Append <w:tag w:k="v" …/> to parent."""
    el = etree.SubElement(parent, _WNS + tag)
    for k, v in attrs.items():
        el.set(_WNS + k, str(v))
    return el


def clean_text(text: str) -> str:
    return _BAD_XML.sub("", text)


_RPR_CACHE: dict = {}


@dataclass(frozen=True)
class RunStyle:
    """What a run looks like: one font for all four slots, size in pt, condense in twips."""

    font: str
    size: float
    spacing: int = 0
    bold: bool = False
    color: str | None = None

    def rpr(self, parent: etree._Element) -> etree._Element:
        """Append this style's <w:rPr> (a copy of one built once per style)."""
        template = _RPR_CACHE.get(self)
        if template is None:
            template = _RPR_CACHE[self] = self._build(etree.Element(_WNS + "x"))
        rpr = copy.deepcopy(template)
        parent.append(rpr)
        return rpr

    def _build(self, parent: etree._Element) -> etree._Element:
        rpr = sub(parent, "rPr")
        sub(
            rpr,
            "rFonts",
            ascii=self.font,
            hAnsi=self.font,
            eastAsia=self.font,
            cs=self.font,
            hint="eastAsia",
        )
        if self.bold:
            sub(rpr, "b")
            sub(rpr, "bCs")
        if self.color:
            sub(rpr, "color", val=self.color)
        if self.spacing:
            sub(rpr, "spacing", val=self.spacing)
        half_points = round(self.size * 2)
        sub(rpr, "kern", val=0)
        sub(rpr, "sz", val=half_points)
        sub(rpr, "szCs", val=half_points)
        sub(rpr, "lang", val="en-US", eastAsia="zh-CN")
        return rpr


def add_run(p: etree._Element, text: str, style: RunStyle) -> etree._Element:
    """A run of text; "\\n" becomes a line break and "\\t" a tab."""
    r = sub(p, "r")
    style.rpr(r)
    parts = re.split(r"(\n|\t)", clean_text(text))
    for part in parts:
        if part == "\n":
            sub(r, "br")
        elif part == "\t":
            sub(r, "tab")
        elif part:
            t = sub(r, "t")
            t.text = part
            if part[0] == " " or part[-1] == " ":
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


@dataclass(frozen=True)
class Border:
    """One paragraph or cell border: width in eighths of a point, space in points."""

    size: int
    color: str = "000000"
    space: int = 0


def add_paragraph(
    parent: etree._Element,
    *,
    style_id: str | None = None,
    line: int | None = None,
    align: str | None = None,
    first_line: int = 0,
    left: int = 0,
    right: int = 0,
    hanging: int = 0,
    space_before: int = 0,
    keep_next: bool = False,
    tabs: list[tuple[str, int]] | None = None,
    bottom_border: Border | None = None,
    snap_to_grid: bool = True,
    mark: RunStyle | None = None,
    index: int | None = None,
) -> etree._Element:
    """A <w:p> with its pPr in schema order; appended (or inserted at index)."""
    p = etree.Element(W("p"))
    if index is None:
        parent.append(p)
    else:
        parent.insert(index, p)
    ppr = sub(p, "pPr")
    if style_id:
        sub(ppr, "pStyle", val=style_id)
    if keep_next:
        sub(ppr, "keepNext")
    if bottom_border:
        bdr = sub(ppr, "pBdr")
        sub(
            bdr,
            "bottom",
            val="single",
            sz=bottom_border.size,
            space=bottom_border.space,
            color=bottom_border.color,
        )
    if tabs:
        tabs_el = sub(ppr, "tabs")
        for kind, pos in tabs:
            sub(tabs_el, "tab", val=kind, pos=pos)
    # No punctuation hanging past the right edge, no extra space between Chinese and
    # Latin or digits (so a line holds 28 characters as counted).
    sub(ppr, "overflowPunct", val=0)
    sub(ppr, "autoSpaceDE", val=0)
    sub(ppr, "autoSpaceDN", val=0)
    if not snap_to_grid:
        sub(ppr, "snapToGrid", val=0)
    if line is not None or space_before:
        attrs: dict[str, object] = {"before": space_before, "after": 0}
        if line is not None:
            attrs.update(line=line, lineRule="exact")
        sub(ppr, "spacing", **attrs)
    if first_line or left or right or hanging:
        ind: dict[str, object] = {}
        if left:
            ind["left"] = left
        if right:
            ind["right"] = right
        if hanging:
            ind["hanging"] = hanging
        elif first_line:
            ind["firstLine"] = first_line
        sub(ppr, "ind", **ind)
    if align:
        sub(ppr, "jc", val=align)
    if mark is not None:
        mark.rpr(ppr)
    return p


def page_number_runs(p: etree._Element, style: RunStyle, dash: str) -> None:
    """ "— n —" with n a PAGE field (begin / instr / separate / cached 1 / end)."""
    add_run(p, f"{dash} ", style)
    r = sub(p, "r")
    style.rpr(r)
    sub(r, "fldChar", fldCharType="begin")
    r = sub(p, "r")
    style.rpr(r)
    instr = sub(r, "instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r = sub(p, "r")
    style.rpr(r)
    sub(r, "fldChar", fldCharType="separate")
    add_run(p, "1", style)
    r = sub(p, "r")
    style.rpr(r)
    sub(r, "fldChar", fldCharType="end")
    add_run(p, f" {dash}", style)


def fill_section(
    sect: etree._Element,
    page: dict,
    *,
    new_page: bool = False,
    valign_bottom: bool = False,
) -> None:
    """Page size, margins and the line grid of a <w:sectPr> (keeps its footer references)."""
    refs = [c for c in sect if c.tag in (W("headerReference"), W("footerReference"))]
    for child in list(sect):
        sect.remove(child)
    for attr in list(sect.attrib):
        del sect.attrib[attr]
    for ref in refs:
        sect.append(ref)
    if new_page:
        sub(sect, "type", val="nextPage")
    sub(sect, "pgSz", w=page["width"], h=page["height"])
    sub(
        sect,
        "pgMar",
        top=page["margin_top"],
        right=page["margin_right"],
        bottom=page["margin_bottom"],
        left=page["margin_left"],
        header=page["header_distance"],
        footer=page["footer_distance"],
        gutter=0,
    )
    sub(sect, "cols", space=425)
    if valign_bottom:
        sub(sect, "vAlign", val="bottom")
    sub(sect, "docGrid", type="lines", linePitch=page["line_pitch"])


def record_table(
    parent: etree._Element,
    width: int,
    rows: list[tuple[etree._Element, Border | None, Border | None, int]],
) -> etree._Element:
    """The 版记 table: one full-width cell a row, rules as top/bottom cell borders.

    rows: (paragraph to move into the cell, top rule, bottom rule, exact row height).
    """
    tbl = sub(parent, "tbl")
    tpr = sub(tbl, "tblPr")
    sub(tpr, "tblW", w=width, type="dxa")
    sub(tpr, "jc", val="center")
    sub(tpr, "tblInd", w=0, type="dxa")
    borders = sub(tpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, side, val="nil")
    sub(tpr, "tblLayout", type="fixed")
    mar = sub(tpr, "tblCellMar")
    sub(mar, "left", w=0, type="dxa")
    sub(mar, "right", w=0, type="dxa")
    sub(
        tpr,
        "tblLook",
        val="0000",
        firstRow=0,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=1,
        noVBand=1,
    )
    grid = sub(tbl, "tblGrid")
    sub(grid, "gridCol", w=width)
    for paragraph, top, bottom, height in rows:
        tr = sub(tbl, "tr")
        trpr = sub(tr, "trPr")
        sub(trpr, "cantSplit")
        sub(trpr, "trHeight", val=height, hRule="exact")
        tc = sub(tr, "tc")
        tcpr = sub(tc, "tcPr")
        sub(tcpr, "tcW", w=width, type="dxa")
        bdr = sub(tcpr, "tcBorders")
        for side, b in (("top", top), ("left", None), ("bottom", bottom), ("right", None)):
            if b is None:
                sub(bdr, side, val="nil")
            else:
                sub(bdr, side, val="single", sz=b.size, space=0, color=b.color)
        tc.append(paragraph)
    return tbl

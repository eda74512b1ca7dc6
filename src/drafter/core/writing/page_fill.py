"""How far down its last page the body reaches, estimated from the document's own XML.

Every paragraph the exporter writes has an exact line height, and every character a known
advance (a 三号 character is 320 twips condensed by 10, a digit or Latin letter half an
em), so lines break where Word breaks them on the 28-character line: greedily, digits and
Latin words kept whole, closing punctuation never starting a line (the character before it
comes down with it), opening brackets never ending one. A page holds as many lines as fit
its text block (22); a paragraph's lines run on to the next page (no widow control), and a
heading kept with the next paragraph moves to a new page with that paragraph's first line.

The exporter uses this to decide whether the 版记 fits under the body on the last page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from drafter.core.writing.docx_xml import W

NO_LINE_START = set("，。、；：？！）》〉」』】〕”’…—·,.;:?!)%")
NO_LINE_END = set("（《〈「『【〔“‘(")
_HALF_WORD = re.compile(r"[A-Za-z0-9.,:/%+#&_\-]+")


@dataclass(frozen=True)
class Para:
    """One paragraph as the page sees it."""

    lines: int
    line_height: int  # twips, exact
    space_before: int = 0
    keep_next: bool = False


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")


def _pieces(text: str, em: float, spacing: int) -> list[tuple[str, float]]:
    """Unbreakable pieces of a run with their advances: one per wide character, one per
    run of half-width word characters, one per other character."""
    out: list[tuple[str, float]] = []
    i = 0
    while i < len(text):
        m = _HALF_WORD.match(text, i)
        if m:
            word = m.group()
            out.append((word, len(word) * (em / 2 + spacing)))
            i = m.end()
            continue
        ch = text[i]
        out.append((ch, (em if _wide(ch) else em / 2) + spacing))
        i += 1
    return out


def count_lines(runs: list[tuple[str, float, int]], width: int, first_offset: int = 0) -> int:
    """Lines of a paragraph: runs are (text with "\\n" for a line break, em in twips,
    spacing in twips); width is the line's room, first_offset what the first line loses
    (a first-line indent) or gains (negative: a hanging indent)."""
    lines = 1
    room = width - first_offset
    used = 0.0
    line: list[tuple[str, float]] = []
    for text, em, spacing in runs:
        for segment_no, segment in enumerate(text.split("\n")):
            if segment_no:
                lines += 1
                room, used, line = width, 0.0, []
            for piece, adv in _pieces(segment.replace("\t", ""), em, spacing):
                if used + adv <= room or not line:
                    line.append((piece, adv))
                    used += adv
                    continue
                # A new line starts with this piece: keep the line-breaking rules.
                carried: list[tuple[str, float]] = []
                if piece[0] in NO_LINE_START and len(line) > 1:
                    carried.append(line.pop())
                while len(line) > 1 and line[-1][0][-1] in NO_LINE_END:
                    carried.insert(0, line.pop())
                lines += 1
                room = width
                line = [*carried, (piece, adv)]
                used = sum(a for _, a in line)
    return lines


def paragraph(p: etree._Element, text_width: int) -> Para:
    """A <w:p> as lines of its exact height."""
    ppr = p.find(W("pPr"))
    line_h, before, keep = 0, 0, False
    left = right = first = 0
    if ppr is not None:
        sp = ppr.find(W("spacing"))
        if sp is not None:
            line_h = int(sp.get(W("line"), 0))
            before = int(sp.get(W("before"), 0))
        ind = ppr.find(W("ind"))
        if ind is not None:
            left = int(ind.get(W("left"), 0))
            right = int(ind.get(W("right"), 0))
            first = int(ind.get(W("firstLine"), 0)) - int(ind.get(W("hanging"), 0))
        keep = ppr.find(W("keepNext")) is not None
        bdr = ppr.find(W("pBdr"))
        if bdr is not None:  # a bottom rule adds its gap and its width
            for b in bdr:
                before += int(b.get(W("space"), 0)) * 20 + int(b.get(W("sz"), 0)) * 20 // 8
    runs: list[tuple[str, float, int]] = []
    for r in p.iter(W("r")):
        rpr = r.find(W("rPr"))
        em, spacing = 320.0, 0
        if rpr is not None:
            sz = rpr.find(W("sz"))
            if sz is not None:
                em = int(sz.get(W("val"))) * 10.0
            sp_el = rpr.find(W("spacing"))
            if sp_el is not None:
                spacing = int(sp_el.get(W("val")))
        parts = []
        for child in r:
            if child.tag == W("t"):
                parts.append(child.text or "")
            elif child.tag == W("br"):
                parts.append("\n")
            elif child.tag == W("tab"):
                parts.append("\t")
        runs.append(("".join(parts), em, spacing))
    n = count_lines(runs, text_width - left - right, first)
    return Para(n, line_h or 579, before, keep)


def last_page_used(paras: list[Para], page_height: int) -> int:
    """Twips of the text block the paragraphs fill on their last page."""
    used = 0
    broke = False  # a page break just happened: no space before at the page's top
    for i, p in enumerate(paras):
        # A chain of kept-with-next paragraphs moves with the next one's first line.
        j = i
        while j < len(paras) - 1 and paras[j].keep_next:
            j += 1
        if j > i:
            need = sum(q.space_before + q.lines * q.line_height for q in paras[i:j])
            need += paras[j].space_before + paras[j].line_height
            if used and used + need > page_height and need <= page_height:
                used, broke = 0, True
        if used and used + p.space_before + p.line_height > page_height:
            used, broke = 0, True
        if not broke:
            used += p.space_before
        for _ in range(p.lines):
            if used + p.line_height > page_height:
                used = 0
            used += p.line_height
        broke = False
    return used


def body_fill(body: etree._Element, text_width: int, page_height: int) -> int:
    """Twips used on the last page by the paragraphs of a <w:body>."""
    paras = [paragraph(p, text_width) for p in body if p.tag == W("p")]
    return last_page_used(paras, page_height)

"""The end of the body: 结语, 附件说明, 落款 (署名 and 成文日期, with or without 印章), 附注.

The last body lines, the blank line(s), the 署名 and the date are chained with keepNext,
and the last body paragraph has widow control on, so in Word's own pagination (and WPS's,
and LibreOffice's) the 落款 never starts a page alone: at least two lines of the body come
over with it (GB/T 9704 7.3.5: adjust rather than let the 落款 stand alone).

Functions take the exporter's builder (core.exporter._Builder): its body, layout, metadata
and options, and its para()/style()/blank_lines() helpers.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from drafter.core.errors import ExportError
from drafter.core.model.blanks import blank
from drafter.core.writing.docx_xml import W, add_text, set_keep


def format_date(iso: str, field: str = "成文日期") -> str:
    """ "2021-01-22" → "2021年1月22日" (GB/T 9704 7.3.5.4: Arabic numerals, no padding)."""
    try:
        d = dt.date.fromisoformat(iso.strip())
    except ValueError:
        raise ExportError(field, f"“{iso}”不是 年-月-日 格式的日期（如 2021-01-22）") from None
    return f"{d.year}年{d.month}月{d.day}日"


def signature_texts(meta) -> tuple[str, str]:
    """The 署名 and the 成文日期 as printed (blanks where the clerk left them empty)."""
    name = (meta.signature or meta.organ).strip() or blank("发文机关署名")
    date = format_date(meta.date) if meta.date.strip() else blank("成文日期")
    return name, date


def signature_indents(
    w_name: int, w_date: int, seal: bool, right_indent: int, date_offset: int, seal_right: int
) -> tuple[int, int]:
    """(署名 right indent, date right indent) in twips.

    Without 印章 (7.3.5.2): the name right-indented 2 characters, the date's first character
    2 characters right of the name's (a longer date keeps 2 characters, the name moves
    left). With 印章 (7.3.5.1): the date right-indented 4 characters and the name centred
    on it; a name too long for that moves the date left with it, still centred.
    """
    if seal:
        date_right = seal_right
        name_right = date_right + (w_date - w_name) / 2
        if name_right < 0:
            date_right -= name_right
            name_right = 0
        return round(name_right), round(date_right)
    name_right = right_indent
    date_right = w_name - date_offset - w_date + name_right
    if date_right < name_right:
        date_right = name_right
        name_right = date_right + w_date + date_offset - w_name
    return max(0, round(name_right)), max(0, round(date_right))


def _last_body_paragraph(b) -> etree._Element | None:
    """The last paragraph of body text written so far (not a heading, not a blank line)."""
    for p in reversed([c for c in b.body if c.tag == W("p")]):
        style = p.find(f"{W('pPr')}/{W('pStyle')}")
        if style is not None and style.get(W("val")) == "GwBody" and p.find(W("r")) is not None:
            return p
    return None


def write_closing(b) -> None:
    """结语 and 附件说明; everything from the last body paragraph on is kept together."""
    last = _last_body_paragraph(b)
    if last is not None:
        set_keep(last, widow=True)
    el = b.lay.elements["body"]
    closing = b.meta.closing.strip()
    if closing:
        p = b.para("GwBody", first_line=el.get("first_line"), align="both", keep_next=True)
        add_text(p, closing, b.style("body"))
    items = [a.strip() for a in b.meta.attachments if a.strip()]
    if not items:
        return
    att = b.lay.elements["attachments"]
    st = b.style("attachments")
    label = att.get("label", "附件：")
    indent = att.get("first_line")
    label_w = b.lay.char_twips(att.size) * len(label)
    b.blank_lines(att.get("blank_lines_before", 1), keep_next=True)
    if len(items) == 1:
        p = b.para("GwAttachment", left=indent + label_w, hanging=label_w, keep_next=True)
        add_text(p, label + items[0], st)
        return
    for n, item in enumerate(items, 1):
        numbered = f"{n}.{item}"
        num_w = b.lay.advance(f"{n}.", att.size, condensed=False)
        if n == 1:
            left, hanging, text = indent + label_w + num_w, label_w + num_w, label + numbered
        else:
            left, hanging, text = indent + label_w + num_w, num_w, numbered
        p = b.para("GwAttachment", left=left, hanging=hanging, keep_next=True)
        add_text(p, text, st)


def write_signature(b) -> etree._Element:
    """署名, 成文日期 and 附注; returns the last paragraph written."""
    name, date = signature_texts(b.meta)
    size = b.lay.elements["signature"].size
    plain = b.lay.elements["signature"]
    seal = b.lay.elements["signature_seal"]
    name_right, date_right = signature_indents(
        b.lay.advance(name, size),
        b.lay.advance(date, size),
        b.opt.seal,
        plain.get("right_indent"),
        plain.get("date_offset"),
        seal.get("date_right_indent"),
    )
    el = seal if b.opt.seal else plain
    st = b.style("signature")
    b.blank_lines(el.get("blank_lines_before", 1), keep_next=True)
    p = b.para("GwSignature", align="right", right=name_right, keep_next=True)
    add_text(p, name, st)
    note = b.meta.note.strip()
    p = b.para("GwDate", align="right", right=date_right, keep_next=bool(note))
    add_text(p, date, st)
    if note:
        if not (note.startswith(("（", "(")) and note.endswith(("）", ")"))):
            note = f"（{note}）"
        note_el = b.lay.elements["note"]
        p = b.para("GwNote", first_line=note_el.get("first_line"))
        add_text(p, note, b.style("note"))
    return p

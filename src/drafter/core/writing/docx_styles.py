"""The parts of an exported .docx around the body: styles, settings, properties, package.

Styles: the 公文 paragraph styles (no colours, no theme fonts), heading styles with an
outline level (Word's navigation pane and 目录 see them) and the body as their next style
(Enter after a heading goes back to 仿宋 body). Settings: Word 2013+ compatibility (no
兼容模式 in the title bar), Chinese theme language. Properties: our own (title, organ,
now), not python-docx's template's. Package: the template's leftovers dropped, the font
table listing the fonts in use with their alternates and the GB2312 character set.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from drafter.core.writing.docx_xml import RunStyle, W, add_paragraph, clean_text, sub
from drafter.core.writing.layout import Layout

WORD_URI = "http://schemas.microsoft.com/office/word"
COMPAT_MODE = "15"  # Word 2013 and later
APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def write_styles(doc, lay: Layout) -> None:
    """Replace the template's styles with the 公文 ones."""
    root = doc.styles.element
    del root[:]  # one slice delete: far faster than removing children one by one
    body_font = lay.font("body")
    body_size = float(lay.sizes["body"])
    defaults = sub(root, "docDefaults")
    rpr_default = sub(defaults, "rPrDefault")
    RunStyle(body_font, body_size).rpr(rpr_default)
    ppr_default = sub(defaults, "pPrDefault")
    ppr = sub(ppr_default, "pPr")
    # Every page holds its 22 lines: no widow/orphan control moving lines over (the
    # exporter turns it on where it matters: the last body paragraph before the 落款).
    sub(ppr, "widowControl", val=0)
    # No automatic space between Chinese and Latin/digits: 28 characters a line, and
    # the 成文日期 lines up under the 署名 as counted.
    # No punctuation hanging past the right edge: a line never holds a 29th character.
    sub(ppr, "overflowPunct", val=0)
    sub(ppr, "autoSpaceDE", val=0)
    sub(ppr, "autoSpaceDN", val=0)
    sub(ppr, "spacing", before=0, after=0, line=lay.line, lineRule="exact")

    def para_style(
        sid: str, name: str, font: str, size: float, outline: int | None = None, **ppr_kw
    ) -> None:
        s = sub(root, "style", type="paragraph", styleId=sid)
        if sid == "GwBody":
            s.set(W("default"), "1")
        sub(s, "name", val=name)
        if sid != "GwBody":
            sub(s, "next", val="GwBody")
        sub(s, "qFormat")
        holder = add_paragraph(etree.Element(W("body")), **ppr_kw)
        style_ppr = holder.find(W("pPr"))
        if outline is not None:
            sub(style_ppr, "outlineLvl", val=outline)
        s.append(style_ppr)
        condense = lay.condense if size == body_size else 0
        RunStyle(font, size, condense).rpr(s)

    el = lay.elements
    para_style(
        "GwBody", "公文正文", body_font, body_size, line=lay.line, first_line=640, align="both"
    )
    para_style("GwTitle", "公文标题", el["title"].font, el["title"].size, align="center")
    para_style("GwRecipient", "主送机关", body_font, body_size)
    for level in range(1, 5):
        h = el[f"heading{level}"]
        para_style(
            f"GwHeading{level}",
            f"公文标题{level}级",
            h.font,
            h.size,
            outline=level - 1,
            keep_next=True,
        )
    para_style("GwAttachment", "附件说明", body_font, body_size)
    para_style("GwSignature", "发文机关署名", body_font, body_size, align="right")
    para_style("GwDate", "成文日期", body_font, body_size, align="right")
    para_style("GwNote", "附注", body_font, body_size)
    para_style("GwMark", "发文机关标志", el["title"].font, float(lay.sizes["mark"]), align="center")
    para_style("GwDocNumber", "发文字号", body_font, body_size)
    para_style("GwRecord", "版记", body_font, float(lay.sizes["record"]))
    para_style("GwFooter", "页码", lay.font("song"), float(lay.sizes["page_number"]), line=340)
    s = sub(root, "style", type="table", default="1", styleId="GwTable")
    sub(s, "name", val="Normal Table")
    tpr = sub(s, "tblPr")
    mar = sub(tpr, "tblCellMar")
    sub(mar, "left", w=0, type="dxa")
    sub(mar, "right", w=0, type="dxa")


def write_settings(doc) -> None:
    """No revision ids, Chinese theme language, 2-character tab stop, Word 2013+ mode."""
    settings = doc.settings.element
    for el in settings.findall(W("rsids")):
        settings.remove(el)
    lang = settings.find(W("themeFontLang"))
    if lang is not None:
        lang.set(W("eastAsia"), "zh-CN")
    tab = settings.find(W("defaultTabStop"))
    if tab is not None:
        tab.set(W("val"), "420")
    compat = settings.find(W("compat"))
    if compat is None:
        compat = sub(settings, "compat")
    for cs in compat.findall(W("compatSetting")):
        if cs.get(W("name")) == "compatibilityMode":
            cs.set(W("val"), COMPAT_MODE)
            break
    else:
        sub(compat, "compatSetting", name="compatibilityMode", uri=WORD_URI, val=COMPAT_MODE)


def write_properties(doc, title: str, organ: str, now: dt.datetime | None = None) -> None:
    """Core properties of our own (python-docx's template says 2013 and python-docx), and
    an app.xml naming drafter (the template's says Microsoft Macintosh Word)."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    cp = doc.core_properties
    # the package's properties hold at most 255 characters (the document keeps all)
    cp.title = clean_text(title)[:255]
    cp.author = clean_text(organ)[:255]
    cp.last_modified_by = "drafter"
    cp.comments = ""
    cp.subject = ""
    cp.keywords = ""
    cp.category = ""
    cp.revision = 1
    cp.created = now
    cp.modified = now
    for rel in doc.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = _app_xml()


def _app_xml() -> bytes:
    props = etree.Element(f"{{{APP_NS}}}Properties", nsmap={None: APP_NS})
    for tag, text in (
        ("Template", "Normal.dotm"),
        ("Application", "drafter"),
        ("DocSecurity", "0"),
    ):
        etree.SubElement(props, f"{{{APP_NS}}}{tag}").text = text
    return etree.tostring(props, xml_declaration=True, encoding="UTF-8", standalone=True)


def clean_package(doc, lay: Layout) -> None:
    """Drop the template's parts a 公文 has no use for (a thumbnail of an empty page,
    Word 2010 style effects, custom XML), and list the fonts it uses with their
    alternates and the GB2312 character set."""
    drop = ("stylesWithEffects", "webSettings", "customXml", "thumbnail")
    for rels in (doc.part.rels, doc.part.package.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in drop:
                rels.pop(rid)
    for rel in doc.part.rels.values():
        if rel.reltype.endswith("/fontTable"):
            rel.target_part._blob = _font_table(lay)


def _font_table(lay: Layout) -> bytes:
    fonts = etree.Element(W("fonts"), nsmap={"w": W("")[1:-1]})
    for name in dict.fromkeys(lay.fonts.values()):
        f = sub(fonts, "font", name=name)
        alt = lay.font_alternates.get(name)
        if alt:
            sub(f, "altName", val=alt)
        sub(f, "charset", val="86")
        sub(f, "family", val="modern")
        sub(f, "pitch", val="variable")
    return etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)

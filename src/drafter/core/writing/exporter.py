"""Report → .docx laid out per GB/T 9704-2012, driven by templates/layout/gbt9704.json.

python-docx gives the package (parts, footers, settings); the body is written as raw
WordprocessingML (core/writing/docx_xml.py) so that every run carries its font in all four slots,
every paragraph its exact line pitch, and the page its line grid. The order of the
document: optional 版头, title, 主送机关, opening and body (headings numbered by
Report.blocks()), 结语, 附件说明, 落款 (with or without 印章), 附注, optional 版记 on the last
page; page numbers "— n —" in odd/even footers. Written atomically.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
from lxml import etree

from drafter.core.errors import DrafterError, ExportError
from drafter.core.model.blanks import blank
from drafter.core.model.model import Block, Report
from drafter.core.storage import atomic_write_bytes
from drafter.core.writing.docx_xml import (
    Border,
    RunStyle,
    W,
    add_paragraph,
    add_run,
    clean_text,
    fill_section,
    page_number_runs,
    record_table,
    sub,
)
from drafter.core.writing.layout import Layout
from drafter.core.writing.page_fill import body_fill
from drafter.core.writing.title_lines import split_title


@dataclass
class ExportOptions:
    header: bool = False  # 版头: 发文机关标志, 发文字号, 签发人, red rule
    page_numbers: bool = True
    seal: bool = False  # 落款 laid out for a 印章
    record: bool = False  # 版记: 抄送, 印发机关, 印发日期
    font_set: str = "gb2312"  # "gb2312" | "common"
    bold_level3: bool = False


def format_date(iso: str, field: str = "成文日期") -> str:
    """ "2021-01-22" → "2021年1月22日" (GB/T 9704 7.3.5.4: Arabic numerals, no padding)."""
    try:
        d = dt.date.fromisoformat(iso.strip())
    except ValueError:
        raise ExportError(field, f"“{iso}”不是 年-月-日 格式的日期（如 2021-01-22）") from None
    return f"{d.year}年{d.month}月{d.day}日"


def export_docx(
    report: Report,
    path: str | Path,
    options: ExportOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the report as a GB/T 9704 .docx at path (temp file, then replace)."""
    path = Path(path)
    options = options or ExportOptions()
    _check_target(path)
    if not isinstance(report, Report):
        raise ExportError(str(path), "没有可导出的报告")
    try:
        data = build_docx(report, options, progress)
    except DrafterError:
        raise
    except (ValueError, TypeError, AttributeError) as exc:
        raise ExportError(str(path), f"草稿内容无法排版（{exc}）") from None
    atomic_write_bytes(path, data, error=ExportError, action="导出")
    return path


def build_docx(
    report: Report,
    options: ExportOptions,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The .docx file's bytes."""
    return _Builder(report, options, progress).build()


# ----- writing the file --------------------------------------------------------------------


def _check_target(path: Path) -> None:
    if path.suffix.lower() != ".docx":
        raise ExportError(str(path), "导出文件应以 .docx 结尾")
    if path.is_dir():
        raise ExportError(str(path), "这是一个文件夹，不能作为导出文件")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(str(path), "导出位置的文件夹不存在")


# ----- the document ------------------------------------------------------------------------


class _Builder:
    def __init__(self, report: Report, options: ExportOptions, progress):
        self.report = report
        self.meta = report.metadata
        self.opt = options
        self.lay = Layout(options.font_set)
        self.progress = progress
        self.doc = docx.Document()
        self.body = self.doc.element.body
        self.final_sect = self.body.find(W("sectPr"))
        for child in list(self.body):
            if child is not self.final_sect:
                self.body.remove(child)
        self.line = self.lay.line

    # -- helpers ---------------------------------------------------------------------------
    def style(self, element: str, font: str | None = None, bold: bool = False) -> RunStyle:
        el = self.lay.elements[element]
        size = el.size
        condense = self.lay.condense if size == self.lay.sizes["body"] else 0
        return RunStyle(font or el.font, size, condense, bold)

    def para(self, style_id: str, **kw) -> etree._Element:
        """A paragraph before the body's last element (its sectPr). Appended, then that moved
        behind it: both steps take constant time (len() and insert() at an index walk the
        children, which made 100,000 paragraphs take minutes)."""
        kw.setdefault("line", self.line)
        p = add_paragraph(self.body, style_id=style_id, **kw)
        last = p.getprevious()  # what was last: the paragraph goes before it, as before
        if last is not None:
            p.addnext(last)
        return p

    def blank_lines(self, n: int) -> None:
        for _ in range(n):
            self.para("GwBody", mark=self.style("body"))

    # -- the parts -------------------------------------------------------------------------
    def build(self) -> bytes:
        self._styles()
        self._settings()
        blocks = self.report.blocks()
        total = len(blocks) + 2
        if self.opt.header:
            self._header()
        self._title()
        self._recipient()
        for i, b in enumerate(blocks, 1):
            self._block(b)
            if self.progress:
                self.progress(i, total)
        self._closing()
        self._signature()
        fill_section(self.final_sect, self.lay.page)
        if self.opt.record:
            self._record()
        if self.opt.page_numbers:
            self._footers()
        self._properties()
        self._package()
        out = io.BytesIO()
        self.doc.save(out)
        if self.progress:
            self.progress(total, total)
        return out.getvalue()

    def _header(self) -> None:
        h = self.lay.header
        organ = self.meta.organ.strip() or blank("发文机关")
        size = self._mark_size(organ)
        mark = RunStyle(self.lay.font("title"), size, 0, False, h["mark_color"])
        p = add_paragraph(
            self.body,
            style_id="GwMark",
            index=len(self.body) - 1,
            line=round(size * 20 * 1.2),
            snap_to_grid=False,
            align="center",
            space_before=h["mark_space_before"],
        )
        add_run(p, organ, mark)
        self.blank_lines(h["number_blank_lines"])
        number = self.meta.doc_number.strip() or blank("发文字号")
        signer = self.meta.signer.strip() or blank("签发人")
        body = self.style("body")
        kai = self.style("body", font=self.lay.font("kai"))
        width = self.lay.text_width
        p = self.para(
            "GwDocNumber",
            tabs=[("left", h["number_indent"]), ("right", width - h["signer_right_indent"])],
            bottom_border=Border(h["rule_width_eighths"], h["rule_color"], h["rule_space"]),
        )
        add_run(p, f"\t{number}\t{h['signer_label']}", body)
        add_run(p, signer, kai)
        self.blank_lines(h["title_blank_lines"])

    def _mark_size(self, organ: str) -> float:
        """小初 unless the name would not fit the text block on one line."""
        biggest = float(self.lay.sizes["mark"])
        width_em = self.lay.advance(organ, 1.0, condensed=False) / 20
        fits = self.lay.text_width / 20 / max(width_em, 1)
        return max(float(self.lay.sizes["mark_min"]), min(biggest, float(int(fits))))

    def _title(self) -> None:
        el = self.lay.elements["title"]
        title = self.meta.title.strip() or blank("标题")
        lines = split_title(title, int(el.get("max_chars", 20)))
        # Off the line grid: a 22 pt line would take two grid rows in LibreOffice, where
        # Word keeps the exact 579-twip line (core.writing.page_fill counts one row a line).
        p = self.para("GwTitle", align="center", snap_to_grid=False, mark=self.style("title"))
        add_run(p, "\n".join(lines), self.style("title"))

    def _recipient(self) -> None:
        recipient = self.meta.recipient.strip().rstrip(":：")
        self.blank_lines(self.lay.elements["recipient"].get("blank_lines_before", 1))
        if not recipient:
            return
        p = self.para("GwRecipient")
        add_run(p, recipient + "：", self.style("recipient"))

    def _block(self, b: Block) -> None:
        if b.kind == "heading":
            level = max(1, min(b.level, 4))
            el = self.lay.elements[f"heading{level}"]
            st = self.style(f"heading{level}", bold=self.opt.bold_level3 and level == 3)
            p = self.para(f"GwHeading{level}", first_line=el.get("first_line"), keep_next=True)
            add_run(p, b.number + b.text, st)
            return
        el = self.lay.elements["body"]
        p = self.para("GwBody", first_line=el.get("first_line"), align="both")
        if b.lead or b.number:
            level = max(1, min(b.level or 1, 4))
            st = self.style(f"heading{level}", bold=self.opt.bold_level3 and level == 3)
            add_run(p, b.number + b.lead, st)
        if b.text:
            add_run(p, b.text, self.style("body"))

    def _closing(self) -> None:
        el = self.lay.elements["body"]
        closing = self.meta.closing.strip()
        if closing:
            p = self.para("GwBody", first_line=el.get("first_line"), align="both")
            add_run(p, closing, self.style("body"))
        items = [a.strip() for a in self.meta.attachments if a.strip()]
        if not items:
            return
        att = self.lay.elements["attachments"]
        st = self.style("attachments")
        label = att.get("label", "附件：")
        indent = att.get("first_line")
        label_w = self.lay.char_twips(att.size) * len(label)
        self.blank_lines(att.get("blank_lines_before", 1))
        if len(items) == 1:
            p = self.para("GwAttachment", left=indent + label_w, hanging=label_w)
            add_run(p, label + items[0], st)
            return
        for n, item in enumerate(items, 1):
            numbered = f"{n}.{item}"
            num_w = self.lay.advance(f"{n}.", att.size, condensed=False)
            if n == 1:
                p = self.para(
                    "GwAttachment", left=indent + label_w + num_w, hanging=label_w + num_w
                )
                add_run(p, label + numbered, st)
            else:
                p = self.para("GwAttachment", left=indent + label_w + num_w, hanging=num_w)
                add_run(p, numbered, st)

    def _signature(self) -> None:
        name = (self.meta.signature or self.meta.organ).strip() or blank("发文机关署名")
        date = format_date(self.meta.date) if self.meta.date.strip() else blank("成文日期")
        size = self.lay.elements["signature"].size
        w_name = self.lay.advance(name, size)
        w_date = self.lay.advance(date, size)
        if self.opt.seal:
            el = self.lay.elements["signature_seal"]
            date_right = el.get("date_right_indent")
            name_right = max(0, round(date_right + (w_date - w_name) / 2))
        else:
            el = self.lay.elements["signature"]
            name_right = el.get("right_indent")
            date_right = w_name - el.get("date_offset") - w_date + name_right
            if date_right < name_right:  # a long date: it keeps 2 characters, the name moves
                date_right = name_right
                name_right = date_right + w_date + el.get("date_offset") - w_name
        st = self.style("signature")
        self.blank_lines(el.get("blank_lines_before", 1))
        p = self.para("GwSignature", align="right", right=max(0, name_right))
        add_run(p, name, st)
        p = self.para("GwDate", align="right", right=max(0, date_right))
        add_run(p, date, st)
        note = self.meta.note.strip()
        if note:
            if not (note.startswith(("（", "(")) and note.endswith(("）", ")"))):
                note = f"（{note}）"
            note_el = self.lay.elements["note"]
            p = self.para("GwNote", first_line=note_el.get("first_line"))
            add_run(p, note, self.style("note"))

    def _record(self) -> None:
        """版记 at the foot of the last page, its last rule on the text block's bottom edge.

        A spacer paragraph of exact height pushes the table down (renderers agree on exact
        heights, where not all honour floating tables or a page's vertical alignment). It
        shares the body's last page when it fits under the body (core.writing.page_fill estimates
        how far the body reaches); otherwise it gets a page of its own, a section whose
        footers carry no page number (GB/T 9704 7.5).
        """
        rec = self.lay.record
        size = float(self.lay.sizes["record"])
        em = self.lay.char_twips(size)
        st = RunStyle(self.lay.font(rec["font"]), size)
        width = self.lay.text_width
        indent = rec["indent"]
        line = self.line
        rows = []
        cc = self.meta.cc.strip()
        first = Border(rec["first_rule_eighths"])
        middle = Border(rec["middle_rule_eighths"])
        end = Border(rec["last_rule_eighths"])
        holder = etree.Element(W("body"))
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
            add_run(p, label + cc, st)
            room = width - 2 * indent - label_w
            n_lines = max(1, -(-self.lay.advance(cc, size, condensed=False) // room))
            rows.append((p, first, middle, n_lines * line))
        printer = (self.meta.printer or self.meta.organ).strip() or blank("印发机关")
        iso = self.meta.print_date.strip() or self.meta.date.strip()
        pdate = format_date(iso, "印发日期") if iso else blank("印发日期")
        p = add_paragraph(
            holder,
            style_id="GwRecord",
            line=line,
            tabs=[("left", indent), ("right", width - indent)],
        )
        add_run(p, f"\t{printer}\t{pdate}{rec['print_suffix']}", st)
        rows.append((p, middle if cc else first, end, line))
        end_line = rec["end_line"]
        tail = RunStyle(self.lay.font("body"), float(self.lay.sizes["end_mark"]))
        table_h = sum(r[3] for r in rows)
        rules = (first, middle, end) if cc else (first, end)
        rules_h = round(sum(b.size for b in rules) * 20 / 8)  # eighths of a point → twips
        record_h = table_h + end_line + rules_h + rec["bottom_slack"]
        used = body_fill(self.body, width, self.lay.text_height)
        room = self.lay.text_height - used
        if room >= record_h:
            spacer_h = room - record_h
        else:
            spacer_h = self.lay.text_height - record_h
            last = self.body[len(self.body) - 2]  # the last body paragraph
            sect1 = etree.SubElement(last.find(W("pPr")), W("sectPr"))
            fill_section(sect1, self.lay.page)
            fill_section(self.final_sect, self.lay.page, new_page=True)
        if spacer_h > 0:
            add_paragraph(
                self.body,
                style_id="GwRecord",
                line=spacer_h,
                snap_to_grid=False,
                mark=tail,
                index=len(self.body) - 1,
            )
        tbl = record_table(holder, width, rows)
        self.body.insert(len(self.body) - 1, tbl)
        add_paragraph(
            self.body,
            style_id="GwRecord",
            line=end_line,
            snap_to_grid=False,
            mark=tail,
            index=len(self.body) - 1,
        )
        self._sections_fix()

    def _sections_fix(self) -> None:
        """Keep <w:sectPr> the last child of its pPr (after a paragraph-mark rPr)."""
        for sect in self.body.iter(W("sectPr")):
            parent = sect.getparent()
            if parent is not None and parent.tag == W("pPr"):
                parent.remove(sect)
                parent.append(sect)

    def _footers(self) -> None:
        pn = self.lay.page_numbers
        self.doc.settings.odd_and_even_pages_header_footer = True
        st = RunStyle(self.lay.font(pn["font"]), float(self.lay.sizes["page_number"]))
        sections = self.doc.sections
        first = sections[0]
        for footer, align, side in (
            (first.footer, "right", "right"),
            (first.even_page_footer, "left", "left"),
        ):
            footer.is_linked_to_previous = False
            root = footer._element
            for child in list(root):
                root.remove(child)
            p = add_paragraph(
                root, style_id="GwFooter", line=pn["line"], align=align, **{side: pn["inset"]}
            )
            page_number_runs(p, st, pn["dash"])
        for later in list(sections)[1:]:  # the 版记 alone on its page: no number
            for footer in (later.footer, later.even_page_footer):
                footer.is_linked_to_previous = False
                root = footer._element
                for child in list(root):
                    root.remove(child)
                add_paragraph(root, style_id="GwFooter", line=pn["line"])

    def _package(self) -> None:
        """Drop the template's parts a 公文 has no use for (a thumbnail of an empty page,
        Word 2010 style effects, custom XML), and list the fonts it uses with their
        alternates and the GB2312 character set."""
        drop = ("stylesWithEffects", "webSettings", "customXml", "thumbnail")
        for rels in (self.doc.part.rels, self.doc.part.package.rels):
            for rid, rel in list(rels.items()):
                if rel.reltype.rsplit("/", 1)[-1] in drop:
                    rels.pop(rid)
        for rel in self.doc.part.rels.values():
            if rel.reltype.endswith("/fontTable"):
                rel.target_part._blob = self._font_table()

    def _font_table(self) -> bytes:
        fonts = etree.Element(W("fonts"), nsmap={"w": W("")[1:-1]})
        for name in dict.fromkeys(self.lay.fonts.values()):
            f = sub(fonts, "font", name=name)
            alt = self.lay.font_alternates.get(name)
            if alt:
                sub(f, "altName", val=alt)
            sub(f, "charset", val="86")
            sub(f, "family", val="modern")
            sub(f, "pitch", val="variable")
        return etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _settings(self) -> None:
        settings = self.doc.settings.element
        for el in settings.findall(W("rsids")):
            settings.remove(el)
        lang = settings.find(W("themeFontLang"))
        if lang is not None:
            lang.set(W("eastAsia"), "zh-CN")
        tab = settings.find(W("defaultTabStop"))
        if tab is not None:
            tab.set(W("val"), "420")

    def _properties(self) -> None:
        cp = self.doc.core_properties
        # the package's properties hold at most 255 characters (the document keeps all)
        cp.title = clean_text(self.meta.title or "")[:255]
        cp.author = clean_text(self.meta.organ or "")[:255]
        cp.last_modified_by = "drafter"
        cp.comments = ""
        cp.revision = 1

    def _styles(self) -> None:
        """Replace the template's styles with the 公文 ones (no colours, no theme fonts)."""
        root = self.doc.styles.element
        del root[:]  # one slice delete: far faster than removing children one by one
        lay = self.lay
        body_font = lay.font("body")
        body_size = float(lay.sizes["body"])
        defaults = sub(root, "docDefaults")
        rpr_default = sub(defaults, "rPrDefault")
        RunStyle(body_font, body_size).rpr(rpr_default)
        ppr_default = sub(defaults, "pPrDefault")
        ppr = sub(ppr_default, "pPr")
        # Every page holds its 22 lines: no widow/orphan control moving lines over.
        sub(ppr, "widowControl", val=0)
        # No automatic space between Chinese and Latin/digits: 28 characters a line, and
        # the 成文日期 lines up under the 署名 as counted.
        # No punctuation hanging past the right edge: a line never holds a 29th character.
        sub(ppr, "overflowPunct", val=0)
        sub(ppr, "autoSpaceDE", val=0)
        sub(ppr, "autoSpaceDN", val=0)
        sub(ppr, "spacing", before=0, after=0, line=lay.line, lineRule="exact")

        def para_style(sid: str, name: str, font: str, size: float, **ppr_kw) -> None:
            s = sub(root, "style", type="paragraph", styleId=sid)
            if sid == "GwBody":
                s.set(W("default"), "1")
            sub(s, "name", val=name)
            sub(s, "qFormat")
            holder = add_paragraph(etree.Element(W("body")), **ppr_kw)
            s.append(holder.find(W("pPr")))
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
            para_style(f"GwHeading{level}", f"公文标题{level}级", h.font, h.size, keep_next=True)
        para_style("GwAttachment", "附件说明", body_font, body_size)
        para_style("GwSignature", "发文机关署名", body_font, body_size, align="right")
        para_style("GwDate", "成文日期", body_font, body_size, align="right")
        para_style("GwNote", "附注", body_font, body_size)
        para_style(
            "GwMark", "发文机关标志", el["title"].font, float(lay.sizes["mark"]), align="center"
        )
        para_style("GwDocNumber", "发文字号", body_font, body_size)
        para_style("GwRecord", "版记", body_font, float(lay.sizes["record"]))
        para_style("GwFooter", "页码", lay.font("song"), float(lay.sizes["page_number"]), line=340)
        s = sub(root, "style", type="table", default="1", styleId="GwTable")
        sub(s, "name", val="Normal Table")
        tpr = sub(s, "tblPr")
        mar = sub(tpr, "tblCellMar")
        sub(mar, "left", w=0, type="dxa")
        sub(mar, "right", w=0, type="dxa")

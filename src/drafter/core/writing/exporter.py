"""Report → .docx laid out per GB/T 9704-2012, driven by templates/layout/gbt9704.json.

python-docx gives the package (parts, footers, settings); the body is written as raw
WordprocessingML (core/writing/docx_xml.py) so that every run carries its font in all four slots,
every paragraph its exact line pitch, and the page its line grid. The order of the
document: optional 版头, title, 主送机关, opening and body (headings numbered by
Report.blocks()), 结语, 附件说明, 落款 (with or without 印章), 附注, optional 版记 on the last
page; page numbers "— n —" in odd/even footers. Written atomically.

Sections and areas with nothing written are left out (core.export_outline), every blank
left is highlighted (core.docx_xml.add_text); the 落款 is chained to the last body lines
(core.closing) and the 版记 anchored to the bottom of an even last page
(core.record_block); styles, settings and properties are in core.docx_styles.
"""

from __future__ import annotations

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
from drafter.core.writing.closing import format_date, write_closing, write_signature
from drafter.core.writing.docx_styles import (
    clean_package,
    write_properties,
    write_settings,
    write_styles,
)
from drafter.core.writing.docx_xml import (
    Border,
    RunStyle,
    W,
    add_paragraph,
    add_text,
    fill_section,
    page_number_runs,
)
from drafter.core.writing.export_outline import printable
from drafter.core.writing.export_review import mark_name
from drafter.core.writing.layout import Layout
from drafter.core.writing.record_block import write_record
from drafter.core.writing.title_lines import split_title

__all__ = ["ExportOptions", "build_docx", "export_docx", "format_date"]


@dataclass
class ExportOptions:
    header: bool = False  # 版头: 发文机关标志, 发文字号, 签发人, red rule
    page_numbers: bool = True
    seal: bool = False  # 落款 laid out for a 印章
    record: bool = False  # 版记: 抄送, 印发机关, 印发日期
    font_set: str = "gb2312"  # "gb2312" | "common"
    bold_level3: bool = False


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

    def blank_lines(self, n: int, keep_next: bool = False) -> None:
        for _ in range(n):
            self.para("GwBody", mark=self.style("body"), keep_next=keep_next)

    # -- the parts -------------------------------------------------------------------------
    def build(self) -> bytes:
        write_styles(self.doc, self.lay)
        write_settings(self.doc)
        printed, self.omitted = printable(self.report)
        blocks = printed.blocks()
        total = len(blocks) + 2
        if self.opt.header:
            self._header()
        self._title()
        self._recipient()
        for i, b in enumerate(blocks, 1):
            self._block(b)
            if self.progress:
                self.progress(i, total)
        write_closing(self)
        last = write_signature(self)
        fill_section(self.final_sect, self.lay.page)
        if self.opt.record:
            write_record(self, last)
        if self.opt.page_numbers:
            self._footers()
        write_properties(self.doc, self.meta.title or "", self.meta.organ or "")
        clean_package(self.doc, self.lay)
        out = io.BytesIO()
        self.doc.save(out)
        if self.progress:
            self.progress(total, total)
        return out.getvalue()

    def _header(self) -> None:
        h = self.lay.header
        organ = mark_name(self.meta.organ) or blank("发文机关标志")
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
        add_text(p, organ, mark)
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
        add_text(p, f"\t{number}\t{h['signer_label']}", body)
        add_text(p, signer, kai)
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
        add_text(p, "\n".join(lines), self.style("title"))

    def _recipient(self) -> None:
        """主送机关; a formal report (with 版头) without one shows a blank in its place."""
        recipient = self.meta.recipient.strip().rstrip(":：")
        self.blank_lines(self.lay.elements["recipient"].get("blank_lines_before", 1))
        if not recipient and self.opt.header:
            recipient = blank("主送机关")
        if not recipient:
            return
        p = self.para("GwRecipient")
        add_text(p, recipient + "：", self.style("recipient"))

    def _block(self, b: Block) -> None:
        if b.kind == "heading":
            level = max(1, min(b.level, 4))
            el = self.lay.elements[f"heading{level}"]
            st = self.style(f"heading{level}", bold=self.opt.bold_level3 and level == 3)
            p = self.para(f"GwHeading{level}", first_line=el.get("first_line"), keep_next=True)
            add_text(p, b.number + b.text, st)
            return
        el = self.lay.elements["body"]
        p = self.para("GwBody", first_line=el.get("first_line"), align="both")
        if b.lead or b.number:
            level = max(1, min(b.level or 1, 4))
            st = self.style(f"heading{level}", bold=self.opt.bold_level3 and level == 3)
            add_text(p, b.number + b.lead, st)
        if b.text:
            add_text(p, b.text, self.style("body"))

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

"""What a clerk must know before an export goes to a leader: nothing unfinished unnoticed.

Every blank the exported document will still show (【填：…】, in the body or written by the
exporter for an empty title, 成文日期, 发文字号, 签发人, 主送机关, 印发日期 …), every figure
still from last year, and every section or area left out because nothing is written in it.
Each item names where it is, so the CLI can print it and the GUI can jump to it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.core.model.blanks import find_blanks
from drafter.core.model.model import Report
from drafter.core.writing.export_outline import Omitted, printable

# Metadata fields the export prints, with their name in the UI, and the options that print
# them (None: always).
_FIELDS = (
    ("title", "标题", None),
    ("recipient", "主送机关", "header"),
    ("closing", "结语", None),
    ("signature", "发文机关署名", None),
    ("date", "成文日期", None),
    ("note", "附注", None),
    ("organ", "发文机关标志", "header"),
    ("doc_number", "发文字号", "header"),
    ("signer", "签发人", "header"),
    ("cc", "抄送", "record"),
    ("printer", "印发机关", "record"),
    ("print_date", "印发日期", "record"),
)


_PLACE_ENDS = ("省", "市", "区", "县", "旗", "镇", "乡", "街道")


def mark_name(organ: str) -> str:
    """The 发文机关标志 for an organ name, or "" when the name is only a place ("静海区",
    read from a title): the 标志 is the organ's full name, which the clerk confirms."""
    organ = organ.strip()
    return "" if not organ or organ.endswith(_PLACE_ENDS) else organ


@dataclass(frozen=True)
class Spot:
    """One thing left to do: where (a field, or a section and paragraph) and what."""

    where: str  # "标题", "成文日期", "S1.G 第2段"
    what: str  # the blank's label, or the figure still from last year
    field: str = ""  # metadata field name, "" for a body paragraph
    section: str = ""  # S1…S5 (with area: "S1.G"), "" for the opening or metadata
    paragraph: str = ""  # the Paragraph id, to jump to it
    start: int | None = None  # the span in the paragraph's text (lead excluded)
    end: int | None = None
    indicator: str = ""  # (a check Finding's field: a Spot is never about an indicator)

    def describe(self) -> str:
        return self.where if self.what == self.where else f"{self.where}：{self.what}"


@dataclass
class ExportReview:
    blanks: list[Spot] = field(default_factory=list)
    stale: list[Spot] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)

    def warnings(self) -> list[str]:
        """One line each, for the CLI's stderr and the dialog's summary."""
        out = []
        if self.blanks:
            where = "、".join(dict.fromkeys(s.where for s in self.blanks))
            out.append(f"还有 {len(self.blanks)} 处“【填：…】”没有填写（{where}）")
        if self.stale:
            where = "、".join(dict.fromkeys(s.where for s in self.stale))
            out.append(f"还有 {len(self.stale)} 处数字仍是去年的（{where}）")
        if self.omitted:
            names = "、".join(o.describe() for o in self.omitted)
            out.append(f"{len(self.omitted)} 个没有内容的部分不导出：{names}")
        return out


def _field_value(meta, name: str) -> str:
    value = getattr(meta, name, "")
    if name == "signature":
        return (meta.signature or meta.organ).strip()
    if name == "printer":
        return (meta.printer or meta.organ).strip()
    if name == "print_date":
        return (meta.print_date or meta.date).strip()
    if name == "organ":
        return mark_name(meta.organ)
    return value.strip() if isinstance(value, str) else ""


def review(report: Report, header: bool = False, record: bool = False) -> ExportReview:
    """What the export of report with these options will leave unfinished."""
    out = ExportReview()
    meta = report.metadata
    on = {None: True, "header": header, "record": record}
    for name, label, option in _FIELDS:
        if not on[option]:
            continue
        value = _field_value(meta, name)
        if not value:
            if name not in ("closing", "note", "cc"):  # optional: nothing printed
                out.blanks.append(Spot(label, label, field=name))
            continue
        for _, _, blank_label in find_blanks(value):
            out.blanks.append(Spot(label, blank_label, field=name))
    printed, out.omitted = printable(report)
    counters: dict[str, int] = {}
    for b in printed.blocks():
        p = b.paragraph
        key = f"{b.section}.{b.area}" if b.area else b.section
        if p is None:  # a section's own heading
            for _, _, label in find_blanks(b.text):
                out.blanks.append(Spot(f"{key} 标题", label, section=key))
            continue
        counters[key] = counters.get(key, 0) + 1
        where = f"{key or '开头'} 第{counters[key]}段"
        for _, _, label in find_blanks(b.lead):
            out.blanks.append(Spot(where, label, section=key, paragraph=p.id))
        for start, end, label in find_blanks(b.text):
            out.blanks.append(Spot(where, label, "", key, p.id, start, end))
        for fig in p.stale_figures:
            at = b.text.find(fig) if fig else -1
            if at >= 0:
                out.stale.append(Spot(where, fig, "", key, p.id, at, at + len(fig)))
            elif fig and fig in b.lead:
                out.stale.append(Spot(where, fig, section=key, paragraph=p.id))
    return out

""".docx/.txt → Report: metadata, heading tree, section mapping, roll-forward.

:func:`import_file` is what `drafter import` and the GUI's "start from last year's report"
call; :func:`read_report` reads any draft / .docx / .txt as it is (checks, the phrase library
and the GUI use it to read files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.core.errors import DraftError, InputError
from drafter.core.model.model import Paragraph, Report, Section
from drafter.core.model.skeleton import skeleton_for_year
from drafter.core.reading.front_matter import split_metadata
from drafter.core.reading.line_split import split_run_together
from drafter.core.reading.mapping import (
    area_scores,
    best_area,
    heading_area_strength,
    is_generic_s1,
    map_heading,
    s3_content,
    section_by_wording,
)
from drafter.core.reading.outline import (
    Item,
    Node,
    build_outline,
    clean_line,
    heading_words,
    remove_debris,
)
from drafter.core.reading.source_read import (
    convert_with_libreoffice,
    read_text_file,
    text_paragraphs,
)

AREA_CONFIDENT = 4.0  # heading-wording score above which a heading names its own area
MIXED_AREAS = 3  # a heading whose parts fall in this many areas covers several (area None)


@dataclass
class MappedHeading:
    text: str
    level: int
    section: str
    area: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "level": self.level, "section": self.section, "area": self.area}


@dataclass
class ImportResult:
    report: Report
    headings: list[MappedHeading]
    debris: list[str]
    year_from: int
    year_to: int
    paragraphs: int
    notes: list[str] = field(default_factory=list)
    source: dict[str, Any] = field(default_factory=dict)  # the metadata as found in the source

    def to_json_dict(self) -> dict[str, Any]:
        """The `drafter import --json` document (DESIGN.md)."""
        return {
            "metadata": dict(self.source),
            "headings": [h.to_dict() for h in self.headings],
            "paragraphs": self.paragraphs,
            "year_from": self.year_from,
            "year_to": self.year_to,
            "debris": list(self.debris),
            "notes": list(self.notes),
        }


# ----- reading ------------------------------------------------------------------------


def source_paragraphs(path: Path) -> list[str]:
    """The paragraphs of a .docx or .txt file (unsupported formats raise InputError)."""
    from drafter.core.reading.source_read import (
        MAX_TEXT_BYTES,
        checked_size,
        refuse_unsupported,
        sniff,
    )

    name = str(path)
    try:
        if not path.exists():
            raise InputError(name, "文件不存在")
        if path.is_dir():
            raise InputError(name, "这是一个文件夹，不是报告文件")
    except OSError as exc:
        raise InputError(name, f"无法读取（{exc.strerror}）") from None
    checked_size(path, max(MAX_TEXT_BYTES, 64 << 20), "超出导入上限")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise InputError(name, f"无法读取（{exc.strerror}）") from None
    if not head:
        raise InputError(name, "文件是空的")
    refuse_unsupported(path, head)
    ext = path.suffix.lower()
    if ext in (".docx", ".docm", ".dotx", ".wpsx") or sniff(head) == "zip":
        from drafter.core.reading.docx_reader import docx_paragraphs

        return docx_paragraphs(path)
    if ext in (".txt", ".text", ".md", "") or sniff(head) == "text":
        return text_paragraphs(read_text_file(path), name)
    raise InputError(name, f"不支持 {ext} 文件，请导入 .docx 或 .txt")


# ----- building the report ---------------------------------------------------------------


@dataclass
class _Built:
    report: Report
    headings: list[MappedHeading]
    notes: list[str]


def _paragraphs_of(items: list[Item | Node]) -> list[Paragraph]:
    """Items (and flattened child nodes) as model paragraphs in document order."""
    out: list[Paragraph] = []
    for x in items:
        if isinstance(x, Node):
            out.extend(_node_as_paragraphs(x))
        elif x.level and x.runin:
            out.append(Paragraph(text=x.text, lead=x.heading, level=x.level))
        elif x.level:
            out.append(Paragraph(text=x.heading, kind="heading", level=x.level))
        else:
            out.append(Paragraph(text=x.text))
    return out


def _node_as_paragraphs(node: Node) -> list[Paragraph]:
    items = list(node.items)
    if node.runin and items and isinstance(items[0], Item) and not items[0].level:
        first = items.pop(0)
        head = [Paragraph(text=first.text, lead=node.heading, level=node.level)]
    else:
        head = [Paragraph(text=node.heading, kind="heading", level=node.level)]
    return head + _paragraphs_of(items)


def _section(node: Node, section: str, area: str | None, flatten: bool = True) -> Section:
    sec = Section(section=section, area=area, heading=node.heading, runin=node.runin)
    if flatten:
        sec.paragraphs = _paragraphs_of(node.items)
    else:
        sec.paragraphs = _paragraphs_of(node.own_items())
    return sec


class _Mapper:
    """Maps the outline's nodes onto sections, keeping a record of every heading's mapping."""

    def __init__(self, year: int):
        self.year = year
        self.headings: list[MappedHeading] = []

    def record(self, node: Node, section: str, area: str | None) -> None:
        self.headings.append(MappedHeading(heading_words(node.heading), node.level, section, area))

    def map_top(self, node: Node) -> tuple[str, str | None]:
        words = heading_words(node.heading)
        return map_heading(words, node.body_text(), self.year)

    def child_mapping(self, child: Node, parent_section: str) -> tuple[str, str | None]:
        words = heading_words(child.heading)
        sec = section_by_wording(words, self.year)
        if sec is None or (parent_section != "S1" and sec == "S1"):
            sec = parent_section
        if sec != "S1":
            return sec, None
        if is_generic_s1(words):
            return "S1", None
        return "S1", best_area(words, child.body_text())

    def top_section(self, node: Node) -> Section:
        """The model section for a top-level node; records the mapping of it and its children.

        - children in different sections ("主要工作措施及下一步计划") → a section per child;
        - an S1 heading naming no work area of its own ("工作成效") → area sections per child;
        - otherwise one section, its sub-headings kept as heading / run-in paragraphs.
        """
        sec, area = self.map_top(node)
        children = node.children
        child_maps = [self.child_mapping(c, sec) for c in children]
        spread = {s for s, _ in child_maps}
        if children and (len(spread) > 1 or (spread and sec not in spread)):
            # a heading whose parts belong to different sections ("措施及下一步计划"); it keeps
            # the section its own words name ("主要举措和成效" over a first part on S3 duties)
            sec = section_by_wording(heading_words(node.heading), self.year) or child_maps[0][0]
            self.record(node, sec, None)
            out = _section(node, sec, None, flatten=False)
            for c, (cs, ca) in zip(children, child_maps, strict=True):
                self.record(c, cs, ca)
                out.children.append(_section(c, cs, ca))
            return out
        if sec == "S1":
            words = heading_words(node.heading)
            own_area, strength = heading_area_strength(words)
            mixed = len({ca for _, ca in child_maps if ca}) >= MIXED_AREAS
            container = children and (
                is_generic_s1(words) or strength < AREA_CONFIDENT or own_area is None or mixed
            )
            if container:
                self.record(node, "S1", None)
                out = _section(node, "S1", None, flatten=False)
                for c, (_, ca) in zip(children, child_maps, strict=True):
                    self.record(c, "S1", ca)
                    out.children.append(_section(c, "S1", ca))
                return out
            if children and not is_generic_s1(words):
                # the sub-headings vote too ("加强组织保障，全面提高法治思维能力")
                scores = area_scores(words, node.body_text())
                for c in children:
                    for a, v in area_scores(heading_words(c.heading)).items():
                        scores[a] += 0.5 * v
                area = max(scores.items(), key=lambda kv: kv[1])[0]
            self.record(node, "S1", area)
            for c, (_, ca) in zip(children, child_maps, strict=True):
                self.record(c, "S1", ca)
            return _section(node, "S1", area)
        self.record(node, sec, area)
        for c, (cs, ca) in zip(children, child_maps, strict=True):
            self.record(c, cs, ca)
        return _section(node, sec, area)


_PLAN_START = re.compile(r"^(下一步|今后|新的一年|展望|下阶段|接下来)")


def _trailing_plans(report: Report, year: int) -> None:
    """Move closing paragraphs that announce next year's plans into an S4 without heading."""
    if any(s.section == "S4" for s in report.walk()) or not report.sections:
        return
    last = report.sections[-1]
    while last.children:
        last = last.children[-1]
    moved: list[Paragraph] = []
    while last.paragraphs:
        p = last.paragraphs[-1]
        t = p.text
        starts = _PLAN_START.match(t) or (year and t.startswith((f"{year + 1}年", "明年")))
        if p.kind != "body" or p.lead or not starts or "将" not in t[:40]:
            break
        moved.insert(0, last.paragraphs.pop())
    if moved:
        report.sections.append(Section(section="S4", heading="", paragraphs=moved))


def build_report(paragraphs: list[str]) -> tuple[_Built, list[str]]:
    """Report (as it is, no roll-forward) from a document's paragraphs; also the debris."""
    lines = split_run_together([clean_line(p) for p in paragraphs])
    lines, debris = remove_debris([x for x in lines if x])
    split = split_metadata(lines)
    meta = split.metadata
    outline = build_outline(split.body)
    mapper = _Mapper(meta.year)
    report = Report(metadata=meta, skeleton=skeleton_for_year(meta.year or 2021))
    report.opening = [Paragraph(text=t) for t in outline.opening]

    group: Section | None = None  # a heading-less S1 holding consecutive area sections
    for node in outline.nodes:
        made = mapper.top_section(node)
        if made.section == "S1" and (made.area or made.children):
            if group is None:
                group = Section(section="S1", heading="")
                report.sections.append(group)
            group.children.append(made)
            continue
        group = None
        report.sections.append(made)
    # a lone generic S1 ("一、工作成效") needs no heading-less wrapper
    for i, s in enumerate(report.sections):
        if s.section == "S1" and not s.heading and len(s.children) == 1:
            only = s.children[0]
            if only.area is None and only.children:
                report.sections[i] = only
    _trailing_plans(report, meta.year)
    notes = list(split.notes)
    if not outline.nodes:
        notes.append("未找到带编号的标题，全文作为正文导入")
    # S3 content standing inside another section
    for s in report.walk():
        if s.section == "S3":
            continue
        for p in s.paragraphs:
            if s3_content(p.lead + p.text):
                where = f"{s.section}.{s.area}" if s.area else s.section
                notes.append(
                    f"S3 内容位于 {where}「{heading_words(s.heading) or '（无标题）'}」中：{p.text[:24]}…"
                )
                break
    return _Built(report, mapper.headings, notes), debris


def count_body(report: Report) -> int:
    """Body paragraphs (run-in ones included), sub-headings not counted."""
    return sum(1 for p in report.paragraphs() if p.kind == "body")


def is_draft(p: Path) -> bool:
    """A draft file of this program (JSON), by name or by content."""
    try:
        if p.name.lower().endswith(".json"):
            return not p.is_dir()
        if not p.is_file():  # a FIFO or device would block the read below
            return False
        with p.open("rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def _draft_headings(report: Report) -> list[MappedHeading]:
    out: list[MappedHeading] = []

    def visit(sec: Section, depth: int) -> None:
        if sec.heading:
            out.append(MappedHeading(heading_words(sec.heading), depth, sec.section, sec.area))
        for child in sec.children:
            visit(child, depth + 1 if sec.heading else depth)

    for s in report.sections:
        visit(s, 1)
    return out


def import_file(
    path: str | Path, year: int | None = None, roll_forward: bool = True
) -> ImportResult:
    """Import last year's report from .docx/.txt (or a draft) and roll it forward.

    year=None → the source's report year + 1; year == the source's year → as it is;
    roll_forward=False → as it is, whatever year says.
    """
    from drafter.core.storage import load_draft_with_notes

    p = Path(path)
    report = None
    repaired: list[str] = []
    if is_draft(p):
        try:
            report, repaired = load_draft_with_notes(p)
        except DraftError:
            if p.name.lower().endswith(".json"):
                raise
    if report is not None:
        headings, debris, notes = _draft_headings(report), [], [f"已修复：{n}" for n in repaired]
    else:
        built, debris = build_report(source_paragraphs(p))
        report, headings, notes = built.report, built.headings, list(built.notes)
    src_meta = report.metadata
    source = {
        "title": src_meta.title,
        "recipient": src_meta.recipient,
        "doc_number": src_meta.doc_number,
        "signer": src_meta.signer,
        "organ": src_meta.organ,
        "date": src_meta.date,
        "year": src_meta.year,
        "organ_kind": src_meta.organ_kind,
        "signature": src_meta.signature,
        "closing": src_meta.closing,
    }
    year_from = src_meta.year
    if not roll_forward or not year_from:
        year_to = year_from or (year or 0)
    else:
        year_to = year or year_from + 1
    if year_from and year_to != year_from:
        from drafter.core.reading.rollforward import roll_forward as do_roll

        notes.extend(do_roll(report, year_to, source=p.name))
    elif year_to and not year_from:
        report.metadata.year = year_to
        report.skeleton = skeleton_for_year(year_to)
    return ImportResult(
        report=report,
        headings=headings,
        debris=debris,
        year_from=year_from,
        year_to=year_to,
        paragraphs=count_body(report),
        notes=notes,
        source=source,
    )


def read_report(path: str | Path) -> Report:
    """Any draft JSON / .docx / .txt as a Report, imported as it is (no roll-forward)."""
    return import_file(path, roll_forward=False).report


__all__ = [
    "ImportResult",
    "MappedHeading",
    "area_scores",
    "build_report",
    "convert_with_libreoffice",
    "import_file",
    "read_report",
]

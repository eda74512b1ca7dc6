"""Operations on a Report, one function per user action, each returning a Change.

Sections are named by Section.id, paragraphs by Paragraph.id; ``None`` as a section id means
the opening paragraphs (before 一、). An operation either changes the report and says what it
did, or raises EditError and changes nothing. Undo is not here: history.History snapshots the
report around each operation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields

from drafter.core.editing.change import Change, TextChange
from drafter.core.errors import EditError
from drafter.core.model.model import AREA_IDS, SECTION_IDS, Metadata, Paragraph, Report, Section
from drafter.core.model.skeleton import Skeleton, heading_for

OPENING = ""  # Change.sections' name for the opening paragraphs
_KEEP = object()  # "leave this field as it is"


# ----- finding things -------------------------------------------------------------------
def _section(report: Report, section_id: str) -> Section:
    found = next((s for s in report.walk() if s.id == section_id), None)
    if found is None:
        raise EditError(section_id, "报告中没有这个章节")
    return found


def _siblings(report: Report, section: Section) -> tuple[list[Section], Section | None]:
    """The list holding the section (report.sections or a parent's children) and the parent."""
    if any(s is section for s in report.sections):
        return report.sections, None
    for parent in report.walk():
        if any(c is section for c in parent.children):
            return parent.children, parent
    raise EditError(section.id, "报告中没有这个章节")


def _paragraphs(report: Report, section_id: str | None) -> list[Paragraph]:
    return report.opening if section_id is None else _section(report, section_id).paragraphs


def _locate(report: Report, paragraph_id: str) -> tuple[str | None, list[Paragraph], int]:
    """(section id or None for the opening, the list holding the paragraph, its index)."""
    for i, p in enumerate(report.opening):
        if p.id == paragraph_id:
            return None, report.opening, i
    for s in report.walk():
        for i, p in enumerate(s.paragraphs):
            if p.id == paragraph_id:
                return s.id, s.paragraphs, i
    raise EditError(paragraph_id, "报告中没有这个段落")


def section_name(section: Section) -> str:
    """How a label names a section: 工作领域 E, 章节 S3."""
    return f"工作领域 {section.area}" if section.area else f"章节 {section.section}"


def _sid(section_id: str | None) -> str:
    return OPENING if section_id is None else section_id


# ----- sections ---------------------------------------------------------------------------
def rename_section(report: Report, section_id: str, heading: str) -> Change:
    sec = _section(report, section_id)
    sec.heading = heading
    return Change(f"重命名{section_name(sec)}", structure=True, sections=(sec.id,))


def _order(skeleton: Skeleton, section: Section) -> int | None:
    keys = [n.key for n in skeleton.nodes()]
    return keys.index(section.key) if section.key in keys else None


def add_section(
    report: Report, skeleton: Skeleton, section: str, area: str | None = None, heading: str = ""
) -> Change:
    """Add the skeleton's section (S1…S5) or work area (section + area) where the skeleton
    puts it among the sections present, with the skeleton's heading unless one is given."""
    key = f"{section}.{area}" if area else section
    node = skeleton.node(key)
    if section not in SECTION_IDS or (area is not None and area not in AREA_IDS) or node is None:
        raise EditError(key, f"报告结构“{skeleton.name}”中没有这一部分")
    if report.find(key) is not None:
        raise EditError(key, "报告中已有这一部分")
    if area is None:
        siblings = report.sections
    else:
        parent = report.find(section)
        if parent is None:
            raise EditError(key, f"请先添加章节 {section}")
        siblings = parent.children
    new = Section(
        section=section, area=area, heading=heading or heading_for(node, report.metadata.year)
    )
    mine = _order(skeleton, new)
    index = next(
        (i for i, s in enumerate(siblings) if (o := _order(skeleton, s)) is not None and o > mine),
        len(siblings),
    )
    siblings.insert(index, new)
    return Change(f"添加{section_name(new)}", structure=True, sections=(new.id,))


def remove_section(report: Report, section_id: str) -> Change:
    sec = _section(report, section_id)
    siblings, _parent = _siblings(report, sec)
    siblings[:] = [s for s in siblings if s is not sec]
    return Change(f"删除{section_name(sec)}", structure=True, sections=(sec.id,))


def move_section(report: Report, section_id: str, index: int) -> Change:
    """Move a section to position ``index`` among its siblings (clamped to the list)."""
    sec = _section(report, section_id)
    siblings, _parent = _siblings(report, sec)
    siblings.remove(sec)
    siblings.insert(max(0, min(index, len(siblings))), sec)
    return Change(f"移动{section_name(sec)}", structure=True, sections=(sec.id,))


def sort_sections_by_rule(report: Report, skeleton: Skeleton) -> Change:
    """Put sections and work areas in the skeleton's order; ones it does not know keep
    their order after the ones it knows."""

    def sort(sections: list[Section]) -> None:
        known = sorted(
            (s for s in sections if _order(skeleton, s) is not None),
            key=lambda s: _order(skeleton, s),
        )
        sections[:] = known + [s for s in sections if _order(skeleton, s) is None]
        for s in sections:
            sort(s.children)

    sort(report.sections)
    return Change("按规定顺序排列章节", structure=True, sections=tuple(s.id for s in report.walk()))


# ----- paragraphs -------------------------------------------------------------------------
def move_paragraphs(
    report: Report, paragraph_ids: Sequence[str], target: str | None, index: int | None = None
) -> Change:
    """Move paragraphs (in the order given) into the target section (None: the opening), at
    ``index`` of what remains there (default: at the end). The Paragraph objects move whole:
    their ids and last year's text go with them."""
    if not paragraph_ids:
        raise EditError("段落", "没有要移动的段落")
    _paragraphs(report, target)  # the target exists
    for pid in paragraph_ids:  # every paragraph exists: nothing moves otherwise
        _locate(report, pid)
    if len(set(paragraph_ids)) != len(paragraph_ids):
        raise EditError("段落", "同一段落列了两次")
    moving, touched = [], []
    for pid in paragraph_ids:
        sid, holder, i = _locate(report, pid)
        moving.append(holder.pop(i))
        touched.append(_sid(sid))
    dest = _paragraphs(report, target)
    at = len(dest) if index is None else max(0, min(index, len(dest)))
    dest[at:at] = moving
    sections = tuple(dict.fromkeys([*touched, _sid(target)]))
    return Change("移动段落", structure=True, text=True, sections=sections)


def split_paragraph(report: Report, paragraph_id: str, offset: int) -> Change:
    """Split a paragraph's text at ``offset``: the second half becomes a new body paragraph
    right after it (last year's text stays with the first)."""
    sid, holder, i = _locate(report, paragraph_id)
    para = holder[i]
    if not 0 < offset < len(para.text):
        raise EditError(paragraph_id, f"拆分位置 {offset} 不在段落文字中间")
    before = para.text
    para.text, rest = before[:offset], before[offset:]
    new = Paragraph(text=rest)
    holder.insert(i + 1, new)
    texts = (
        TextChange(_sid(sid), para.id, before, para.text),
        TextChange(_sid(sid), new.id, "", rest),
    )
    return Change("拆分段落", text=True, sections=(_sid(sid),), texts=texts)


def merge_paragraphs(report: Report, paragraph_id: str) -> Change:
    """Join the next paragraph of the same section onto this one (the next one goes)."""
    sid, holder, i = _locate(report, paragraph_id)
    if i + 1 >= len(holder):
        raise EditError(paragraph_id, "这是本节最后一段，后面没有可合并的段落")
    para, nxt = holder[i], holder[i + 1]
    before = para.text
    para.text = before + nxt.text
    del holder[i + 1]
    texts = (
        TextChange(_sid(sid), para.id, before, para.text),
        TextChange(_sid(sid), nxt.id, nxt.text, ""),
    )
    return Change("合并段落", text=True, sections=(_sid(sid),), texts=texts)


def replace_span(
    report: Report, paragraph_id: str, start: int, end: int, new: str, expected: str | None = None
) -> Change:
    """Replace text[start:end] of a paragraph by ``new``; with ``expected``, only if the span
    still reads so (a finding computed on older text must not change the wrong words)."""
    sid, holder, i = _locate(report, paragraph_id)
    para = holder[i]
    if not 0 <= start <= end <= len(para.text):
        raise EditError(paragraph_id, f"位置 {start}–{end} 超出段落文字")
    if expected is not None and para.text[start:end] != expected:
        raise EditError(paragraph_id, f"段落已改动，原文“{expected}”不在原处")
    before = para.text
    para.text = before[:start] + new + before[end:]
    return Change(
        "修改文字",
        text=True,
        sections=(_sid(sid),),
        texts=(TextChange(_sid(sid), para.id, before, para.text),),
    )


def set_paragraphs(
    report: Report, section_id: str | None, paragraphs: Iterable[Paragraph]
) -> Change:
    """Replace a section's (None: the opening's) paragraphs: what the section editor commits.
    Consecutive calls on one section merge into one undo step."""
    holder = _paragraphs(report, section_id)
    old = {p.id: p.text for p in holder}
    holder[:] = list(paragraphs)
    sid = _sid(section_id)
    new_ids = {p.id for p in holder}
    texts = [
        TextChange(sid, p.id, old.get(p.id, ""), p.text) for p in holder if old.get(p.id) != p.text
    ]
    texts += [TextChange(sid, pid, text, "") for pid, text in old.items() if pid not in new_ids]
    where = "开头" if section_id is None else section_name(_section(report, section_id))
    return Change(
        f"编辑{where}正文",
        text=True,
        sections=(sid,),
        texts=tuple(texts),
        merge_key=("set_paragraphs", sid),
    )


# ----- metadata and indicators ------------------------------------------------------------
_METADATA_FIELDS = {f.name for f in fields(Metadata)}


def set_metadata(report: Report, **values) -> Change:
    """Set fields of the report's metadata (organ, title, date, attachments…)."""
    unknown = sorted(set(values) - _METADATA_FIELDS)
    if unknown:
        raise EditError("报告信息", f"没有这一项：{'、'.join(unknown)}")
    for name, value in values.items():
        setattr(report.metadata, name, list(value) if name == "attachments" else value)
    return Change("修改报告信息", metadata=True)


def set_indicator_state(
    report: Report, indicator_id: str, na_reason=_KEEP, figures=_KEEP
) -> Change:
    """Mark an indicator 不适用 (na_reason a string) or applicable again (None), and/or set
    the figures entered for it (name → value)."""
    existed = indicator_id in report.indicators
    state = report.indicator(indicator_id)
    if na_reason is not _KEEP:
        state.na_reason = na_reason
    if figures is not _KEEP:
        state.figures = dict(figures)
    if not existed and state.na_reason is None and not state.figures:
        del report.indicators[indicator_id]  # nothing said about it: leave no empty entry
    return Change(f"修改指标 {indicator_id}", indicators=True)

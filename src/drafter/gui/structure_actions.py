"""Buttons on the check page's structural findings, and what they do.

section-order → 按规定顺序排列; S3-inside → move the paragraphs about the 第一责任人 duties into
S3 (created when missing; also offered on S3-empty when such paragraphs sit elsewhere, as after
an import, which adds S3 empty) after showing which ones will move; a missing required section →
add it and go to it; an empty section → go to it. Each change is one undo step; the check is
run again afterwards so the finding that was dealt with goes away.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from drafter.core.editing import ops
from drafter.core.editing.change import Change
from drafter.core.model.model import Report
from drafter.core.model.skeleton import Skeleton
from drafter.core.reading.mapping import s3_content

_MISSING = re.compile(r"^(S[1-5])-missing$")
_EMPTY = re.compile(r"^(S[1-5])-empty$")
PREVIEW_CHARS = 40


def s3_paragraphs(report: Report) -> list[str]:
    """Ids of the paragraphs outside S3 (the opening included) that report on the 党政主要
    负责人's 第一责任人 duties: what the S3-inside finding is about."""
    ids = [p.id for p in report.opening if s3_content(p.lead + p.text)]
    for sec in report.walk():
        if sec.section != "S3":
            ids += [p.id for p in sec.paragraphs if s3_content(p.lead + p.text)]
    return ids


def move_to_s3(report: Report, skeleton: Skeleton, paragraph_ids: list[str]) -> Change:
    """One operation: add S3 if the report has none, then move the paragraphs to its end."""
    added = ()
    if report.find("S3") is None:
        added = ops.add_section(report, skeleton, "S3").sections
    target = report.find("S3")
    moved = ops.move_paragraphs(report, paragraph_ids, target.id)
    return Change(
        "把第一责任人履职情况移到 S3",
        structure=True,
        text=True,
        sections=tuple(dict.fromkeys(added + moved.sections)),
    )


class StructureActions(QObject):
    """What the check page asks for a finding (``label_for``) and does on its button (``run``)."""

    def __init__(self, window, structure_flow):
        super().__init__(window)
        self.window = window
        self.flow = structure_flow
        self.confirm_box: QMessageBox | None = None

    def label_for(self, finding) -> str | None:
        w = self.window
        if w.report is None:
            return None
        code = finding.code
        if code == "section-order":
            return "按规定顺序排列" if w.skeleton is not None else None
        if code == "S3-inside":
            return "移到 S3…" if w.skeleton is not None and s3_paragraphs(w.report) else None
        if m := _MISSING.match(code):
            if w.skeleton is None or w.skeleton.node(m.group(1)) is None:
                return None
            return "转到该节" if w.report.find(m.group(1)) else "添加并转到"
        if m := _EMPTY.match(code):
            if m.group(1) == "S3" and w.skeleton is not None and s3_paragraphs(w.report):
                return "移入相关段落…"  # S3 stands empty while its content sits elsewhere
            return "转到该节" if w.report.find(m.group(1)) else None
        return None

    def run(self, finding) -> None:
        w = self.window
        if w.report is None or self.label_for(finding) is None:
            return
        code = finding.code
        if code == "section-order":
            if self.flow.apply(lambda r: ops.sort_sections_by_rule(r, w.skeleton)):
                w.run_check()
        elif code == "S3-inside" or (code == "S3-empty" and s3_paragraphs(w.report)):
            self.ask_move_to_s3()
        elif m := (_MISSING.match(code) or _EMPTY.match(code)):
            existing = w.report.find(m.group(1))
            if existing is not None:
                w.show_page(existing.id)
            else:
                self.flow.add_part(m.group(1))

    def ask_move_to_s3(self) -> QMessageBox:
        """Show the paragraphs that will move; 移动 moves them (one undo step)."""
        w = self.window
        w.commit()
        ids = s3_paragraphs(w.report)
        lines = []
        for pid in ids:
            section, para = w.report.find_paragraph(pid)
            where = section.key if section is not None else "开头段落"
            text = para.lead + para.text
            more = "…" if len(text) > PREVIEW_CHARS else ""
            lines.append(f"【{where}】{text[:PREVIEW_CHARS]}{more}")
        create = "" if w.report.find("S3") else "报告还没有 S3，将按规定位置新建一节。"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "移到 S3",
            f"以下 {len(ids)} 个段落写的是党政主要负责人履行第一责任人职责情况，将移到 S3"
            f"「党政主要负责人履行推进法治建设第一责任人职责情况」的末尾。{create}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            w,
        )
        box.setObjectName("moveToS3Box")
        box.setInformativeText("\n\n".join(lines))
        box.button(QMessageBox.StandardButton.Yes).setText("移动")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.accepted.connect(lambda: self._move_to_s3(ids))
        self.confirm_box = box
        box.open()
        return box

    def _move_to_s3(self, ids: list[str]) -> None:
        w = self.window
        if self.flow.apply(lambda r: move_to_s3(r, w.skeleton, ids)):
            w.statusBar().showMessage(f"已把 {len(ids)} 个段落移到 S3（Ctrl+Z 撤销）", 8000)
            w.run_check()

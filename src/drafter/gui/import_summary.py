"""What the importer understood of last year's report: headings → sections, debris, figures."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import Skeleton, heading_for
from drafter.gui.uiload import child, embed_ui


def stale_figure_count(report: Report) -> int:
    return sum(len(p.stale_figures) for p in report.paragraphs())


def mapped_label(section: str, area: str | None, skeleton: Skeleton | None) -> str:
    key = f"{section}.{area}" if area else section
    node = skeleton.node(key) if skeleton else None
    return f"{key}  {node.title}" if node else key


def complete_sections(report: Report, skeleton: Skeleton | None) -> list[str]:
    """Add an empty section for every skeleton section (S1…S5) the report lacks, in order,
    so the clerk can walk and write it; returns the ids added."""
    if skeleton is None:
        return []
    added = []
    order = [n.id for n in skeleton.sections]
    present = {s.section for s in report.sections}
    for node in skeleton.sections:
        if node.id in present:
            continue
        sec = Section(section=node.id, heading=heading_for(node, report.metadata.year or 0))
        rank = order.index(node.id)
        pos = len(report.sections)
        for i, s in enumerate(report.sections):
            if s.section in order and order.index(s.section) > rank:
                pos = i
                break
        report.sections.insert(pos, sec)
        added.append(node.id)
    return added


class ImportSummary(QDialog):
    """Shows an ImportResult; accepting it starts the new year's draft from it."""

    def __init__(
        self,
        result,
        skeleton: Skeleton | None,
        source: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.form = embed_ui("import_summary", self)
        self.result = result
        meta = result.report.metadata
        figures = stale_figure_count(result.report)
        years = (
            f"{result.year_from} 年度 → {result.year_to} 年度（年份已顺延）"
            if result.year_from and result.year_to != result.year_from
            else f"{result.year_to or '未识别'} 年度"
        )
        self.summary = child(self.form, QLabel, "summaryLabel")
        self.summary.setText(
            f"<b>{source}</b><br>机关：{meta.organ or '未识别'}　　{years}<br>"
            f"正文 {result.paragraphs} 段，其中 <b>{figures}</b> 处数字仍是去年的，"
            "在编辑区以黄色标出，请逐一更新。"
        )
        self.heading_tree = child(self.form, QTreeWidget, "headingTree")
        for h in result.headings:
            item = QTreeWidgetItem(
                self.heading_tree,
                ["　" * (h.level - 1) + h.text, mapped_label(h.section, h.area, skeleton)],
            )
            item.setToolTip(0, h.text)
        self.heading_tree.resizeColumnToContents(1)
        self.heading_tree.setColumnWidth(0, 380)
        self.debris_list = child(self.form, QListWidget, "debrisList")
        for line in result.debris:
            self.debris_list.addItem(line)
        if not result.debris:
            self.debris_list.addItem("（没有发现网页杂项）")
            self.debris_list.setMaximumHeight(self.debris_list.sizeHintForRow(0) + 8)
        notes = child(self.form, QLabel, "notesLabel")
        notes.setText("<br>".join(result.notes))
        buttons = child(self.form, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始撰写新年度报告")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

"""The skeleton navigator: report info, every section and work area with its status, the check page."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import Skeleton
from drafter.gui.page_ids import CHECK, META, OPENING
from drafter.gui.status import COLOURS, LABELS, MARKS

ROLE = Qt.ItemDataRole.UserRole


def section_label(section: Section, skeleton: Skeleton | None) -> str:
    node = skeleton.node(section.key) if skeleton else None
    if node is not None:
        return node.title
    return section.heading or section.key


class Navigator(QTreeWidget):
    """Emits ``pageRequested(page)``: "meta", "opening", "check", or a Section.id."""

    pageRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setMinimumWidth(230)
        self.setWordWrap(True)
        self.items: dict[str, QTreeWidgetItem] = {}
        self.order: list[str] = []  # section ids in reading order
        self.currentItemChanged.connect(self._current_changed)

    def set_report(self, report: Report, skeleton: Skeleton | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.items.clear()
        self.order.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        meta = QTreeWidgetItem(self, ["报告信息"])
        meta.setData(0, ROLE, META)
        meta.setFont(0, bold)
        self.items[META] = meta
        opening = QTreeWidgetItem(self, ["开头段落"])
        opening.setData(0, ROLE, OPENING)
        self.items[OPENING] = opening

        def add(parent, sec: Section) -> None:
            item = QTreeWidgetItem(parent, [section_label(sec, skeleton)])
            item.setData(0, ROLE, sec.id)
            item.setToolTip(0, sec.heading or section_label(sec, skeleton))
            self.items[sec.id] = item
            self.order.append(sec.id)
            for child in sec.children:
                add(item, child)

        for sec in report.sections:
            add(self, sec)
        check = QTreeWidgetItem(self, ["检查结果"])
        check.setData(0, ROLE, CHECK)
        check.setFont(0, bold)
        self.items[CHECK] = check
        self.expandAll()
        self.blockSignals(False)

    def set_status(self, section_id: str, status: str) -> None:
        item = self.items.get(section_id)
        if item is None:
            return
        base = (
            item.text(0).split(" ", 1)[-1] if item.text(0)[:1] in MARKS.values() else item.text(0)
        )
        item.setText(0, f"{MARKS[status]} {base}")
        item.setForeground(0, QColor(COLOURS[status]) if status != "done" else QColor("#222"))
        item.setData(0, ROLE + 1, status)
        item.setToolTip(0, f"{base}（{LABELS[status]}）")

    def set_check_summary(self, errors: int, warnings: int) -> None:
        """Show the last check's counts beside 检查结果."""
        item = self.items.get(CHECK)
        if item is not None:
            item.setText(0, f"检查结果（错误 {errors}，提醒 {warnings}）")
            item.setForeground(0, QColor("#c0392b") if errors else QColor("#222"))

    def status_of(self, section_id: str) -> str | None:
        item = self.items.get(section_id)
        return item.data(0, ROLE + 1) if item is not None else None

    def select(self, page: str) -> None:
        item = self.items.get(page)
        if item is not None and item is not self.currentItem():
            self.setCurrentItem(item)

    def neighbour(self, section_id: str, step: int) -> str | None:
        if section_id not in self.order:
            return self.order[0] if self.order and step > 0 else None
        i = self.order.index(section_id) + step
        return self.order[i] if 0 <= i < len(self.order) else None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous) -> None:
        if current is not None:
            self.pageRequested.emit(current.data(0, ROLE))

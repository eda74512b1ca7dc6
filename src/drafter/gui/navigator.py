"""The skeleton navigator: report info, every section and work area with its status, the check page.

Sections and work areas can be dragged within their level; the drop is not done by the tree
itself but asked for (``moveRequested``), and the tree is rebuilt from the report after it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QDropEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

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
    moveRequested = Signal(str, int)  # section id, its index among its siblings after the move
    addRequested = Signal()  # Insert: the 添加 menu

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        self.setIndentation(14)
        self.setMinimumWidth(230)
        self.setWordWrap(True)
        self.keyboard_driven = False  # the current item is moving by a key press
        self.items: dict[str, QTreeWidgetItem] = {}
        self.order: list[str] = []  # section ids in reading order
        self.currentItemChanged.connect(self._current_changed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)

    def set_report(self, report: Report, skeleton: Skeleton | None) -> None:
        self.blockSignals(True)
        self.clear()
        self.items.clear()
        self.order.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        fixed = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled  # no drag, no drop
        meta = QTreeWidgetItem(self, ["报告信息"])
        meta.setFlags(fixed)
        meta.setData(0, ROLE, META)
        meta.setFont(0, bold)
        self.items[META] = meta
        opening = QTreeWidgetItem(self, ["开头段落"])
        opening.setFlags(fixed)
        opening.setData(0, ROLE, OPENING)
        self.items[OPENING] = opening

        def add(parent, sec: Section) -> None:
            item = QTreeWidgetItem(parent, [section_label(sec, skeleton)])
            item.setData(0, ROLE, sec.id)
            item.setFlags(fixed | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
            item.setToolTip(0, sec.heading or section_label(sec, skeleton))
            self.items[sec.id] = item
            self.order.append(sec.id)
            for child in sec.children:
                add(item, child)

        for sec in report.sections:
            add(self, sec)
        check = QTreeWidgetItem(self, ["检查结果"])
        check.setFlags(fixed)
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

    # ----- editing keys and drag and drop --------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Insert:
            self.addRequested.emit()
            return
        self.keyboard_driven = True
        try:
            super().keyPressEvent(event)
        finally:
            self.keyboard_driven = False

    def drop_target(self, dragged: QTreeWidgetItem, target: QTreeWidgetItem | None, below: bool):
        """(section id, index among its siblings after the move) for dropping ``dragged``
        above (or ``below``) ``target``; None unless both are sections of one level."""
        sid = dragged.data(0, ROLE)
        if target is None or target is dragged or sid not in self.order:
            return None
        if target.data(0, ROLE) not in self.order or target.parent() is not dragged.parent():
            return None
        parent = dragged.parent()
        count = parent.childCount() if parent else self.topLevelItemCount()
        siblings = [
            it
            for it in (parent.child(i) if parent else self.topLevelItem(i) for i in range(count))
            if it.data(0, ROLE) in self.order
        ]
        siblings.remove(dragged)
        return sid, siblings.index(target) + (1 if below else 0)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        dragged = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        below = position == QAbstractItemView.DropIndicatorPosition.BelowItem
        if position == QAbstractItemView.DropIndicatorPosition.OnItem and target is not None:
            rect = self.visualItemRect(target)
            below = event.position().toPoint().y() > rect.center().y()
        found = self.drop_target(dragged, target, below) if dragged is not None else None
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.ignore()  # the tree is rebuilt from the report, never rearranged by Qt
        if found is not None:
            self.moveRequested.emit(*found)

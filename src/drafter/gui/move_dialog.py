"""移到…: the short list of the report's sections to move the selected paragraphs into."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import Skeleton
from drafter.gui.navigator import OPENING, section_label

ROLE = Qt.ItemDataRole.UserRole


def target_rows(report: Report, skeleton: Skeleton | None) -> list[tuple[str, str]]:
    """(page id, label) for every place paragraphs can go: the opening, then each section
    and work area in reading order, areas indented under their section."""
    rows = [(OPENING, "开头段落")]

    def add(sec: Section, depth: int) -> None:
        rows.append((sec.id, "　" * depth + f"{sec.key}  {section_label(sec, skeleton)}"))
        for child in sec.children:
            add(child, depth + 1)

    for sec in report.sections:
        add(sec, 0)
    return rows


class MoveDialog(QDialog):
    """Pick the section the paragraphs go to; :meth:`target` is its page id (OPENING for
    the opening paragraphs). The section they come from is listed but cannot be picked."""

    def __init__(
        self,
        report: Report,
        skeleton: Skeleton | None,
        count: int,
        source: str,
        parent=None,
    ):
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle("移到其他章节")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"把选中的 {count} 个段落移到（放在该节末尾）："))
        self.list = QListWidget(self)
        self.list.setObjectName("moveTargets")
        for page, label in target_rows(report, skeleton):
            item = QListWidgetItem(label, self.list)
            item.setData(ROLE, page)
            if page == source:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setText(f"{label}（当前）")
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("移动")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.list.currentItemChanged.connect(
            lambda item, _prev: self.ok_button.setEnabled(
                item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
            )
        )
        self.list.itemDoubleClicked.connect(lambda _item: self.ok_button.click())
        layout.addWidget(buttons)
        self.resize(620, 440)

    def choose(self, page: str) -> bool:
        """Make the row of ``page`` the current one (False if it is not offered)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ROLE) == page and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentItem(item)
                return True
        return False

    def target(self) -> str | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return item.data(ROLE)

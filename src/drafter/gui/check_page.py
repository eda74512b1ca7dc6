"""The check page: every finding of core.checks grouped by section and severity; a click
on one asks the main window to jump to its paragraph."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafter.core.skeleton import Skeleton
from drafter.gui.uiload import child, load_ui

ROLE = Qt.ItemDataRole.UserRole
SEVERITY_LABELS = {"error": "错误", "warning": "提醒", "info": "提示"}
SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#b07800", "info": "#3c6e9f"}
WHOLE = "全文"


class CheckPage(QWidget):
    """Shows a CheckResult; emits ``jumpRequested(finding)`` when a finding is clicked."""

    jumpRequested = Signal(object)  # core.checks.finding.Finding
    runRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = load_ui("check_page", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.tree = child(self.form, QTreeWidget, "findingTree")
        self.summary = child(self.form, QLabel, "summaryLabel")
        self.tree.setColumnWidth(0, 520)
        child(self.form, QPushButton, "runButton").clicked.connect(self.runRequested)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.summary.setText("按 F5 检查整份报告：必备章节、指标、数字、去年遗留文字和写法规范。")

    def show_running(self) -> None:
        self.summary.setText("正在检查……")

    def show_result(self, result, skeleton: Skeleton | None) -> None:
        """Show a core.checks CheckResult (findings grouped by section, then severity)."""
        self.tree.clear()
        counts = {s: result.count(s) for s in SEVERITY_LABELS}
        if not result.findings:
            self.summary.setText("没有发现问题。")
        else:
            parts = [f"{SEVERITY_LABELS[s]} {n} 项" for s, n in counts.items() if n]
            self.summary.setText("共发现：" + "，".join(parts) + "。错误须改正后再报送。")
        groups: dict[str, list] = {}
        for f in result.findings:
            groups.setdefault(f.section or WHOLE, []).append(f)
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for key in sorted(groups, key=lambda k: (k == WHOLE, k)):
            node = skeleton.node(key) if skeleton and key != WHOLE else None
            title = f"{key}  {node.title}" if node else key
            top = QTreeWidgetItem(self.tree, [f"{title}（{len(groups[key])}）"])
            top.setFont(0, bold)
            top.setFirstColumnSpanned(True)
            for severity, label in SEVERITY_LABELS.items():
                items = [f for f in groups[key] if f.severity == severity]
                if not items:
                    continue
                sev = QTreeWidgetItem(top, [f"{label}（{len(items)}）"])
                sev.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[severity])))
                sev.setFirstColumnSpanned(True)
                for f in items:
                    item = QTreeWidgetItem(sev, [f.message, f.hint])
                    item.setData(0, ROLE, f)
                    item.setToolTip(0, f.message)
                    item.setToolTip(1, f.hint)
        self.tree.expandAll()

    def finding_items(self) -> list[QTreeWidgetItem]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                sev = top.child(j)
                out.extend(sev.child(k) for k in range(sev.childCount()))
        return out

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, ROLE)
        if finding is not None:
            self.jumpRequested.emit(finding)

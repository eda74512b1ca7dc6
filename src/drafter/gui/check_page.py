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
    QWidget,
)

from drafter.core.model.skeleton import Skeleton
from drafter.gui.uiload import child, embed_ui

ROLE = Qt.ItemDataRole.UserRole
SEVERITY_LABELS = {"error": "错误", "warning": "提醒", "info": "提示"}
SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#b07800", "info": "#3c6e9f"}
WHOLE = "全文"
GROUP_OVER = 3  # more findings of one kind than this in a section are folded together


class CheckPage(QWidget):
    """Shows a CheckResult; emits ``jumpRequested(finding)`` when a finding is clicked."""

    jumpRequested = Signal(object)  # core.checks.finding.Finding
    runRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = embed_ui("check_page", self)
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
            advice = (
                "错误须改正后再报送。"
                if counts.get("error")
                else "没有错误，可以报送；提醒请酌情处理。"
            )
            self.summary.setText("共发现：" + "，".join(parts) + "。" + advice)
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
                by_code: dict[str, list] = {}
                for f in items:
                    by_code.setdefault(f.code, []).append(f)
                for same in by_code.values():
                    parent = sev
                    if len(same) > GROUP_OVER:
                        parent = QTreeWidgetItem(
                            sev, [f"{same[0].hint or same[0].message}（{len(same)} 处）"]
                        )
                        parent.setFirstColumnSpanned(True)
                        parent.setData(0, ROLE + 1, "group")
                    for f in same:
                        item = QTreeWidgetItem(parent, [f.message, f.hint])
                        item.setData(0, ROLE, f)
                        item.setToolTip(0, f.message)
                        item.setToolTip(1, f.hint)
        self.tree.expandAll()
        for item in self._walk():  # long runs of one kind of finding start folded
            if item.data(0, ROLE + 1) == "group":
                item.setExpanded(False)

    def _walk(self) -> list[QTreeWidgetItem]:
        out = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[0:0] = [item.child(k) for k in range(item.childCount())]
        return out

    def finding_items(self) -> list[QTreeWidgetItem]:
        """The rows that stand for one finding each, in display order."""
        return [item for item in self._walk() if item.data(0, ROLE) is not None]

    def _clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        finding = item.data(0, ROLE)
        if finding is not None:
            self.jumpRequested.emit(finding)

"""The check page: every finding of core.checks grouped by section and severity; a click
on one asks the main window to jump to its paragraph. A finding that carries its repair has
a 修正 button, a folded group of them 全部修正（N 处）, and the bar above the list fixes one
kind across the whole report; each asks (``fixRequested``) for the before/after view first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from drafter.core.fixing import plan
from drafter.core.model.skeleton import Skeleton
from drafter.gui.uiload import child, embed_ui

ROLE = Qt.ItemDataRole.UserRole
SEVERITY_LABELS = {"error": "错误", "warning": "提醒", "info": "提示"}
SEVERITY_COLOURS = {"error": "#c0392b", "warning": "#b07800", "info": "#3c6e9f"}
WHOLE = "全文"
GROUP_OVER = 3  # more findings of one kind than this in a section are folded together
FIX_COLUMN = 2
# What the fix buttons call each kind of finding that can be fixed.
FIX_NAMES = {
    "halfwidth-punct": "半角标点",
    "halfwidth-bracket": "半角括号",
    "stray-space": "多余空格",
    "doc-number-bracket": "发文字号",
    "doc-number-di": "发文字号",
    "doc-number-zero": "发文字号",
    "doc-number-space": "发文字号",
    "repeated-words": "重复词语",
    "date-zero-padding": "日期补零",
    "year-range-hyphen": "年份起止",
}


def places(findings) -> int:
    """How many places fixing these findings changes."""
    return sum(plan(findings).counts().values())


class CheckPage(QWidget):
    """Shows a CheckResult; emits ``jumpRequested(finding)`` when a finding is clicked."""

    jumpRequested = Signal(object)  # core.checks.finding.Finding
    runRequested = Signal()
    fixRequested = Signal(object, str)  # findings to fix, what the preview calls them
    actionRequested = Signal(object)  # the button of a structural finding was pressed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = embed_ui("check_page", self)
        self.tree = child(self.form, QTreeWidget, "findingTree")
        self.summary = child(self.form, QLabel, "summaryLabel")
        self.tree.setColumnWidth(0, 520)
        self.tree.setColumnWidth(1, 300)
        # the hint column takes what is left, so the button column stays in view at the right
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FIX_COLUMN, QHeaderView.ResizeMode.Fixed)
        self._button_width = 0
        self.fix_bar = child(self.form, QWidget, "fixBar")
        self.fix_bar.hide()
        self.fix_buttons: dict[str, QPushButton] = {}  # code -> its 全部修正 button in the bar
        # finding → text of its action button (structural findings), or None: set by whoever
        # can act on findings
        self.action_for: Callable[[object], str | None] = lambda _finding: None
        child(self.form, QPushButton, "runButton").clicked.connect(self.runRequested)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.itemActivated.connect(self._clicked)
        self.summary.setText("按 F5 检查整份报告：必备章节、指标、数字、去年遗留文字和写法规范。")

    def show_running(self) -> None:
        self.summary.setText("正在检查……")

    def show_result(self, result, skeleton: Skeleton | None) -> None:
        """Show a core.checks CheckResult (findings grouped by section, then severity)."""
        self.tree.clear()
        self._button_width = 0  # the widest 修正 / action button shown, for its column
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
                        parent.setData(0, ROLE + 1, "group")
                        fixable = [f for f in same if f.fixable]
                        if fixable:
                            n = places(fixable)
                            self._fix_button(parent, f"全部修正（{n} 处）", fixable, same[0].code)
                        else:
                            parent.setFirstColumnSpanned(True)
                    for f in same:
                        item = QTreeWidgetItem(parent, [f.message, f.hint])
                        item.setData(0, ROLE, f)
                        item.setToolTip(0, f.message)
                        item.setToolTip(1, f.hint)
                        if f.fixable:
                            self._fix_button(item, "修正", [f], f.code)
                        else:
                            self._add_button(item, f)
        self._fill_fix_bar(result.findings)
        if self._button_width:  # the button column as wide as its widest button, never clipped
            self.tree.setColumnWidth(FIX_COLUMN, self._button_width + 4)
        self.tree.expandAll()
        for item in self._walk():  # long runs of one kind of finding start folded
            if item.data(0, ROLE + 1) == "group":
                item.setExpanded(False)

    def _fix_button(self, item: QTreeWidgetItem, text: str, findings: list, code: str) -> None:
        button = QPushButton(text)
        self._button_width = max(self._button_width, button.sizeHint().width())
        button.setToolTip("先显示修正前后的对照，确认后修正；可撤销。")
        name = FIX_NAMES.get(code, code)
        button.clicked.connect(lambda: self.fixRequested.emit(findings, f"修正{name}"))
        self.tree.setItemWidget(item, FIX_COLUMN, button)

    def _add_button(self, item: QTreeWidgetItem, finding) -> None:
        label = self.action_for(finding)
        if not label:
            return
        button = QPushButton(label)
        self._button_width = max(self._button_width, button.sizeHint().width())
        button.setObjectName("findingAction")
        button.clicked.connect(lambda _=False, f=finding: self.actionRequested.emit(f))
        self.tree.setItemWidget(item, FIX_COLUMN, button)

    def action_buttons(self) -> list[tuple[object, QPushButton]]:
        """(finding, its button) for every finding shown with a structural action."""
        out = []
        for item in self.finding_items():
            button = self.tree.itemWidget(item, FIX_COLUMN)
            if button is not None and button.objectName() == "findingAction":
                out.append((item.data(0, ROLE), button))
        return out

    def _fill_fix_bar(self, findings: list) -> None:
        """One 全部修正 button per kind of fixable finding, over the whole report."""
        layout: QHBoxLayout = self.fix_bar.layout()
        for button in self.fix_buttons.values():
            layout.removeWidget(button)
            button.deleteLater()
        self.fix_buttons = {}
        by_code: dict[str, list] = {}
        for f in findings:
            if f.fixable:
                by_code.setdefault(f.code, []).append(f)
        for code, same in by_code.items():
            name = FIX_NAMES.get(code, code)
            button = QPushButton(f"全部修正{name}（{places(same)} 处）", self.fix_bar)
            button.setObjectName(f"fixAll_{code}")
            button.setToolTip(f"全部修正：{name}。先显示修正前后的对照。")
            button.clicked.connect(
                lambda _=False, fs=same, nm=name: self.fixRequested.emit(fs, f"全部修正{nm}")
            )
            layout.addWidget(button)
            self.fix_buttons[code] = button
        self.fix_bar.setVisible(bool(by_code))

    def item_fix_button(self, item: QTreeWidgetItem) -> QPushButton | None:
        widget = self.tree.itemWidget(item, FIX_COLUMN)
        return widget if isinstance(widget, QPushButton) else None

    def group_items(self, code: str) -> list[QTreeWidgetItem]:
        """The folded group rows holding findings of this code."""
        return [
            item
            for item in self._walk()
            if item.data(0, ROLE + 1) == "group"
            and item.childCount()
            and item.child(0).data(0, ROLE).code == code
        ]

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

"""The section's indicators, ticking live as the text covers them.

Each indicator has its figure fields (the blanks of its standard sentence), a 不适用 mark with
a reason, and 插入标准句 (the standard sentence with the figures filled in, the rest blanks).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drafter.core.model.indicators import Detection, load_catalog
from drafter.core.model.model import Report

PRESENT_FG, MISSING_FG, OPTIONAL_FG, NA_FG = "#2e7d32", "#c0392b", "#777777", "#777777"


@cache
def _sentence_ids() -> frozenset[str]:
    from drafter.core.library.templating import sentence_ids

    return frozenset(sentence_ids())


class IndicatorRow(QFrame):
    """One indicator: tick, name, figure fields, 不适用 + reason, 插入标准句."""

    changed = Signal()
    insertRequested = Signal(str)

    def __init__(self, report: Report, indicator_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"indicator_{indicator_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.report = report
        self.id = indicator_id
        ind = load_catalog()[indicator_id]
        self.required = ind.required_for(report.metadata.organ_kind)
        self.state = report.indicator(indicator_id)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        self.tick = QLabel()
        self.tick.setWordWrap(True)
        self.name = ind.name
        layout.addWidget(self.tick)

        from drafter.core.library.templating import sentence_fields, standard_sentence

        self.fields: dict[str, QLineEdit] = {}
        has_sentence = indicator_id in _sentence_ids()
        names = sentence_fields(indicator_id) if has_sentence else []
        if names:
            grid = QGridLayout()
            grid.setContentsMargins(0, 0, 0, 0)
            for i, name in enumerate(names):
                edit = QLineEdit(self.state.figures.get(name, ""))
                edit.setObjectName(f"figure_{name}")
                edit.setPlaceholderText("数字")
                edit.textEdited.connect(lambda text, n=name: self._figure(n, text))
                grid.addWidget(QLabel(name), i // 2, (i % 2) * 2)
                grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
                self.fields[name] = edit
            layout.addLayout(grid)

        row = QHBoxLayout()
        self.na_check = QCheckBox("不适用")
        self.na_check.setChecked(self.state.not_applicable)
        self.reason_edit = QLineEdit(self.state.na_reason or "")
        self.reason_edit.setPlaceholderText("理由，如：本单位无行政复议职能")
        self.reason_edit.setEnabled(self.state.not_applicable)
        self.insert_button = QPushButton("插入标准句")
        self.insert_button.setEnabled(has_sentence)
        row.addWidget(self.na_check)
        row.addWidget(self.reason_edit, 1)
        row.addWidget(self.insert_button)
        layout.addLayout(row)
        self.na_check.toggled.connect(self._na_toggled)
        self.reason_edit.textEdited.connect(self._reason)
        self.insert_button.clicked.connect(
            lambda: self.insertRequested.emit(standard_sentence(self.id, self.filled()))
        )
        self.detection: Detection | None = None
        self.show_detection(None)

    def filled(self) -> dict[str, str]:
        return {k: v for k, v in self.state.figures.items() if v.strip()}

    def show_detection(self, detection: Detection | None) -> None:
        self.detection = detection
        if self.state.not_applicable:
            mark, colour, note = "—", NA_FG, "不适用"
        elif detection is not None and detection.present:
            figs = "、".join(dict.fromkeys(f.text for f in detection.figures))
            mark, colour = "✓", PRESENT_FG
            note = f"已写到（{figs}）" if figs else "已写到，未见数字"
        elif detection is None:
            mark, colour, note = "…", OPTIONAL_FG, "正在识别"
        else:
            mark = "○"
            colour = MISSING_FG if self.required else OPTIONAL_FG
            note = "未写到（必报）" if self.required else "未写到（建议）"
        self.tick.setText(
            f"<span style='color:{colour};font-weight:bold'>{mark}</span> "
            f"<b>{self.id}</b> {self.name}　<span style='color:{colour}'>{note}</span>"
        )

    @property
    def present(self) -> bool:
        return bool(self.detection and self.detection.present)

    def _figure(self, name: str, text: str) -> None:
        self.state.figures[name] = text.strip()
        if not text.strip():
            del self.state.figures[name]
        self.changed.emit()

    def _na_toggled(self, on: bool) -> None:
        self.reason_edit.setEnabled(on)
        self.state.na_reason = self.reason_edit.text().strip() if on else None
        if on:
            self.reason_edit.setFocus()
        self.show_detection(self.detection)
        self.changed.emit()

    def _reason(self, text: str) -> None:
        if self.na_check.isChecked():
            self.state.na_reason = text.strip()
            self.changed.emit()


class IndicatorPanel(QObject):
    """Drives the 指标 tab: the IndicatorRows of a section, fed with detections by the page."""

    changed = Signal()
    insertRequested = Signal(str)

    def __init__(self, host: QWidget, summary: QLabel):
        super().__init__(host)
        self.host = host
        self.host_layout = host.layout()
        self.summary = summary
        self.report: Report | None = None
        self.rows: dict[str, IndicatorRow] = {}  # shown now
        self.cache: dict[str, IndicatorRow] = {}  # made for this report

    def set_indicators(self, report: Report, ids: list[str]) -> None:
        """Show the rows of these indicators; rows are made once per report and reused."""
        if report is not self.report:
            for row in self.cache.values():
                row.deleteLater()
            self.cache = {}
            self.report = report
        while self.host_layout.count():
            item = self.host_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        catalog = load_catalog()
        self.rows = {}
        for ind_id in ids:
            if ind_id not in catalog:
                continue
            row = self.cache.get(ind_id)
            if row is None:
                row = IndicatorRow(report, ind_id, self.host)
                row.changed.connect(self.changed)
                row.changed.connect(self._summarise)
                row.insertRequested.connect(self.insertRequested)
                self.cache[ind_id] = row
            self.host_layout.addWidget(row)
            row.show()
            self.rows[ind_id] = row
        self.host_layout.addStretch(1)
        self._summarise()

    def show_detections(self, detections: dict[str, Detection] | None) -> None:
        for ind_id, row in self.rows.items():
            row.show_detection(detections.get(ind_id) if detections is not None else None)
        self._summarise()

    def present(self) -> set[str]:
        return {i for i, row in self.rows.items() if row.present}

    def _summarise(self) -> None:
        if not self.rows:
            self.summary.setText("本节没有单列的指标。各工作领域的指标在其各自页面中。")
            return
        done = sum(1 for r in self.rows.values() if r.present or r.state.not_applicable)
        self.summary.setText(
            f"本节 {len(self.rows)} 项指标，已写到或标为不适用 {done} 项。"
            "边写边识别；写明数字的，在括号中列出。"
        )


def section_indicator_ids(node) -> list[str]:
    """The indicators a section page lists: its own (an area's), none for a parent of areas."""
    if node is None:
        return []
    return list(node.indicators)

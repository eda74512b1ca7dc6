"""The section page: the rules' guidance, the section heading, the editor, and side panels
(indicators, suggested phrasing, last year's text), with 上一节 / 下一节."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from drafter.core.library.draft_context import DraftView
from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import SkeletonNode
from drafter.gui.detection import DetectionCache
from drafter.gui.editor import SectionEditor
from drafter.gui.indicator_panel import IndicatorPanel, section_indicator_ids
from drafter.gui.jobs import Jobs
from drafter.gui.suggest_panel import SuggestPanel
from drafter.gui.uiload import child, embed_ui


class SectionPage(QWidget):
    """Edits one section at a time; the main window decides which."""

    prevRequested = Signal()
    nextRequested = Signal()
    changed = Signal()  # any edit (draft is dirty)
    edited = Signal()  # text settled after typing (debounced)
    indicatorsDetected = Signal()  # the indicator ticks were brought up to date
    findElsewhere = Signal(str)  # no further match in this section: look in the next ones

    def __init__(self, jobs: Jobs, detection: DetectionCache, parent=None):
        super().__init__(parent)
        self.form = embed_ui("section_page", self)
        f = self.form
        self.title = child(f, QLabel, "titleLabel")
        self.guidance = child(f, QLabel, "guidanceLabel")
        self.heading_edit = child(f, QLineEdit, "headingEdit")
        self.runin_check = child(f, QCheckBox, "runinCheck")
        self.find_bar = child(f, QWidget, "findBar")
        self.find_edit = child(f, QLineEdit, "findEdit")
        self.find_status = child(f, QLabel, "findStatus")
        self.splitter = child(f, QSplitter, "splitter")
        self.side_tabs = child(f, QTabWidget, "sideTabs")
        self.last_year_view = child(f, QTextBrowser, "lastYearView")
        self.status_label = child(f, QLabel, "statusLabel")
        self.prev_button = child(f, QPushButton, "prevButton")
        self.next_button = child(f, QPushButton, "nextButton")
        self.editor = SectionEditor(self)
        child(f, QWidget, "editorHost").layout().addWidget(self.editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.find_bar.hide()
        self.indicators_ready = False
        self.detection = detection
        self.indicator_panel = IndicatorPanel(
            child(f, QWidget, "indicatorList"), child(f, QLabel, "indicatorSummary")
        )
        self.suggest_panel = SuggestPanel(
            jobs,
            child(f, QListWidget, "suggestList"),
            child(f, QLabel, "suggestStatus"),
            child(f, QPushButton, "insertSuggestionButton"),
        )

        self.report: Report | None = None
        self.section: Section | None = None
        self.node: SkeletonNode | None = None

        self.prev_button.clicked.connect(self.prevRequested)
        self.next_button.clicked.connect(self.nextRequested)
        self.heading_edit.textEdited.connect(self._heading_edited)
        self.runin_check.toggled.connect(self._runin_toggled)
        self.editor.changed.connect(self.changed)
        self.editor.edited.connect(self.edited)
        self.editor.edited.connect(self.refresh_indicators)
        self.editor.edited.connect(self.ask_suggestions)
        self.editor.currentParagraphChanged.connect(self._show_last_year)
        self.editor.currentParagraphChanged.connect(self.ask_suggestions)
        self.indicator_panel.changed.connect(self.changed)
        self.indicator_panel.insertRequested.connect(self.editor.insert_paragraph)
        self.suggest_panel.insertRequested.connect(self.editor.insert_paragraph)
        self.find_edit.returnPressed.connect(self.find_next)
        child(f, QPushButton, "findNextButton").clicked.connect(self.find_next)
        child(f, QToolButton, "findCloseButton").clicked.connect(self.hide_find)
        self.find_edit.textChanged.connect(self.editor.highlight_matches)

    # ----- showing a section -----------------------------------------------------------
    def show_section(
        self,
        report: Report,
        section: Section,
        node: SkeletonNode | None,
        has_prev: bool,
        has_next: bool,
        opening: bool = False,
        depth: int = 1,
    ) -> None:
        self.report, self.section, self.node = report, section, node
        if opening:
            title = "开头段落"
            guidance = "写明报告的依据和一年来的总体情况，以“现将有关情况报告如下：”收尾。"
        else:
            title = node.title if node else (section.heading or section.key)
            guidance = node.guidance if node and node.guidance else "按本节主题撰写。"
        self.title.setText(title)
        self.guidance.setText(guidance)
        for w in (self.heading_edit, self.runin_check, child(self.form, QLabel, "headingLabel")):
            w.setVisible(not opening)
        self.heading_edit.setText(section.heading)
        self.runin_check.blockSignals(True)
        self.runin_check.setChecked(section.runin)
        self.runin_check.blockSignals(False)
        self.editor.load(section, depth if section.heading else depth - 1)
        self.prev_button.setEnabled(has_prev)
        self.next_button.setEnabled(has_next)
        has_last = any(p.last_year_text for p in section.paragraphs) or bool(self._plans())
        self.side_tabs.setTabVisible(
            self.side_tabs.indexOf(child(self.form, QWidget, "lastYearTab")), has_last
        )
        self._show_last_year(self.editor.current_paragraph_id())
        self.indicator_panel.set_indicators(report, section_indicator_ids(node))
        self.refresh_indicators()
        self.ask_suggestions()
        if self.find_bar.isVisible():
            self.editor.highlight_matches(self.find_edit.text())

    def commit(self) -> None:
        """Editor text → the section's paragraphs."""
        self.editor.commit()

    def set_status_text(self, text: str) -> None:
        self.status_label.setText(text)

    # ----- indicators and suggestions -----------------------------------------------------
    def refresh_indicators(self) -> None:
        """Tick the section's indicators from its text (fast once jieba is warm)."""
        if self.section is None:
            return
        if not self.indicators_ready:
            self.indicator_panel.show_detections(None)
            return
        self.commit()
        if self.indicator_panel.rows:
            sec = self.section
            if sec.children:  # the rows cover the areas below too
                found = self.detection.detect(f"tree:{sec.id}", sec.text())
            else:  # the same reading the navigator's status uses
                found = self.detection.detect(sec.id, self.detection.own_text(sec))
            self.indicator_panel.show_detections(found)
        self.indicatorsDetected.emit()

    def ask_suggestions(self, *_args) -> None:
        if self.section is None:
            return
        text = self.editor.current_text().strip() or self.section.heading
        # The draft as it stands (the editor's text may not be committed yet): its own
        # source report and the text it holds are never suggested back.
        draft = DraftView.of(self.report, self.editor.toPlainText().splitlines())
        self.suggest_panel.request(text, self.section.section, self.section.area, draft)

    # ----- find --------------------------------------------------------------------------
    def show_find(self, text: str = "") -> None:
        self.find_bar.show()
        if text:
            self.find_edit.setText(text)
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_bar.hide()
        self.editor.highlight_matches("")
        self.editor.setFocus()

    def find_next(self) -> bool:
        """The next match after the cursor; past the last one, the search moves on to the
        following sections (the main window knows them)."""
        needle = self.find_edit.text()
        self.find_status.setText("")
        if not needle:
            self.editor.highlight_matches("")
            return False
        if self.editor.find_text(needle, wrap=False):
            return True
        self.findElsewhere.emit(needle)
        return False

    def find_from_start(self, needle: str, note: str = "") -> bool:
        """Select the first match in this section (after the search moved here)."""
        self.show_find(needle)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        found = self.editor.find_text(needle, wrap=False)
        self.find_status.setText(note if found else "全文未找到")
        if found:
            self.editor.setFocus()
        return found

    # ----- internals -----------------------------------------------------------------------
    def _heading_edited(self, text: str) -> None:
        if self.section is not None:
            self.section.heading = text.strip()
            self.changed.emit()

    def _runin_toggled(self, on: bool) -> None:
        if self.section is not None:
            self.section.runin = on
            self.changed.emit()

    def _plans(self) -> list[str]:
        """Last year's plans for this year (its S4), shown while writing this year's S1."""
        last = self.report.last_year if self.report else None
        if last is None or self.section is None or self.section.section != "S1":
            return []
        return list(last.plans)

    def _show_last_year(self, pid: str) -> None:
        para = self.editor.paragraph_by_id.get(pid)
        plans = self._plans()
        plans_html = ""
        if plans:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in plans)
            plans_html = (
                f"<p style='color:#555'>去年报告对今年的工作安排（对照逐项写成效）：</p>"
                f"<ol style='line-height:140%'>{items}</ol>"
            )
        if para is None or not para.last_year_text:
            self.last_year_view.setHtml(
                "<p style='color:#888'>光标所在段落没有对应的去年原文。</p>" + plans_html
            )
            return
        body = html.escape(para.last_year_text)
        for fig in sorted(set(para.stale_figures), key=len, reverse=True):
            esc = html.escape(fig)
            body = body.replace(esc, f"<span style='background:#fff3a0'>{esc}</span>")
        note = (
            "<p style='color:#b07800'>本段与去年原文完全相同，请按今年情况改写。</p>"
            if para.unchanged_from_last_year
            else ""
        )
        self.last_year_view.setHtml(f"{note}<p style='line-height:150%'>{body}</p>{plans_html}")

"""The main window: start page or workspace (navigator + pages), actions, saving and autosave.

It holds the one Report being edited and calls core for everything; the pages talk to it
through signals only.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drafter.core import storage
from drafter.core.errors import DrafterError
from drafter.core.model import Report, Section
from drafter.core.skeleton import Skeleton, load_skeleton, new_report
from drafter.core.source_read import CONVERTIBLE
from drafter.gui.actions import build_menus, create_actions, enable_for_report
from drafter.gui.detection import DetectionCache
from drafter.gui.jobs import Jobs
from drafter.gui.navigator import CHECK, META, OPENING
from drafter.gui.settings import Settings, WindowState
from drafter.gui.start_page import StartPage
from drafter.gui.status import DONE, EMPTY, LABELS, MARKS, MISSING, PROGRESS, section_status

APP_TITLE = "法治政府建设年度报告起草助手"
DRAFT_FILTER = "报告草稿 (*.fzbg.json *.json)"
SOURCE_FILTER = "去年的报告 (*.docx *.txt *.doc *.wps)"
# Old Word/WPS formats (CONVERTIBLE) are turned into .docx by LibreOffice before importing.
SOURCE_SUFFIXES = {".docx", ".txt", *CONVERTIBLE}


class MainWindow(QMainWindow):
    reportOpened = Signal()
    saved = Signal(str)
    checked = Signal(object)  # CheckResult
    exported = Signal(str)
    warmedUp = Signal(str)  # "indicators" | "suggestions"

    def __init__(self, settings: Settings | None = None):
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or Settings.load()
        self.window_state = WindowState()
        self.jobs = Jobs(self)
        self.detection = DetectionCache()
        self.report: Report | None = None
        self.skeleton: Skeleton | None = None
        self.path: Path | None = None
        self.dirty = False
        self.edits = 0  # changes made; autosave writes only when this moved on
        self.autosaved_edits = -1
        self.current_page = ""
        self.setAcceptDrops(True)
        self.resize(1200, 800)

        self.action_map = create_actions(self)
        build_menus(self, self.action_map)
        self._connect_actions()

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_page = StartPage(self)
        self.stack.addWidget(self.start_page)
        self.workspace: QSplitter | None = None  # built when the first report opens
        self.opening_section: Section | None = None
        self.check_result = None
        self.status_message = QLabel("")
        self.statusBar().addPermanentWidget(self.status_message)

        self.start_page.createRequested.connect(self.new_report)
        self.start_page.importRequested.connect(self.choose_import)
        self.start_page.openRequested.connect(self.choose_open)
        self.start_page.recentRequested.connect(self.open_draft)
        self.start_page.restoreRequested.connect(self.restore)
        self.start_page.discardRequested.connect(self.discard_recovery)

        self.indicators_ready = False
        self.suggestions_ready = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.timeout.connect(self.autosave)
        self.apply_settings()
        self.show_start()
        geometry = self.window_state.get("geometry")
        if geometry:
            self.restoreGeometry(geometry)

    def build_workspace(self) -> None:
        """The navigator and the pages: built on first use, so the start page shows fast."""
        if self.workspace is not None:
            return
        from drafter.gui.check_page import CheckPage
        from drafter.gui.metadata_form import MetadataForm
        from drafter.gui.navigator import Navigator
        from drafter.gui.section_page import SectionPage

        self.workspace = QSplitter(Qt.Orientation.Horizontal, self)
        self.workspace.setObjectName("workspace")
        side = QWidget(self.workspace)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.navigator = Navigator(side)
        side_layout.addWidget(self.navigator)
        # Two short lines: one line would set the navigator's minimum width (≈290 px), and
        # wrapping it lets Qt break inside a label (●已 / 完成).
        marks = [f"{MARKS[k]} {LABELS[k]}" for k in (EMPTY, PROGRESS, MISSING, DONE)]
        legend = QLabel("　".join(marks[:2]) + "\n" + "　".join(marks[2:]))
        legend.setStyleSheet("color: #777; padding: 4px;")
        side_layout.addWidget(legend)
        self.pages = QStackedWidget(self.workspace)
        self.workspace.addWidget(side)
        self.workspace.addWidget(self.pages)
        self.workspace.setStretchFactor(1, 1)
        # The navigator takes about a fifth of a small window, 280 px of a large one.
        navigator_width = max(200, min(280, self.width() * 22 // 100))
        self.workspace.setSizes([navigator_width, max(1, self.width() - navigator_width)])
        self.metadata_form = MetadataForm(self.pages)
        self.section_page = SectionPage(self.jobs, self.detection, self.pages)
        self.pages.addWidget(self.metadata_form)
        self.pages.addWidget(self.section_page)
        self.check_page = CheckPage(self.pages)
        self.pages.addWidget(self.check_page)
        self.check_page.runRequested.connect(self.run_check)
        self.check_page.jumpRequested.connect(self.jump_to_finding)
        self.stack.addWidget(self.workspace)
        self.navigator.pageRequested.connect(self.show_page)
        self.metadata_form.changed.connect(self.mark_dirty)
        self.metadata_form.changed.connect(self.update_title)
        self.section_page.changed.connect(self.mark_dirty)
        self.section_page.edited.connect(self.refresh_current_status)
        self.section_page.indicatorsDetected.connect(self.refresh_current_status)
        # 不适用 ticked or cleared: the section may be finished (or not) without new text.
        self.section_page.indicator_panel.changed.connect(self.refresh_current_status)
        self.section_page.findElsewhere.connect(self.find_in_next_sections)
        self.section_page.prevRequested.connect(lambda: self.step_section(-1))
        self.section_page.nextRequested.connect(lambda: self.step_section(1))
        self.section_page.indicators_ready = self.indicators_ready
        if self.suggestions_ready:
            self.section_page.suggest_panel.set_ready()
        self.apply_settings()
        for key, splitter in (
            ("workspace", self.workspace),
            ("section_splitter", self.section_page.splitter),
        ):
            state = self.window_state.get(key)
            if state:
                splitter.restoreState(state)

    def warm_up(self) -> None:
        """Load jieba, the indicator rules and the phrase index off the GUI thread."""

        def indicators(_progress):
            from drafter.core.indicators import warm_up

            warm_up()

        def suggestions(_progress):
            from drafter.core.retrieval import warm_up

            warm_up()

        def indicators_done(_result) -> None:
            self.indicators_ready = True
            if self.workspace is not None:
                self.section_page.indicators_ready = True
            if self.report is not None:
                self.refresh_all_statuses()
                self.section_page.refresh_indicators()
            self.warmedUp.emit("indicators")

        def suggestions_done(_result) -> None:
            self.suggestions_ready = True
            if self.workspace is not None:
                self.section_page.suggest_panel.set_ready()
            self.warmedUp.emit("suggestions")

        def failed(exc, tb) -> None:
            self.statusBar().showMessage(f"参考表述库载入失败：{exc}", 10000)

        self.jobs.run(indicators, on_done=indicators_done, on_error=failed)
        self.jobs.run(suggestions, on_done=suggestions_done, on_error=failed)

    # ----- actions -----------------------------------------------------------------------
    def _connect_actions(self) -> None:
        a = self.action_map
        a["new"].triggered.connect(self.go_start)
        a["import"].triggered.connect(self.choose_import)
        a["open"].triggered.connect(self.choose_open)
        a["save"].triggered.connect(self.save)
        a["save_as"].triggered.connect(self.save_as)
        a["quit"].triggered.connect(self.close)
        a["settings"].triggered.connect(self.open_settings)
        a["undo"].triggered.connect(lambda: self.section_page.editor.undo())
        a["redo"].triggered.connect(lambda: self.section_page.editor.redo())
        a["find"].triggered.connect(self.find)
        a["next_blank"].triggered.connect(lambda: self.section_page.editor.next_blank())
        for level in (1, 2, 3):
            a[f"heading{level}"].triggered.connect(
                lambda _=False, lv=level: self.section_page.editor.set_heading_level(lv)
            )
        a["body"].triggered.connect(lambda: self.section_page.editor.set_heading_level(0))
        a["metadata"].triggered.connect(lambda: self.show_page(META))
        a["check"].triggered.connect(self.run_check)
        a["export"].triggered.connect(self.open_export)
        a["prev_section"].triggered.connect(lambda: self.step_section(-1))
        a["next_section"].triggered.connect(lambda: self.step_section(1))

    def apply_settings(self) -> None:
        self.autosave_timer.start(max(1, self.settings.autosave_seconds) * 1000)
        self.start_page.set_defaults(self.settings.default_organ, self.settings.default_kind)
        if self.workspace is not None:
            self.section_page.suggest_panel.enabled = self.settings.suggestions_on

    def open_settings(self):
        """Show the settings dialog (non-blocking); accepted values apply at once."""
        from drafter.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.jobs, self)
        dialog.libraryChanged.connect(self.reload_library)

        def accepted() -> None:
            dialog.apply()
            self._save_settings()
            self.apply_settings()

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def reload_library(self) -> None:
        """The phrase library changed: rebuild the suggestion index off the GUI thread."""

        def work(_progress):
            from drafter.core.retrieval import default_suggester

            suggester = default_suggester()
            from drafter.core.corpus import Library

            suggester.library = Library.open()
            suggester.invalidate()
            suggester.ensure_index()

        def done(_result) -> None:
            if self.workspace is not None:
                self.section_page.ask_suggestions()

        self.jobs.run(work, on_done=done, on_error=self.show_error)

    # ----- pages -------------------------------------------------------------------------
    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.set_recent(self.settings.recent_drafts)
        recoveries = storage.find_recoveries()
        self.start_page.set_recovery(recoveries[0] if recoveries else None)
        enable_for_report(self.action_map, False)
        self.update_title()

    def go_start(self) -> None:
        if self.maybe_save():
            self.close_report()
            self.show_start()

    def show_page(self, page: str) -> None:
        if self.report is None or not page:
            return
        self.leave_page()
        self.current_page = page
        self.navigator.select(page)
        if page == META:
            self.metadata_form.set_metadata(self.report.metadata)
            self.pages.setCurrentWidget(self.metadata_form)
        elif page == CHECK:
            self.show_check_page()
        else:
            section = self.opening_page_section() if page == OPENING else self.section_by_id(page)
            if section is None:
                return
            node = self.skeleton.node(section.key) if self.skeleton and page != OPENING else None
            self.section_page.show_section(
                self.report,
                section,
                node,
                self.navigator.neighbour(page, -1) is not None,
                self.navigator.neighbour(page, 1) is not None,
                opening=page == OPENING,
                depth=self.section_depth(section),
            )
            self.pages.setCurrentWidget(self.section_page)
            self.refresh_current_status()
            self.section_page.editor.setFocus()

    def show_check_page(self) -> None:
        self.pages.setCurrentWidget(self.check_page)

    # ----- checking ------------------------------------------------------------------------
    def run_check(self) -> None:
        """Check a snapshot of the report off the GUI thread; show the findings."""
        if self.report is None:
            return
        self.commit()
        snapshot = copy.deepcopy(self.report)
        if self.current_page != CHECK:
            self.show_page(CHECK)
        self.check_page.show_running()

        def work(_progress):
            from drafter.core.checks import run_checks

            return run_checks(snapshot)

        def done(result) -> None:
            self.check_result = result
            self.check_page.show_result(result, self.skeleton)
            self.navigator.set_check_summary(result.count("error"), result.count("warning"))
            self.checked.emit(result)

        self.jobs.run(
            work, on_done=done, on_error=self.show_error, title="正在检查报告…", parent=self
        )

    def jump_to_finding(self, finding) -> None:
        """Show the paragraph (or section) a finding is about, its span selected."""
        if self.report is None:
            return
        if finding.paragraph:
            found = self.report.find_paragraph(finding.paragraph)
            if found is not None:
                section, _para = found
                self.show_page(section.id if section is not None else OPENING)
                self.section_page.editor.goto_paragraph(
                    finding.paragraph, finding.start, finding.end
                )
                return
        key = finding.section
        if not key and finding.indicator:
            from drafter.core.indicators import load_catalog

            ind = load_catalog().get(finding.indicator)
            key = f"S1.{ind.area}" if ind else None
        target = self.report.find(key) if key else None
        if target is None and key:
            target = self.report.find(key.split(".")[0])
        if target is not None:
            self.show_page(target.id)
        else:
            self.show_page(META)

    # ----- export --------------------------------------------------------------------------
    def open_export(self):
        """The export dialog (non-blocking); accepting it exports off the GUI thread."""
        from drafter.gui.export_dialog import ExportDialog, export_warnings

        if self.report is None:
            return None
        self.commit()
        stem = (
            self.path.name.removesuffix(".json").removesuffix(".fzbg")
            if self.path
            else (self.report.metadata.title or "报告")
        )
        dialog = ExportDialog(
            Path(self._last_dir()) / f"{stem}.docx",
            self.settings.font_set,
            export_warnings(self.report),
            self,
            report=self.report,
        )
        dialog.spotActivated.connect(self.jump_to_spot)
        dialog.accepted.connect(
            lambda: self.export_to(dialog.target(), dialog.options(), dialog.open_check.isChecked())
        )
        dialog.open()
        self.export_dialog = dialog
        return dialog

    def jump_to_spot(self, spot) -> None:
        """Show a place the export dialog listed: a paragraph (its blank selected), a
        section, or the metadata form for a field."""
        if self.report is None:
            return
        if spot.paragraph or spot.section:
            self.jump_to_finding(spot)
        else:
            self.show_page(META)

    def export_to(self, target: Path, options, open_after: bool) -> None:
        snapshot = copy.deepcopy(self.report)

        def work(progress):
            from drafter.core.exporter import export_docx

            return export_docx(snapshot, target, options, progress=progress)

        def done(path) -> None:
            self.statusBar().showMessage(f"已导出 {path}", 8000)
            self.exported.emit(str(path))
            if open_after and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                return
            box = QMessageBox(
                QMessageBox.Icon.Information, "导出完成", f"已导出：\n{path}", parent=self
            )
            folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
            )
            box.open()

        self.jobs.run(
            work, on_done=done, on_error=self.show_error, title="正在导出 Word 文档…", parent=self
        )

    def leave_page(self) -> None:
        """Commit the editor into the model; autosave on every section change if dirty."""
        if self.report is None or self.workspace is None:
            return
        if self.pages.currentWidget() is self.section_page and self.section_page.section:
            self.commit()
            if self.section_page.section is not self.opening_section:
                self.refresh_status(self.section_page.section)
            if self.dirty:
                self.autosave()

    def opening_page_section(self) -> Section:
        """The opening paragraphs wrapped as a section for the editor (written back on commit)."""
        self.opening_section = Section(section="S1", paragraphs=list(self.report.opening))
        return self.opening_section

    def step_section(self, step: int) -> None:
        current = self.current_page if self.current_page not in (META, CHECK) else ""
        target = self.navigator.neighbour(current, step) if current else self.navigator.order[0]
        if target:
            self.show_page(target)

    def section_depth(self, section: Section) -> int:
        """1 for a top-level section, 2 for a work area inside it, and so on."""

        def depth_in(sections: list[Section], level: int) -> int:
            for s in sections:
                if s is section:
                    return level
                found = depth_in(s.children, level + (1 if s.heading else 0))
                if found:
                    return found
            return 0

        return depth_in(self.report.sections, 1) if self.report else 1

    def section_by_id(self, section_id: str) -> Section | None:
        if self.report is None:
            return None
        return next((s for s in self.report.walk() if s.id == section_id), None)

    # ----- statuses ----------------------------------------------------------------------
    def present_indicators(self, section: Section) -> set[str] | None:
        """Indicator ids the section's text covers (None until the rules are warm)."""
        if not self.indicators_ready:
            return None
        return self.detection.present(section)

    def refresh_status(self, section: Section) -> str:
        node = self.skeleton.node(section.key) if self.skeleton else None
        status = section_status(self.report, section, node, self.present_indicators(section))
        self.navigator.set_status(section.id, status)
        return status

    def refresh_all_statuses(self) -> None:
        for sec in self.report.walk():
            self.refresh_status(sec)

    def refresh_current_status(self) -> None:
        section = self.section_page.section
        if self.report is None or section is None or section is self.opening_section:
            return
        self.section_page.commit()
        status = self.refresh_status(section)
        for sec in self.report.sections:  # a parent's status follows its areas
            if sec is not section and any(c is section for c in sec.walk()):
                self.refresh_status(sec)
        self.section_page.set_status_text(f"本节状态：{LABELS[status]}")

    # ----- documents ---------------------------------------------------------------------
    def set_report(self, report: Report, path: Path | None, dirty: bool = False) -> None:
        self.build_workspace()
        self.detection.clear()
        self.report = report
        self.path = Path(path) if path else None
        try:
            self.skeleton = load_skeleton(report.skeleton)
        except DrafterError:
            self.skeleton = None
        self.navigator.set_report(report, self.skeleton)
        self.refresh_all_statuses()
        self.stack.setCurrentWidget(self.workspace)
        enable_for_report(self.action_map, True)
        self.dirty = dirty
        self.edits += 1
        self.current_page = ""
        first = self.navigator.order[0] if self.navigator.order else META
        self.show_page(first)
        self.update_title()
        self.reportOpened.emit()

    def close_report(self) -> None:
        if self.report is not None and not self.dirty:
            storage.discard_recovery(self.path)
        self.report = None
        self.path = None
        self.dirty = False
        self.status_message.setText("")  # "已自动保存" spoke of the draft just closed
        if self.workspace is not None:
            self.section_page.section = None

    def new_report(self, organ: str, kind: str, year: int, skeleton_id: str) -> None:
        try:
            report = new_report(organ, year, kind, skeleton_id)
        except DrafterError as exc:
            self.show_error(exc)
            return
        self.set_report(report, None, dirty=True)

    def choose_open(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(self, "打开草稿", self._last_dir(), DRAFT_FILTER)
        if name:
            self.open_draft(name)

    def open_draft(self, path: str) -> bool:
        try:
            report = storage.load_draft(path)
        except DrafterError as exc:
            self.show_error(exc)
            return False
        self.close_report()
        self.set_report(report, Path(path))
        self.settings.add_recent(path)
        self._save_settings()
        self.offer_newer_autosave(Path(path))
        return True

    def offer_newer_autosave(self, path: Path) -> QMessageBox | None:
        """A draft opened directly while an autosave newer than the file exists: offer it."""
        target = storage.recovery_path(path)
        newer = [
            r
            for r in storage.find_recoveries()
            if r.path == target and r.saved_at > path.stat().st_mtime
        ]
        if not newer:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "恢复未保存的修改",
            "这份草稿有比文件更新的自动保存内容（程序上次可能没有正常关闭）。要恢复吗？",
            parent=self,
        )
        restore = box.addButton("恢复自动保存的内容", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("保留文件中的版本", QMessageBox.ButtonRole.RejectRole)
        restore.clicked.connect(lambda: self.restore(newer[0]))
        box.open()
        self.recovery_box = box
        return box

    def choose_import(self) -> None:
        if not self.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(
            self, "选择去年的报告", self._last_dir(), SOURCE_FILTER
        )
        if name:
            self.import_source(name)

    def import_source(self, path: str) -> None:
        """Read last year's report off the GUI thread, then show what was understood."""

        def work(_progress):
            import shutil

            from drafter.core.importer import import_file
            from drafter.core.source_read import convert_with_libreoffice

            if Path(path).suffix.lower() not in CONVERTIBLE:
                return import_file(path)
            converted = convert_with_libreoffice(path)
            try:
                return import_file(converted)
            finally:
                shutil.rmtree(converted.parent, ignore_errors=True)

        self.jobs.run(
            work,
            on_done=lambda result: self.show_import(result, path),
            on_error=self.show_error,
            title="正在读取去年的报告…",
            parent=self,
        )

    def show_import(self, result, path: str):
        """The import summary dialog; accepting it opens the rolled-forward draft."""
        from drafter.gui.import_summary import ImportSummary, complete_sections

        try:
            skeleton = load_skeleton(result.report.skeleton)
        except DrafterError:
            skeleton = None
        dialog = ImportSummary(result, skeleton, Path(path).name, self)

        def accepted() -> None:
            complete_sections(result.report, skeleton)
            self.close_report()
            self.set_report(result.report, None, dirty=True)
            self.activateWindow()

        dialog.accepted.connect(accepted)
        dialog.open()
        self.import_dialog = dialog
        return dialog

    def restore(self, recovery: storage.Recovery) -> None:
        path = Path(recovery.draft_path) if recovery.draft_path else None
        self.dirty = True  # keeps the recovery file until the restored draft is saved
        self.close_report()
        self.set_report(recovery.report, path, dirty=True)
        if recovery.path != storage.recovery_path(path):
            recovery.path.unlink(missing_ok=True)
        self.statusBar().showMessage("已恢复自动保存的内容，请及时保存。", 8000)

    def discard_recovery(self, recovery: storage.Recovery) -> None:
        recovery.path.unlink(missing_ok=True)
        self.show_start()

    # ----- saving ------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        self.edits += 1
        if not self.dirty:
            self.dirty = True
            self.update_title()

    def commit(self) -> None:
        if self.workspace is None:
            return
        if self.pages.currentWidget() is self.section_page and self.section_page.section:
            self.section_page.commit()
            if self.section_page.section is self.opening_section and self.report is not None:
                self.report.opening = self.opening_section.paragraphs

    def save(self) -> bool:
        if self.report is None:
            return False
        if self.path is None:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        if self.report is None:
            return False
        suggested = str(
            Path(self._last_dir()) / f"{self.report.metadata.title or '报告'}.fzbg.json"
        )
        name, _ = QFileDialog.getSaveFileName(self, "保存草稿", suggested, DRAFT_FILTER)
        if not name:
            return False
        if not name.endswith(".json"):
            name += storage.DRAFT_SUFFIX
        return self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        self.commit()
        old = self.path
        try:
            storage.save_draft(self.report, path)
        except DrafterError as exc:
            self.show_error(exc)
            return False
        storage.discard_recovery(old)
        storage.discard_recovery(path)
        self.path = Path(path)
        self.dirty = False
        self.status_message.setText("")  # saved: no longer only autosaved
        self.settings.add_recent(path)
        self._save_settings()
        self.update_title()
        self.statusBar().showMessage(f"已保存到 {path}", 5000)
        self.saved.emit(str(path))
        return True

    def autosave(self) -> None:
        """Write the recovery copy of a dirty draft (never the draft file itself)."""
        if self.report is None or not self.dirty or self.autosaved_edits == self.edits:
            return
        self.commit()
        try:
            storage.autosave(self.report, self.path)
            self.autosaved_edits = self.edits
        except DrafterError as exc:
            self.statusBar().showMessage(f"自动保存失败：{exc.reason}", 8000)
            return
        self.status_message.setText("已自动保存")

    def maybe_save(self) -> bool:
        """Ask before losing unsaved edits; False if the user cancels."""
        if self.report is None or not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            "保存修改",
            "当前报告有未保存的修改，要先保存吗？",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            storage.discard_recovery(self.path)
            self.dirty = False
            return True
        return False

    # ----- find ----------------------------------------------------------------------------
    def find(self) -> None:
        if self.report is None:
            return
        if self.pages.currentWidget() is not self.section_page:
            self.step_section(1)
        self.section_page.show_find(self.section_page.editor.textCursor().selectedText())

    def find_in_next_sections(self, needle: str) -> None:
        """Continue a search in the sections after this one, wrapping round to this one."""
        self.commit()
        order = list(self.navigator.order)
        here = self.current_page if self.current_page in order else None
        start = order.index(here) + 1 if here else 0
        candidates = order[start:] + order[:start]
        for sid in candidates:
            section = self.section_by_id(sid)
            if section is not None and any(needle in p.lead + p.text for p in section.paragraphs):
                wrapped = here is not None and order.index(sid) <= order.index(here)
                if sid != self.current_page:
                    self.show_page(sid)
                self.section_page.find_from_start(needle, "已从头继续查找" if wrapped else "")
                return
        self.section_page.find_from_start(needle)

    # ----- window --------------------------------------------------------------------------
    def update_title(self) -> None:
        if self.report is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = self.path.name.removesuffix(".json").removesuffix(".fzbg") if self.path else "未保存"
        title = self.report.metadata.title or self.report.metadata.organ
        star = "*" if self.dirty else ""
        self.setWindowTitle(f"{star}{name}（{title}）— {APP_TITLE}")

    def show_error(self, exc: BaseException, tb: str = "") -> None:
        if isinstance(exc, DrafterError):
            text = f"{exc.source}\n\n{exc.reason}"
        else:
            text = f"出现意外错误：{exc}"
        box = QMessageBox(QMessageBox.Icon.Warning, "无法完成", text, parent=self)
        if tb and not isinstance(exc, DrafterError):  # the clerk's message needs no traceback
            box.setDetailedText(tb)
        box.open()

    def _last_dir(self) -> str:
        if self.path:
            return str(self.path.parent)
        if self.settings.recent_drafts:
            return str(Path(self.settings.recent_drafts[0]).parent)
        return str(Path.home())

    def _save_settings(self) -> None:
        try:
            self.settings.save()
        except DrafterError as exc:
            self.statusBar().showMessage(f"无法保存设置：{exc.reason}", 8000)

    def _save_geometry(self) -> None:
        self.window_state.set("geometry", self.saveGeometry().data())
        if self.workspace is not None:
            self.window_state.set("workspace", self.workspace.saveState().data())
            self.window_state.set("section_splitter", self.section_page.splitter.saveState().data())
        try:
            self.window_state.save()
        except DrafterError:
            pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self.maybe_save():
            event.ignore()
            return
        self.close_report()
        self._save_geometry()
        # Work still running on the pool (jieba's load, the index build) may not outlive
        # the window it reports to: hide at once, then let it finish.
        self.autosave_timer.stop()
        self.hide()
        self.jobs.wait(-1)
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        path = self._dropped_path(event)
        if path is None:
            return
        event.acceptProposedAction()
        if path.suffix.lower() in SOURCE_SUFFIXES:
            if self.maybe_save():
                self.import_source(str(path))
        elif self.maybe_save():
            self.open_draft(str(path))

    @staticmethod
    def _dropped_path(event) -> Path | None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        for url in urls:
            p = Path(url.toLocalFile())
            if p.is_file() and (p.suffix.lower() in SOURCE_SUFFIXES or p.name.endswith(".json")):
                return p
        return None

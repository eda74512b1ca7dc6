"""The main window: start page or workspace (navigator + pages), actions, and their wiring.

The open draft lives in a DraftDocument (gui/document.py); importing, checking and exporting
in their flows (gui/import_flow.py, check_flow.py, export_flow.py). The window builds the
widgets, asks the questions (file dialogs, "save changes?") and connects everything; the pages
talk to it through signals only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
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
from drafter.core.model.model import Report, Section
from drafter.core.model.skeleton import Skeleton, new_report
from drafter.gui.actions import build_menus, create_actions, enable_for_report
from drafter.gui.check_flow import CheckFlow
from drafter.gui.detection import DetectionCache
from drafter.gui.document import DraftDocument
from drafter.gui.export_flow import ExportFlow
from drafter.gui.file_flow import FileFlow, dropped_path
from drafter.gui.fix_flow import FixFlow
from drafter.gui.import_flow import ImportFlow
from drafter.gui.jobs import Jobs
from drafter.gui.library_flow import LibraryFlow
from drafter.gui.page_ids import CHECK, META, OPENING
from drafter.gui.section_walk import SectionWalk
from drafter.gui.settings import Settings, WindowState
from drafter.gui.start_page import StartPage
from drafter.gui.startup_checks import clean_interrupted_writes, folder_warnings
from drafter.gui.status import DONE, EMPTY, LABELS, MARKS, MISSING, PROGRESS
from drafter.gui.status_flow import StatusFlow
from drafter.gui.structure_flow import StructureFlow
from drafter.gui.undo_flow import UndoFlow

APP_TITLE = "法治政府建设年度报告起草助手"


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
        self.document = DraftDocument(self)
        self.document.dirtyChanged.connect(lambda _dirty: self.update_title())
        self.import_flow = ImportFlow(self)
        self.check_flow = CheckFlow(self)
        self.fix_flow = FixFlow(self)
        self.export_flow = ExportFlow(self)
        self.file_flow = FileFlow(self)
        self.library_flow = LibraryFlow(self)
        self.status_flow = StatusFlow(self)
        self.section_walk = SectionWalk(self)
        self.undo_flow = UndoFlow(self)
        self.current_page = ""
        self.setAcceptDrops(True)
        self.resize(1200, 800)

        self.action_map = create_actions(self)
        self.menus = build_menus(self, self.action_map)
        self._connect_actions()
        self.structure_flow = StructureFlow(self)

        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.start_page = StartPage(self)
        self.stack.addWidget(self.start_page)
        self.workspace: QSplitter | None = None  # built when the first report opens
        self.opening_section: Section | None = None
        self.status_message = QLabel("")
        self.statusBar().addPermanentWidget(self.status_message)
        clean_interrupted_writes()
        self.folder_warnings = folder_warnings()  # a locked-down PC: say what is off
        self.folder_label = QLabel("；".join(self.folder_warnings))
        self.folder_label.setVisible(bool(self.folder_warnings))
        self.statusBar().addWidget(self.folder_label)

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
        self.undo_flow.attach_editor(self.section_page.editor)
        self.structure_flow.attach(self.navigator, self.section_page.editor, self.check_page)
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
        self.library_flow.warm_up()

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
        a["undo"].triggered.connect(self.undo_flow.undo)
        a["redo"].triggered.connect(self.undo_flow.redo)
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
        self.start_page.set_requirements(
            self.settings.requirements_name if self.settings.requirements_file else ""
        )
        if self.workspace is not None:
            self.section_page.suggest_panel.enabled = self.settings.suggestions_on

    def open_settings(self):
        """Show the settings dialog (non-blocking); accepted values apply at once."""
        from drafter.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.jobs, self)
        dialog.libraryChanged.connect(self.reload_library)

        def accepted() -> None:
            dialog.apply()
            self.save_settings()
            self.apply_settings()

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def reload_library(self) -> None:
        self.library_flow.reload_library()

    # ----- pages -------------------------------------------------------------------------
    def show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.set_recent(self.settings.recent_drafts)
        recoveries, problems = storage.scan_recoveries(skip_owners=[self.document.owner])
        self.start_page.set_recovery(recoveries[0] if recoveries else None)
        if problems:  # bad recovery files were set aside: say so, start anyway
            self.statusBar().showMessage("；".join(problems), 30000)
        self.recovery_problems = problems
        enable_for_report(self.action_map, False)
        self.structure_flow.update_actions()  # the 添加 menu too
        self.update_title()

    def go_start(self) -> None:
        if self.maybe_save():
            self.close_report()
            self.show_start()

    def show_page(self, page: str) -> None:
        if self.report is None or not page:
            return
        self.leave_page()
        # Walking the navigator with the keys leaves the focus there (F2, Delete, Alt+↑ act
        # on the section); a click or a jump puts it in the editor.
        self.present_page(page, focus_editor=not self.navigator.keyboard_driven)

    def present_page(self, page: str, focus_editor: bool = True) -> None:
        """Show a page without committing the one on show (show_page commits first)."""
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
            if focus_editor:
                self.section_page.editor.setFocus()

    def show_check_page(self) -> None:
        self.pages.setCurrentWidget(self.check_page)

    # ----- flows (import_flow, check_flow, export_flow) -------------------------------------
    def choose_import(self) -> None:
        self.import_flow.choose()

    def import_source(self, path: str) -> None:
        self.import_flow.import_source(path)

    def show_import(self, result, path: str):
        return self.import_flow.show_import(result, path)

    @property
    def import_dialog(self):
        return self.import_flow.dialog

    def run_check(self) -> None:
        self.check_flow.run()

    def jump_to_finding(self, finding) -> None:
        self.check_flow.jump_to_finding(finding)

    @property
    def check_result(self):
        return self.check_flow.result

    def open_export(self):
        return self.export_flow.open_dialog()

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
        self.export_flow.export_to(target, options, open_after)

    @property
    def export_dialog(self):
        return self.export_flow.dialog

    def leave_page(self) -> None:
        """Commit the editor into the model; autosave on every section change if dirty."""
        if self.report is None or self.workspace is None:
            return
        if self.pages.currentWidget() is self.section_page and self.section_page.section:
            self.undo_flow.commit_step()
            if self.section_page.section is not self.opening_section:
                self.refresh_status(self.section_page.section)
            if self.dirty:
                self.autosave()
        elif self.current_page == META:
            self.undo_flow.commit_step()

    def opening_page_section(self) -> Section:
        """The opening paragraphs wrapped as a section for the editor (written back on commit)."""
        self.opening_section = Section(section="S1", paragraphs=list(self.report.opening))
        return self.opening_section

    def step_section(self, step: int) -> None:
        self.section_walk.step(step)

    def section_depth(self, section: Section) -> int:
        return self.section_walk.depth(section)

    def section_by_id(self, section_id: str) -> Section | None:
        return self.section_walk.by_id(section_id)

    # ----- statuses (status_flow) -------------------------------------------------------
    def refresh_status(self, section: Section) -> str:
        return self.status_flow.refresh_status(section)

    def refresh_all_statuses(self) -> None:
        self.status_flow.refresh_all()

    def refresh_current_status(self) -> None:
        self.status_flow.refresh_current()

    # ----- the draft (state in self.document) ------------------------------------------
    @property
    def report(self) -> Report | None:
        return self.document.report

    @property
    def path(self) -> Path | None:
        return self.document.path

    @property
    def skeleton(self) -> Skeleton | None:
        return self.document.skeleton

    @property
    def dirty(self) -> bool:
        return self.document.dirty

    @dirty.setter
    def dirty(self, value: bool) -> None:
        self.document.set_dirty(value)

    def set_report(
        self, report: Report, path: Path | None, dirty: bool = False, read_only: bool = False
    ) -> None:
        self.build_workspace()
        self.detection.clear()
        self.document.open(report, path, dirty, read_only)
        self.navigator.set_report(report, self.skeleton)
        self.refresh_all_statuses()
        self.stack.setCurrentWidget(self.workspace)
        enable_for_report(self.action_map, True)
        self.undo_flow.update_actions()
        self.current_page = ""
        first = self.navigator.order[0] if self.navigator.order else META
        self.show_page(first)
        self.structure_flow.update_actions()
        self.update_title()
        self.reportOpened.emit()

    def close_report(self, keep_recovery: bool = False) -> None:
        self.document.close(keep_recovery)
        self.status_message.setText("")  # "已自动保存" spoke of the draft just closed
        if self.workspace is not None:
            self.section_page.section = None

    def new_report(self, organ: str, kind: str, year: int, skeleton_id: str) -> None:
        try:
            if self.settings.requirements_file:  # the reviewing office's outline
                from drafter.core.checks.requirements import load_requirements

                req = load_requirements(self.settings.requirements_file)
                report = req.new_report(organ, year, kind)
            else:
                report = new_report(organ, year, kind, skeleton_id)
        except DrafterError as exc:
            self.show_error(exc)
            return
        self.set_report(report, None, dirty=True)

    def choose_open(self) -> None:
        self.file_flow.choose_open()

    def open_draft(self, path: str) -> bool:
        return self.file_flow.open_draft(path)

    def restore(self, recovery: storage.Recovery) -> None:
        self.file_flow.restore(recovery)

    def discard_recovery(self, recovery: storage.Recovery) -> None:
        self.file_flow.discard_recovery(recovery)

    @property
    def recovery_box(self):
        return self.file_flow.recovery_box

    # ----- saving ------------------------------------------------------------------------
    def mark_dirty(self) -> None:
        self.document.mark_edited()

    def commit(self) -> None:
        if self.workspace is None:
            return
        if self.pages.currentWidget() is self.section_page and self.section_page.section:
            self.section_page.commit()
            if self.section_page.section is self.opening_section and self.report is not None:
                self.report.opening = self.opening_section.paragraphs

    def save(self) -> bool:
        return self.file_flow.save()

    def save_as(self) -> bool:
        return self.file_flow.save_as()

    def save_to(self, path: Path) -> bool:
        return self.file_flow.save_to(path)

    def autosave(self) -> None:
        self.file_flow.autosave()

    def maybe_save(self) -> bool:
        """Ask before losing unsaved edits; False if the user cancels."""
        return self.file_flow.maybe_save()

    # ----- find (section_walk) -------------------------------------------------------------
    def find(self) -> None:
        self.section_walk.find()

    def find_in_next_sections(self, needle: str) -> None:
        self.section_walk.find_in_next_sections(needle)

    # ----- window --------------------------------------------------------------------------
    def update_title(self) -> None:
        if self.report is None:
            self.setWindowTitle(APP_TITLE)
            return
        name = self.document.display_name
        title = self.report.metadata.title or self.report.metadata.organ
        star = "*" if self.dirty else ""
        only = "（只读）" if self.document.read_only else ""
        self.setWindowTitle(f"{star}{name}{only}（{title}）— {APP_TITLE}")

    def show_error(self, exc: BaseException, tb: str = "") -> None:
        if isinstance(exc, DrafterError):
            text = f"{exc.source}\n\n{exc.reason}"
        else:
            text = f"出现意外错误：{exc}"
        box = QMessageBox(QMessageBox.Icon.Warning, "无法完成", text, parent=self)
        if tb and not isinstance(exc, DrafterError):  # the clerk's message needs no traceback
            box.setDetailedText(tb)
        box.open()

    def last_dir(self) -> str:
        if self.path:
            return str(self.path.parent)
        if self.settings.recent_drafts:
            return str(Path(self.settings.recent_drafts[0]).parent)
        return str(Path.home())

    def save_settings(self) -> None:
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
        if path is not None:
            event.acceptProposedAction()
            self.file_flow.open_dropped(path)

    _dropped_path = staticmethod(dropped_path)

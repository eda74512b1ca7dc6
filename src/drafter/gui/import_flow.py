"""Importing last year's report: choose the file, read it off the GUI thread, show what was
understood, and open the rolled-forward draft when the clerk accepts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from drafter.core.errors import DrafterError
from drafter.core.model.skeleton import load_skeleton
from drafter.core.reading.source_read import CONVERTIBLE

SOURCE_FILTER = "去年的报告 (*.docx *.txt *.doc *.wps)"
# Old Word/WPS formats (CONVERTIBLE) are turned into .docx by LibreOffice before importing.
SOURCE_SUFFIXES = {".docx", ".txt", *CONVERTIBLE}


class ImportFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None  # the last import summary shown

    def choose(self) -> None:
        w = self.window
        if not w.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(w, "选择去年的报告", w.last_dir(), SOURCE_FILTER)
        if name:
            self.import_source(name)

    def import_source(self, path: str) -> None:
        """Read last year's report off the GUI thread, then show what was understood."""

        def work(_progress):
            import shutil

            from drafter.core.reading.importer import import_file
            from drafter.core.reading.source_read import convert_with_libreoffice

            if Path(path).suffix.lower() not in CONVERTIBLE:
                return import_file(path)
            converted = convert_with_libreoffice(path)
            try:
                return import_file(converted)
            finally:
                shutil.rmtree(converted.parent, ignore_errors=True)

        self.window.jobs.run(
            work,
            on_done=lambda result: self.show_import(result, path),
            on_error=self.window.show_error,
            title="正在读取去年的报告…",
            parent=self.window,
        )

    def show_import(self, result, path: str):
        """The import summary dialog; accepting it opens the rolled-forward draft."""
        from drafter.gui.import_summary import ImportSummary, complete_sections

        w = self.window
        try:
            skeleton = load_skeleton(result.report.skeleton)
        except DrafterError:
            skeleton = None
        dialog = ImportSummary(result, skeleton, Path(path).name, w)

        def accepted() -> None:
            complete_sections(result.report, skeleton)
            w.close_report()
            w.set_report(result.report, None, dirty=True)
            w.activateWindow()

        dialog.accepted.connect(accepted)
        dialog.open()
        self.dialog = dialog
        return dialog

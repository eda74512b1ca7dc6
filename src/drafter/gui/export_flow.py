"""Exporting the draft: the export dialog, the .docx written off the GUI thread from a
snapshot, then the file opened or its folder offered."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox


class ExportFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog = None  # the last export dialog opened

    def open_dialog(self):
        """The export dialog (non-blocking); accepting it exports off the GUI thread."""
        from drafter.gui.export_dialog import ExportDialog, export_warnings

        w = self.window
        if w.report is None:
            return None
        w.commit()
        stem = w.document.display_name if w.path else (w.report.metadata.title or "报告")
        dialog = ExportDialog(
            Path(w.last_dir()) / f"{stem}.docx",
            w.settings.font_set,
            export_warnings(w.report),
            w,
        )
        dialog.accepted.connect(
            lambda: self.export_to(dialog.target(), dialog.options(), dialog.open_check.isChecked())
        )
        dialog.open()
        self.dialog = dialog
        return dialog

    def export_to(self, target: Path, options, open_after: bool) -> None:
        w = self.window
        snapshot = copy.deepcopy(w.report)

        def work(progress):
            from drafter.core.writing.exporter import export_docx

            return export_docx(snapshot, target, options, progress=progress)

        def done(path) -> None:
            w.statusBar().showMessage(f"已导出 {path}", 8000)
            w.exported.emit(str(path))
            if open_after and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
                return
            box = QMessageBox(
                QMessageBox.Icon.Information, "导出完成", f"已导出：\n{path}", parent=w
            )
            folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
            box.addButton(QMessageBox.StandardButton.Close)
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))
            )
            box.open()

        w.jobs.run(work, on_done=done, on_error=w.show_error, title="正在导出 Word 文档…", parent=w)

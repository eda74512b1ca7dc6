"""Opening and saving drafts: the file dialogs, the "save changes?" question, autosave,
and offering or restoring a recovery copy. The state itself is the window's DraftDocument."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drafter.core import storage
from drafter.core.errors import DrafterError
from drafter.gui.import_flow import SOURCE_SUFFIXES

DRAFT_FILTER = "报告草稿 (*.fzbg.json *.json)"


def dropped_path(event) -> Path | None:
    """The first file of a drag event that is a source report or a draft, or None."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    for url in urls:
        p = Path(url.toLocalFile())
        if p.is_file() and (p.suffix.lower() in SOURCE_SUFFIXES or p.name.endswith(".json")):
            return p
    return None


class FileFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.recovery_box: QMessageBox | None = None  # the last "restore the autosave?" box

    def choose_open(self) -> None:
        w = self.window
        if not w.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(w, "打开草稿", w.last_dir(), DRAFT_FILTER)
        if name:
            self.open_draft(name)

    def open_draft(self, path: str) -> bool:
        w = self.window
        try:
            report = storage.load_draft(path)
        except DrafterError as exc:
            w.show_error(exc)
            return False
        w.close_report()
        w.set_report(report, Path(path))
        w.settings.add_recent(path)
        w.save_settings()
        self.offer_newer_autosave()
        return True

    def offer_newer_autosave(self) -> QMessageBox | None:
        """A draft opened directly while an autosave newer than the file exists: offer it."""
        w = self.window
        newer = w.document.newer_autosave()
        if newer is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "恢复未保存的修改",
            "这份草稿有比文件更新的自动保存内容（程序上次可能没有正常关闭）。要恢复吗？",
            parent=w,
        )
        restore = box.addButton("恢复自动保存的内容", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("保留文件中的版本", QMessageBox.ButtonRole.RejectRole)
        restore.clicked.connect(lambda: self.restore(newer))
        box.open()
        self.recovery_box = box
        return box

    def restore(self, recovery: storage.Recovery) -> None:
        w = self.window
        path = Path(recovery.draft_path) if recovery.draft_path else None
        w.close_report(keep_recovery=True)  # the recovery file stays until the draft is saved
        w.set_report(recovery.report, path, dirty=True)
        if recovery.path != storage.recovery_path(path):
            recovery.path.unlink(missing_ok=True)
        w.statusBar().showMessage("已恢复自动保存的内容，请及时保存。", 8000)

    def discard_recovery(self, recovery: storage.Recovery) -> None:
        w = self.window
        recovery.path.unlink(missing_ok=True)
        w.show_start()

    def save(self) -> bool:
        w = self.window
        if w.report is None:
            return False
        if w.path is None:
            return self.save_as()
        return self.save_to(w.path)

    def save_as(self) -> bool:
        w = self.window
        if w.report is None:
            return False
        suggested = str(Path(w.last_dir()) / f"{w.report.metadata.title or '报告'}.fzbg.json")
        name, _ = QFileDialog.getSaveFileName(w, "保存草稿", suggested, DRAFT_FILTER)
        if not name:
            return False
        if not name.endswith(".json"):
            name += storage.DRAFT_SUFFIX
        return self.save_to(Path(name))

    def save_to(self, path: Path) -> bool:
        w = self.window
        w.commit()
        try:
            w.document.save_to(path)
        except DrafterError as exc:
            w.show_error(exc)
            return False
        w.status_message.setText("")  # saved: no longer only autosaved
        w.settings.add_recent(path)
        w.save_settings()
        w.update_title()
        w.statusBar().showMessage(f"已保存到 {path}", 5000)
        w.saved.emit(str(path))
        return True

    def autosave(self) -> None:
        """Write the recovery copy of a dirty draft (never the draft file itself)."""
        w = self.window
        if not w.document.needs_autosave:
            return
        w.commit()
        try:
            w.document.autosave()
        except DrafterError as exc:
            w.statusBar().showMessage(f"自动保存失败：{exc.reason}", 8000)
            return
        w.status_message.setText("已自动保存")

    def maybe_save(self) -> bool:
        """Ask before losing unsaved edits; False if the user cancels."""
        w = self.window
        if w.report is None or not w.dirty:
            return True
        answer = QMessageBox.question(
            w,
            "保存修改",
            "当前报告有未保存的修改，要先保存吗？",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return w.save()
        if answer == QMessageBox.StandardButton.Discard:
            w.document.discard_changes()
            return True
        return False

    def open_dropped(self, path: Path) -> None:
        """A file dropped on the window: last year's report is imported, a draft opened."""
        w = self.window
        if path.suffix.lower() in SOURCE_SUFFIXES:
            if self.maybe_save():
                w.import_source(str(path))
        elif self.maybe_save():
            self.open_draft(str(path))

"""Opening and saving drafts: the file dialogs, the "save changes?" question, autosave,
and offering or restoring a recovery copy. The state itself is the window's DraftDocument."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drafter.core import storage
from drafter.core.draft_lock import Owner, is_stale, lock_path, read_owner
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
        self.locked_box: QMessageBox | None = None  # the last "open elsewhere" question
        self.repairs_box: QMessageBox | None = None  # the last "repaired on load" note
        self.save_failed_box: QMessageBox | None = None  # the last "save failed" message

    def choose_open(self) -> None:
        w = self.window
        if not w.maybe_save():
            return
        name, _ = QFileDialog.getOpenFileName(w, "打开草稿", w.last_dir(), DRAFT_FILTER)
        if name:
            self.open_draft(name)

    def open_draft(self, path: str, read_only: bool = False) -> bool:
        """Open a draft file. One window per draft: when another window (of this app or of
        another instance) holds it, ask 只读打开 / 切换到已打开的窗口 instead."""
        w = self.window
        p = Path(path)
        if w.path is not None and _same_file(p, w.path):
            w.raise_()
            w.activateWindow()
            return True
        holder = self.holder_of(p)
        if holder is not None and not read_only:
            self.ask_locked(p, holder)
            return False
        try:
            report, notes = storage.load_draft_with_notes(path)
        except DrafterError as exc:
            w.show_error(exc)
            return False
        w.close_report()
        w.set_report(report, p, read_only=read_only)
        w.settings.add_recent(path)
        w.save_settings()
        if notes:
            self.show_repairs(p, notes)
        self.offer_newer_autosave()
        return True

    def holder_of(self, path: Path) -> Owner | None:
        """The live window (not this one) holding the draft's lock, or None."""
        try:
            owner = read_owner(lock_path(Path(os.path.realpath(path))))
        except OSError:
            return None
        if owner is None or owner.token == self.window.document.owner or is_stale(owner):
            return None
        return owner

    def ask_locked(self, path: Path, owner: Owner) -> QMessageBox:
        w = self.window
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "草稿已在其他窗口中打开",
            f"“{path.name}”已在其他窗口中打开（{owner.describe()}）。\n"
            "两个窗口同时编辑同一份草稿会互相覆盖修改。",
            parent=w,
        )
        read_only = box.addButton("只读打开", QMessageBox.ButtonRole.AcceptRole)
        switch = box.addButton("切换到已打开的窗口", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        read_only.clicked.connect(lambda: self.open_draft(str(path), read_only=True))
        switch.clicked.connect(lambda: self.switch_to(owner))
        box.open()
        self.locked_box = box
        return box

    def switch_to(self, owner: Owner) -> bool:
        from drafter.gui.window_switch import raise_owner

        if raise_owner(owner):
            return True
        self.window.show_error(
            DrafterError(
                "切换窗口", f"无法切换到该窗口（{owner.describe()}），它可能在另一台计算机上"
            )
        )
        return False

    def show_repairs(self, path: Path, notes: list[str]) -> QMessageBox:
        """Say what was repaired when the draft was read (saved back only when the clerk
        saves)."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "草稿已自动修复",
            f"“{path.name}”中有格式问题，已按明显且无害的方式修复（保存后生效）：\n\n"
            + "\n".join(notes),
            parent=self.window,
        )
        box.open()
        self.repairs_box = box
        return box

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
        w.document.draft.adopted.append(recovery.path)  # removed once a save succeeds
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
        """Save; a failure is loud and loses nothing: the draft stays unsaved, the work goes
        to the recovery copy, the clerk reads why and is offered 另存为."""
        w = self.window
        w.commit()
        try:
            w.document.save_to(path)
        except DrafterError as exc:
            self.save_failed(exc.source, exc.reason)
            return False
        except Exception as exc:  # noqa: BLE001 - an unexpected failure must still be loud
            self.save_failed(str(path), f"保存失败：{type(exc).__name__}: {str(exc)[:200]}")
            return False
        w.status_message.setText("")  # saved: no longer only autosaved
        w.settings.add_recent(path)
        w.save_settings()
        w.update_title()
        w.statusBar().showMessage(f"已保存到 {path}", 5000)
        w.saved.emit(str(path))
        return True

    def save_failed(self, source: str, reason: str) -> QMessageBox:
        w = self.window
        self.autosave(force=True)
        kept = "修改仍在本窗口中" + (
            "，并已写入自动保存的恢复文件" if w.status_message.text() == "已自动保存" else ""
        )
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "保存失败",
            f"{source}\n\n{reason}\n\n{kept}。可以“另存为”保存到其他位置。",
            parent=w,
        )
        save_as = box.addButton("另存为…", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        save_as.clicked.connect(self.save_as)
        box.open()
        self.save_failed_box = box
        w.status_message.setText("未保存：" + reason[:60])
        w.update_title()
        return box

    def autosave(self, force: bool = False) -> None:
        """Write the recovery copy of a dirty draft (never the draft file itself). A failure
        stays shown in the status bar until an autosave or a save succeeds."""
        w = self.window
        if not (w.document.needs_autosave or (force and w.dirty)):
            return
        w.commit()
        try:
            w.document.autosave()
        except DrafterError as exc:
            w.status_message.setText(f"自动保存失败：{exc.reason[:80]}")
            return
        except Exception as exc:  # noqa: BLE001 - the timer must not die on a surprise
            w.status_message.setText(f"自动保存失败：{type(exc).__name__}")
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


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)

"""The settings dialog: default organ and kind, export font set, autosave interval, phrase library."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QWidget,
)

from drafter.core.errors import DrafterError
from drafter.gui.jobs import Jobs
from drafter.gui.settings import FONT_SETS, Settings
from drafter.gui.start_page import KINDS
from drafter.gui.uiload import child, embed_ui


class SettingsDialog(QDialog):
    """Edits the preferences (applied on OK) and the phrase library (changed at once)."""

    libraryChanged = Signal()

    def __init__(self, settings: Settings, jobs: Jobs, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = embed_ui("settings_dialog", self)
        f = self.form
        self.settings = settings
        self.organ_edit = child(f, QLineEdit, "organEdit")
        self.kind_combo = child(f, QComboBox, "kindCombo")
        self.font_combo = child(f, QComboBox, "fontCombo")
        self.autosave_spin = child(f, QSpinBox, "autosaveSpin")
        self.suggest_check = child(f, QCheckBox, "suggestCheck")
        for kind, label in KINDS:
            self.kind_combo.addItem(label, kind)
        for key, label in FONT_SETS.items():
            self.font_combo.addItem(label, key)
        self.organ_edit.setText(settings.default_organ)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(settings.default_kind)))
        self.font_combo.setCurrentIndex(max(0, self.font_combo.findData(settings.font_set)))
        self.autosave_spin.setValue(settings.autosave_seconds)
        self.suggest_check.setChecked(settings.suggestions_on)
        self.jobs = jobs
        self.library_list = child(f, QListWidget, "libraryList")
        self.library_hint = child(f, QLabel, "libraryHint")
        self.add_button = child(f, QPushButton, "addLibraryButton")
        self.remove_button = child(f, QPushButton, "removeLibraryButton")
        self.add_button.clicked.connect(self.choose_report)
        self.remove_button.clicked.connect(self.remove_selected)
        self.library_list.currentItemChanged.connect(self._selection)
        self.fill_library()
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def apply(self) -> None:
        """Write the dialog's values into the settings object."""
        s = self.settings
        s.default_organ = self.organ_edit.text().strip()
        s.default_kind = self.kind_combo.currentData()
        s.font_set = self.font_combo.currentData()
        s.autosave_seconds = self.autosave_spin.value()
        s.suggestions_on = self.suggest_check.isChecked()

    # ----- the phrase library ----------------------------------------------------------------
    def fill_library(self) -> None:
        from drafter.core.library.corpus import Library

        self.library_list.clear()
        try:
            entries = Library.open().entries()
        except DrafterError as exc:
            self.library_hint.setText(f"表述库无法读取：{exc.reason}")
            return
        for e in entries:
            origin = "示例" if e.is_seed else "我的"
            year = f"{e.year} 年度" if e.year else ""
            label = f"［{origin}］{e.organ}　{year}" + ("" if e.is_seed else f"　{e.file}")
            item = QListWidgetItem(label)
            item.setToolTip(e.file)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if e.is_seed:
                item.setForeground(Qt.GlobalColor.gray)
            self.library_list.addItem(item)
        self._selection(self.library_list.currentItem(), None)

    def choose_report(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "加入往年的报告", "", "报告 (*.docx *.txt)")
        if name:
            self.add_report(name)

    def add_report(self, path: str) -> None:
        """Add a past report to the library off the GUI thread (it is read and split)."""

        def work(_progress):
            from drafter.core.library.corpus import Library

            return Library.open().add(path)

        def done(_entry) -> None:
            self.fill_library()
            self.libraryChanged.emit()

        def failed(exc, _tb) -> None:
            reason = exc.reason if isinstance(exc, DrafterError) else str(exc)
            self.library_hint.setText(f"未能加入：{reason}")

        self.jobs.run(work, on_done=done, on_error=failed, title="正在读取报告…", parent=self)

    def remove_selected(self) -> None:
        from drafter.core.library.corpus import Library

        item = self.library_list.currentItem()
        if item is None:
            return
        try:
            Library.open().remove(item.data(Qt.ItemDataRole.UserRole))
        except DrafterError as exc:
            self.library_hint.setText(f"未能移除：{exc.reason}")
            return
        self.fill_library()
        self.libraryChanged.emit()

    def _selection(self, item, _previous) -> None:
        entry_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.remove_button.setEnabled(bool(entry_id) and not str(entry_id).startswith("seed-"))

"""The settings dialog: default organ and kind, export font set, autosave interval, the
reviewing office's requirements file, the user's own canonical wording, phrase library."""

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
    QPlainTextEdit,
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
    countsShown = Signal()  # passage counts are on the list
    folderAdded = Signal(object)  # a FolderResult (None: the folder could not be read)

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
        self.folder_button = child(f, QPushButton, "addFolderButton")
        self.remove_button = child(f, QPushButton, "removeLibraryButton")
        self.add_button.clicked.connect(self.choose_report)
        self.folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.library_list.currentItemChanged.connect(self._selection)
        self.fill_library()
        self.requirements_file = settings.requirements_file
        self.requirements_name = settings.requirements_name
        self.requirements_label = child(f, QLabel, "requirementsName")
        child(f, QPushButton, "chooseRequirementsButton").clicked.connect(self.choose_requirements)
        child(f, QPushButton, "clearRequirementsButton").clicked.connect(
            lambda: self.set_requirements("")
        )
        self._show_requirements()
        self.wording_edit = child(f, QPlainTextEdit, "wordingEdit")
        self.wording_hint = child(f, QLabel, "wordingHint")
        self._load_wording()
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
        s.requirements_file = self.requirements_file
        s.requirements_name = self.requirements_name

    def accept(self) -> None:
        """OK: the user's wording is saved first; a bad line keeps the dialog open, saying why."""
        if self.save_wording():
            super().accept()

    # ----- the requirements file and the user's wording ------------------------------------
    def choose_requirements(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "选择审核部门的要求文件", "", "要求文件 (*.json)"
        )
        if name:
            self.set_requirements(name)

    def set_requirements(self, path: str) -> bool:
        """Use the requirements file at path ("" = none) if it is valid; say why if not."""
        if not path:
            self.requirements_file = self.requirements_name = ""
            self._show_requirements()
            return True
        from drafter.core.checks.requirements import load_requirements

        try:
            req = load_requirements(path)
        except DrafterError as exc:
            self.requirements_label.setText(f"不能使用：{exc.one_line()}")
            self.requirements_label.setStyleSheet("color: #b00020;")
            return False
        self.requirements_file, self.requirements_name = str(req.path), req.name
        self._show_requirements()
        return True

    def _show_requirements(self) -> None:
        self.requirements_label.setStyleSheet("")
        if self.requirements_file:
            self.requirements_label.setText(self.requirements_name)
            self.requirements_label.setToolTip(self.requirements_file)
        else:
            self.requirements_label.setText("（未使用）")
            self.requirements_label.setToolTip("")

    def _load_wording(self) -> None:
        from drafter.core.checks.wording import load_user_phrases

        try:
            phrases = load_user_phrases()
        except DrafterError as exc:
            self.wording_hint.setText(f"我的规范表述无法读取：{exc.reason}")
            return
        self.wording_edit.setPlainText("\n".join(p.canonical for p in phrases))

    def save_wording(self) -> bool:
        from drafter.core.checks.wording import save_user_phrases

        lines = [x.strip() for x in self.wording_edit.toPlainText().splitlines() if x.strip()]
        try:
            save_user_phrases(lines)
        except (DrafterError, OSError) as exc:
            reason = exc.reason if isinstance(exc, DrafterError) else str(exc)
            self.wording_hint.setText(f"未能保存我的规范表述：{reason}")
            self.wording_hint.setStyleSheet("color: #b00020;")
            return False
        return True

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
            item = QListWidgetItem(_label(e))
            item.setToolTip(e.file)
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            if e.is_seed:
                item.setForeground(Qt.GlobalColor.gray)
            self.library_list.addItem(item)
        self._selection(self.library_list.currentItem(), None)
        self._count_passages()

    def _count_passages(self) -> None:
        """Each report's passage count, read off the GUI thread (a report not yet labelled
        is read and split once)."""

        def work(_progress):
            from drafter.core.library.corpus import Library
            from drafter.core.library.library_folder import list_reports

            return {x.entry.id: x.passages for x in list_reports(Library.open())}

        def done(counts: dict[str, int]) -> None:
            for i in range(self.library_list.count()):
                item = self.library_list.item(i)
                n = counts.get(item.data(Qt.ItemDataRole.UserRole))
                if n is not None and "段表述" not in item.text():
                    item.setText(item.text() + f"　{n} 段表述")
            self.countsShown.emit()

        self.jobs.run(work, on_done=done, on_error=lambda _exc, _tb: None)

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

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "加入一个文件夹中的全部报告")
        if folder:
            self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        """Add every report of a folder off the GUI thread, with a progress dialog; the
        files skipped are listed with their reasons."""

        def work(progress):
            from drafter.core.library.corpus import Library
            from drafter.core.library.library_folder import add_folder

            return add_folder(Library.open(), folder, progress)

        def done(result) -> None:
            lines = [f"已加入 {len(result.added)} 份报告，跳过 {len(result.skipped)} 份。"]
            lines += [f"跳过 {s.path}：{s.reason}" for s in result.skipped]
            self.library_hint.setText("\n".join(lines))
            self.fill_library()
            if result.added:
                self.libraryChanged.emit()
            self.folderAdded.emit(result)

        def failed(exc, _tb) -> None:
            reason = exc.reason if isinstance(exc, DrafterError) else str(exc)
            self.library_hint.setText(f"未能加入：{reason}")
            self.folderAdded.emit(None)

        self.jobs.run(work, on_done=done, on_error=failed, title="正在加入报告…", parent=self)

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


def _label(e) -> str:
    """A report in the list: origin, organ, year (and its file for one's own)."""
    origin = "示例" if e.is_seed else "我的"
    year = f"{e.year} 年度" if e.year else "年度不详"
    return f"［{origin}］{e.organ}　{year}" + ("" if e.is_seed else f"　{e.file}")

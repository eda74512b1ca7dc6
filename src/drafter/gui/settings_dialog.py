"""The settings dialog: default organ and kind, export font set, autosave interval, phrase library."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from drafter.gui.settings import FONT_SETS, Settings
from drafter.gui.start_page import KINDS
from drafter.gui.uiload import child, load_ui


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``result_settings()`` gives the edited values on accept."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = load_ui("settings_dialog", self)
        self.setWindowTitle(self.form.windowTitle())
        self.setMinimumSize(self.form.minimumSize())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
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

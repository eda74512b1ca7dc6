"""The export dialog: where to save the .docx and the layout options (版头, 印章, 版记, fonts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from drafter.gui.settings import FONT_SETS
from drafter.gui.uiload import child, embed_ui


class ExportDialog(QDialog):
    def __init__(
        self, target: Path, font_set: str, warnings: list[str], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.form = embed_ui("export_dialog", self)
        f = self.form
        self.path_edit = child(f, QLineEdit, "pathEdit")
        self.path_edit.setText(str(target))
        self.suggested_name = target.name
        self.header_check = child(f, QCheckBox, "headerCheck")
        self.seal_check = child(f, QCheckBox, "sealCheck")
        self.record_check = child(f, QCheckBox, "recordCheck")
        self.page_numbers_check = child(f, QCheckBox, "pageNumbersCheck")
        self.bold3_check = child(f, QCheckBox, "boldLevel3Check")
        self.open_check = child(f, QCheckBox, "openCheck")
        self.font_combo = child(f, QComboBox, "fontCombo")
        self.warning_label = child(f, QLabel, "warningLabel")
        self.warning_label.setText("导出前请留意：" + "；".join(warnings) + "。")
        self.warning_label.setVisible(bool(warnings))
        for key, label in FONT_SETS.items():
            self.font_combo.addItem(label, key)
        self.font_combo.setCurrentIndex(max(0, self.font_combo.findData(font_set)))
        child(f, QPushButton, "browseButton").clicked.connect(self._browse)
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def target(self) -> Path | None:
        """The .docx to write; a folder gets the suggested file name; None when empty."""
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.is_dir():
            path = path / self.suggested_name
        return path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx")

    def accept(self) -> None:
        if self.target() is None:
            self.warning_label.setText("请填写导出文件的位置和名称。")
            self.warning_label.show()
            self.path_edit.setFocus()
            return
        super().accept()

    def options(self):
        """The core.writing.exporter ExportOptions the dialog's boxes describe."""
        from drafter.core.writing.exporter import ExportOptions

        return ExportOptions(
            header=self.header_check.isChecked(),
            page_numbers=self.page_numbers_check.isChecked(),
            seal=self.seal_check.isChecked(),
            record=self.record_check.isChecked(),
            font_set=self.font_combo.currentData(),
            bold_level3=self.bold3_check.isChecked(),
        )

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "导出为", self.path_edit.text(), "Word 文档 (*.docx)"
        )
        if name:
            self.path_edit.setText(name)


def export_warnings(report) -> list[str]:
    """What the clerk should know before exporting: blanks left, last year's figures."""
    from drafter.core.model.blanks import find_blanks

    blanks = sum(len(find_blanks(p.lead + p.text)) for p in report.paragraphs())
    stale = sum(
        1 for p in report.paragraphs() for f in p.stale_figures if f and f in p.lead + p.text
    )
    out = []
    if blanks:
        out.append(f"还有 {blanks} 处“【填：…】”没有填写")
    if stale:
        out.append(f"还有 {stale} 处数字仍是去年的")
    return out

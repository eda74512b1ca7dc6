"""The export dialog: where to save the .docx and the layout options (版头, 印章, 版记, fonts);
a name ending in .html or .txt exports the 网页版 for publication instead (title and body
only, the layout options set aside, a reminder to remove anything 涉密).

Above them, what is left unfinished (core.export_review): every blank and every figure still
from last year, listed one a line; a click closes the dialog and asks the window to show
that place (spotActivated). The list follows the 版头/版记 boxes (they print more fields).
"""

from __future__ import annotations

from pathlib import Path

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
    QWidget,
)

from drafter.gui.settings import FONT_SETS
from drafter.gui.uiload import child, embed_ui


class ExportDialog(QDialog):
    spotActivated = Signal(object)  # a core.export_review.Spot the clerk clicked

    def __init__(
        self,
        target: Path,
        font_set: str,
        warnings: list[str],
        parent: QWidget | None = None,
        report=None,
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
        self.spot_list = child(f, QListWidget, "spotList")
        self.layout_box = child(f, QWidget, "layoutBox")
        self.report = report
        self._warnings = warnings
        self._show_warnings(warnings, [])
        if report is not None:
            self._review()
            self.header_check.toggled.connect(self._review)
            self.record_check.toggled.connect(self._review)
        self.path_edit.setToolTip(
            "保存为 .docx 即公文格式的 Word 文档；保存为 .html 或 .txt 即网页版"
            "（仅标题和正文，供在网站公开发布）。"
        )
        self.path_edit.textChanged.connect(self._kind_changed)
        self.spot_list.itemClicked.connect(self._spot_clicked)
        self.spot_list.itemActivated.connect(self._spot_clicked)
        for key, label in FONT_SETS.items():
            self.font_combo.addItem(label, key)
        self.font_combo.setCurrentIndex(max(0, self.font_combo.findData(font_set)))
        child(f, QPushButton, "browseButton").clicked.connect(self._browse)
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("导出")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def is_web(self) -> bool:
        """Whether the target is the 网页版 (.html/.txt) rather than the .docx."""
        from drafter.core.writing.web_export import WEB_SUFFIXES

        target = self.target()
        return target is not None and target.suffix.lower() in WEB_SUFFIXES

    def _kind_changed(self, *_args) -> None:
        web = self.is_web()
        self.layout_box.setEnabled(not web)
        self.setWindowTitle("导出网页版" if web else "导出 Word 文档")
        if self.report is not None:
            self._review()
        else:
            self._show_warnings(self._warnings, [])

    def _show_warnings(self, warnings: list[str], spots: list) -> None:
        from drafter.core.writing.web_export import SECRET_REMINDER

        text = "导出前请留意：" + "；".join(warnings) + "。" if warnings else ""
        if self.is_web():
            text = SECRET_REMINDER + ("\n" + text if text else "")
        self.warning_label.setText(text)
        self.warning_label.setVisible(bool(text))
        self.spot_list.clear()
        for kind, spot in spots:
            item = QListWidgetItem(f"{kind}  {spot.describe()}")
            item.setData(Qt.ItemDataRole.UserRole, spot)
            self.spot_list.addItem(item)
        self.spot_list.setVisible(bool(spots))

    def _review(self, *_args) -> None:
        from drafter.core.writing.export_review import review

        web = self.is_web()
        found = review(
            self.report,
            header=self.header_check.isChecked() and not web,
            record=self.record_check.isChecked() and not web,
        )
        spots = [("未填", s) for s in found.blanks] + [("去年数字", s) for s in found.stale]
        self._show_warnings(found.warnings(), spots)

    def _spot_clicked(self, item: QListWidgetItem) -> None:
        spot = item.data(Qt.ItemDataRole.UserRole)
        self.reject()
        self.spotActivated.emit(spot)

    def target(self) -> Path | None:
        """The file to write (.docx, or .html/.txt for the 网页版); a folder gets the suggested
        file name, any other suffix gets .docx; None when empty."""
        from drafter.core.writing.web_export import WEB_SUFFIXES

        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if path.is_dir():
            path = path / self.suggested_name
        if path.suffix.lower() in (".docx", *WEB_SUFFIXES):
            return path
        return path.with_name(path.name + ".docx")

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
            self,
            "导出为",
            self.path_edit.text(),
            "Word 文档 (*.docx);;网页版 (*.html);;网页版纯文本 (*.txt)",
        )
        if name:
            self.path_edit.setText(name)


def export_warnings(report) -> list[str]:
    """What the clerk should know before exporting: blanks left (in the body and in the
    fields the document prints), last year's figures, sections left out."""
    from drafter.core.writing.export_review import review

    return review(report).warnings()

"""The report-information form: title, 主送机关, 发文字号, 签发人, 结语, 落款, 成文日期, 附注, 附件, 版记."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QLineEdit, QPlainTextEdit, QWidget

from drafter.core.model.model import Metadata
from drafter.gui.uiload import child, embed_ui

NO_DATE = QDate(2000, 1, 1)

# Metadata field -> line edit in ui/metadata_form.ui
TEXT_FIELDS = {
    "title": "titleEdit",
    "recipient": "recipientEdit",
    "doc_number": "docNumberEdit",
    "signer": "signerEdit",
    "closing": "closingEdit",
    "signature": "signatureEdit",
    "note": "noteEdit",
    "cc": "ccEdit",
    "printer": "printerEdit",
}
DATE_FIELDS = {"date": "dateEdit", "print_date": "printDateEdit"}


class MetadataForm(QWidget):
    """Edits a Metadata in place; emits ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = embed_ui("metadata_form", self)
        self.meta: Metadata | None = None
        self.edits = {name: child(self.form, QLineEdit, obj) for name, obj in TEXT_FIELDS.items()}
        self.dates = {name: child(self.form, QDateEdit, obj) for name, obj in DATE_FIELDS.items()}
        for name, edit in self.edits.items():
            edit.textEdited.connect(lambda text, n=name: self._text(n, text))
        self.attachments = child(self.form, QPlainTextEdit, "attachmentsEdit")
        self.attachments.textChanged.connect(self._attachments)
        for name, edit in self.dates.items():
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("（未填写）")
            edit.dateChanged.connect(lambda d, n=name: self._date(n, d))

    def set_metadata(self, meta: Metadata) -> None:
        self.meta = None
        for name, edit in self.edits.items():
            edit.setText(getattr(meta, name))
        for name, edit in self.dates.items():
            value = QDate.fromString(getattr(meta, name), "yyyy-MM-dd")
            edit.setDate(value if value.isValid() else NO_DATE)
        self.attachments.setPlainText("\n".join(meta.attachments))
        self.meta = meta

    def _text(self, name: str, text: str) -> None:
        if self.meta is not None:
            setattr(self.meta, name, text.strip())
            self.changed.emit()

    def _date(self, name: str, date: QDate) -> None:
        if self.meta is not None:
            setattr(self.meta, name, "" if date == NO_DATE else date.toString("yyyy-MM-dd"))
            self.changed.emit()

    def _attachments(self) -> None:
        if self.meta is not None:
            lines = [x.strip() for x in self.attachments.toPlainText().splitlines()]
            self.meta.attachments = [x for x in lines if x]
            self.changed.emit()

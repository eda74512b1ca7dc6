"""Qt's own dialogs, buttons and menus speak Chinese once the app has started (gui/app.py),
and the window carries the app's own icon."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from drafter.gui.app import make_app
from drafter.gui.qt_chinese import load_supplement


@pytest.fixture
def app(qapp):
    return make_app()  # the app's own start-up on pytest-qt's QApplication


def labels(dialog: QFileDialog) -> dict[str, str]:
    return {
        name: dialog.findChild(QLabel, name).text()
        for name in ("lookInLabel", "fileNameLabel", "fileTypeLabel")
    }


def test_non_native_file_dialog_speaks_chinese(app, qtbot, tmp_path):
    dialog = QFileDialog(None, "打开草稿", str(tmp_path), "报告草稿 (*.fzbg.json *.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert labels(dialog) == {
        "lookInLabel": "查找范围(&L)：",
        "fileNameLabel": "文件名称(&N)：",
        "fileTypeLabel": "文件类型(&T)：",
    }
    box = dialog.findChild(QDialogButtonBox)
    assert [b.text() for b in box.buttons()] == ["打开(&O)", "取消"]


def test_message_box_buttons_and_line_edit_menu_speak_chinese(app, qtbot):
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "丢弃", "取消"])
    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    words = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert words[:2] == ["撤消(&U)", "重做(&R)"] and "全选" in words
    menu.deleteLater()


def test_untranslated_qt_strings_still_pass_through(app):
    from PySide6.QtCore import QCoreApplication

    # Neither Qt's catalog nor the supplement knows this: the source text comes back as is.
    assert QCoreApplication.translate("QFileDialog", "no such string") == "no such string"


def test_supplement_keeps_each_accelerator():
    table = load_supplement()
    assert table["QFileDialog"]["&Look in:"] == "查找范围(&L)："
    for context, entries in table.items():
        for source, chinese in entries.items():
            key = re.search(r"&(\w)", source)
            assert key and f"(&{key.group(1).upper()})" in chinese, (context, source, chinese)
            assert not re.search(r"[A-Za-z]{2,}", chinese), chinese


def test_window_has_the_apps_icon(app, qtbot):
    from drafter.gui.main_window import MainWindow

    assert not app.windowIcon().isNull()
    image = app.windowIcon().pixmap(64, 64).toImage()
    assert image.width() == 64
    # Drawn, not blank: the blue tile's corner-free middle and the white page both appear.
    colours = {image.pixelColor(x, 32).name() for x in range(0, 64, 2)}
    assert "#ffffff" in colours and any(c.startswith("#1f4e8c") for c in colours), colours
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == app.windowIcon().cacheKey()

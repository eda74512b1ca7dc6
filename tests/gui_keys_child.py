"""Run by test_gui_keyboard.py in a subprocess on the xcb platform (under xvfb-run), where
Qt uses the key bindings of a Linux desktop (UOS/Kylin) rather than offscreen's: inserts a
suggestion, fills it, presses Ctrl+Z twice and then Ctrl+Y, and prints the editor's lines
after each step as JSON."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from drafter.gui.app import make_app
from drafter.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def type_text(widget, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def main() -> int:
    app = make_app()
    window = MainWindow()
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    window.new_report("按键测试区人民政府", "gov", 2023, "standard")
    editor = window.section_page.editor
    editor.setFocus()
    steps = {}
    type_text(editor, "全年依法行政。")
    editor.insert_paragraph("全年收到申请【填：数字】件。")
    type_text(editor, "48")
    steps["filled"] = editor.toPlainText()
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)
    QTest.keyClick(editor, Qt.Key.Key_Z, CTRL)
    steps["undone"] = editor.toPlainText()
    QTest.keyClick(editor, Qt.Key.Key_Y, CTRL)
    steps["ctrl_y"] = editor.toPlainText()
    print(json.dumps({"platform": app.platformName(), **steps}, ensure_ascii=False), flush=True)
    window.dirty = False
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run by test_gui_recovery.py in a subprocess: the real app, offscreen, with a draft being
edited; prints EDITED once the edits are in, then keeps running until it is killed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from drafter.gui.app import make_app, open_window


def edit(window) -> None:
    window.new_report("崩溃测试区人民政府", "gov", 2023, "standard")
    editor = window.section_page.editor
    editor.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(sys.argv[1])
    QApplication.sendEvent(editor, event)
    print("EDITED", flush=True)


def main() -> int:
    app = make_app()
    window = open_window()
    QTimer.singleShot(50, lambda: edit(window))
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

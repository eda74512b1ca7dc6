"""Helpers for the GUI tests: a main window that closes without asking, block texts."""

from __future__ import annotations

from drafter.gui.main_window import MainWindow


def make_window(qtbot) -> MainWindow:
    """A shown main window; the caller closes it with close_quietly (qtbot's own closing
    would meet the 保存修改 question of a dirty window)."""
    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    return window


def close_quietly(window: MainWindow) -> None:
    """Drop unsaved state so closing does not open the 保存修改 question; the window (and
    the work it started) is gone before the next test begins."""
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent

    if not shiboken6.isValid(window):  # closed and deleted already
        return
    window.dirty = False
    window.close()
    window.jobs.wait(-1)
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def editor_lines(window: MainWindow) -> list[str]:
    return window.section_page.editor.toPlainText().split("\n")


def type_text(widget, text: str) -> None:
    """Type text into a widget the way a Chinese input method delivers it (committed strings).

    QTest.keyClicks only handles ASCII; an IME commits each phrase as a QInputMethodEvent.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    for i in range(0, len(text), 4):
        event = QInputMethodEvent()
        event.setCommitString(text[i : i + 4])
        QApplication.sendEvent(widget, event)
    QApplication.processEvents()

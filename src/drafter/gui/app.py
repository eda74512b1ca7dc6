"""Starts the desktop app: QApplication, fonts, the main window, then background warm-up."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from drafter.gui.main_window import APP_TITLE, MainWindow
from drafter.gui.qt_chinese import install_translations
from drafter.resources import ui_dir

# Readable CJK UI fonts, first one installed wins (Windows, UOS/Kylin, other Linux).
UI_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)


def ui_font() -> QFont:
    families = set(QFontDatabase.families())
    font = QApplication.font()
    for name in UI_FONTS:
        if name in families:
            font = QFont(name)
            break
    font.setPointSizeF(10.5)
    return font


def app_icon() -> QIcon:
    """The app's icon (ui/drafter.svg, also installed by the .deb for its desktop entry)."""
    return QIcon(str(ui_dir() / "drafter.svg"))


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with CJK fonts, Chinese Qt strings and the app's icon.

    Background jobs run Python code; a shorter GIL switch interval (default 5 ms) lets the
    GUI thread take its turn sooner while they do.
    """
    sys.setswitchinterval(0.002)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("drafter")
    app.setApplicationDisplayName(APP_TITLE)
    app.setDesktopFileName("drafter")  # packaging/deb/drafter.desktop
    app.setWindowIcon(app_icon())
    app.setFont(ui_font())
    if not install_translations(app):
        print(
            "drafter: 未找到 Qt 的中文翻译（qtbase_zh_CN.qm），标准对话框将显示英文",
            file=sys.stderr,
        )
    return app


def open_window(draft_path: str | None = None) -> MainWindow:
    """The main window, shown, with the draft (if any) opened once the event loop runs."""
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, _serve_window_switch)  # after the window shows: start-up stays fast
    QTimer.singleShot(0, window.warm_up)
    if draft_path:
        QTimer.singleShot(0, lambda: window.open_draft(str(Path(draft_path))))
    return window


def _serve_window_switch() -> None:
    """Listen for 切换到已打开的窗口 from another instance (QtNetwork loads only now)."""
    from drafter.gui.window_switch import serve

    serve(QApplication.instance())


def run_app(draft_path: str | None = None) -> int:
    app = make_app()
    window = open_window(draft_path)
    code = app.exec()
    del window
    return code

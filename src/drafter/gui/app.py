"""Starts the desktop app: QApplication, fonts, the main window, then background warm-up."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from drafter.gui.main_window import APP_TITLE, MainWindow

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


def install_translations(app: QApplication) -> bool:
    """Qt's own words (确定/取消, 保存/不保存, the editor's context menu) in Simplified Chinese."""
    if getattr(app, "_drafter_translator", None) is not None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        return False
    app.installTranslator(translator)
    app._drafter_translator = translator
    return True


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with CJK fonts and Chinese Qt strings.

    Background jobs run Python code; a shorter GIL switch interval (default 5 ms) lets the
    GUI thread take its turn sooner while they do.
    """
    sys.setswitchinterval(0.002)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("drafter")
    app.setApplicationDisplayName(APP_TITLE)
    app.setFont(ui_font())
    install_translations(app)
    return app


def open_window(draft_path: str | None = None) -> MainWindow:
    """The main window, shown, with the draft (if any) opened once the event loop runs."""
    from drafter.gui.window_switch import serve

    serve(QApplication.instance())  # 切换到已打开的窗口 from another instance
    window = MainWindow()
    window.show()
    QTimer.singleShot(0, window.warm_up)
    if draft_path:
        QTimer.singleShot(0, lambda: window.open_draft(str(Path(draft_path))))
    return window


def run_app(draft_path: str | None = None) -> int:
    app = make_app()
    window = open_window(draft_path)
    code = app.exec()
    del window
    return code

"""Loads the Qt Designer forms in ui/ at run time (QUiLoader)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from drafter.resources import ui_dir

_loader: QUiLoader | None = None


def _new_loader() -> QUiLoader:
    """A QUiLoader that loads no Designer plugins: the forms use Qt's own widgets only, and
    the plugins PySide6 ships (QQuickWidget, QWebEngineView, Python widgets) would pull in
    their libraries at start-up (about 40 ms). QUiLoader looks for them in every library
    path's designer/ folder when it is made, so the paths are left out while it is."""
    app = QCoreApplication.instance()
    paths = app.libraryPaths() if app is not None else []
    if app is not None:
        app.setLibraryPaths([])
    try:
        loader = QUiLoader()
    finally:
        if app is not None:
            app.setLibraryPaths(paths)
    loader.clearPluginPaths()
    return loader


def load_ui(name: str, parent: QWidget | None = None) -> QWidget:
    """The widget tree of ui/<name>.ui, parented to ``parent``."""
    global _loader
    if _loader is None:
        _loader = _new_loader()
    path = ui_dir() / f"{name}.ui"
    f = QFile(str(path))
    if not f.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"cannot open {path}")
    try:
        widget = _loader.load(f, parent)
    finally:
        f.close()
    if widget is None:
        raise RuntimeError(f"cannot load {path}: {_loader.errorString()}")
    if parent is not None and widget.isWindow():
        # A form whose root is a QDialog is embedded in the dialog class that wraps it;
        # as a window it would float apart and leave its host empty.
        widget.setWindowFlags(Qt.WindowType.Widget)
    return widget


def embed_ui(name: str, host: QWidget) -> QWidget:
    """Load ui/<name>.ui and fill ``host`` with it (no margins); a dialog host also takes
    the form's window title and minimum size. Returns the form."""
    form = load_ui(name, host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    if isinstance(host, QDialog):
        host.setWindowTitle(form.windowTitle())
        host.setMinimumSize(form.minimumSize())
    return form


def child(widget: QWidget, cls: type, name: str):
    """The named child of a loaded form; a missing name is a programming error."""
    found = widget.findChild(cls, name)
    if found is None:
        raise LookupError(f"{name} ({cls.__name__}) not in form {widget.objectName()}")
    return found

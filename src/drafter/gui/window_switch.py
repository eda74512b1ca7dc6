"""切换到已打开的窗口: bring the window that holds a draft to the front, in this app or in
another instance of it on the same computer.

Every app instance listens on a local socket named after the user and its pid; the lock file
of a draft names the owner's pid and window token (core/draft_lock.py), so another instance
sends that token and the owner raises the window holding it.
"""

from __future__ import annotations

import getpass
import os

from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from drafter.core.draft_lock import Owner, host_name


def server_name(pid: int) -> str:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises several kinds where no user is set
        user = "user"
    return f"drafter-{user}-{pid}"


def serve(app: QApplication) -> QLocalServer | None:
    """Start this instance's listener once (None if the system refuses a local socket)."""
    server = getattr(app, "_drafter_switch_server", None)
    if server is not None:
        return server
    server = QLocalServer(app)
    name = server_name(os.getpid())
    QLocalServer.removeServer(name)
    if not server.listen(name):
        return None
    server.newConnection.connect(lambda: _accept(server))
    app._drafter_switch_server = server
    return server


def _accept(server: QLocalServer) -> None:
    while server.hasPendingConnections():
        sock = server.nextPendingConnection()
        sock.readyRead.connect(lambda s=sock: _answer(s))


def _answer(sock: QLocalSocket) -> None:
    token = bytes(sock.readAll().data()).decode("utf-8", "replace").strip()
    sock.write(b"ok\n" if raise_window(token) else b"no\n")
    sock.flush()
    sock.disconnectFromServer()


def window_of(token: str) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        document = getattr(widget, "document", None)
        if getattr(document, "owner", None) == token and widget.isVisible():
            return widget
    return None


def raise_window(token: str) -> bool:
    widget = window_of(token)
    if widget is None:
        return False
    widget.showNormal()
    widget.raise_()
    widget.activateWindow()
    return True


def raise_owner(owner: Owner, wait_ms: int = 500) -> bool:
    """Bring the owner's window to the front; False when it cannot be reached (another
    computer, or an instance that does not answer)."""
    if owner.pid == os.getpid():
        return raise_window(owner.token)
    if owner.host != host_name():
        return False
    sock = QLocalSocket()
    sock.connectToServer(server_name(owner.pid))
    if not sock.waitForConnected(wait_ms):
        return False
    sock.write(owner.token.encode("utf-8") + b"\n")
    sock.waitForBytesWritten(wait_ms)
    answered = sock.waitForReadyRead(wait_ms)
    ok = answered and bytes(sock.readAll().data()).startswith(b"ok")
    sock.disconnectFromServer()
    return ok

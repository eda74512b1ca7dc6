"""Background work: results and errors come back on the GUI thread; slow work shows progress."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QProgressDialog, QWidget

from drafter.core.errors import InputError
from drafter.gui.jobs import Jobs


def test_result_arrives_on_the_gui_thread(qtbot):
    jobs = Jobs()
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        return 42

    def done(result):
        seen["result"] = result
        seen["callback"] = threading.get_ident()

    with qtbot.waitSignal(jobs.finished, timeout=5000):
        jobs.run(work, on_done=done)
    assert seen["result"] == 42
    assert seen["callback"] == threading.get_ident() != seen["worker"]
    assert not jobs.busy()


def test_error_is_delivered_with_its_reason(qtbot):
    jobs = Jobs()
    errors = []

    def work(progress):
        raise InputError("last.docx", "不是 Word 文档")

    with qtbot.waitSignal(jobs.finished, timeout=5000):
        jobs.run(work, on_error=lambda exc, tb: errors.append((exc, tb)))
    exc, tb = errors[0]
    assert isinstance(exc, InputError) and exc.reason == "不是 Word 文档"
    assert "InputError" in tb


def test_slow_work_shows_progress_then_hides_it(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    jobs = Jobs()

    def work(progress):
        for i in range(10):
            progress(i, 10)
            time.sleep(0.1)
        return "ok"

    job = jobs.run(work, title="正在导出 Word 文档…", parent=parent)
    qtbot.waitUntil(lambda: job.dialog.isVisible(), timeout=3000)
    dialog = parent.findChild(QProgressDialog)
    assert dialog.labelText() == "正在导出 Word 文档…"
    qtbot.waitUntil(lambda: dialog.maximum() == 10, timeout=3000)
    with qtbot.waitSignal(jobs.finished, timeout=5000):
        pass
    assert job.result == "ok"
    qtbot.waitUntil(lambda: parent.findChildren(QProgressDialog) == [], timeout=2000)


def test_quick_work_shows_no_progress(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    jobs = Jobs()
    with qtbot.waitSignal(jobs.finished, timeout=5000):
        job = jobs.run(lambda progress: 1, title="正在读取…", parent=parent)
    assert not job.dialog.isVisible()
    qtbot.wait(600)  # past the half-second mark: still nothing shown
    assert all(not d.isVisible() for d in parent.findChildren(QProgressDialog))

"""The one way to run slow work off the GUI thread.

``Jobs.run(fn, on_done, on_error, title=…)`` runs ``fn(progress)`` on a QThreadPool worker;
the result (or the DrafterError / unexpected exception) comes back on the GUI thread through
Qt signals. Work that takes longer than half a second shows a progress dialog, if a title is
given. ``progress(done, total)`` may be called from the worker at any rate.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 500


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)


class _Worker(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int], None]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except Exception as exc:  # delivered to the GUI thread, shown to the user there
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Job(QObject):
    """One running piece of work; emits ``finished`` on the GUI thread when it is over."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None


class Jobs(QObject):
    """Runs work on a thread pool and delivers results back to the GUI thread."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._alive: set[Job] = set()

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> Job:
        """Run ``fn(progress)`` in the pool; callbacks run on the GUI thread."""
        job = Job(self)
        worker = _Worker(fn)
        dialog: QProgressDialog | None = None
        timer: QTimer | None = None
        if title:
            dialog = QProgressDialog(title, "", 0, 0, parent)
            dialog.setWindowTitle("请稍候")
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.reset()
            dialog.hide()
            timer = QTimer(job)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: job.running and dialog.show())
            timer.start(PROGRESS_DELAY_MS)

        def progressed(done: int, total: int) -> None:
            if dialog is not None and total > 0:
                dialog.setMaximum(total)
                dialog.setValue(min(done, total))

        def finish() -> None:
            job.running = False
            if timer is not None:
                timer.stop()
            if dialog is not None:
                dialog.hide()
                dialog.deleteLater()
            self._alive.discard(job)
            job.finished.emit()

        def done(result: Any) -> None:
            job.result = result
            finish()
            if on_done is not None:
                on_done(result)

        def failed(exc: BaseException, tb: str) -> None:
            job.error = exc
            finish()
            if on_error is not None:
                on_error(exc, tb)

        worker.signals.progress.connect(progressed, Qt.ConnectionType.QueuedConnection)
        worker.signals.done.connect(done, Qt.ConnectionType.QueuedConnection)
        worker.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
        job._worker_signals = worker.signals  # keep the signal object alive with the job
        self._alive.add(job)
        self.pool.start(worker)
        return job

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)

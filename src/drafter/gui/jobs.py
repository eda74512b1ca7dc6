"""The one way to run slow work off the GUI thread.

``Jobs.run(fn, on_done, on_error, title=…)`` runs ``fn(progress)`` on a QThreadPool worker.
The worker only puts its outcome on a thread-safe queue (emitting Python signals from pool
threads proved unreliable with PySide6 6.12: "Signal source has been deleted"); a GUI-thread
timer drains the queue while work is under way, runs the callbacks there and emits
``finished``. Work that takes longer than half a second shows a progress dialog, if a title
is given. ``progress(done, total)`` may be called from the worker at any rate.
"""

from __future__ import annotations

import itertools
import queue
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 500
POLL_MS = 15


class _Worker(QRunnable):
    def __init__(self, jobs: Jobs, job_id: int, fn: Callable[..., Any]):
        super().__init__()
        self.jobs = jobs
        self.job_id = job_id
        self.fn = fn
        self.setAutoDelete(False)  # the Job keeps the worker until it is over

    def run(self) -> None:
        out = self.jobs.outbox
        try:
            result = self.fn(lambda done, total: out.put(("progress", self.job_id, (done, total))))
        except Exception as exc:  # delivered to the GUI thread, shown to the user there
            out.put(("failed", self.job_id, (exc, traceback.format_exc())))
        else:
            out.put(("done", self.job_id, result))


@dataclass
class Job:
    """One piece of work: its callbacks, progress dialog, and (when over) result or error."""

    id: int
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException, str], None] | None
    worker: _Worker | None = None
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None
    running: bool = True
    result: Any = None
    error: BaseException | None = None
    extra: dict = field(default_factory=dict)


class Jobs(QObject):
    """Runs work on a thread pool and delivers results back to the GUI thread."""

    finished = Signal(int)  # a job id, after its callback ran

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self.jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)
        self.outbox: queue.SimpleQueue = queue.SimpleQueue()
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.deliver)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        title: str | None = None,
        parent: QWidget | None = None,
    ) -> Job:
        """Run ``fn(progress)`` in the pool; callbacks run on the GUI thread."""
        job = Job(next(self._ids), on_done, on_error)
        if title:
            dialog = QProgressDialog(title, "", 0, 0, parent)
            dialog.setWindowTitle("请稍候")
            dialog.setCancelButton(None)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            dialog.reset()
            dialog.hide()
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: job.running and dialog.show())
            timer.start(PROGRESS_DELAY_MS)
            job.dialog, job.timer = dialog, timer
        job.worker = _Worker(self, job.id, fn)
        self.jobs[job.id] = job
        self.poll.start()
        self.pool.start(job.worker)
        return job

    def deliver(self) -> None:
        """Hand every finished job's outcome to its callback (GUI thread)."""
        while True:
            try:
                kind, job_id, payload = self.outbox.get_nowait()
            except queue.Empty:
                break
            if kind == "progress":
                self._on_progress(job_id, *payload)
            elif kind == "done":
                self._on_done(job_id, payload)
            else:
                self._on_failed(job_id, *payload)
        if not self.jobs:
            self.poll.stop()

    def busy(self) -> bool:
        return bool(self.jobs)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle, then deliver what finished."""
        idle = self.pool.waitForDone(msecs)
        self.deliver()
        return idle

    def _finish(self, job_id: int) -> Job | None:
        job = self.jobs.pop(job_id, None)
        if job is None:
            return None
        job.running = False
        if job.timer is not None:
            job.timer.stop()
            job.timer.deleteLater()
        if job.dialog is not None:
            job.dialog.hide()
            job.dialog.deleteLater()
        return job

    def _on_done(self, job_id: int, result: Any) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        job.result = result
        if job.on_done is not None:
            job.on_done(result)
        self.finished.emit(job_id)

    def _on_failed(self, job_id: int, exc: BaseException, tb: str) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        job.error = exc
        if job.on_error is not None:
            job.on_error(exc, tb)
        self.finished.emit(job_id)

    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        job = self.jobs.get(job_id)
        if job is not None and job.dialog is not None and total > 0:
            job.dialog.setMaximum(total)
            job.dialog.setValue(min(done, total))

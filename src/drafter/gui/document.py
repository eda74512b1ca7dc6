"""DraftDocument: the open draft (core.draft.Draft) as a QObject with change signals.

The window holds one; it asks the questions and shows the messages, the document keeps the
state: report, file, skeleton, undo history, dirty and autosave bookkeeping. Every change made
through :meth:`apply`, :meth:`undo` or :meth:`redo` is announced by ``changed(change,
initiator)`` (initiator: the widget that asked, so it need not reload itself); edits written
into the model directly by the pages are announced by :meth:`mark_edited`.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from drafter.core import storage
from drafter.core.draft import Draft
from drafter.core.draft_lock import DraftLocked, Owner, lock_path, read_owner
from drafter.core.editing.change import Change
from drafter.core.model.model import Report
from drafter.core.model.skeleton import Skeleton


class DraftDocument(QObject):
    opened = Signal()
    closed = Signal()
    changed = Signal(object, object)  # Change, initiator (or None)
    dirtyChanged = Signal(bool)
    saved = Signal(str)
    historyChanged = Signal()  # undo/redo availability or labels moved

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.draft: Draft | None = None
        # This window's token: its recovery files and draft locks carry it.
        self.owner = f"{os.getpid():x}{secrets.token_hex(4)}"
        self.locked_by: Owner | None = None  # who holds the file opened read-only

    # ----- state -------------------------------------------------------------------------
    @property
    def report(self) -> Report | None:
        return self.draft.report if self.draft else None

    @property
    def path(self) -> Path | None:
        return self.draft.path if self.draft else None

    @property
    def skeleton(self) -> Skeleton | None:
        return self.draft.skeleton if self.draft else None

    @property
    def dirty(self) -> bool:
        return bool(self.draft and self.draft.dirty)

    def set_dirty(self, dirty: bool) -> None:
        """Count the draft as changed, or as unchanged without saving it."""
        if self.draft is None:
            return
        if dirty:
            self.mark_edited()
        else:
            self._keep_dirty_signal(self.draft.forget_changes)

    @property
    def display_name(self) -> str:
        return self.draft.display_name if self.draft else ""

    # ----- open and close ----------------------------------------------------------------
    @property
    def read_only(self) -> bool:
        return bool(self.draft and self.draft.read_only)

    def open(
        self, report: Report, path: Path | str | None, dirty: bool = False, read_only: bool = False
    ) -> None:
        """Hold the draft; its file is locked for this window, or opened read-only when
        asked or when another live window holds it (``locked_by`` says who)."""
        self.locked_by = None
        try:
            self.draft = Draft(report, path, dirty=dirty, owner=self.owner, read_only=read_only)
        except DraftLocked as exc:
            self.locked_by = exc.owner
            self.draft = Draft(report, path, dirty=dirty, owner=self.owner, read_only=True)
        if read_only and path is not None:
            self.locked_by = read_owner(lock_path(Path(path).resolve()))
        self.opened.emit()
        self.dirtyChanged.emit(self.dirty)
        self.historyChanged.emit()

    def close(self, keep_recovery: bool = False) -> None:
        """Put the draft away (a clean one's recovery copy goes unless ``keep_recovery``)."""
        if self.draft is None:
            return
        self.draft.close(keep_recovery)
        self.draft = None
        self.closed.emit()
        self.historyChanged.emit()

    # ----- changes -----------------------------------------------------------------------
    def mark_edited(self) -> None:
        """A page wrote into the report directly."""
        if self.draft is not None:
            self._keep_dirty_signal(self.draft.mark_edited)

    def checkpoint(self, label: str) -> bool:
        """Edits written into the report directly become one undo step named ``label``."""
        if self.draft is None:
            return False
        recorded = self._keep_dirty_signal(lambda: self.draft.checkpoint(label))
        if recorded:
            self.historyChanged.emit()
        return recorded

    def apply(self, op: Callable[[Report], Change], initiator: object = None) -> Change:
        """Run an editing operation as an undoable step (EditError if it cannot be done)."""
        change = self._keep_dirty_signal(lambda: self.draft.apply(op))
        self.changed.emit(change, initiator)
        self.historyChanged.emit()
        return change

    def undo(self, initiator: object = None) -> Change | None:
        return self._step(self.draft.undo if self.draft else None, initiator)

    def redo(self, initiator: object = None) -> Change | None:
        return self._step(self.draft.redo if self.draft else None, initiator)

    def _step(self, move, initiator) -> Change | None:
        if move is None:
            return None
        change = self._keep_dirty_signal(move)
        if change is not None:
            self.changed.emit(change, initiator)
            self.historyChanged.emit()
        return change

    def _keep_dirty_signal(self, action):
        was = self.dirty
        result = action()
        if self.dirty != was:
            self.dirtyChanged.emit(self.dirty)
        return result

    # ----- files -------------------------------------------------------------------------
    def save_to(self, path: Path | str) -> None:
        """Write the draft (DrafterError if it cannot be written)."""
        self._keep_dirty_signal(lambda: self.draft.save_to(path))
        self.saved.emit(str(path))

    @property
    def needs_autosave(self) -> bool:
        return bool(self.draft and self.draft.needs_autosave)

    def autosave(self) -> None:
        """Write the recovery copy (DrafterError if it cannot be written)."""
        self.draft.autosave()

    def discard_changes(self) -> None:
        """The user chose not to save: drop the recovery copy, count the draft as clean."""
        if self.draft is not None:
            self.draft.discard_recovery()
            self._keep_dirty_signal(self.draft.forget_changes)

    def newer_autosave(self) -> storage.Recovery | None:
        return self.draft.newer_autosave() if self.draft else None

"""The open draft: its report, file, skeleton and undo history, and when it must be saved.

Qt-free, so the dirty, autosave and recovery rules are tested without a window (the GUI wraps
it in gui/document.py). The draft is dirty when it has edits made outside the history (the
section editor and the forms write into the model and call :meth:`mark_edited`) or when the
history is not at the step the file was saved at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.core import storage
from drafter.core.editing.change import Change
from drafter.core.editing.history import History
from drafter.core.errors import DrafterError
from drafter.core.model.model import Report
from drafter.core.model.skeleton import Skeleton, load_skeleton


class Draft:
    def __init__(self, report: Report, path: Path | str | None = None, *, dirty: bool = False):
        self.report = report
        self.path = Path(path) if path else None
        try:
            self.skeleton: Skeleton | None = load_skeleton(report.skeleton)
        except DrafterError:
            self.skeleton = None
        self.history = History()
        self.edited = dirty  # changed outside the history since the last save
        self.edits = 0  # every change counts; autosave writes only when this moved on
        self.autosaved_edits = -1

    @classmethod
    def open(cls, path: Path | str) -> Draft:
        """The draft in that file (DrafterError with the file's name if it cannot be read)."""
        return cls(storage.load_draft(path), Path(path))

    # ----- changes -----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.edited or self.history.dirty

    def mark_edited(self) -> None:
        """The report was changed directly (by a widget): count it, the draft is dirty."""
        self.edits += 1
        self.edited = True

    def apply(self, op: Callable[[Report], Change]) -> Change:
        """Run an editing operation (core.editing.ops) as an undoable step."""
        revision = self.history.revision
        change = self.history.apply(self.report, op)
        if self.history.revision != revision:
            self.edits += 1
        return change

    def undo(self) -> Change | None:
        change = self.history.undo(self.report)
        if change is not None:
            self.edits += 1
        return change

    def redo(self) -> Change | None:
        change = self.history.redo(self.report)
        if change is not None:
            self.edits += 1
        return change

    def forget_changes(self) -> None:
        """Count the current state as saved without writing it (the user chose to discard)."""
        self.edited = False
        self.history.mark_saved()

    # ----- files -------------------------------------------------------------------------
    def save_to(self, path: Path | str) -> None:
        """Write the draft to ``path`` (atomic); its recovery copies (old and new name) go."""
        old = self.path
        storage.save_draft(self.report, path)
        storage.discard_recovery(old)
        storage.discard_recovery(path)
        self.path = Path(path)
        self.forget_changes()

    @property
    def needs_autosave(self) -> bool:
        return self.dirty and self.autosaved_edits != self.edits

    def autosave(self) -> None:
        """Write the recovery copy (never the draft file itself); DrafterError if it fails."""
        storage.autosave(self.report, self.path)
        self.autosaved_edits = self.edits

    def discard_recovery(self) -> None:
        storage.discard_recovery(self.path)

    def close(self, keep_recovery: bool = False) -> None:
        """The draft is put away: a clean draft's recovery copy is no longer needed."""
        if not self.dirty and not keep_recovery:
            storage.discard_recovery(self.path)

    def newer_autosave(self) -> storage.Recovery | None:
        """An autosave of this draft's file newer than the file (the program did not close
        properly after the last save), or None."""
        if self.path is None:
            return None
        target = storage.recovery_path(self.path)
        mtime = self.path.stat().st_mtime
        return next(
            (r for r in storage.find_recoveries() if r.path == target and r.saved_at > mtime),
            None,
        )

    @property
    def display_name(self) -> str:
        """The file's name without .fzbg.json, or 未保存."""
        if self.path is None:
            return "未保存"
        return self.path.name.removesuffix(".json").removesuffix(".fzbg")

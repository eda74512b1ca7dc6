"""The open draft: its report, file, skeleton and undo history, and when it must be saved.

Qt-free, so the dirty, autosave and recovery rules are tested without a window (the GUI wraps
it in gui/document.py). The draft is dirty when it has edits made outside the history (the
section editor and the forms write into the model and call :meth:`mark_edited`) or when the
history is not at the step the file was saved at.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafter.core import draft_lock, storage
from drafter.core.editing.change import Change
from drafter.core.editing.history import History
from drafter.core.errors import DrafterError, DraftError
from drafter.core.model.model import Report
from drafter.core.model.skeleton import Skeleton, load_skeleton


class Draft:
    def __init__(
        self,
        report: Report,
        path: Path | str | None = None,
        *,
        dirty: bool = False,
        owner: str = "",
        read_only: bool = False,
    ):
        self.report = report
        self.path = Path(path) if path else None
        # The window holding the draft: its recovery file and its lock carry this token.
        self.owner = owner
        self.read_only = read_only  # opened while another window edits the file
        self.lock: draft_lock.DraftLock | None = None
        if self.path is not None and not read_only:
            # DraftLocked if another live window holds the file (the caller asked first)
            self.lock = draft_lock.acquire(self.path, owner)
        self.adopted: list[Path] = []  # recovery files restored into this draft
        try:
            self.skeleton: Skeleton | None = load_skeleton(report.skeleton)
        except DrafterError:
            self.skeleton = None
        self.history = History()
        self.history.anchor(report)
        self.unsaved = dirty  # a new or recovered report never saved to its file
        self.edited = False  # changed outside the history since the history last looked
        self.edits = 0  # every change counts; autosave writes only when this moved on
        self.autosaved_edits = -1

    @classmethod
    def open(cls, path: Path | str, owner: str = "", read_only: bool = False) -> Draft:
        """The draft in that file (DrafterError with the file's name if it cannot be read;
        DraftLocked if another window holds it and ``read_only`` is not asked)."""
        return cls(storage.load_draft(path), Path(path), owner=owner, read_only=read_only)

    # ----- changes -----------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self.unsaved or self.edited or self.history.dirty

    def mark_edited(self) -> None:
        """The report was changed directly (by a widget): count it, the draft is dirty."""
        self.edits += 1
        self.edited = True

    def checkpoint(self, label: str = "编辑") -> bool:
        """Make the edits written into the report directly since the history last touched
        it one undo step named ``label`` (True if there were any)."""
        recorded = self.history.checkpoint(self.report, label)
        if recorded:
            self.edits += 1
        self.edited = False  # what differs from the saved state is now in the history
        return recorded

    def apply(self, op: Callable[[Report], Change]) -> Change:
        """Run an editing operation (core.editing.ops) as an undoable step (edits made
        outside the history first become a step of their own)."""
        self.checkpoint()
        revision = self.history.revision
        change = self.history.apply(self.report, op)
        if self.history.revision != revision:
            self.edits += 1
        return change

    def undo(self) -> Change | None:
        self.checkpoint()
        change = self.history.undo(self.report)
        if change is not None:
            self.edits += 1
        return change

    def redo(self) -> Change | None:
        self.checkpoint()
        change = self.history.redo(self.report)
        if change is not None:
            self.edits += 1
        return change

    def forget_changes(self) -> None:
        """Count the current state as saved without writing it (the user chose to discard)."""
        self.unsaved = self.edited = False
        self.history.mark_saved()

    # ----- files -------------------------------------------------------------------------
    def save_to(self, path: Path | str) -> None:
        """Write the draft to ``path`` (atomic); its recovery copies (old and new name, and
        those restored into it) go only once the write succeeded. DraftError when the draft
        is read-only here, when another window holds the target, or when the write fails;
        the draft then stays unsaved and its recovery copy stays."""
        path = Path(path)
        same = self.path is not None and _same_file(path, self.path)
        new_lock = None
        if same and self.read_only:
            raise DraftError(
                str(path), "草稿以只读方式打开（另一窗口正在编辑），请用“另存为”保存到其他文件"
            )
        if not same or self.lock is None or not self.lock.still_ours():
            try:
                new_lock = draft_lock.acquire(path, self.owner)
            except draft_lock.DraftLocked as exc:
                raise DraftError(
                    str(path),
                    f"该文件已在其他窗口中打开（{exc.owner.describe()}），为免互相覆盖未保存；"
                    "请用“另存为”保存到其他文件",
                ) from None
        self.checkpoint()  # the saved state is a step of the history: undo reaches past it
        try:
            storage.save_draft(self.report, path)
        except BaseException:
            if new_lock is not None and not same:
                new_lock.release()
            raise
        old = self.path
        if new_lock is not None:
            if self.lock is not None and not same:
                self.lock.release()
            self.lock = new_lock
        self.read_only = False
        storage.discard_recovery(old, self.owner)
        storage.discard_recovery(path, self.owner)
        self._discard_adopted()
        self.path = path
        self.forget_changes()

    def _discard_adopted(self) -> None:
        for f in self.adopted:
            try:
                f.unlink()
            except OSError:
                pass
        self.adopted.clear()

    @property
    def needs_autosave(self) -> bool:
        return self.dirty and self.autosaved_edits != self.edits

    def autosave(self) -> None:
        """Write the recovery copy (never the draft file itself); DrafterError if it fails."""
        storage.autosave(self.report, self.path, self.owner)
        self.autosaved_edits = self.edits

    def discard_recovery(self) -> None:
        storage.discard_recovery(self.path, self.owner)
        self._discard_adopted()

    def close(self, keep_recovery: bool = False) -> None:
        """The draft is put away: a clean draft's recovery copy is no longer needed; the
        file's lock is released."""
        if not self.dirty and not keep_recovery:
            self.discard_recovery()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def newer_autosave(self) -> storage.Recovery | None:
        """An autosave of this draft's file newer than the file (the program did not close
        properly after the last save), or None."""
        if self.path is None:
            return None
        try:
            key = str(self.path.resolve())
            mtime = self.path.stat().st_mtime
        except OSError:
            return None
        return next(
            (
                r
                for r in storage.find_recoveries(skip_owners=[self.owner])
                if r.draft_path == key and r.saved_at > mtime
            ),
            None,
        )

    @property
    def display_name(self) -> str:
        """The file's name without .fzbg.json, or 未保存."""
        if self.path is None:
            return "未保存"
        return self.path.name.removesuffix(".json").removesuffix(".fzbg")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return str(a) == str(b)

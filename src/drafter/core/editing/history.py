"""Snapshot undo for a Report: every step keeps the report's JSON before and after it.

A report's to_dict() is small (tens of KB) and quick, so a step is two snapshots rather than
an inverse operation per field. The rules: at most ``limit`` steps; an operation that changed
nothing records no step; a new step clears the redo list; consecutive changes with the same
merge key (set_paragraphs on one section) are one step; the step at which the draft was saved
is remembered, so ``dirty`` is "the current step is not the saved one".

Undo and redo restore the report in place (the same Report object, new sections and
paragraphs inside it), and return a Change that flags everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from drafter.core.editing.change import EVERYTHING, Change
from drafter.core.model.model import Report

LIMIT = 100


@dataclass
class Step:
    serial: int
    label: str
    before: dict[str, Any]
    after: dict[str, Any]
    merge_key: tuple = ()


def restore(report: Report, snapshot: dict[str, Any]) -> None:
    """Make ``report`` hold ``snapshot``'s content (same object, new parts)."""
    fresh = Report.from_dict(snapshot)
    for name in ("metadata", "skeleton", "opening", "sections", "indicators", "last_year"):
        setattr(report, name, getattr(fresh, name))


class History:
    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._serial = 0  # last serial handed out
        self._saved = 0  # serial of the step the draft was saved at (0: before any step)
        self.revision = 0  # moves on whenever apply, undo or redo changed the report

    # ----- recording ---------------------------------------------------------------------
    def apply(self, report: Report, op: Callable[[Report], Change]) -> Change:
        """Run ``op(report)`` and record it as a step (none if it changed nothing). If the
        op raises, the report is put back as it was and the error propagates."""
        before = report.to_dict()
        try:
            change = op(report)
        except BaseException:
            if report.to_dict() != before:  # ops check first, so this is only a safety net
                restore(report, before)
            raise
        after = report.to_dict()
        if after == before:
            return change
        self.revision += 1
        top = self._undo[-1] if self._undo else None
        if (
            change.merge_key
            and top is not None
            and top.merge_key == change.merge_key
            and not self._redo
            and top.serial != self._saved
        ):
            top.after = after
        else:
            self._serial += 1
            self._undo.append(Step(self._serial, change.label, before, after, change.merge_key))
            del self._undo[: -self.limit]
        self._redo.clear()
        return change

    # ----- moving through it -------------------------------------------------------------
    def undo(self, report: Report) -> Change | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        restore(report, step.before)
        self._redo.append(step)
        self.revision += 1
        return Change(f"撤销：{step.label}", **EVERYTHING)

    def redo(self, report: Report) -> Change | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        restore(report, step.after)
        self._undo.append(step)
        self.revision += 1
        return Change(f"重做：{step.label}", **EVERYTHING)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_label(self) -> str:
        """The step undo would take back ("删除工作领域 E"), "" when none."""
        return self._undo[-1].label if self._undo else ""

    @property
    def redo_label(self) -> str:
        return self._redo[-1].label if self._redo else ""

    # ----- saved state -------------------------------------------------------------------
    @property
    def current(self) -> int:
        """The serial of the newest step not undone (0 before any)."""
        return self._undo[-1].serial if self._undo else 0

    def mark_saved(self) -> None:
        self._saved = self.current

    @property
    def dirty(self) -> bool:
        return self.current != self._saved

    def clear(self) -> None:
        """Forget every step (a new draft opened); the current state counts as saved."""
        self._undo.clear()
        self._redo.clear()
        self._saved = self.current

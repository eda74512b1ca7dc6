"""One 撤销/重做 (Ctrl+Z / Ctrl+Y) for the whole window, as a clerk expects from Word.

Undo goes to the section editor while its text has steps of its own, otherwise to the report's
history (core.editing.history, through DraftDocument). Before any report-level operation, undo
or redo, :meth:`UndoFlow.commit_step` writes the editor's text into the report, records what was
written outside the history as one named step, and starts the editor's text undo afresh, so
the editor's steps are always the newest. The menu text names the step ("撤销：删除工作领域 E").

After a change the views follow it: the navigator is rebuilt when the structure changed, and
the page on show is reloaded when its section was touched and it did not make the change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence

from drafter.core.editing.ops import section_name
from drafter.gui.navigator import CHECK, META, OPENING

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


class UndoFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._update_timer = QTimer(self)  # goes with the window, never fires after it
        self._update_timer.setSingleShot(True)
        self._update_timer.setInterval(0)
        self._update_timer.timeout.connect(self.update_actions)
        window.document.changed.connect(self.on_changed)
        window.document.historyChanged.connect(self.update_actions)

    def attach_editor(self, editor) -> None:
        """The editor's own undo keys go to the window's actions (which decide where)."""
        editor.installEventFilter(self)
        # Typing does not always announce undoAvailable; after any change of the text (once
        # the text's own undo step is pushed) the menu text is brought up to date.
        editor.document().contentsChanged.connect(self._update_soon)
        edit_menu = self.window.menus.get("编辑(&E)")
        if edit_menu is not None:
            edit_menu.aboutToShow.connect(self.update_actions)

    def _update_soon(self) -> None:
        if not self._update_timer.isActive():
            self._update_timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if any(event.matches(k) for k in _UNDO_KEYS) or _is_ctrl_y(event):
                event.ignore()  # not the editor's: the window's 撤销/重做 shortcut fires
                return True
        return False

    # ----- where undo goes ---------------------------------------------------------------
    def _editor(self):
        w = self.window
        if w.workspace is None or w.pages.currentWidget() is not w.section_page:
            return None
        return w.section_page.editor if w.section_page.section is not None else None

    def undo(self) -> None:
        editor = self._editor()
        if editor is not None and editor.document().isUndoAvailable():
            editor.undo()
            return
        if self.window.report is not None:
            self.commit_step()
            self.window.document.undo()

    def redo(self) -> None:
        editor = self._editor()
        if editor is not None and editor.document().isRedoAvailable():
            editor.redo()
            return
        if self.window.report is not None:
            self.commit_step()
            self.window.document.redo()

    def commit_step(self) -> None:
        """Editor text → report, then whatever was written outside the history (typing,
        a heading, the report's information) becomes one undo step named after the page."""
        w = self.window
        if w.report is None:
            return
        w.commit()
        w.document.checkpoint(self._page_label())
        editor = self._editor()
        if editor is not None:
            editor.document().clearUndoRedoStacks()
        self.update_actions()

    def _page_label(self) -> str:
        w = self.window
        page = w.current_page
        if page == META:
            return "修改报告信息"
        if page == OPENING:
            return "编辑开头段落"
        section = w.section_by_id(page) if page and page != CHECK else None
        return f"编辑{section_name(section)}" if section is not None else "编辑"

    # ----- menu text ---------------------------------------------------------------------
    def update_actions(self) -> None:
        w = self.window
        undo, redo = w.action_map["undo"], w.action_map["redo"]
        has_report = w.report is not None
        editor = self._editor()
        history = w.document.draft.history if w.document.draft else None
        if editor is not None and editor.document().isUndoAvailable():
            undo_text = "撤销：输入文字"
        elif history is not None and history.can_undo:
            undo_text = f"撤销：{history.undo_label}"
        else:
            undo_text = "撤销"
        if editor is not None and editor.document().isRedoAvailable():
            redo_text = "重做：输入文字"
        elif history is not None and history.can_redo:
            redo_text = f"重做：{history.redo_label}"
        else:
            redo_text = "重做"
        undo.setText(undo_text)
        redo.setText(redo_text)
        # Enabled while a report is open: the editor may gain steps between two updates.
        undo.setEnabled(has_report)
        redo.setEnabled(has_report)

    # ----- views follow the change -------------------------------------------------------
    def on_changed(self, change, initiator) -> None:
        w = self.window
        if w.workspace is None or w.report is None:
            return
        if change.indicators:  # the rows hold the states the report had
            w.section_page.indicator_panel.forget_rows()
        if change.structure or change.label.startswith(("撤销", "重做")):
            self.rebuild_navigator()
        page = w.current_page
        if page == META:
            if change.metadata:
                w.metadata_form.set_metadata(w.report.metadata)
            return
        if page == CHECK or not page:
            return
        section = w.section_page.section
        shown = w.section_by_id(page) if page != OPENING else None
        stale = page != OPENING and (shown is None or shown is not section)
        touched = (OPENING if page == OPENING else page) in _touched(change)
        if stale or (touched and initiator is not w.section_page.editor):
            self.reload_page(page if page == OPENING or shown is not None else None)
        w.update_title()

    def reload_page(self, page: str | None) -> None:
        """Show a page again after the report changed under it (nothing is committed from
        the page first: what it shows is out of date). None: the first section."""
        w = self.window
        if w.report is None:
            return
        if page is None or (page not in (META, CHECK, OPENING) and not w.section_by_id(page)):
            page = w.navigator.order[0] if w.navigator.order else META
        w.section_page.section = None
        w.section_page.indicator_panel.forget_rows()
        w.present_page(page, focus_editor=False)

    def rebuild_navigator(self) -> None:
        """The navigator after the report's structure changed, still on the page on show."""
        w = self.window
        w.navigator.set_report(w.report, w.skeleton)
        w.refresh_all_statuses()
        if w.check_result is not None:
            w.navigator.set_check_summary(
                w.check_result.count("error"), w.check_result.count("warning")
            )
        w.navigator.blockSignals(True)
        w.navigator.select(w.current_page)
        w.navigator.blockSignals(False)


def _touched(change) -> set[str]:
    names = set(change.sections)
    if "" in names:
        names.add(OPENING)
    if change.label.startswith(("撤销", "重做")):  # a restored snapshot touches everything
        names.add(OPENING)
    return names


def _is_ctrl_y(event: QKeyEvent) -> bool:
    return event.keyCombination().toCombined() == QKeySequence("Ctrl+Y")[0].toCombined()

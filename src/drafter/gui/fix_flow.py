"""Fixing what the check found: from the check page's 修正 / 全部修正 buttons and from the
section editor's context menu (the paragraph under the cursor).

Every fix first shows its before/after (gui/fix_preview.py); on 修正 it is made through
``DraftDocument.apply`` as one undo step. What the clerk typed is committed to the model
first, the section shown is reloaded after, and the findings are checked again.
"""

from __future__ import annotations

import copy

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu

from drafter.core.checks.conventions import check_conventions
from drafter.core.errors import DrafterError
from drafter.core.fixing import FixPlan, fix_op, plan
from drafter.core.model.model import Report, Section
from drafter.gui.check_page import FIX_NAMES, places
from drafter.gui.editor import block_data
from drafter.gui.fix_preview import FixPreview
from drafter.gui.navigator import CHECK


class FixFlow(QObject):
    fixed = Signal(object)  # the Change made

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.dialog: FixPreview | None = None
        self._attached = False
        window.reportOpened.connect(self._attach)

    def _attach(self) -> None:
        """Connect to the pages once the workspace exists."""
        if self._attached:
            return
        w = self.window
        w.check_page.fixRequested.connect(self.request)
        editor = w.section_page.editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self.show_editor_menu)
        self._attached = True

    # ----- asking -------------------------------------------------------------------------
    def request(self, findings: list, title: str) -> FixPreview | None:
        """Show what fixing these findings would change; 修正 makes the fix."""
        w = self.window
        if w.report is None:
            return None
        w.commit()
        fixes = plan(findings)
        if not fixes.edits:
            return None
        records = []
        try:
            fix_op(fixes, w.skeleton, records)(copy.deepcopy(w.report))
        except DrafterError as exc:  # the text moved on since the check: check again
            self._stale(exc)
            return None
        self.dialog = FixPreview(title, records, places(findings), FIX_NAMES, w)
        self.dialog.accepted.connect(lambda: self.apply(fixes))
        self.dialog.open()
        return self.dialog

    def apply(self, fixes: FixPlan) -> None:
        w = self.window
        if w.report is None:
            return
        w.commit()
        try:
            change = w.document.apply(fix_op(fixes, w.skeleton), initiator=self)
        except DrafterError as exc:
            self._stale(exc)
            return
        self.reload_page(change.structure)
        w.status_message.setText(f"已{change.label}（可撤销）")
        self.fixed.emit(change)
        w.check_flow.run(show_page=w.current_page == CHECK)

    def _stale(self, exc: DrafterError) -> None:
        w = self.window
        w.show_error(exc)
        w.check_flow.run(show_page=w.current_page == CHECK)

    def reload_page(self, structure: bool = False) -> None:
        """Show the current page again from the model (the editor's text is older)."""
        w = self.window
        if structure:
            w.navigator.set_report(w.report, w.skeleton)
        page = w.current_page
        editor = w.section_page.editor
        if w.pages.currentWidget() is w.section_page:
            w.section_page.section = None  # already committed: nothing to write back
            w.current_page = ""
            w.show_page(page)
        elif editor.section is not None:
            # The hidden editor still holds the section it showed last; it commits when its
            # typing timer fires (indicator ticks), so it must hold the fixed text too.
            editor.load(editor.section, editor.heading_base)

    # ----- the editor's context menu ---------------------------------------------------------
    def paragraph_fixes(self, paragraph_id: str) -> list[tuple[str, list]]:
        """(menu text, findings) for the fixes of one paragraph: one entry per kind, and
        one for all of them when there are several kinds."""
        w = self.window
        found = w.report.find_paragraph(paragraph_id) if w.report else None
        if found is None:
            return []
        section, para = found
        probe = Report(metadata=copy.deepcopy(w.report.metadata))
        if section is None:
            probe.opening = [para]
        else:
            probe.sections = [Section(section.section, section.area, paragraphs=[para])]
        findings = [
            f
            for f in check_conventions(probe)
            if f.fixable and f.paragraph == paragraph_id and f.code in FIX_NAMES
        ]
        by_code: dict[str, list] = {}
        for f in findings:
            by_code.setdefault(FIX_NAMES[f.code], []).append(f)
        out = [(f"修正{name}（{places(fs)} 处）", fs) for name, fs in by_code.items()]
        if len(out) > 1:
            out.append((f"修正本段全部（{places(findings)} 处）", findings))
        return out

    def editor_menu(self, pos: QPoint) -> QMenu:
        """The editor's standard menu with the fixes of the paragraph at ``pos``."""
        w = self.window
        editor = w.section_page.editor
        menu = editor.createStandardContextMenu(pos)
        data = block_data(editor.cursorForPosition(pos).block())
        if data is None or w.report is None:
            return menu
        w.commit()
        entries = self.paragraph_fixes(data.pid)
        if entries:
            menu.addSeparator()
            for text, findings in entries:
                action = menu.addAction(text)
                action.triggered.connect(
                    lambda _=False, fs=findings, t=text: self.request(fs, t.split("（")[0])
                )
        return menu

    def show_editor_menu(self, pos: QPoint) -> None:
        menu = self.editor_menu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.window.section_page.editor.mapToGlobal(pos))

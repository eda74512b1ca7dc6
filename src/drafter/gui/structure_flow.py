"""Editing the report's structure from the navigator, the 报告 menu and the editor: add a
missing section or work area, remove, rename, move up/down or by drag and drop, put everything
in the rules' order, and move selected paragraphs to another section (移到…).

Every change is one core.editing operation run through DraftDocument.apply, so it is one undo
step; the undo flow first records the editor's text (UndoFlow.commit_step).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from drafter.core.editing import ops
from drafter.core.editing.change import Change
from drafter.core.errors import EditError
from drafter.core.model.model import Report
from drafter.gui.editor import block_data
from drafter.gui.move_dialog import MoveDialog
from drafter.gui.navigator import CHECK, META, OPENING

NAVIGATOR_ACTIONS = ("rename_section", "remove_section", "move_section_up", "move_section_down")
NAVIGATOR_KEYS = ("remove_section",)  # Delete: only where the sections are listed
SECTION_ACTIONS = (*NAVIGATOR_ACTIONS, "sort_sections")


class StructureFlow(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.rename_dialog: QInputDialog | None = None
        self.remove_box: QMessageBox | None = None
        self.move_dialog: MoveDialog | None = None
        self.add_menu = QMenu("添加章节或工作领域", window)
        self.add_menu.setObjectName("addPartMenu")
        self.add_menu.aboutToShow.connect(lambda: self.fill_add_menu(self.add_menu))
        a = window.action_map
        a["rename_section"].triggered.connect(lambda: self._on_selected(self.rename))
        a["remove_section"].triggered.connect(lambda: self._on_selected(self.remove))
        a["move_section_up"].triggered.connect(lambda: self._on_selected(self.move_by, -1))
        a["move_section_down"].triggered.connect(lambda: self._on_selected(self.move_by, 1))
        a["sort_sections"].triggered.connect(self.sort)
        a["move_paragraphs"].triggered.connect(self.open_move_dialog)
        report_menu = window.menus.get("报告(&R)")
        if report_menu is not None:
            report_menu.insertMenu(a["rename_section"], self.add_menu)

    def attach(self, navigator, editor, check_page) -> None:
        """Connect the navigator (context menu, keys, drops) and the editor's 移到…."""
        a = self.window.action_map
        for name in NAVIGATOR_KEYS:
            a[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            navigator.addAction(a[name])
        navigator.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        navigator.customContextMenuRequested.connect(self._navigator_menu_at)
        navigator.moveRequested.connect(self.move_to)
        navigator.addRequested.connect(
            lambda: self.add_menu.popup(navigator.mapToGlobal(QPoint(20, 20)))
        )
        navigator.currentItemChanged.connect(lambda *_: self.update_actions())
        editor.id_in_use = self.paragraph_held_elsewhere
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._editor_menu_at)
        from drafter.gui.structure_actions import StructureActions

        self.finding_actions = StructureActions(self.window, self)
        check_page.actionRequested.connect(self.finding_actions.run)
        check_page.action_for = self.finding_actions.label_for

    # ----- what is selected --------------------------------------------------------------
    def selected_section_id(self) -> str | None:
        """The section chosen in the navigator (None for 报告信息, 开头段落, 检查结果)."""
        w = self.window
        if w.workspace is None or w.report is None:
            return None
        item = w.navigator.currentItem()
        page = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        return page if page not in (None, META, OPENING, CHECK) else None

    def update_actions(self) -> None:
        w = self.window
        sid = self.selected_section_id()
        for name in NAVIGATOR_ACTIONS:
            w.action_map[name].setEnabled(sid is not None)
        if sid is not None:
            siblings = self._siblings(sid)
            ids = [s.id for s in siblings]
            w.action_map["move_section_up"].setEnabled(ids.index(sid) > 0)
            w.action_map["move_section_down"].setEnabled(ids.index(sid) < len(ids) - 1)
        w.action_map["sort_sections"].setEnabled(w.report is not None)
        self.add_menu.setEnabled(w.report is not None)

    def _siblings(self, section_id: str):
        report = self.window.report
        if any(s.id == section_id for s in report.sections):
            return report.sections
        return next(
            p.children for p in report.walk() if any(c.id == section_id for c in p.children)
        )

    def _on_selected(self, action: Callable, *args) -> None:
        sid = self.selected_section_id()
        if sid is not None:
            action(sid, *args)

    # ----- running an operation ----------------------------------------------------------
    def apply(self, op: Callable[[Report], Change]) -> Change | None:
        """Record the editor's text, run the operation as one undo step, autosave."""
        w = self.window
        if w.report is None:
            return None
        w.undo_flow.commit_step()
        try:
            change = w.document.apply(op)
        except EditError as exc:
            w.show_error(exc)
            return None
        if w.dirty:
            w.autosave()
        self.update_actions()
        return change

    # ----- sections ----------------------------------------------------------------------
    def missing_parts(self) -> list[tuple[str, str, bool]]:
        """(key, menu text, can be added now) for every section and work area of the
        report's skeleton it lacks, in the skeleton's order."""
        w = self.window
        if w.report is None or w.skeleton is None:
            return []
        out = []
        for node in w.skeleton.nodes():
            if w.report.find(node.key) is not None:
                continue
            if node.section:
                parent_there = w.report.find(node.section) is not None
                out.append((node.key, f"工作领域 {node.id}  {node.title}", parent_there))
            else:
                out.append((node.key, f"章节 {node.id}  {node.title}", True))
        return out

    def fill_add_menu(self, menu: QMenu) -> None:
        menu.clear()
        parts = self.missing_parts()
        if not parts:
            menu.addAction("报告结构中的章节和工作领域都已齐全").setEnabled(False)
        for key, text, possible in parts:
            act = menu.addAction(f"添加{text}")
            act.setEnabled(possible)
            if not possible:
                act.setToolTip(f"请先添加章节 {key.split('.')[0]}")
            act.triggered.connect(lambda _=False, k=key: self.add_part(k))

    def add_part(self, key: str, go: bool = True) -> str | None:
        """Add the skeleton's section ("S3") or work area ("S1.D") at its place; show it."""
        w = self.window
        section, _, area = key.partition(".")
        change = self.apply(lambda r: ops.add_section(r, w.skeleton, section, area or None))
        if change is None:
            return None
        new_id = change.sections[0]
        if go:
            w.show_page(new_id)
        return new_id

    def rename(self, section_id: str, heading: str | None = None) -> None:
        """Rename (the heading as it will print); without ``heading``, ask for it."""
        w = self.window
        if heading is not None:
            if heading.strip():
                self.apply(lambda r: ops.rename_section(r, section_id, heading.strip()))
            return
        section = w.section_by_id(section_id)
        dialog = QInputDialog(w)
        dialog.setObjectName("renameDialog")
        dialog.setWindowTitle("重命名")
        dialog.setLabelText(f"{section.key} 的标题（导出时印出的文字，序号自动加）：")
        dialog.setTextValue(section.heading)
        dialog.setOkButtonText("确定")
        dialog.setCancelButtonText("取消")
        dialog.resize(520, dialog.height())
        dialog.textValueSelected.connect(lambda text: self.rename(section_id, text))
        self.rename_dialog = dialog
        dialog.open()

    def remove(self, section_id: str, confirmed: bool = False) -> None:
        """Remove a section with its content; asks first when it holds any text."""
        w = self.window
        w.commit()  # what was just typed counts
        section = w.section_by_id(section_id)
        if section is None:
            return
        count = sum(1 for s in section.walk() for p in s.paragraphs if (p.lead + p.text).strip())
        if not confirmed and count:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "删除",
                f"{ops.section_name(section)}（{section.heading or section.key}）有 {count} "
                "段文字，删除后文字一并删去（可以撤销）。要删除吗？",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                w,
            )
            box.button(QMessageBox.StandardButton.Yes).setText("删除")
            box.button(QMessageBox.StandardButton.Cancel).setText("取消")
            box.accepted.connect(lambda: self.remove(section_id, confirmed=True))
            self.remove_box = box
            box.open()
            return
        showing = {s.id for s in section.walk()}
        before = w.navigator.neighbour(section_id, -1)
        was_shown = w.current_page in showing
        if self.apply(lambda r: ops.remove_section(r, section_id)) is None:
            return
        if was_shown:  # show the section before it (or the first one)
            w.show_page(before or (w.navigator.order[0] if w.navigator.order else META))

    def move_by(self, section_id: str, step: int) -> None:
        ids = [s.id for s in self._siblings(section_id)]
        index = ids.index(section_id) + step
        if 0 <= index < len(ids):
            self.apply(lambda r: ops.move_section(r, section_id, index))

    def move_to(self, section_id: str, index: int) -> None:
        """Drag and drop: ``index`` among its siblings once it has left its old place."""
        self.apply(lambda r: ops.move_section(r, section_id, index))

    def sort(self) -> None:
        w = self.window
        if w.report is not None and w.skeleton is not None:
            self.apply(lambda r: ops.sort_sections_by_rule(r, w.skeleton))

    # ----- paragraphs --------------------------------------------------------------------
    def selected_paragraph_ids(self) -> list[str]:
        """The paragraphs the editor's selection touches (the cursor's one without one)."""
        w = self.window
        if w.workspace is None or w.pages.currentWidget() is not w.section_page:
            return []
        w.commit()  # every block carries its paragraph id
        editor = w.section_page.editor
        cursor = editor.textCursor()
        doc = editor.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        if cursor.hasSelection() and cursor.selectionEnd() == last.position() and last != first:
            last = last.previous()  # a selection ending at a line's start leaves that line
        ids, block = [], first
        while block.isValid():
            data = block_data(block)
            if data is not None and block.text().strip() and data.pid not in ids:
                ids.append(data.pid)
            if block == last:
                break
            block = block.next()
        return ids

    def paragraph_held_elsewhere(self, pid: str) -> bool:
        """Is the paragraph in the report outside the section being edited?"""
        w = self.window
        found = w.report.find_paragraph(pid) if w.report is not None else None
        if found is None:
            return False
        shown = w.section_page.section
        if found[0] is None:  # in the opening paragraphs
            return shown is not w.opening_section
        return found[0] is not shown

    def open_move_dialog(self) -> MoveDialog | None:
        """移到…: ask where the selected paragraphs go (non-blocking)."""
        w = self.window
        ids = self.selected_paragraph_ids()
        if not ids:
            w.statusBar().showMessage("先在正文中选中要移动的段落", 5000)
            return None
        source = w.current_page
        dialog = MoveDialog(w.report, w.skeleton, len(ids), source, w)
        dialog.accepted.connect(lambda: self._moved(ids, dialog.target()))
        self.move_dialog = dialog
        dialog.open()
        return dialog

    def _moved(self, ids: list[str], target: str | None) -> None:
        if target is not None:
            self.move_paragraphs(ids, target)
        self.window.section_page.editor.setFocus()

    def move_paragraphs(self, ids: list[str], target: str) -> Change | None:
        """Move paragraphs (their ids and last year's text with them) to the end of a section
        (OPENING: the opening paragraphs)."""
        w = self.window
        dest = None if target == OPENING else target
        change = self.apply(lambda r: ops.move_paragraphs(r, ids, dest))
        if change is not None:
            where = "开头段落" if dest is None else w.section_by_id(dest).key
            w.statusBar().showMessage(f"已把 {len(ids)} 个段落移到 {where}（Ctrl+Z 撤销）", 8000)
        return change

    # ----- menus -------------------------------------------------------------------------
    def navigator_menu(self, page: str | None) -> QMenu:
        """The navigator's context menu for a page (a section id or meta/opening/check)."""
        w = self.window
        menu = QMenu(w.navigator)
        menu.setObjectName("navigatorMenu")
        add = menu.addMenu("添加章节或工作领域")
        self.fill_add_menu(add)
        if page not in (None, META, OPENING, CHECK):
            menu.addSeparator()
            for name in NAVIGATOR_ACTIONS:
                menu.addAction(w.action_map[name])
        menu.addSeparator()
        menu.addAction(w.action_map["sort_sections"])
        return menu

    def _navigator_menu_at(self, pos: QPoint) -> None:
        w = self.window
        item = w.navigator.itemAt(pos)
        page = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if item is not None and item is not w.navigator.currentItem():
            w.navigator.setCurrentItem(item)
        self.update_actions()
        self.navigator_menu(page).popup(w.navigator.viewport().mapToGlobal(pos))

    def editor_menu(self, pos: QPoint) -> QMenu:
        """The editor's context menu: Qt's own (cut, copy, paste…) and 移到…."""
        w = self.window
        editor = w.section_page.editor
        if not editor.textCursor().hasSelection():  # a right click puts the cursor there
            editor.setTextCursor(editor.cursorForPosition(pos))
        menu = editor.createStandardContextMenu(pos)
        menu.addSeparator()
        menu.addAction(w.action_map["move_paragraphs"])
        return menu

    def _editor_menu_at(self, pos: QPoint) -> None:
        editor = self.window.section_page.editor
        self.editor_menu(pos).popup(editor.viewport().mapToGlobal(pos))


def select_paragraphs(editor, first_pid: str, last_pid: str | None = None) -> None:
    """Select whole paragraphs in the editor, from one id to another (for the 移到… flow)."""
    doc, start, end = editor.document(), None, None
    block = doc.firstBlock()
    while block.isValid():
        data = block_data(block)
        if data is not None and data.pid == first_pid:
            start = block.position()
        if data is not None and data.pid == (last_pid or first_pid):
            end = block.position() + block.length() - 1
        block = block.next()
    if start is None or end is None:
        return
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)

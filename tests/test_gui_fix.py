"""Fixing in the GUI: 全部修正 on the check page, 修正 on one finding, and the editor's context
menu; each shows before/after first, is one undo step, and the findings refresh after it.

Undo goes through the window's DraftDocument here (the Ctrl+Z routing to it is built
separately)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from conftest import SEEDS
from drafter.core.reading.importer import import_file
from drafter.core.storage import save_draft
from gui_helpers import close_quietly, make_window, type_text

SEED = SEEDS / "003_9cb397488837d2a1.txt"  # 渭南高新区管委会 2020, rolled forward to 2021


@pytest.fixture
def window(qtbot, tmp_path):
    w = make_window(qtbot)
    path = tmp_path / "2021.json"
    save_draft(import_file(SEED).report, path)
    assert w.open_draft(str(path))
    yield w
    close_quietly(w)


def check(qtbot, window):
    window.activateWindow()  # back from the preview dialog
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    return blocker.args[0]


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def accept(qtbot, window):
    dialog = window.fix_flow.dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_fix_all_punctuation_then_undo_brings_it_back(qtbot, window):
    # Something typed and not yet committed is kept through the fix.
    editor = window.section_page.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "新增一句,用于核对")
    result = check(qtbot, window)
    page = window.check_page
    before = codes(result).count("halfwidth-punct")
    assert before > 5 and page.group_items("halfwidth-punct")
    buttons = [w for it in page._walk() if (w := page.tree.itemWidget(it, 2)) is not None]
    assert buttons  # and none clipped: the column is as wide as the widest (全部修正（259 处）)
    assert page.tree.columnWidth(2) >= max(b.sizeHint().width() for b in buttons)
    header = page.tree.header()  # and in view: the column ends inside the list's width
    assert header.sectionPosition(2) + header.sectionSize(2) <= page.tree.viewport().width()
    button = page.fix_buttons["halfwidth-punct"]
    assert button.text().startswith("全部修正半角标点（") and button.isVisible()

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    view = window.fix_flow.dialog.view.toHtml()
    assert "line-through" in view and "，" in view  # before and after, shown first
    assert "halfwidth-punct" in codes(window.check_result)  # nothing changed yet
    after = accept(qtbot, window)

    assert "halfwidth-punct" not in codes(after)
    assert not page.group_items("halfwidth-punct") and "halfwidth-punct" not in page.fix_buttons
    assert window.document.draft.history.undo_label.startswith("修正")
    texts = [p.text for p in window.report.paragraphs()]
    assert any("新增一句，用于核对" in t for t in texts)

    press_undo(qtbot, window, page.tree)  # Ctrl+Z, as the clerk undoes it
    again = check(qtbot, window)
    assert codes(again).count("halfwidth-punct") == before
    assert page.group_items("halfwidth-punct")
    assert any("新增一句,用于核对" in p.text for p in window.report.paragraphs())


def press_undo(qtbot, window, widget) -> None:
    """Ctrl+Z on a widget of the window, once the preview dialog has given the keys back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    widget.setFocus()
    assert window.action_map["undo"].text().startswith("撤销：修正")
    qtbot.keyClick(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_one_finding_fixed_from_its_row(qtbot, window):
    result = check(qtbot, window)
    page = window.check_page
    item = next(
        it
        for it in page.finding_items()
        if it.data(0, Qt.ItemDataRole.UserRole).code == "stray-space"
    )
    finding = item.data(0, Qt.ItemDataRole.UserRole)
    para = window.report.find_paragraph(finding.paragraph)[1]
    old = para.text
    qtbot.mouseClick(page.item_fix_button(item), Qt.MouseButton.LeftButton)
    after = accept(qtbot, window)
    new = window.report.find_paragraph(finding.paragraph)[1].text
    assert new == old[: finding.start] + old[finding.end :]
    assert codes(after).count("stray-space") == codes(result).count("stray-space") - 1


def test_fixes_for_the_paragraph_under_the_cursor_in_the_context_menu(qtbot, window):
    section = next(
        s
        for s in window.report.walk()
        if any("," in p.text and "(" in p.text for p in s.paragraphs)
    )
    window.navigator.select(section.id)
    editor = window.section_page.editor
    para = next(p for p in section.paragraphs if "," in p.text and "(" in p.text)
    assert editor.goto_paragraph(para.id)
    pos = editor.cursorRect().center()
    menu = window.fix_flow.editor_menu(pos)
    actions = {a.text(): a for a in menu.actions()}
    assert any(t.startswith("修正半角标点（") for t in actions)
    assert any(t.startswith("修正本段全部（") for t in actions)
    old = para.text
    all_of_it = next(a for t, a in actions.items() if t.startswith("修正本段全部"))
    all_of_it.trigger()
    accept(qtbot, window)
    fixed = window.report.find_paragraph(para.id)[1].text
    assert "," not in fixed and "(" not in fixed and fixed != old
    assert fixed in editor.toPlainText()  # the editor shows the fixed text
    assert window.pages.currentWidget() is window.section_page  # the clerk stays where she was
    press_undo(qtbot, window, editor)
    assert window.report.find_paragraph(para.id)[1].text == old

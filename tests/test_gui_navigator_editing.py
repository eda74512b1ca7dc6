"""Editing the structure in the navigator with real widgets: rename through its dialog,
delete with the question when the section holds text, keys (F2, Delete, Alt+Up/Down,
Insert), drag within a level; typing and structure edits share one undo; a saved draft
loads back the same; the page's guidance follows the section, not its position."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from drafter.core import storage
from drafter.core.model.skeleton import load_skeleton
from gui_helpers import close_quietly, editor_lines, make_window, type_text
from test_gui_shell import create
from test_gui_structure import keys

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    create(qtbot, w)  # a new 2023 report on the standard skeleton: S1 (A…J), S2…S5
    w.activateWindow()  # the keys reach the window's actions
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    close_quietly(w)


def select(window, key: str):
    """Choose a section in the navigator and leave the focus there (as the arrow keys do)."""
    section = window.report.find(key)
    window.navigator.setCurrentItem(window.navigator.items[section.id])
    window.navigator.setFocus()
    return section


def test_rename_through_the_dialog_prints_the_new_heading(qtbot, window):
    s2 = select(window, "S2")
    qtbot.keyClick(window.navigator, Qt.Key.Key_F2)
    dialog = window.structure_flow.rename_dialog
    assert dialog.isVisible() and dialog.textValue() == "存在的不足和原因"
    dialog.setTextValue("存在的主要问题和原因")
    dialog.accept()
    assert s2.heading == "存在的主要问题和原因"
    assert window.section_page.heading_edit.text() == "存在的主要问题和原因"
    assert any(b.text == "存在的主要问题和原因" for b in window.report.blocks())
    assert window.action_map["undo"].text() == "撤销：重命名章节 S2"


def test_delete_asks_when_the_area_holds_text_and_undo_brings_it_back(qtbot, window):
    area = select(window, "S1.E")
    editor = window.section_page.editor
    type_text(editor, "全年办理行政执法案件120件。")
    window.navigator.setFocus()
    select(window, "S1.E")
    qtbot.keyClick(window.navigator, Qt.Key.Key_Delete)
    box = window.structure_flow.remove_box
    assert box.isVisible() and "1 段文字" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.report.find("S1.E") is area
    qtbot.keyClick(window.navigator, Qt.Key.Key_Delete)
    window.structure_flow.remove_box.button(QMessageBox.StandardButton.Yes).click()
    assert window.report.find("S1.E") is None
    assert "S1.E" not in keys(window, "S1")
    assert window.section_page.section is window.report.find("S1.D")  # the one before it
    # Two steps: the typing (recorded before the delete) and the delete.
    assert window.action_map["undo"].text() == "撤销：删除工作领域 E"
    window.action_map["undo"].trigger()
    assert [p.text for p in window.report.find("S1.E").paragraphs] == [
        "全年办理行政执法案件120件。"
    ]
    assert window.action_map["undo"].text() == "撤销：编辑工作领域 E"
    window.action_map["undo"].trigger()
    assert window.report.find("S1.E").paragraphs == []
    window.action_map["redo"].trigger()
    window.action_map["redo"].trigger()
    assert window.report.find("S1.E") is None


def test_an_empty_area_goes_without_a_question(qtbot, window):
    select(window, "S1.J")
    window.action_map["remove_section"].trigger()
    assert window.structure_flow.remove_box is None
    assert "S1.J" not in keys(window, "S1")


def test_keys_move_within_the_level_and_insert_opens_the_add_menu(qtbot, window):
    select(window, "S2")
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down)  # walking with the arrow keys
    assert window.section_page.section is window.report.find("S3")
    assert window.navigator.hasFocus()  # the keys stay with the navigator
    qtbot.keyClick(window.navigator, Qt.Key.Key_Up, ALT)
    assert keys(window) == ["S1", "S3", "S2", "S4", "S5"]
    assert window.navigator.currentItem() is window.navigator.items[window.report.find("S3").id]
    qtbot.keyClick(window.navigator, Qt.Key.Key_Down, ALT)
    assert keys(window) == ["S1", "S2", "S3", "S4", "S5"]
    select(window, "S1.A")
    assert not window.action_map["move_section_up"].isEnabled()  # first of its level
    window.action_map["move_section_down"].trigger()
    assert keys(window, "S1")[:2] == ["S1.B", "S1.A"]
    window.action_map["sort_sections"].trigger()
    assert keys(window, "S1") == [f"S1.{a}" for a in "ABCDEFGHIJ"]
    select(window, "S5")
    window.action_map["remove_section"].trigger()
    qtbot.keyClick(window.navigator, Qt.Key.Key_Insert)
    menu = window.structure_flow.add_menu
    qtbot.waitUntil(menu.isVisible)
    texts = [a.text() for a in menu.actions()]
    assert texts == ["添加章节 S5  其他需要报告的情况"]
    menu.actions()[0].trigger()
    menu.hide()
    assert keys(window) == ["S1", "S2", "S3", "S4", "S5"]
    assert window.section_page.section is window.report.find("S5")


def test_drag_within_a_level_only(qtbot, window):
    nav = window.navigator
    item = {k: nav.items[window.report.find(k).id] for k in ("S1", "S2", "S4", "S1.A", "S1.C")}
    assert nav.drop_target(item["S4"], item["S2"], below=False) == (
        window.report.find("S4").id,
        1,
    )
    assert nav.drop_target(item["S1.A"], item["S1.C"], below=True)[1] == 2
    assert nav.drop_target(item["S1.A"], item["S2"], below=False) is None  # another level
    assert nav.drop_target(item["S2"], nav.items["meta"], below=False) is None
    # A real drop: S4 dragged above S2.
    moves = []
    nav.moveRequested.connect(lambda sid, index: moves.append((sid, index)))
    nav.setCurrentItem(item["S4"])
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QDropEvent

    rect = nav.visualItemRect(item["S2"])
    pos = QPoint(rect.center().x(), rect.top() + 1)
    event = QDropEvent(
        pos.toPointF(),
        Qt.DropAction.MoveAction,
        QMimeData(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    nav.dropEvent(event)
    assert moves and moves[0][0] == window.report.find("S4").id
    assert keys(window)[1] == "S4"  # the flow moved it in the report; the tree was rebuilt


def test_guidance_follows_the_area_and_a_saved_draft_loads_back_the_same(qtbot, window, tmp_path):
    skeleton = load_skeleton("standard")
    select(window, "S1.G")
    window.action_map["move_section_up"].trigger()
    window.action_map["move_section_up"].trigger()
    select(window, "S1.G")
    assert window.section_page.guidance.text() == skeleton.node("S1.G").guidance
    assert window.section_page.title.text() == skeleton.node("S1.G").title
    window.structure_flow.rename(window.report.find("S1.G").id, "化解矛盾纠纷")
    assert window.section_page.guidance.text() == skeleton.node("S1.G").guidance
    rows = set(window.section_page.indicator_panel.rows)
    assert rows == set(skeleton.node("S1.G").indicators)
    # Autosaved like any edit.
    assert storage.recovery_path(None, window.document.draft.owner).exists()
    target = tmp_path / "报告.fzbg.json"
    assert window.save_to(target)
    loaded = storage.load_draft(target)
    assert loaded.to_dict() == window.report.to_dict()
    assert [s.key for s in loaded.find("S1").children][4] == "S1.G"


def test_typing_then_undo_goes_to_the_editor_first_then_to_the_report(qtbot, window):
    select(window, "S1.J")
    window.action_map["move_section_up"].trigger()  # a report step
    select(window, "S1.A")
    editor = window.section_page.editor
    editor.setFocus()
    type_text(editor, "健全法治政府建设推进机制。")
    QApplication.processEvents()
    assert window.action_map["undo"].text() == "撤销：输入文字"
    for _ in range(20):  # the editor's own steps first (an input method commits in pieces)
        if window.action_map["undo"].text() != "撤销：输入文字":
            break
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
        QApplication.processEvents()
    assert editor_lines(window) == [""]
    assert window.action_map["undo"].text() == "撤销：移动工作领域 J"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # no text step left: the report's
    assert keys(window, "S1")[-2:] == ["S1.I", "S1.J"]
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert keys(window, "S1")[-2:] == ["S1.J", "S1.I"]


def test_editor_context_menu_moves_the_paragraph_under_the_cursor(qtbot, window):
    select(window, "S1.A")
    editor = window.section_page.editor
    editor.setFocus()
    type_text(editor, "区政府常务会议专题研究法治政府建设。")
    menu = window.structure_flow.editor_menu(QPoint(20, 12))
    move = next(a for a in menu.actions() if a.text() == "移到…")
    move.trigger()
    dialog = window.structure_flow.move_dialog
    assert dialog.choose(window.report.find("S3").id)
    assert not dialog.choose(window.report.find("S1.A").id)  # not where it is
    dialog.accept()
    s3 = window.report.find("S3")
    assert [p.text for p in s3.paragraphs] == ["区政府常务会议专题研究法治政府建设。"]
    assert window.report.find("S1.A").paragraphs == []
    assert editor_lines(window) == [""]
    # Two steps: the typing, then the move.
    assert window.action_map["undo"].text() == "撤销：移动段落"
    window.action_map["undo"].trigger()
    assert [p.text for p in window.report.find("S1.A").paragraphs] == [
        "区政府常务会议专题研究法治政府建设。"
    ]
    assert editor_lines(window) == ["区政府常务会议专题研究法治政府建设。"]

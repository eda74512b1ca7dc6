"""The desktop app's shell driven through real widgets: start page, navigator, editor, saving."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drafter.core import storage
from drafter.core.model.model import Paragraph, Section
from drafter.core.model.skeleton import load_skeleton
from drafter.gui.editor import SectionEditor
from drafter.gui.page_ids import CHECK, META
from drafter.gui.settings import Settings, WindowState
from gui_helpers import close_quietly, editor_lines, make_window, type_text


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def create(qtbot, window, organ="测试区人民政府", year=2023):
    page = window.start_page
    page.organ_edit.clear()
    type_text(page.organ_edit, organ)
    page.year_spin.setValue(year)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)


def test_new_report_from_start_page_uses_the_skeleton_for_the_year(qtbot, window):
    page = window.start_page
    page.year_spin.setValue(2020)
    assert page.skeleton_combo.currentData() == "gangyao2015"
    create(qtbot, window, year=2023)
    assert window.stack.currentWidget() is window.workspace
    assert window.report.skeleton == "standard"
    title = window.windowTitle()
    assert "法治政府建设年度报告" in title and "测试区人民政府" in title
    assert window.section_page.isVisible()
    # The navigator lists report info, every skeleton node and the check page.
    labels = [window.navigator.items[i].text(0) for i in window.navigator.order]
    nodes = load_skeleton("standard").nodes()
    assert len(labels) == len(nodes)
    assert all(n.title in label for n, label in zip(nodes, labels, strict=True))
    assert META in window.navigator.items and CHECK in window.navigator.items


def test_organ_kind_follows_the_organ_name_until_chosen(qtbot, window):
    page = window.start_page
    type_text(page.organ_edit, "某某市司法局")
    assert page.kind_combo.currentData() == "dept"
    page.organ_edit.clear()
    type_text(page.organ_edit, "某某区人民政府")
    assert page.kind_combo.currentData() == "gov"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("dept"))
    page.kind_combo.activated.emit(page.kind_combo.currentIndex())  # the clerk's own choice
    page.organ_edit.clear()
    type_text(page.organ_edit, "某某县人民政府")
    assert page.kind_combo.currentData() == "dept"
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    assert window.report.metadata.organ_kind == "dept"


def test_new_report_needs_an_organ(qtbot, window):
    qtbot.mouseClick(window.start_page.create_button, Qt.MouseButton.LeftButton)
    assert window.report is None
    assert window.stack.currentWidget() is window.start_page


def test_walk_every_section_type_and_save(qtbot, window, tmp_path, monkeypatch):
    create(qtbot, window)
    seen = []
    page = window.section_page
    while True:
        seen.append(page.section.key)
        type_text(page.editor, f"{page.section.key}节的内容。")
        if not page.next_button.isEnabled():
            break
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert seen == [n.key for n in load_skeleton("standard").nodes()]
    assert window.navigator.status_of(window.report.sections[1].id) == "done"
    # Back one section with 上一节.
    qtbot.mouseClick(page.prev_button, Qt.MouseButton.LeftButton)
    assert page.section.key == "S4"

    target = tmp_path / "报告.fzbg.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert target.exists() and not window.dirty
    assert "报告" in window.windowTitle() and not window.windowTitle().startswith("*")
    saved = storage.load_draft(target)
    for sec in saved.walk():
        assert [p.text for p in sec.paragraphs] == [f"{sec.key}节的内容。"]
    assert str(target.resolve()) in Settings.load().recent_drafts


def test_open_draft_and_recent_list(qtbot, window, tmp_path):
    create(qtbot, window)
    window.section_page.editor.insertPlainText("第一段。")
    path = tmp_path / "a.fzbg.json"
    assert window.save_to(path)
    window.go_start()
    item = window.start_page.recent_list.item(0)
    assert item.text().startswith("a　　修改于 ")
    window.start_page.recentRequested.emit(item.data(Qt.ItemDataRole.UserRole))
    assert window.path == path
    assert editor_lines(window) == ["第一段。"]


def test_open_broken_draft_shows_the_reason(qtbot, window, tmp_path):
    bad = tmp_path / "bad.fzbg.json"
    bad.write_text("{oops", encoding="utf-8")
    assert not window.open_draft(str(bad))
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "bad.fzbg.json" in box.text() and "JSON 格式错误" in box.text()
    assert window.report is None


def test_editor_keeps_paragraph_identity_kind_and_lead(qtbot):
    editor = SectionEditor()
    qtbot.addWidget(editor)
    heading = Paragraph("行政复议", kind="heading", level=3)
    runin = Paragraph("全年共收到申请48件。", lead="加强复议工作。", level=2)
    body = Paragraph("依法受理37件。")
    sec = Section("S1", "G", paragraphs=[heading, runin, body])
    editor.load(sec)
    assert editor_text(editor) == [
        "行政复议",
        "加强复议工作。全年共收到申请48件。",
        "依法受理37件。",
    ]
    # Enter at the start of the heading pushes it down; the heading keeps its id and kind.
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    type_text(editor, "新增的一段。")
    # Split the last paragraph in the middle.
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for _ in range(4):
        editor.moveCursor(QTextCursor.MoveOperation.Left)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    paras = editor.paragraphs()
    assert [p.text for p in paras] == [
        "新增的一段。",
        "行政复议",
        "全年共收到申请48件。",
        "依法受理",
        "37件。",
    ]
    assert paras[1] is heading and paras[1].kind == "heading" and paras[1].level == 3
    assert paras[2] is runin and paras[2].lead == "加强复议工作。"
    assert paras[3] is body
    assert paras[0].kind == "body" and paras[4].kind == "body"
    assert len({p.id for p in paras}) == 5
    # Undo brings the split back; the paragraph keeps its identity.
    editor.undo()
    paras = editor.paragraphs()
    assert paras[-1] is body and body.text == "依法受理37件。"
    # A deleted paragraph brought back by undo is the same paragraph (last year's text kept).
    runin.last_year_text = "加强复议工作。全年共收到申请40件。"
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    assert runin not in editor.paragraphs()
    editor.undo()
    back = editor.paragraphs()[2]
    assert back is runin and back.last_year_text.startswith("加强复议工作")
    # Marking a heading.
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.set_heading_level(1)  # one level below the section's own heading (level 1)
    first = editor.paragraphs()[0]
    assert first.kind == "heading" and first.level == 2


def editor_text(editor):
    return editor.toPlainText().split("\n")


def test_tab_walks_the_blanks_and_typing_fills_them(qtbot, window):
    create(qtbot, window)
    editor = window.section_page.editor
    editor.insert_paragraph("全年收到申请【填：数字】件，受理【填：数字】件。")
    assert editor.textCursor().selectedText() == "【填：数字】"
    type_text(editor, "48")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.textCursor().selectedText() == "【填：数字】"
    type_text(editor, "37")
    assert editor_lines(window) == ["全年收到申请48件，受理37件。"]
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # no blank left: focus moves on, text unchanged
    assert editor_lines(window) == ["全年收到申请48件，受理37件。"]


def test_find_with_ctrl_f(qtbot, window):
    create(qtbot, window)
    editor = window.section_page.editor
    editor.setPlainText("第一段写复议。\n第二段也写复议。")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.section_page
    assert page.find_bar.isVisible()
    type_text(page.find_edit, "复议")
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().selectedText() == "复议"
    assert editor.textCursor().blockNumber() == 0
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert editor.textCursor().blockNumber() == 1
    assert len(editor.extraSelections()) == 2
    # Past the last match the search goes on in the following sections, then wraps.
    later = window.report.find("S4")
    later.paragraphs[0:0] = [Paragraph("明年继续做好复议工作。")]
    first = page.section
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert page.section is later
    assert editor.textCursor().selectedText() == "复议"
    assert editor.textCursor().block().text() == "明年继续做好复议工作。"
    qtbot.keyClick(page.find_edit, Qt.Key.Key_Return)
    assert page.section is first and page.find_status.text() == "已从头继续查找"
    assert editor.textCursor().blockNumber() == 0


def test_settings_dialog_saves_preferences_apart_from_window_state(qtbot, window):
    dialog = window.open_settings()
    dialog.organ_edit.setText("某某市司法局")
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("dept"))
    dialog.autosave_spin.setValue(7)
    dialog.accept()
    saved = json.loads(Settings.path().read_text(encoding="utf-8"))
    assert saved["default_organ"] == "某某市司法局" and saved["autosave_seconds"] == 7
    assert window.autosave_timer.interval() == 7000
    assert window.start_page.organ_edit.text() == "某某市司法局"
    close_quietly(window)
    assert WindowState.path().exists()
    assert "geometry" not in saved
    assert "geometry" in json.loads(WindowState.path().read_text(encoding="utf-8"))


def test_autosave_on_section_change_and_recovery_offered(qtbot, window, tmp_path):
    create(qtbot, window)
    type_text(window.section_page.editor, "尚未保存的修改。")
    assert not storage.find_recoveries()
    qtbot.mouseClick(window.section_page.next_button, Qt.MouseButton.LeftButton)
    recoveries = storage.find_recoveries()
    assert len(recoveries) == 1
    texts = [p.text for p in recoveries[0].report.paragraphs()]
    assert "尚未保存的修改。" in texts
    # A fresh window (as after a crash) offers it on the start page.
    other = make_window(qtbot)
    assert other.start_page.recovery_box.isVisible()
    qtbot.mouseClick(
        other.start_page.form.findChild(type(other.start_page.create_button), "restoreButton"),
        Qt.MouseButton.LeftButton,
    )
    assert "尚未保存的修改。" in [p.text for p in other.report.paragraphs()]
    assert other.dirty
    close_quietly(other)


def test_settings_phrase_library_add_and_remove(qtbot, window, tmp_path):
    import shutil

    from conftest import SEEDS
    from drafter.core.library.corpus import Library

    own = tmp_path / "我局2022年报告.txt"
    shutil.copyfile(SEEDS / "002_14c80246056a8988.txt", own)
    dialog = window.open_settings()
    seeds = dialog.library_list.count()
    assert seeds == 5 and all(
        "［示例］" in dialog.library_list.item(i).text() for i in range(seeds)
    )
    dialog.library_list.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()  # the shipped examples stay
    with qtbot.waitSignal(dialog.libraryChanged, timeout=30000):
        dialog.add_report(str(own))
    assert dialog.library_list.count() == seeds + 1
    mine = dialog.library_list.item(seeds)
    assert "［我的］" in mine.text() and "我局2022年报告.txt" in mine.text()
    assert [e.file for e in Library.open().user_entries()] == ["我局2022年报告.txt"]
    dialog.library_list.setCurrentItem(mine)
    with qtbot.waitSignal(dialog.libraryChanged, timeout=5000):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.library_list.count() == seeds
    assert Library.open().user_entries() == []
    window.jobs.wait()
    dialog.reject()


def test_metadata_form_edits_the_report(qtbot, window):
    create(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    form = window.metadata_form
    assert window.pages.currentWidget() is form
    assert form.edits["title"].text() == "测试区人民政府关于2023年度法治政府建设情况的报告"
    form.edits["title"].clear()
    type_text(form.edits["title"], "测试区人民政府关于2023年法治政府建设工作的报告")
    type_text(form.edits["recipient"], "测试市人民政府")
    type_text(form.edits["doc_number"], "测政字〔2024〕3号")
    form.dates["date"].setDate(QDate(2024, 2, 20))
    meta = window.report.metadata
    assert meta.title == "测试区人民政府关于2023年法治政府建设工作的报告"
    assert meta.recipient == "测试市人民政府" and meta.doc_number == "测政字〔2024〕3号"
    assert meta.date == "2024-02-20"
    assert "2023年法治政府建设工作的报告" in window.windowTitle()
    form.dates["date"].setDate(form.dates["date"].minimumDate())
    assert meta.date == ""
    type_text(form.edits["note"], "联系人：张三，电话：12345678")
    form.attachments.setFocus()
    type_text(form.attachments, "指标完成情况表")
    qtbot.keyClick(form.attachments, Qt.Key.Key_Return)
    type_text(form.attachments, "典型案例汇编")
    assert meta.note == "联系人：张三，电话：12345678"
    assert meta.attachments == ["指标完成情况表", "典型案例汇编"]


def test_navigator_status_follows_text_blanks_and_indicators(qtbot, window):
    window.warm_up()
    qtbot.waitUntil(lambda: window.indicators_ready, timeout=90000)
    create(qtbot, window)
    section = window.report.find("S3")
    window.show_page(section.id)
    assert window.navigator.status_of(section.id) == "empty"
    editor = window.section_page.editor
    type_text(
        editor, "区政府主要负责人认真履行推进法治建设第一责任人职责，出庭应诉率达【填：比例】。"
    )
    qtbot.waitUntil(lambda: window.navigator.status_of(section.id) == "progress", timeout=3000)
    editor.next_blank()
    type_text(editor, "100%")
    # Blanks filled, but required indicators of S3 (A3 常务会议…) are not written yet.
    qtbot.waitUntil(lambda: window.navigator.status_of(section.id) == "missing", timeout=3000)
    rows = window.section_page.indicator_panel.rows
    missing = [i for i, r in rows.items() if r.required and not r.present]
    assert missing
    for ind in missing:
        rows[ind].na_check.setChecked(True)
    window.refresh_current_status()
    assert window.navigator.status_of(section.id) == "done"
    assert "●" in window.navigator.items[section.id].text(0)


def test_open_window_with_a_draft_argument(qtbot, tmp_path):
    from drafter.core.model.skeleton import new_report
    from drafter.gui.app import open_window

    path = tmp_path / "d.fzbg.json"
    report = new_report("某某县人民政府", 2022, "gov")
    report.find("S2").paragraphs.append(Paragraph("存在的不足。"))
    storage.save_draft(report, path)
    window = open_window(str(path))
    try:
        qtbot.waitUntil(lambda: window.report is not None, timeout=5000)
        assert window.path == path and "d（某某县人民政府" in window.windowTitle()
        window.navigator.select(window.report.find("S2").id)
        assert editor_lines(window) == ["存在的不足。"]
    finally:
        close_quietly(window)


def test_sub_headings_number_one_level_below_their_section(qtbot, window):
    create(qtbot, window)
    area = window.report.find("S1.E")
    window.navigator.select(area.id)
    editor = window.section_page.editor
    type_text(editor, "推进严格规范公正文明执法")
    qtbot.keyClick(editor, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "全面推行行政执法三项制度。")
    window.commit()
    blocks = [b for b in window.report.blocks() if b.section == "S1" and b.area == "E"]
    assert [(b.number, b.text) for b in blocks] == [
        ("（五）", area.heading),
        ("1.", "推进严格规范公正文明执法"),
        ("", "全面推行行政执法三项制度。"),
    ]


def test_gutter_shows_the_heading_numbers_the_export_will_print(qtbot):
    editor = SectionEditor()
    qtbot.addWidget(editor)
    sec = Section(
        "S2",
        heading="存在的不足和原因",
        paragraphs=[
            Paragraph("制度建设方面", kind="heading", level=2),
            Paragraph("规范性文件清理不够及时。"),
            Paragraph("执法方面", kind="heading", level=2),
            Paragraph("执法人员培训不足。", lead="培训不够。", level=3),
        ],
    )
    editor.load(sec, heading_base=1)
    assert editor.numbers == {0: "（一）", 2: "（二）", 3: "1."}
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.moveCursor(QTextCursor.MoveOperation.Down)
    editor.set_heading_level(1)  # the body line becomes a heading: numbers move on
    assert editor.numbers == {0: "（一）", 1: "（二）", 2: "（三）", 3: "1."}


def test_qt_standard_buttons_speak_chinese(qtbot, window):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from drafter.gui.app import install_translations

    assert install_translations(QApplication.instance())
    dialog = window.open_settings()
    box = dialog.findChild(QDialogButtonBox)
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "确定"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    dialog.reject()


def test_default_year_is_the_year_being_reported_on():
    import datetime as dt

    from drafter.gui.start_page import default_year

    assert default_year(dt.date(2026, 2, 10)) == 2025  # drafting in the reporting season
    assert default_year(dt.date(2026, 7, 1)) == 2025
    assert default_year(dt.date(2026, 11, 22)) == 2026  # the year's report is being drafted

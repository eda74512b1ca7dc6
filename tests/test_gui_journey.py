"""The clerk's whole journey through real widgets: last year's report dropped on the window →
every section walked → a suggestion inserted and its blanks filled → an indicator ticks →
one marked 不适用 → the check run and a finding jumped to → export → the .docx holds the edits."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from conftest import SEEDS
from drafter.core.model.blanks import BLANK_OPEN, has_blanks
from drafter.core.model.skeleton import load_skeleton
from drafter.gui.editor import STALE_BG
from gui_helpers import close_quietly, make_window, type_text

SEED = SEEDS / "003_9cb397488837d2a1.txt"  # 渭南高新区管委会 2020


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    w.warm_up()
    qtbot.waitUntil(lambda: w.indicators_ready and w.suggestions_ready, timeout=90000)
    yield w
    close_quietly(w)


def drop_file(window, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(200, 200).toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def goto(window, key: str):
    section = window.report.find(key)
    window.navigator.select(section.id)
    assert window.section_page.section is section
    return section


def test_whole_journey(qtbot, window, tmp_path):
    # 1. Last year's report dropped on the window: what was understood is shown.
    drop_file(window, SEED)
    qtbot.waitUntil(lambda: getattr(window, "import_dialog", None) is not None, timeout=30000)
    dialog = window.import_dialog
    rows = [
        (
            dialog.heading_tree.topLevelItem(i).text(0).strip("　"),
            dialog.heading_tree.topLevelItem(i).text(1),
        )
        for i in range(dialog.heading_tree.topLevelItemCount())
    ]
    assert ("创新优化,全面履行政府职能", "S1.B  健全政府机构职能体系，推动更好发挥政府作用") in rows
    assert any(text == "存在的问题" and mapped.startswith("S2") for text, mapped in rows)
    assert "2020 年度 → 2021 年度" in dialog.summary.text()
    dialog.accept()
    report = window.report
    assert report.metadata.year == 2021 and report.last_year.year == 2020
    assert "渭南高新区管委会" in window.windowTitle()
    assert "法治政府建设年度报告" in window.windowTitle()

    # 2. Walk every section with 下一节; S3 and S5 (absent last year) are there to write.
    page = window.section_page
    window.show_page(window.navigator.order[0])
    walked = [page.section.id]
    while page.next_button.isEnabled():
        qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
        walked.append(page.section.id)
    assert walked == window.navigator.order
    assert {s.section for s in report.sections} == {"S1", "S2", "S3", "S4", "S5"}
    goto(window, "S3")
    assert page.title.text() == load_skeleton("standard").node("S3").title

    # Rolled-forward text: last year's wording beside, stale figures highlighted.
    g = goto(window, "S1.G")
    stale = next(p for p in g.paragraphs if p.stale_figures)
    page.editor.goto_paragraph(stale.id, 0)
    assert stale.stale_figures[0] in page.last_year_view.toPlainText()
    assert "background-color:#fff3a0" in page.last_year_view.toHtml()
    # … and last year's plans for this year, to report on in S1.
    assert "一是全面完善重大行政决策机制" in page.last_year_view.toPlainText()
    block = page.editor.textCursor().block()
    fig = stale.stale_figures[0]
    start = block.text().find(fig)
    marked = [
        r
        for r in block.layout().formats()
        if r.format.background().color() == STALE_BG and r.start <= start < r.start + r.length
    ]
    assert marked, "a figure still carrying last year's value is highlighted in the editor"

    # 3. A suggestion for this section, inserted with its blanks; Tab walks them.
    qtbot.waitUntil(lambda: page.suggest_panel.listing.count() > 0, timeout=30000)
    listing = page.suggest_panel.listing
    index = next(
        i
        for i in range(listing.count())
        if BLANK_OPEN in listing.item(i).data(Qt.ItemDataRole.UserRole)
    )
    listing.setCurrentRow(index)
    template = listing.item(index).data(Qt.ItemDataRole.UserRole)
    qtbot.mouseClick(page.suggest_panel.button, Qt.MouseButton.LeftButton)
    editor = page.editor
    assert editor.textCursor().selectedText().startswith(BLANK_OPEN)
    inserted_block = editor.textCursor().block()
    while BLANK_OPEN in inserted_block.text():
        if not editor.textCursor().selectedText().startswith(BLANK_OPEN):
            qtbot.keyClick(editor, Qt.Key.Key_Tab)
        type_text(editor, "12")
    filled = inserted_block.text()
    assert not has_blanks(filled) and "12" in filled and filled != template

    # 4. An indicator ticks: G2 is missing, its figures go in, its standard sentence goes in.
    row = page.indicator_panel.rows["G2"]
    assert not row.present
    type_text(row.fields["纠错件数"], "5")
    type_text(row.fields["纠错率"], "3.3%")
    qtbot.mouseClick(row.insert_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: row.present, timeout=5000)
    assert "✓" in row.tick.text() and "5件" in row.tick.text()
    assert report.indicator("G2").figures == {"纠错件数": "5", "纠错率": "3.3%"}

    # 5. One indicator marked 不适用 with a reason.
    g7 = page.indicator_panel.rows["G7"]
    qtbot.mouseClick(g7.na_check, Qt.MouseButton.LeftButton)
    type_text(g7.reason_edit, "本年度未收到司法建议和检察建议")
    assert report.indicator("G7").na_reason == "本年度未收到司法建议和检察建议"
    assert "不适用" in g7.tick.text()

    # 6. The check (F5), findings grouped by section and severity; a click jumps to the text.
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        qtbot.keyClick(editor, Qt.Key.Key_F5)
    result = blocker.args[0]
    assert result.indicators["G7"]["status"] == "n/a"
    assert result.indicators["G2"]["status"] == "present"
    assert window.pages.currentWidget() is window.check_page
    assert window.navigator.items["check"].text(0) == (
        f"检查结果（错误 {result.count('error')}，提醒 {result.count('warning')}）"
    )
    tree = window.check_page.tree
    assert tree.topLevelItemCount() >= 1
    items = window.check_page.finding_items()
    assert len(items) == len(result.findings)
    target = next(
        it
        for it in items
        if it.data(0, Qt.ItemDataRole.UserRole).paragraph
        and it.data(0, Qt.ItemDataRole.UserRole).start is not None
    )
    finding = target.data(0, Qt.ItemDataRole.UserRole)
    tree.scrollToItem(target)
    rect = tree.visualItemRect(target)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pages.currentWidget() is page
    assert editor.current_paragraph_id() == finding.paragraph
    if finding.end is not None and finding.end > finding.start:
        assert editor.textCursor().hasSelection()

    # 7. Export; the .docx holds the edited text.
    dialog = window.open_export()
    assert not dialog.warning_label.isHidden() and "仍是去年的" in dialog.warning_label.text()
    out = tmp_path / "2021年度报告.docx"
    dialog.path_edit.setText(str(out))
    dialog.open_check.setChecked(False)
    dialog.header_check.setChecked(True)
    with qtbot.waitSignal(window.exported, timeout=60000):
        dialog.accept()
    assert out.exists()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert filled in text
    assert "纠错（含撤销、确认违法、变更）5件，纠错率3.3%" in text
    assert report.metadata.title in text.replace("\n", "")


def test_dropping_a_broken_docx_names_the_file_and_reason(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    window = make_window(qtbot)
    try:
        bad = tmp_path / "去年的报告.docx"
        bad.write_bytes(b"this is not a zip file")
        drop_file(window, bad)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=30000)
        box = window.findChild(QMessageBox)
        assert "去年的报告.docx" in box.text()
        assert window.report is None and window.stack.currentWidget() is window.start_page
    finally:
        close_quietly(window)


def test_dropping_a_draft_opens_it(qtbot, tmp_path):
    from drafter.core import storage
    from drafter.core.model.skeleton import new_report

    path = tmp_path / "草稿.fzbg.json"
    storage.save_draft(new_report("某某市司法局", 2023, "dept"), path)
    window = make_window(qtbot)
    try:
        drop_file(window, path)
        assert window.path == path and window.report.metadata.organ == "某某市司法局"
    finally:
        close_quietly(window)


def test_export_dialog_options_and_default_target(qtbot, tmp_path):
    window = make_window(qtbot)
    try:
        window.settings.font_set = "common"
        window.new_report("某某区人民政府", "gov", 2023, "standard")
        assert window.save_to(tmp_path / "区报告.fzbg.json")
        dialog = window.open_export()
        assert dialog.target() == tmp_path / "区报告.docx"
        assert dialog.font_combo.currentData() == "common"
        dialog.header_check.setChecked(True)
        dialog.seal_check.setChecked(True)
        dialog.record_check.setChecked(True)
        dialog.page_numbers_check.setChecked(False)
        options = dialog.options()
        assert (options.header, options.seal, options.record, options.page_numbers) == (
            True,
            True,
            True,
            False,
        )
        assert options.font_set == "common"
        dialog.path_edit.setText(str(tmp_path / "无后缀"))
        assert dialog.target() == tmp_path / "无后缀.docx"
        dialog.reject()
    finally:
        close_quietly(window)


def test_dialog_forms_are_embedded_not_floating(qtbot, tmp_path):
    window = make_window(qtbot)
    try:
        window.new_report("某某区人民政府", "gov", 2023, "standard")
        settings = window.open_settings()
        export = window.open_export()
        window.import_source(str(SEED))
        qtbot.waitUntil(lambda: getattr(window, "import_dialog", None) is not None, timeout=30000)
        for dialog in (settings, export, window.import_dialog):
            dialog.show()
            assert not dialog.form.isWindow()
            assert dialog.form.isVisible() and dialog.form.parent() is dialog
            assert dialog.form.geometry().width() > 300
            dialog.reject()
    finally:
        close_quietly(window)

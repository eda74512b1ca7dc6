"""The export dialog lists every blank and every figure still from last year; a click on
one closes the dialog and shows that place, the blank selected."""

from __future__ import annotations

import pytest

from drafter.gui.navigator import META
from gui_helpers import close_quietly, make_window, type_text
from test_gui_shell import create


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def items(dialog) -> list[str]:
    return [dialog.spot_list.item(i).text() for i in range(dialog.spot_list.count())]


def test_dialog_lists_blanks_and_a_click_jumps_to_the_blank(qtbot, window):
    create(qtbot, window)
    editor = window.section_page.editor
    type_text(editor, "全年办理行政复议案件【填：数字】件。")
    page = window.current_page
    window.show_page(META)
    dialog = window.open_export()
    listed = items(dialog)
    assert any("第1段：数字" in t for t in listed), listed
    assert any("成文日期" in t for t in listed), listed
    assert not any("发文字号" in t for t in listed)  # no 版头 asked for
    assert "没有填写" in dialog.warning_label.text()
    assert "不导出" in dialog.warning_label.text()  # the empty parts are named

    dialog.header_check.setChecked(True)  # a 版头 prints 发文字号 and 签发人 too
    listed = items(dialog)
    assert any("发文字号" in t for t in listed) and any("签发人" in t for t in listed)

    row = next(i for i, t in enumerate(listed) if "数字" in t)
    dialog.spot_list.itemClicked.emit(dialog.spot_list.item(row))
    assert not dialog.isVisible()
    assert window.current_page == page
    assert editor.textCursor().selectedText() == "【填：数字】"


def test_a_field_blank_opens_the_metadata_form(qtbot, window):
    create(qtbot, window)
    window.show_page(window.report.sections[0].id)
    dialog = window.open_export()
    row = next(i for i, t in enumerate(items(dialog)) if "成文日期" in t)
    dialog.spot_list.itemClicked.emit(dialog.spot_list.item(row))
    assert window.current_page == META

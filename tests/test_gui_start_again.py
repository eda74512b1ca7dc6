"""Back on the start page after a first report: the organ's kind and the status bar."""

from __future__ import annotations

import pytest

from gui_helpers import close_quietly, make_window, type_text
from test_gui_shell import create


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def test_a_second_report_keeps_the_organs_kind(qtbot, window):
    create(qtbot, window, organ="某某市司法局", year=2022)
    assert window.report.metadata.organ_kind == "dept"
    window.dirty = False
    window.go_start()
    page = window.start_page
    assert page.organ_edit.text() == "某某市司法局"
    assert page.kind_combo.currentData() == "dept"  # not reset to the default 人民政府
    page.create_button.click()
    assert window.report.metadata.organ_kind == "dept"


def test_autosaved_note_goes_once_saved_or_closed(qtbot, window, tmp_path):
    create(qtbot, window)
    type_text(window.section_page.editor, "全年依法行政。")
    window.autosave()
    assert window.status_message.text() == "已自动保存"
    assert window.save_to(tmp_path / "a.fzbg.json")
    assert window.status_message.text() == ""
    type_text(window.section_page.editor, "又改了一句。")
    window.autosave()
    assert window.status_message.text() == "已自动保存"
    window.dirty = False
    window.go_start()
    assert window.status_message.text() == ""

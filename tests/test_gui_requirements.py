"""The reviewing office's requirements file and the user's own wording, through 设置 and the
start page."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from drafter.core.checks.wording import load_user_phrases
from drafter.gui.settings import Settings
from drafter.resources import templates_dir
from gui_helpers import close_quietly, make_window, type_text

EXAMPLE = templates_dir() / "requirements_example.json"
NAME = "某市司法局2024年度法治政府建设年度报告要求"


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def choose_example(window):
    dialog = window.open_settings()
    assert dialog.set_requirements(str(EXAMPLE))
    assert dialog.requirements_label.text() == NAME
    dialog.accept()
    return dialog


def test_requirements_chosen_in_settings_show_on_the_start_page_and_shape_new_reports(
    qtbot, window
):
    page = window.start_page
    assert not page.requirements_label.isVisible()
    choose_example(window)
    saved = json.loads(Settings.path().read_text(encoding="utf-8"))
    assert saved["requirements_file"] == str(EXAMPLE) and saved["requirements_name"] == NAME
    assert page.requirements_label.isVisible() and NAME in page.requirements_label.text()
    assert not page.skeleton_combo.isEnabled()
    page.organ_edit.clear()
    type_text(page.organ_edit, "某市统计局")
    page.year_spin.setValue(2024)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    headings = {s.section: s.heading for s in window.report.sections}
    assert headings["S4"] == "2025年推进法治政府建设的主要安排"
    assert headings["S5"] == "其他需要报告的情况"
    dialog = window.open_settings()
    dialog.set_requirements("")
    dialog.accept()
    assert not page.requirements_label.isVisible() and page.skeleton_combo.isEnabled()


def test_a_bad_requirements_file_is_refused_in_the_dialog_with_its_reason(window, tmp_path):
    bad = tmp_path / "要求.json"
    bad.write_text('{"name": "x", "indicators": {"Z9": "required"}}', encoding="utf-8")
    dialog = window.open_settings()
    assert not dialog.set_requirements(str(bad))
    assert (
        "Z9" in dialog.requirements_label.text() and "不能使用" in dialog.requirements_label.text()
    )
    dialog.accept()
    assert window.settings.requirements_file == ""
    assert not window.start_page.requirements_label.isVisible()


def test_the_users_wording_is_edited_in_settings(window):
    dialog = window.open_settings()
    dialog.wording_edit.setPlainText("府院良性互动机制\n法治")
    dialog.accept()
    assert dialog.isVisible() and "太短" in dialog.wording_hint.text()  # kept open, says why
    dialog.wording_edit.setPlainText("府院良性互动机制\n")
    dialog.accept()
    assert not dialog.isVisible()
    assert [p.canonical for p in load_user_phrases()] == ["府院良性互动机制"]
    again = window.open_settings()
    assert again.wording_edit.toPlainText() == "府院良性互动机制"
    again.reject()


def test_the_check_page_follows_the_requirements_wording(qtbot, window):
    choose_example(window)
    page = window.start_page
    page.organ_edit.clear()
    type_text(page.organ_edit, "某市统计局")
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    type_text(window.section_page.editor, "推动府院联运机制落地。")
    window.check_flow.result = None
    window.run_check()
    qtbot.waitUntil(lambda: window.check_result is not None, timeout=60000)
    found = [f for f in window.check_result.findings if f.code == "wording-suspect"]
    assert len(found) == 1 and "“府院联动”" in found[0].message

"""Marking a section's last missing required indicator 不适用 finishes the section in the
navigator at once, without another keystroke in the editor."""

from __future__ import annotations

import pytest

from drafter.core.model.skeleton import load_skeleton
from drafter.gui.status import required_indicators
from gui_helpers import close_quietly, make_window, type_text
from test_gui_shell import create


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    w.warm_up()
    qtbot.waitUntil(lambda: w.indicators_ready, timeout=90000)
    yield w
    close_quietly(w)


def test_not_applicable_updates_the_navigator_status(qtbot, window):
    create(qtbot, window)  # 人民政府: G4 (出庭应诉) is required
    section = window.report.find("S1.G")
    window.show_page(section.id)
    page = window.section_page
    type_text(page.editor, "全年依法办理群众来信来访，化解矛盾纠纷。")
    qtbot.waitUntil(lambda: window.navigator.status_of(section.id) == "missing", timeout=10000)
    node = load_skeleton(window.report.skeleton).node("S1.G")
    missing = [
        i for i in required_indicators(node, "gov") if not page.indicator_panel.rows[i].present
    ]
    assert missing
    for ind in missing:
        row = page.indicator_panel.rows[ind]
        row.na_check.click()
        type_text(row.reason_edit, "本年度无此项工作")
    assert window.navigator.status_of(section.id) == "done"
    assert "已完成" in page.status_label.text()
    page.indicator_panel.rows[missing[-1]].na_check.click()  # un-mark one
    assert window.navigator.status_of(section.id) == "missing"

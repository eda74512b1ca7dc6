"""The workspace at a small screen (1024x700): nothing on the section page is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QScrollArea

from gui_helpers import close_quietly, make_window


@pytest.fixture
def window(qtbot):
    """The main window with the app's own UI font (the CJK font, 10.5 pt), 1024x700."""
    from PySide6.QtWidgets import QApplication

    from drafter.gui.app import ui_font

    old = QApplication.font()
    QApplication.setFont(ui_font())
    w = make_window(qtbot)
    w.resize(1024, 700)
    yield w
    close_quietly(w)
    QApplication.setFont(old)


def test_indicator_rows_fit_their_panel_at_1024x700(qtbot, window):
    window.new_report("某某市司法局", "dept", 2022, "standard")
    section = window.report.find("S1.G")  # the widest rows: 调解成功件数, 调解成功率 …
    window.show_page(section.id)
    page = window.section_page
    scroll = page.form.findChild(QScrollArea, "indicatorScroll")
    qtbot.waitUntil(lambda: scroll.viewport().width() > 0)
    assert window.navigator.width() <= 240  # a fifth of the window, not 290 px
    viewport = scroll.viewport().width()
    for indicator_id, row in page.indicator_panel.rows.items():
        right = row.mapTo(scroll.viewport(), row.rect().topRight()).x()
        assert right < viewport, (
            f"{indicator_id}: its right edge ({right}) is cut off at {viewport}"
        )
        button = row.insert_button
        assert button.mapTo(scroll.viewport(), button.rect().topRight()).x() < viewport


def test_status_legend_keeps_each_label_whole(qtbot, window):
    from PySide6.QtWidgets import QLabel

    from drafter.gui.status import LABELS, MARKS

    window.new_report("某某市司法局", "dept", 2022, "standard")
    legend = next(
        lab for lab in window.workspace.findChildren(QLabel) if LABELS["done"] in lab.text()
    )
    # Every "mark label" fits on one line within the navigator's width.
    assert legend.sizeHint().width() <= window.navigator.width()
    for key in ("empty", "progress", "missing", "done"):
        assert any(f"{MARKS[key]} {LABELS[key]}" in line for line in legend.text().split("\n"))

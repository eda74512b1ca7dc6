"""The GUI's 参考表述 and 设置 for issue 17: suggestions for a rolled-forward draft never come
from its own source report and show source and year; a whole folder joins the library with
progress, the broken file named, the list showing organ, year and passage count."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from conftest import SEEDS
from drafter.core.reading.importer import import_file
from gui_helpers import close_quietly, make_window
from library_reports import write_folder

SEED = SEEDS / "003_9cb397488837d2a1.txt"  # 渭南高新区管委会 2020


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    w.warm_up()
    qtbot.waitUntil(lambda: w.indicators_ready and w.suggestions_ready, timeout=90000)
    yield w
    close_quietly(w)


def _shown(listing) -> list[str]:
    return [listing.item(i).text() for i in range(listing.count())]


def test_suggestions_for_a_rolled_forward_draft_leave_its_source_out(qtbot, window):
    report = import_file(SEED).report
    window.set_report(report, None)
    for key in ("S1.B", "S1.E", "S2", "S4"):
        section = report.find(key) or next(s for s in report.walk() if s.section == key)
        page = window.section_page
        page.suggest_panel.listing.clear()
        window.navigator.select(section.id)
        assert page.section is section
        qtbot.waitUntil(lambda p=page: p.suggest_panel.listing.count() > 0, timeout=30000)
        shown = _shown(page.suggest_panel.listing)
        sources = [t.rsplit("（来源：", 1)[1] for t in shown]
        assert not any("渭南" in s for s in sources), (key, sources)
        # Each shows where it comes from, with its year (or that it is our own phrasing).
        assert all("年度报告" in s or s.startswith("本程序通用表述") for s in sources), sources
        # What is inserted is the template, blanks and all (Tab walks them as before).
        template = page.suggest_panel.listing.item(0).data(Qt.ItemDataRole.UserRole)
        assert shown[0].startswith(template)


def test_settings_adds_a_folder_with_progress_and_names_the_broken_file(qtbot, window, tmp_path):
    folder = tmp_path / "各部门报告"
    write_folder(folder)
    dialog = window.open_settings()
    with qtbot.waitSignal(dialog.countsShown, timeout=60000):
        pass
    assert dialog.library_list.count() == 5
    assert all("段表述" in t for t in _shown(dialog.library_list))
    with qtbot.waitSignal(dialog.folderAdded, timeout=120000) as added:
        dialog.add_folder(str(folder))
    result = added.args[0]
    assert len(result.added) == 9
    hint = dialog.library_hint.text()
    assert "已加入 9 份报告，跳过 1 份。" in hint
    assert "跳过 损坏的报告.docx：文件已损坏" in hint
    assert dialog.library_list.count() == 14
    qtbot.waitUntil(lambda: all("段表述" in t for t in _shown(dialog.library_list)), timeout=60000)
    row = next(t for t in _shown(dialog.library_list) if "滨海区教育局" in t)
    assert row.startswith("［我的］滨海区教育局　2022 年度") and "段表述" in row
    window.jobs.wait()
    dialog.reject()

"""The check page's buttons on structural findings, through real widgets: seed 001's section
order put right, seed 004's 第一责任人 paragraphs moved into S3 (after the clerk saw which),
a missing section added and shown, an empty one shown; each is one undo step."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtWidgets import QMessageBox

from conftest import SEEDS
from drafter.core import storage
from drafter.core.checks.structure import section_order
from drafter.core.model.skeleton import new_report
from drafter.core.reading.importer import import_file
from drafter.gui.structure_actions import s3_paragraphs
from gui_helpers import close_quietly, make_window
from test_gui_structure import import_seed, keys

SEED_001 = SEEDS / "001_c1c0171620b9097a.txt"
SEED_004 = SEEDS / "004_57e3017b4e6cb477.txt"


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def check(qtbot, window):
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        window.run_check()
    return blocker.args[0]


def button_for(window, code: str):
    found = [(f, b) for f, b in window.check_page.action_buttons() if f.code == code]
    assert found, f"no button on {code}"
    return found[0]


def all_texts(report) -> Counter:
    return Counter(p.lead + p.text for p in [*report.opening, *report.paragraphs()])


def open_imported(window, seed, tmp_path):
    """Last year's report imported as `drafter import` does it (no sections added), opened."""
    draft = tmp_path / f"{seed.stem}.fzbg.json"
    storage.save_draft(import_file(seed).report, draft)
    assert window.open_draft(str(draft))
    return window.report


@pytest.mark.parametrize("how", ["window", "cli"])
def test_section_order_button_sorts_seed_001(qtbot, window, tmp_path, how):
    # Seed 001 files its S2 and S4 under a part of S1: the window's import must not add them
    # again, and `drafter import` keeps the order the file had.
    if how == "window":
        import_seed(qtbot, window, SEED_001)
        report = window.report
    else:
        report = open_imported(window, SEED_001, tmp_path)
    others = Counter(s.section for s in report.walk() if s.section != "S1")
    assert others == Counter({"S2": 1, "S3": 1, "S4": 1, "S5": 1})  # none added twice
    before = all_texts(report)
    result = check(qtbot, window)
    assert "section-order" in {f.code for f in result.findings}
    assert section_order(report) != sorted(section_order(report))
    finding, button = button_for(window, "section-order")
    assert button.text() == "按规定顺序排列"
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        button.click()
    assert "section-order" not in {f.code for f in blocker.args[0].findings}
    assert section_order(report) == sorted(section_order(report))
    assert all_texts(report) == before  # nothing lost, nothing added
    assert window.action_map["undo"].text() == "撤销：按规定顺序排列章节"
    window.action_map["undo"].trigger()
    assert section_order(report) != sorted(section_order(report))


def test_s3_button_moves_the_paragraphs_after_showing_them_seed_004(qtbot, window):
    import_seed(qtbot, window, SEED_004)  # the import adds S3, empty
    report = window.report
    before = all_texts(report)
    ids = s3_paragraphs(report)
    assert ids and report.find("S3").paragraphs == []
    texts = [report.find_paragraph(i)[1].text for i in ids]
    check(qtbot, window)
    finding, button = button_for(window, "S3-empty")
    assert button.text() == "移入相关段落…"
    button.click()
    box = window.structure_flow.finding_actions.confirm_box
    assert box.isVisible() and f"以下 {len(ids)} 个段落" in box.text()
    assert all(t[:20] in box.informativeText() for t in texts)  # which ones will move
    assert "【S1.A】" in box.informativeText()
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        box.button(QMessageBox.StandardButton.Yes).click()
    codes = {f.code for f in blocker.args[0].findings}
    assert "S3-empty" not in codes and "S3-inside" not in codes
    assert [p.id for p in report.find("S3").paragraphs] == ids
    assert all(i not in [p.id for p in report.find("S1.A").paragraphs] for i in ids)
    assert all_texts(report) == before


def test_s3_inside_button_creates_s3_for_a_draft_without_it(qtbot, window, tmp_path):
    # A draft made by `drafter import` has no S3 at all: the S3-inside finding names S1.
    report = open_imported(window, SEED_004, tmp_path)
    assert report.find("S3") is None
    before = all_texts(report)
    ids = s3_paragraphs(report)
    check(qtbot, window)
    finding, button = button_for(window, "S3-inside")
    assert button.text() == "移到 S3…"
    button.click()
    box = window.structure_flow.finding_actions.confirm_box
    assert "将按规定位置新建一节" in box.text()
    with qtbot.waitSignal(window.checked, timeout=60000) as blocker:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert "S3-inside" not in {f.code for f in blocker.args[0].findings}
    s3 = report.find("S3")
    assert [p.id for p in s3.paragraphs] == ids
    assert keys(window).index("S3") == keys(window).index("S2") + 1  # at its place
    assert all_texts(report) == before
    # One step: undo takes S3 away again and puts the paragraphs back.
    assert window.action_map["undo"].text() == "撤销：把第一责任人履职情况移到 S3"
    window.action_map["undo"].trigger()
    assert report.find("S3") is None
    assert all(report.find_paragraph(i)[0].key == "S1.A" for i in ids)


def test_missing_section_is_added_and_shown_empty_one_shown(qtbot, window, tmp_path):
    draft = tmp_path / "new.fzbg.json"
    made = new_report("某区人民政府", 2023)
    made.sections = [s for s in made.sections if s.section != "S2"]
    storage.save_draft(made, draft)
    assert window.open_draft(str(draft))
    report = window.report
    check(qtbot, window)
    finding, button = button_for(window, "S2-missing")
    assert button.text() == "添加并转到"
    button.click()
    s2 = report.find("S2")
    assert s2 is not None and window.section_page.section is s2
    assert keys(window) == ["S1", "S2", "S3", "S4", "S5"]  # at its place
    assert s2.heading == "存在的不足和原因"
    result = check(qtbot, window)
    assert "S2-empty" in {f.code for f in result.findings}
    finding, button = button_for(window, "S2-empty")
    assert button.text() == "转到该节"
    button.click()
    assert window.section_page.section is s2

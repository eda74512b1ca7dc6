"""Editing the report's structure through real widgets: the navigator's menu adds the work
areas last year's report lacked, 按规定顺序排列 reorders them, 移到… moves a paragraph to S3,
every step is undone and redone with the keys, and the export numbers the headings in the
new order without gaps."""

from __future__ import annotations

import re

import docx
import pytest
from PySide6.QtCore import Qt

from conftest import SEEDS
from drafter.core.model.skeleton import load_skeleton
from drafter.gui.structure_actions import s3_paragraphs
from drafter.gui.structure_flow import select_paragraphs
from gui_helpers import close_quietly, make_window, type_text

SEED_003 = SEEDS / "003_9cb397488837d2a1.txt"  # 渭南高新区 2020: six areas, S1.A last
CTRL = Qt.KeyboardModifier.ControlModifier
CN_TOP = re.compile(r"^([一二三四五六七八九十]+)、")
CN_DIGITS = "一二三四五六七八九十"


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def import_seed(qtbot, window, seed) -> None:
    window.import_source(str(seed))
    qtbot.waitUntil(lambda: window.import_dialog is not None, timeout=30000)
    window.import_dialog.accept()
    assert window.report is not None


def keys(window, parent: str | None = None) -> list[str]:
    """Section keys as the navigator lists them (top level, or the areas of ``parent``)."""
    nav = window.navigator
    if parent is None:
        items = [nav.topLevelItem(i) for i in range(nav.topLevelItemCount())]
    else:
        top = nav.items[window.report.find(parent).id]
        items = [top.child(i) for i in range(top.childCount())]
    ids = [it.data(0, Qt.ItemDataRole.UserRole) for it in items]
    return [window.section_by_id(i).key for i in ids if i in nav.order]


def menu_action(menu, prefix: str):
    for act in menu.actions():
        if act.menu() is not None:
            found = menu_action(act.menu(), prefix)
            if found is not None:
                return found
        elif act.text().startswith(prefix):
            return act
    return None


def cn_value(numeral: str) -> int:
    if numeral == "十":
        return 10
    if numeral.startswith("十"):
        return 10 + CN_DIGITS.index(numeral[1]) + 1
    return CN_DIGITS.index(numeral) + 1


def test_add_reorder_move_undo_redo_and_export(qtbot, window, tmp_path):
    import_seed(qtbot, window, SEED_003)
    report = window.report
    skeleton = load_skeleton(report.skeleton)
    assert keys(window, "S1") == ["S1.B", "S1.C", "S1.E", "S1.H", "S1.G", "S1.A"]
    states = [report.to_dict()]
    labels = []

    # 1. The four areas of the 2021 纲要 last year's report lacked, from the context menu.
    for area in "DFIJ":
        menu = window.structure_flow.navigator_menu(report.find("S1").id)
        act = menu_action(menu, f"添加工作领域 {area}")
        assert act is not None and act.isEnabled(), area
        assert skeleton.node(f"S1.{area}").title in act.text()
        act.trigger()
        assert window.section_page.section is report.find(f"S1.{area}")  # it is on show
        assert window.section_page.title.text() == skeleton.node(f"S1.{area}").title
        states.append(report.to_dict())
        labels.append(f"添加工作领域 {area}")
    assert keys(window, "S1") == [
        "S1.B", "S1.C", "S1.D", "S1.E", "S1.F", "S1.H", "S1.G", "S1.A", "S1.I", "S1.J"
    ]  # fmt: skip
    menu = window.structure_flow.navigator_menu(report.find("S1").id)
    assert menu_action(menu, "添加工作领域") is None  # none is missing now

    # 2. 按规定顺序排列, from the 报告 menu's action.
    window.action_map["sort_sections"].trigger()
    assert keys(window, "S1") == [f"S1.{a}" for a in "ABCDEFGHIJ"]
    assert keys(window) == ["S1", "S2", "S3", "S4", "S5"]
    states.append(report.to_dict())
    labels.append("按规定顺序排列章节")

    # 3. A paragraph of S1.A about the 第一责任人 duties → 移到… S3.
    window.navigator.select(report.find("S1.A").id)
    pid = next(i for i in s3_paragraphs(report) if report.find_paragraph(i)[0].key == "S1.A")
    moving = report.find_paragraph(pid)[1]
    last_year = moving.last_year_text
    assert last_year
    editor = window.section_page.editor
    select_paragraphs(editor, pid)
    window.action_map["move_paragraphs"].trigger()
    dialog = window.structure_flow.move_dialog
    assert dialog.isVisible()
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(r.strip().startswith("S1.A") and r.endswith("（当前）") for r in rows)
    assert dialog.choose(report.find("S3").id)
    dialog.accept()
    s3 = report.find("S3")
    assert [p.id for p in s3.paragraphs][-1] == pid
    assert s3.paragraphs[-1].last_year_text == last_year  # last year's text went with it
    assert pid not in [p.id for p in report.find("S1.A").paragraphs]
    assert moving.text not in editor.toPlainText()  # the editor shows S1.A without it
    states.append(report.to_dict())
    labels.append("移动段落")

    # 4. Undo every step with Ctrl+Z (from the editor, whose own text has no steps), redo
    # every step with Ctrl+Y; the menu names the step each time.
    window.activateWindow()  # the dialog has closed: the window has the keys again
    qtbot.waitUntil(window.isActiveWindow)
    editor.setFocus()
    for i in range(len(labels) - 1, -1, -1):
        assert window.action_map["undo"].text() == f"撤销：{labels[i]}"
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
        assert report.to_dict() == states[i], labels[i]
    assert keys(window, "S1") == ["S1.B", "S1.C", "S1.E", "S1.H", "S1.G", "S1.A"]
    assert window.action_map["undo"].text() == "撤销"
    for i, label in enumerate(labels):
        assert window.action_map["redo"].text() == f"重做：{label}"
        qtbot.keyClick(window.navigator, Qt.Key.Key_Y, CTRL)
        assert report.to_dict() == states[i + 1], label
    assert keys(window, "S1") == [f"S1.{a}" for a in "ABCDEFGHIJ"]
    assert window.dirty

    # 5. The clerk writes a first sentence in each added area (an empty area is left out of
    # the document), then exports: the headings in the new order, numbered without gaps.
    for area in "DFIJ":
        window.navigator.select(report.find(f"S1.{area}").id)
        type_text(
            window.section_page.editor, f"本年度{skeleton.node(f'S1.{area}').title}工作有序推进。"
        )
    export = window.open_export()
    out = tmp_path / "2021年度报告.docx"
    export.path_edit.setText(str(out))
    export.open_check.setChecked(False)
    with qtbot.waitSignal(window.exported, timeout=60000):
        export.accept()
    paragraphs = [p.text.strip() for p in docx.Document(str(out)).paragraphs]
    tops = [
        (i, m.group(1), t[m.end() :]) for i, t in enumerate(paragraphs) if (m := CN_TOP.match(t))
    ]
    # Last year's S1 had no heading of its own, so its areas print as 一、…十、 and S2 goes on.
    order = [f"S1.{a}" for a in "ABCDEFGHIJ"] + ["S2", "S3", "S4", "S5"]
    assert [t for _i, _n, t in tops] == [report.find(k).heading for k in order]
    assert [cn_value(n) for _i, n, _t in tops] == list(range(1, len(order) + 1))
    s3_at, s4_at = tops[order.index("S3")][0], tops[order.index("S4")][0]
    assert any(moving.text in t for t in paragraphs[s3_at + 1 : s4_at])  # under S3 now
    a_at, b_at = tops[0][0], tops[1][0]
    assert not any(moving.text in t for t in paragraphs[a_at + 1 : b_at])


def test_cut_and_paste_into_another_section_keeps_the_paragraph(qtbot, window):
    import_seed(qtbot, window, SEED_003)
    report = window.report
    editor = window.section_page.editor
    window.navigator.select(report.find("S1.B").id)
    para = report.find("S1.B").paragraphs[0]
    pid, last_year = para.id, para.last_year_text
    assert last_year
    select_paragraphs(editor, pid)
    editor.cut()
    window.navigator.select(report.find("S1.H").id)  # leaving S1.B writes the cut
    assert pid not in [p.id for p in report.find("S1.B").paragraphs]
    paste_on_a_new_line(editor)
    window.navigator.select(report.find("S1.C").id)
    h = report.find("S1.H")
    assert h.paragraphs[-1].id == pid
    assert h.paragraphs[-1].last_year_text == last_year
    assert h.paragraphs[-1].lead + h.paragraphs[-1].text == para.lead + para.text
    # Pasted again while it is in S1.H: a copy, new text with an id of its own.
    paste_on_a_new_line(editor)
    window.navigator.select(report.find("S1.E").id)
    line = para.lead + para.text
    copies = [p for s in report.walk() for p in s.paragraphs if p.lead + p.text == line]
    assert len(copies) == 2 and len({p.id for p in copies}) == 2


def paste_on_a_new_line(editor) -> None:
    end = editor.textCursor()
    end.movePosition(end.MoveOperation.End)
    editor.setTextCursor(end)
    editor.insertPlainText("\n")
    editor.paste()

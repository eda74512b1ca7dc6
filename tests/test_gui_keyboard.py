"""Keyboard use of the main window: undo and redo across an inserted suggestion."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui_helpers import close_quietly, editor_lines, make_window, type_text
from test_gui_shell import create

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def test_undo_and_redo_across_a_suggestion_insert(qtbot, window):
    create(qtbot, window)
    editor = window.section_page.editor
    type_text(editor, "全年依法行政。")
    typed = editor_lines(window)
    editor.insert_paragraph("全年收到申请【填：数字】件。")
    inserted = editor_lines(window)
    type_text(editor, "48")
    filled = editor_lines(window)
    assert filled == ["全年依法行政。", "全年收到申请48件。"]

    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor_lines(window) == inserted
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor_lines(window) == typed
    # Ctrl+Y redoes (as in Word/WPS), so does Ctrl+Shift+Z.
    qtbot.keyClick(editor, Qt.Key.Key_Y, CTRL)
    assert editor_lines(window) == inserted
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor_lines(window) == filled
    window.commit()
    assert [p.text for p in window.section_page.section.paragraphs] == filled


def test_ctrl_y_redoes_on_a_linux_desktop(tmp_path):
    """On xcb (UOS/Kylin) Qt's own redo key is only Ctrl+Shift+Z; clerks press Ctrl+Y."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    assert shutil.which("xvfb-run"), "Xvfb is part of the test environment (scripts/setup.sh)"
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DRAFTER_HOME=str(tmp_path))
    child = Path(__file__).with_name("gui_keys_child.py")
    proc = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x860x24", sys.executable, str(child)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    steps = json.loads(proc.stdout.strip().splitlines()[-1])
    assert steps["platform"] == "xcb"
    assert steps["filled"] == "全年依法行政。\n全年收到申请48件。"
    assert steps["undone"] == "全年依法行政。"
    assert steps["ctrl_y"] == "全年依法行政。\n全年收到申请【填：数字】件。"

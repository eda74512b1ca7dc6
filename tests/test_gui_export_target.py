"""The export dialog's 保存为 field: left empty it asks for a place; a folder gets the file."""

from __future__ import annotations

import docx
import pytest

from gui_helpers import close_quietly, make_window, type_text
from test_gui_shell import create


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def test_empty_path_keeps_the_dialog_and_a_folder_gets_the_file(qtbot, window, tmp_path):
    create(qtbot, window)
    type_text(window.section_page.editor, "全年依法行政，成效明显。")
    dialog = window.open_export()
    dialog.open_check.setChecked(False)
    suggested = dialog.target().name
    dialog.path_edit.clear()
    dialog.accept()
    assert dialog.isVisible()
    assert "请填写导出文件的位置" in dialog.warning_label.text()
    assert not dialog.warning_label.isHidden()

    dialog.path_edit.setText(str(tmp_path))
    with qtbot.waitSignal(window.exported, timeout=60000) as blocker:
        dialog.accept()
    out = tmp_path / suggested
    assert blocker.args[0] == str(out) and out.exists()
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "全年依法行政，成效明显。" in text

"""The export dialog's 网页版: a name ending in .html or .txt writes the page for publication
(title and body, no 版头 or 版记), sets the layout options aside and reminds of 涉密."""

from __future__ import annotations

import pytest

from drafter.core.writing.web_export import SECRET_REMINDER
from gui_helpers import close_quietly, make_window, type_text
from test_gui_shell import create


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_web_name_exports_the_page_for_publication(qtbot, window, tmp_path, suffix):
    create(qtbot, window)
    window.report.metadata.doc_number = "某府发〔2026〕3号"
    type_text(window.section_page.editor, "全年办理行政复议案件十二件，均按期审结。")
    dialog = window.open_export()
    dialog.open_check.setChecked(False)
    dialog.header_check.setChecked(True)
    assert dialog.layout_box.isEnabled() and SECRET_REMINDER not in dialog.warning_label.text()

    out = tmp_path / f"网页版{suffix}"
    dialog.path_edit.setText(str(out))
    assert dialog.is_web() and dialog.target() == out
    assert not dialog.layout_box.isEnabled()  # 版头, 印章, 版记 do not apply to a web page
    assert dialog.warning_label.text().startswith(SECRET_REMINDER)
    assert dialog.windowTitle() == "导出网页版"
    with qtbot.waitSignal(window.exported, timeout=60000) as blocker:
        dialog.accept()
    assert blocker.args[0] == str(out)
    text = out.read_text(encoding="utf-8")
    assert "全年办理行政复议案件十二件，均按期审结。" in text
    assert "〔2026〕3号" not in text  # no 发文字号 on the page
    assert ("<html" in text.lower()) == (suffix == ".html")


def test_back_to_docx_restores_the_layout_options(qtbot, window, tmp_path):
    create(qtbot, window)
    dialog = window.open_export()
    dialog.path_edit.setText(str(tmp_path / "a.html"))
    assert not dialog.layout_box.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "a"))
    assert dialog.target() == tmp_path / "a.docx" and dialog.layout_box.isEnabled()
    assert SECRET_REMINDER not in dialog.warning_label.text()
    dialog.reject()

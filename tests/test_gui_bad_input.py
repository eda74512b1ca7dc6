"""Bad or old source files given to the desktop app: a clear Chinese message, never a
traceback; an old .doc is converted by LibreOffice and imported like a .docx."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtWidgets import QMessageBox

from conftest import SEEDS
from docx_build import typed_docx
from gui_helpers import close_quietly, make_window
from test_gui_journey import drop_file


@pytest.fixture
def window(qtbot):
    w = make_window(qtbot)
    yield w
    close_quietly(w)


def shown_box(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=30000)
    return window.findChild(QMessageBox)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("坏的报告.docx", b"PK\x03\x04 not really a zip", "文件已损坏"),
        ("空的报告.txt", b"", "文件是空的"),
    ],
)
def test_a_bad_source_shows_the_reason_without_a_traceback(
    qtbot, window, tmp_path, name, data, reason
):
    bad = tmp_path / name
    bad.write_bytes(data)
    drop_file(window, bad)
    box = shown_box(qtbot, window)
    assert name in box.text() and reason in box.text()
    assert box.detailedText() == ""  # no "显示详细信息…" button holding a Python traceback
    assert "Traceback" not in box.text()
    assert window.report is None and window.stack.currentWidget() is window.start_page


def test_dropping_an_old_doc_converts_and_imports_it(qtbot, window, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is part of the test environment (scripts/setup.sh)"
    lines = (SEEDS / "003_9cb397488837d2a1.txt").read_text(encoding="utf-8").split("\n")
    src = typed_docx(lines, tmp_path / "去年报告.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(src)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    doc = tmp_path / "old" / "去年报告.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert window._dropped_path(_Drop(doc)) == doc  # the window takes the file at all
    drop_file(window, doc)
    qtbot.waitUntil(lambda: getattr(window, "import_dialog", None) is not None, timeout=240000)
    dialog = window.import_dialog
    assert "去年报告.doc" in dialog.summary.text()
    assert "2020 年度 → 2021 年度" in dialog.summary.text()
    mapped = [
        dialog.heading_tree.topLevelItem(i).text(1)
        for i in range(dialog.heading_tree.topLevelItemCount())
    ]
    assert any(m.startswith("S1.B") for m in mapped) and any(m.startswith("S2") for m in mapped)
    assert window.findChild(QMessageBox) is None
    dialog.accept()
    assert "渭南高新区管委会" in window.windowTitle()


class _Drop:
    """The part of a drag event _dropped_path reads."""

    def __init__(self, path):
        from PySide6.QtCore import QMimeData, QUrl

        self._mime = QMimeData()
        self._mime.setUrls([QUrl.fromLocalFile(str(path))])

    def mimeData(self):  # noqa: N802 (Qt name)
        return self._mime


def test_the_drop_hint_names_what_the_window_takes(window, tmp_path):
    import re

    from PySide6.QtWidgets import QLabel

    hint = window.start_page.form.findChild(QLabel, "dropHint").text()
    suffixes = re.findall(r"\.[a-z]+", hint)
    assert {".docx", ".doc", ".txt"} <= set(suffixes)
    for suffix in suffixes:
        f = tmp_path / f"去年报告{suffix}"
        f.write_bytes(b"x")
        assert window._dropped_path(_Drop(f)) == f, suffix

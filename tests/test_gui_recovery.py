"""A crash mid-edit loses nothing: the real app is killed (SIGKILL) after autosave, and the
next start offers the recovered draft with the edits."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt

from drafter.core import storage
from drafter.core.paths import user_config_dir, user_data_dir
from gui_helpers import close_quietly, make_window

HERE = Path(__file__).resolve().parent
EDIT = "崩溃之前刚写下的这一段，尚未保存。"


def test_killed_app_offers_recovered_draft(qtbot, drafter_home):
    (user_config_dir() / "settings.json").write_text(
        json.dumps({"autosave_seconds": 1}), encoding="utf-8"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DRAFTER_HOME=str(drafter_home))
    child = subprocess.Popen(
        [sys.executable, str(HERE / "gui_crash_child.py"), EDIT],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        assert child.stdout.readline().strip() == "EDITED"
        deadline = time.monotonic() + 30
        found = []
        while time.monotonic() < deadline and not found:
            # read the files directly: find_recoveries() does not offer a live app's own
            found = [
                r
                for f in (user_data_dir() / "recovery").glob("*.autosave.json")
                for r in [storage.read_recovery(f)]
                if EDIT in [p.text for p in r.report.paragraphs()]
            ]
            assert not storage.find_recoveries(), "a live window's recovery is not offered"
            time.sleep(0.2)
        assert found, "the running app autosaved the edit"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    window = make_window(qtbot)  # the next start
    try:
        page = window.start_page
        assert page.recovery_box.isVisible()
        assert "崩溃测试区人民政府" in page.recovery_label.text()
        restore = page.form.findChild(type(page.create_button), "restoreButton")
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        assert window.report is not None and window.dirty
        assert EDIT in window.section_page.editor.toPlainText()
        assert window.windowTitle().startswith("*")
    finally:
        close_quietly(window)


def test_opening_a_draft_with_a_newer_autosave_offers_it(qtbot, tmp_path):
    from drafter.core.model.model import Paragraph
    from drafter.core.model.skeleton import new_report

    path = tmp_path / "r.fzbg.json"
    report = new_report("某某县人民政府", 2022, "gov")
    storage.save_draft(report, path)
    os.utime(path, (time.time() - 60, time.time() - 60))
    report.find("S2").paragraphs.append(Paragraph("自动保存里的一段。"))
    storage.autosave(report, path)
    window = make_window(qtbot)
    try:
        window.start_page.recentRequested.emit(str(path))
        box = window.recovery_box
        assert box.isVisible() and "自动保存" in box.text()
        restore = next(b for b in box.buttons() if b.text() == "恢复自动保存的内容")
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        assert "自动保存里的一段。" in [p.text for p in window.report.paragraphs()]
        assert window.dirty and window.path == path
        assert storage.recovery_path(path).exists()  # kept until the draft is saved
        window.save()
        assert not storage.recovery_path(path).exists()
    finally:
        close_quietly(window)

"""Nothing lost in the GUI: one window per draft (只读打开 / 切换到已打开的窗口), a failed save
is loud and keeps the work, closing after a failed save asks again, bad recovery files and an
unwritable data folder do not stop the app, repairs made on open are shown."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from drafter.core import draft_lock, storage
from drafter.core.errors import DraftError
from drafter.core.model.skeleton import new_report
from drafter.core.paths import user_data_dir
from gui_helpers import close_quietly, make_window, type_text
from hostile_files import BAD_DRAFTS


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "报告.fzbg.json"
    storage.save_draft(new_report("某某县司法局", 2023, "dept"), path)
    return path


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def _edit(window, text: str) -> None:
    window.show_page(window.navigator.order[1])  # a section page
    type_text(window.section_page.editor, text)
    window.commit()


def _texts(path) -> list[str]:
    return [p.text for p in storage.load_draft(path).paragraphs()]


def test_a_second_window_offers_read_only_or_switch_and_cannot_overwrite(qtbot, draft):
    a, b = make_window(qtbot), make_window(qtbot)
    try:
        assert a.open_draft(str(draft))
        assert not b.open_draft(str(draft))  # asked instead
        box = b.file_flow.locked_box
        assert box.isVisible() and "已在其他窗口中打开" in box.text()
        _button(box, "切换到已打开的窗口").click()
        from drafter.gui.window_switch import window_of

        assert window_of(a.document.owner) is a and b.report is None
        assert not b.open_draft(str(draft))
        _button(b.file_flow.locked_box, "只读打开").click()
        assert b.report is not None and "（只读）" in b.windowTitle()
        _edit(b, "乙窗口的修改。")
        assert not b.save()  # refused: the file is a's
        failed = b.file_flow.save_failed_box
        assert failed.isVisible() and "只读" in failed.text()
        assert _button(failed, "另存为…")
        assert b.windowTitle().startswith("*")
        _edit(a, "甲窗口的修改。")
        assert a.save()
        assert "甲窗口的修改。" in _texts(draft) and "乙窗口的修改。" not in _texts(draft)
        # b's work is kept in its own recovery file, not in a's
        assert [r.owner for r in storage.find_recoveries()] == [b.document.owner]
    finally:
        close_quietly(a)
        close_quietly(b)
    assert not draft_lock.lock_path(draft).exists()


def test_a_draft_held_by_another_running_instance_is_detected(qtbot, draft):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\n"
         "from drafter.core import draft_lock\n"
         "draft_lock.acquire(sys.argv[1], 'other-app')\nprint('held', flush=True)\n"
         "time.sleep(60)", str(draft)],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    window = make_window(qtbot)
    try:
        assert holder.stdout.readline().strip() == b"held"
        assert not window.open_draft(str(draft))
        assert f"进程 {holder.pid}" in window.file_flow.locked_box.text()
        holder.kill()
        holder.wait()
        window.file_flow.locked_box.reject()
        assert window.open_draft(str(draft))  # the lock of a process gone is stale
        assert window.document.draft.lock.held and not window.document.read_only
    finally:
        holder.kill()
        holder.wait()
        close_quietly(window)


def test_a_failed_save_keeps_the_work_says_why_and_closing_asks_again(qtbot, draft, monkeypatch):
    window = make_window(qtbot)
    try:
        window.open_draft(str(draft))
        _edit(window, "磁盘满之前写下的一段。")

        def disk_full(report, path):
            raise DraftError(str(path), "保存失败：磁盘空间不足（请清理磁盘或另存到其他位置）")

        monkeypatch.setattr(storage, "save_draft", disk_full)
        assert not window.save()
        box = window.file_flow.save_failed_box
        assert box.isVisible() and "磁盘空间不足" in box.text() and str(draft) in box.text()
        assert window.windowTitle().startswith("*") and window.dirty
        kept = storage.find_recoveries()
        assert kept and "磁盘满之前写下的一段。" in [p.text for p in kept[0].report.paragraphs()]
        assert "磁盘满之前写下的一段。" not in _texts(draft)
        # 关闭 → 保存: the save fails again, the window stays, and the question comes again
        asked = []

        def answer_save(*_a, **_k):
            asked.append(1)
            return QMessageBox.StandardButton.Save

        monkeypatch.setattr(QMessageBox, "question", answer_save)
        window.close()
        assert window.isVisible() and window.report is not None
        window.close()
        assert window.isVisible() and len(asked) == 2
        # an unexpected failure is just as loud
        monkeypatch.setattr(storage, "save_draft", lambda r, p: 1 / 0)
        assert not window.save()
        assert "ZeroDivisionError" in window.file_flow.save_failed_box.text()
        # and once saving works again the recovery copy goes
        monkeypatch.undo()
        assert window.save()
        assert "磁盘满之前写下的一段。" in _texts(draft)
        assert storage.find_recoveries() == []
    finally:
        close_quietly(window)


def test_each_window_autosaves_to_its_own_recovery_file(qtbot):
    a, b = make_window(qtbot), make_window(qtbot)
    try:
        for w, organ in ((a, "甲县司法局"), (b, "乙县司法局")):
            w.set_report(new_report(organ, 2023, "dept"), None, dirty=True)
            w.autosave()
        organs = sorted(r.report.metadata.organ for r in storage.find_recoveries())
        assert organs == ["乙县司法局", "甲县司法局"]
    finally:
        close_quietly(a)
        close_quietly(b)


def test_bad_recovery_files_are_set_aside_and_the_app_starts(qtbot):
    folder = user_data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    for i, env in enumerate(
        [[1], {"draft_path": 3, "saved_at": 1, "report": {"schema": 1}},
         {"draft_path": "", "saved_at": "x", "report": {"schema": 1}},
         {"draft_path": "", "saved_at": 1, "report": {"schema": 1, "sections": 5}},
         {"draft_path": "", "saved_at": 1, "report": {"schema": 1, "metadata": []}}]
    ):  # fmt: skip
        (folder / f"bad{i}.autosave.json").write_text(json.dumps(env), encoding="utf-8")
    window = make_window(qtbot)
    try:
        assert window.start_page.isVisible()
        assert len(window.recovery_problems) == 5
        assert "已损坏" in window.statusBar().currentMessage()
        assert len(list(folder.glob("*.bad"))) == 5
    finally:
        close_quietly(window)


def test_the_app_starts_with_an_unwritable_data_folder(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("DRAFTER_HOME", str(blocker / "home"))
    monkeypatch.setenv("DRAFTER_CACHE", str(blocker / "cache"))
    window = make_window(qtbot)
    try:
        assert window.start_page.isVisible()
        assert window.folder_label.isVisible()
        assert "无法写入数据文件夹" in window.folder_label.text()
        assert "自动保存" in window.folder_label.text()
        window.set_report(new_report("某某县司法局", 2023, "dept"), None, dirty=True)
        window.autosave()
        assert window.status_message.text().startswith("自动保存失败")
        target = tmp_path / "另存.fzbg.json"
        assert window.save_to(target)  # the work itself can still be saved
        assert storage.load_draft(target).metadata.organ == "某某县司法局"
    finally:
        close_quietly(window)


def test_repairs_made_on_open_are_shown(qtbot, tmp_path):
    path = BAD_DRAFTS["closing_number"](tmp_path)
    window = make_window(qtbot)
    try:
        assert window.open_draft(str(path))
        box = window.file_flow.repairs_box
        assert box.isVisible() and "metadata.closing" in box.text()
        assert window.report.metadata.closing == "12"
    finally:
        close_quietly(window)


def test_a_malformed_draft_is_refused_with_the_field_named(qtbot, tmp_path):
    path = BAD_DRAFTS["level_string"](tmp_path)
    window = make_window(qtbot)
    try:
        assert not window.open_draft(str(path))
        boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
        assert any("sections[0].paragraphs[0].level: 应为整数" in b.text() for b in boxes)
        assert window.report is None
    finally:
        close_quietly(window)


def test_lock_owner_is_described_for_the_clerk():
    owner = draft_lock.current_owner("t")
    assert str(os.getpid()) in owner.describe() and "本机" in owner.describe()


def test_temporary_files_of_killed_writes_are_removed_at_start(qtbot):
    import time

    from drafter.core.paths import user_config_dir

    stale = user_config_dir() / ".settings.json.abc123.tmp"
    fresh = user_config_dir() / ".settings.json.def456.tmp"  # maybe another instance's write
    for f in (stale, fresh):
        f.write_bytes(b"x" * 1000)
    os.utime(stale, (time.time() - 3600, time.time() - 3600))
    window = make_window(qtbot)
    try:
        assert not stale.exists() and fresh.exists()
    finally:
        close_quietly(window)


def test_another_instance_can_switch_to_this_window(qtbot, draft):
    from PySide6.QtWidgets import QApplication

    from drafter.gui.window_switch import serve

    assert serve(QApplication.instance()) is not None
    window = make_window(qtbot)
    try:
        assert window.open_draft(str(draft))
        asker = subprocess.Popen(
            [sys.executable, "-c", "import sys\n"
             "from PySide6.QtCore import QCoreApplication\n"
             "from drafter.core import draft_lock\n"
             "from drafter.gui.window_switch import raise_owner\n"
             "app = QCoreApplication([])\n"
             "owner = draft_lock.read_owner(draft_lock.lock_path(sys.argv[1]))\n"
             "print('switched' if raise_owner(owner, 5000) else 'refused', flush=True)",
             str(draft.resolve())],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        qtbot.waitUntil(lambda: asker.poll() is not None, timeout=20000)
        assert asker.stdout.read().strip() == "switched"
    finally:
        close_quietly(window)

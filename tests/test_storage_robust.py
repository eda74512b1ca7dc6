"""Saves that cannot fail quietly or destroy anything: the backup by the same atomic path,
temporary files of killed writes cleaned, the load cap applied on save, symlinks written
through, read-only drafts kept; one lock per draft; per-window recovery files, bad ones
set aside."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from drafter.core import draft_lock, storage
from drafter.core.draft import Draft
from drafter.core.errors import DraftError
from drafter.core.model.model import Paragraph
from drafter.core.model.skeleton import new_report


def _report(text: str = "第一版"):
    r = new_report("某局", 2022, "dept")
    r.opening.append(Paragraph(text))
    return r


BACKUP_WRITER = textwrap.dedent(
    """
    import os, sys
    from drafter.core import storage
    from drafter.core.model.model import Paragraph
    from drafter.core.model.skeleton import new_report
    if sys.argv[2] == "copy":  # the copy path, as on a share without hard links
        def no_link(*a):
            raise OSError(95, "Operation not supported")
        os.link = no_link
    path = sys.argv[1]
    r = new_report("某局", 2022, "dept")
    big = "依法行政" * 400000
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        r.opening = [Paragraph(f"版本{i}" + big)]
        storage.save_draft(r, path)
    """
)


@pytest.mark.parametrize("mode", ["link", "copy"])
def test_a_kill_during_the_backup_leaves_a_loadable_backup(tmp_path, mode):
    path = tmp_path / "draft.fzbg.json"
    storage.save_draft(_report(), path)
    storage.save_draft(_report("第二版"), path)
    for delay in (0.1, 0.23, 0.41, 0.67):
        proc = subprocess.Popen(
            [sys.executable, "-c", BACKUP_WRITER, str(path), mode], stdout=subprocess.PIPE
        )
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert storage.load_draft(path).metadata.organ == "某局"
        backup = storage.load_draft(storage.backup_path(path))  # never torn, never empty
        assert backup.metadata.organ == "某局"
    # temporary files the kills left are removed at the next start (open) once stale
    for f in tmp_path.glob(".*.tmp"):
        os.utime(f, (time.time() - 600, time.time() - 600))
    storage.load_draft(path)
    assert list(tmp_path.glob(".*.tmp")) == []


def test_a_failed_backup_keeps_the_old_one_and_the_save_goes_on(tmp_path, monkeypatch):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report("一"), path)
    storage.save_draft(_report("二"), path)

    def full_disk(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "link", full_disk)
    monkeypatch.setattr(storage.shutil, "copyfileobj", full_disk)
    storage.save_draft(_report("三"), path)
    assert storage.load_draft(path).opening[0].text == "三"
    assert storage.load_draft(storage.backup_path(path)).opening[0].text == "一"
    assert [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")] == []


def test_a_full_disk_is_named(tmp_path, monkeypatch):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report("一"), path)

    def full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(DraftError) as e:
        storage.save_draft(_report("二"), path)
    assert "磁盘空间不足" in e.value.reason and e.value.source == str(path)
    monkeypatch.undo()
    assert storage.load_draft(path).opening[0].text == "一"


def test_save_refuses_what_load_would_refuse(tmp_path, monkeypatch):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report("小"), path)
    monkeypatch.setattr(storage, "MAX_DRAFT_BYTES", 200_000)
    with pytest.raises(DraftError) as e:
        storage.save_draft(_report("大" * 100_000), path)
    assert "过大" in e.value.reason and "上限" in e.value.reason
    assert storage.load_draft(path).opening[0].text == "小"


def test_a_symlinked_draft_is_written_through(tmp_path):
    real = tmp_path / "共享" / "d.fzbg.json"
    real.parent.mkdir()
    storage.save_draft(_report("一"), real)
    link = tmp_path / "d.fzbg.json"
    link.symlink_to(real)
    storage.save_draft(_report("二"), link)
    assert link.is_symlink() and storage.load_draft(real).opening[0].text == "二"


def test_a_read_only_draft_is_not_overwritten(tmp_path):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report("一"), path)
    path.chmod(0o444)
    with pytest.raises(DraftError) as e:
        storage.save_draft(_report("二"), path)
    assert "只读" in e.value.reason
    assert storage.load_draft(path).opening[0].text == "一"


# ----- one window per draft ---------------------------------------------------------------


def test_a_second_owner_is_refused_and_a_stale_lock_taken_over(tmp_path):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report(), path)
    first = draft_lock.acquire(path, "window-a")
    with pytest.raises(draft_lock.DraftLocked) as e:
        draft_lock.acquire(path, "window-b")
    assert e.value.owner.token == "window-a" and e.value.owner.pid == os.getpid()
    first.release()
    assert draft_lock.acquire(path, "window-b").held
    # a lock left by a process that is gone: taken over
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    lock = draft_lock.lock_path(path)
    lock.write_text(json.dumps({"pid": int(dead), "host": draft_lock.host_name(),
                                "token": "gone"}))  # fmt: skip
    assert draft_lock.acquire(path, "window-c").held
    lock.write_text("垃圾")  # not a lock at all
    assert draft_lock.acquire(path, "window-d").held
    # another computer's lock is respected
    lock.write_text(json.dumps({"pid": 1, "host": "其他电脑", "token": "far"}))
    with pytest.raises(draft_lock.DraftLocked):
        draft_lock.acquire(path, "window-e")


def test_two_drafts_on_one_file_cannot_overwrite_each_other(tmp_path):
    path = tmp_path / "d.fzbg.json"
    storage.save_draft(_report("原文"), path)
    a = Draft.open(path, owner="a")
    with pytest.raises(draft_lock.DraftLocked):
        Draft.open(path, owner="b")
    b = Draft.open(path, owner="b", read_only=True)
    b.report.opening[0].text = "乙的修改"
    b.mark_edited()
    with pytest.raises(DraftError) as e:
        b.save_to(path)
    assert "只读" in e.value.reason and b.dirty
    a.report.opening[0].text = "甲的修改"
    a.mark_edited()
    a.save_to(path)
    assert storage.load_draft(path).opening[0].text == "甲的修改"
    # b saves its work elsewhere (另存为), not over a's file
    other = tmp_path / "乙.fzbg.json"
    b.save_to(other)
    assert storage.load_draft(other).opening[0].text == "乙的修改"
    # a "save as" onto a file another window holds is refused too
    c = Draft(_report("丙"), owner="c")
    with pytest.raises(DraftError) as e:
        c.save_to(other)
    assert "其他窗口" in e.value.reason
    a.close()
    b.close()
    assert not draft_lock.lock_path(path).exists()


def test_recovery_files_are_per_window_and_per_draft(tmp_path):
    storage.autosave(_report("甲窗口"), None, owner="a")
    storage.autosave(_report("乙窗口"), None, owner="b")
    texts = sorted(r.report.opening[0].text for r in storage.find_recoveries())
    assert texts == ["乙窗口", "甲窗口"]
    storage.discard_recovery(None, owner="a")
    assert [r.owner for r in storage.find_recoveries()] == ["b"]


BAD_RECOVERIES = {
    "list": [1, 2],
    "report_list": {"draft_path": "", "saved_at": 1.0, "report": [1]},
    "draft_path_number": {"draft_path": 5, "saved_at": 1.0, "report": {"schema": 1}},
    "saved_at_text": {"draft_path": "", "saved_at": "昨天", "report": {"schema": 1}},
    "saved_at_infinite": '{"draft_path": "", "saved_at": Infinity, "report": {"schema": 1}}',
    "report_wrong_typed": {
        "draft_path": "",
        "saved_at": 1.0,
        "report": {"schema": 1, "sections": [{"section": 7}]},
    },  # fmt: skip
    "pid_text": {"draft_path": "", "saved_at": 1.0, "pid": "x", "report": {"schema": 1}},
}


def test_bad_recovery_files_are_set_aside_with_a_message(tmp_path):
    folder = storage.user_data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in BAD_RECOVERIES.items():
        text = content if isinstance(content, str) else json.dumps(content)
        (folder / f"{name}.autosave.json").write_text(text, encoding="utf-8")
    storage.autosave(_report("好的"), None, owner="ok")
    found, problems = storage.scan_recoveries()
    assert [r.report.opening[0].text for r in found] == ["好的"]
    assert len(problems) == len(BAD_RECOVERIES)
    assert all("已损坏" in p and "已移到" in p for p in problems)
    assert sorted(f.name for f in folder.glob("*.bad")) == sorted(
        f"{n}.autosave.json.bad" for n in BAD_RECOVERIES
    )
    assert storage.scan_recoveries()[1] == []  # set aside once, not again at every start

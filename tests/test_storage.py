"""Draft files: atomic saves that survive a killed writer, backups, autosave and recovery."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from drafter.core.model.model import Paragraph
from drafter.core.model.skeleton import new_report
from drafter.core.storage import (
    autosave,
    backup_path,
    discard_recovery,
    find_recoveries,
    load_draft,
    save_draft,
)


def test_save_keeps_previous_version_as_backup(tmp_path):
    p = tmp_path / "r.json"
    r = new_report("某局", 2022, "dept")
    save_draft(r, p)
    r.opening.append(Paragraph("第二版"))
    save_draft(r, p)
    assert load_draft(p).opening[0].text == "第二版"
    assert load_draft(backup_path(p)).opening == []
    assert [f.name for f in tmp_path.iterdir() if f.name.endswith(".tmp")] == []


WRITER = textwrap.dedent(
    """
    import sys
    from drafter.core.model.model import Paragraph
    from drafter.core.model.skeleton import new_report
    from drafter.core.storage import save_draft
    path = sys.argv[1]
    r = new_report("某局", 2022, "dept")
    big = "依法行政" * 20000
    i = 0
    print("ready", flush=True)
    while True:
        i += 1
        r.opening = [Paragraph(f"版本{i}" + big)]
        save_draft(r, path)
    """
)


def test_killed_writer_never_leaves_a_broken_draft(tmp_path):
    path = tmp_path / "draft.json"
    save_draft(new_report("某局", 2022, "dept"), path)
    for delay in (0.05, 0.13, 0.31, 0.57, 0.8):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE)
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        report = load_draft(path)  # raises if the file is torn
        assert report.metadata.organ == "某局"
        assert not report.opening or report.opening[0].text.startswith("版本")


def test_autosave_is_offered_back_and_discarded(tmp_path):
    draft = tmp_path / "d.json"
    r = new_report("某局", 2022, "dept")
    r.opening.append(Paragraph("未保存的修改"))
    autosave(r, draft)
    found = find_recoveries()
    assert len(found) == 1
    assert found[0].draft_path == str(draft.resolve())
    assert found[0].report.opening[0].text == "未保存的修改"
    discard_recovery(draft)
    assert find_recoveries() == []
    assert not draft.exists()  # autosave never writes the draft itself

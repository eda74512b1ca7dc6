"""gui/document.py: the open draft's signals when an edit is applied, undone and saved."""

from __future__ import annotations

from drafter.core.editing import ops
from drafter.core.model.skeleton import new_report
from drafter.gui.document import DraftDocument


def test_apply_undo_redo_and_save_signal_changes_and_dirty(qtbot, tmp_path):
    doc = DraftDocument()
    changes, dirty = [], []
    doc.changed.connect(lambda change, initiator: changes.append((change.label, initiator)))
    doc.dirtyChanged.connect(dirty.append)
    doc.open(new_report("某区人民政府", 2023), None)
    assert not doc.dirty and dirty == [False]

    area = doc.report.find("S1.E")
    doc.apply(lambda r: ops.remove_section(r, area.id), initiator="navigator")
    assert doc.report.find("S1.E") is None and doc.dirty
    assert changes == [("删除工作领域 E", "navigator")] and dirty == [False, True]

    doc.undo()
    assert doc.report.find("S1.E") is not None and not doc.dirty
    assert changes[-1] == ("撤销：删除工作领域 E", None) and dirty[-1] is False

    doc.redo()
    target = tmp_path / "d.fzbg.json"
    with qtbot.waitSignal(doc.saved):
        doc.save_to(target)
    assert not doc.dirty and doc.path == target and doc.display_name == "d"
    doc.close()
    assert doc.report is None and doc.undo() is None

"""core.draft.Draft: dirty, save, autosave and recovery rules, without a window."""

from __future__ import annotations

import os

import pytest

from drafter.core import storage
from drafter.core.draft import Draft
from drafter.core.editing import ops
from drafter.core.errors import DraftError
from drafter.core.model.skeleton import new_report


@pytest.fixture
def report():
    return new_report("某区人民政府", 2023)


def test_a_new_draft_is_dirty_until_saved(tmp_path, report):
    draft = Draft(report, None, dirty=True)
    assert draft.dirty and draft.display_name == "未保存"
    target = tmp_path / "报告.fzbg.json"
    draft.save_to(target)
    assert not draft.dirty and draft.path == target and draft.display_name == "报告"
    assert storage.load_draft(target).metadata.organ == "某区人民政府"


def test_undo_back_to_the_saved_step_is_clean(tmp_path, report):
    draft = Draft(report, None)
    draft.apply(lambda r: ops.set_metadata(r, title="新标题"))
    assert draft.dirty
    draft.save_to(tmp_path / "a.fzbg.json")
    draft.apply(lambda r: ops.remove_section(r, r.find("S1.E").id))
    assert draft.dirty and draft.history.undo_label == "删除工作领域 E"
    draft.undo()
    assert not draft.dirty
    draft.undo()
    assert draft.dirty and draft.report.metadata.title != "新标题"


def test_an_edit_outside_the_history_keeps_it_dirty(report):
    draft = Draft(report, None)
    draft.report.metadata.title = "直接改的"
    draft.mark_edited()
    draft.apply(lambda r: ops.set_metadata(r, organ="某局"))
    draft.undo()
    assert draft.dirty


def test_autosave_only_when_something_changed(report):
    draft = Draft(report, None, dirty=True)
    assert draft.needs_autosave
    draft.autosave()
    assert not draft.needs_autosave
    assert [r.report.metadata.organ for r in storage.find_recoveries()] == ["某区人民政府"]
    draft.apply(lambda r: ops.set_metadata(r, organ="某局"))
    assert draft.needs_autosave
    draft.apply(lambda r: ops.set_metadata(r, organ="某局"))  # no change, no new need
    draft.autosave()
    assert not draft.needs_autosave


def test_a_clean_draft_drops_its_recovery_on_close_a_dirty_one_keeps_it(tmp_path, report):
    path = tmp_path / "b.fzbg.json"
    draft = Draft(report, None)
    draft.save_to(path)
    draft.mark_edited()
    draft.autosave()
    draft.close()
    assert storage.find_recoveries() != []
    draft.forget_changes()
    draft.close()
    assert storage.find_recoveries() == []


def test_newer_autosave_is_offered_only_when_newer_than_the_file(tmp_path, report):
    path = tmp_path / "c.fzbg.json"
    draft = Draft(report, None)
    draft.save_to(path)
    assert Draft.open(path).newer_autosave() is None
    draft.mark_edited()
    draft.autosave()
    old = path.stat().st_mtime - 60
    os.utime(path, (old, old))
    found = Draft.open(path).newer_autosave()
    assert found is not None and found.draft_path == str(path)


def test_open_names_the_bad_file(tmp_path):
    bad = tmp_path / "坏.fzbg.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(DraftError, match="坏.fzbg.json"):
        Draft.open(bad)

"""Edits written into the report outside the history (typing, forms) become their own undo
step before an operation, an undo or a redo, so none is thrown away."""

from __future__ import annotations

from report_builder import build_report, texts

from drafter.core.draft import Draft
from drafter.core.editing import ops


def test_typing_before_an_operation_is_its_own_step():
    draft = Draft(build_report())
    report = draft.report
    report.find("S1.A").paragraphs[0].text = "深化放管服改革，优化营商环境。"  # the editor wrote it
    draft.mark_edited()
    draft.apply(lambda r: ops.remove_section(r, r.find("S1.E").id))
    assert draft.history.undo_label == "删除工作领域 E"
    draft.undo()
    assert report.find("S1.E") is not None
    assert texts(report, "S1.A") == ["深化放管服改革，优化营商环境。"]
    assert draft.history.undo_label == "编辑"
    draft.undo()
    assert texts(report, "S1.A") == ["深化放管服改革。"]
    draft.redo()
    draft.redo()
    assert texts(report, "S1.A") == ["深化放管服改革，优化营商环境。"]
    assert report.find("S1.E") is None


def test_an_edit_after_the_last_step_survives_undo_and_redo():
    draft = Draft(build_report())
    report = draft.report
    draft.apply(lambda r: ops.rename_section(r, r.find("S2").id, "问题和不足"))
    report.metadata.title = "某区2021年法治政府建设情况的报告"  # the form wrote it
    draft.mark_edited()
    assert draft.checkpoint("修改报告信息")
    assert draft.history.undo_label == "修改报告信息"
    draft.undo()
    assert report.metadata.title == "" and report.find("S2").heading == "问题和不足"
    draft.redo()
    assert report.metadata.title == "某区2021年法治政府建设情况的报告"


def test_a_checkpoint_without_edits_records_nothing_and_keeps_the_saved_state(tmp_path):
    draft = Draft(build_report())
    draft.mark_edited()  # marked, but nothing differs from what the history knows
    assert not draft.checkpoint("编辑")
    assert not draft.dirty and not draft.history.can_undo
    new = Draft(build_report(), None, dirty=True)  # an import never saved stays dirty
    assert not new.checkpoint() and new.dirty
    new.save_to(tmp_path / "a.fzbg.json")
    assert not new.dirty

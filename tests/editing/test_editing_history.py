"""core.editing.history: snapshot undo/redo, no step for a no-op, merging, the saved step."""

from __future__ import annotations

import pytest
from report_builder import build_report, texts

from drafter.core.editing import ops
from drafter.core.editing.history import History
from drafter.core.errors import EditError
from drafter.core.model.model import Paragraph


def test_undo_and_redo_a_removed_area():
    r, h = build_report(), History()
    start = r.to_dict()
    e = r.find("S1.E")
    h.apply(r, lambda rep: ops.remove_section(rep, e.id))
    assert r.find("S1.E") is None
    assert h.undo_label == "删除工作领域 E"
    change = h.undo(r)
    assert change.label == "撤销：删除工作领域 E" and change.structure
    assert r.to_dict() == start
    assert r.find("S1.E").paragraphs[0].last_year_text == "落实决策程序。"
    assert h.redo_label == "删除工作领域 E"
    h.redo(r)
    assert r.find("S1.E") is None
    assert h.undo(r) is not None and h.undo(r) is None  # nothing more to undo


def test_no_step_for_an_op_that_changed_nothing():
    r, h = build_report(), History()
    s2 = r.find("S2")
    h.apply(r, lambda rep: ops.rename_section(rep, s2.id, s2.heading))
    assert not h.can_undo and not h.dirty


def test_a_failing_op_leaves_the_report_and_history_as_they_were():
    r, h = build_report(), History()
    start = r.to_dict()

    def half_done(rep):
        ops.set_metadata(rep, title="改了一半")
        raise EditError("测试", "中途失败")

    with pytest.raises(EditError):
        h.apply(r, half_done)
    assert r.to_dict() == start and not h.can_undo


def test_a_new_op_clears_redo():
    r, h = build_report(), History()
    h.apply(r, lambda rep: ops.set_metadata(rep, title="甲"))
    h.undo(r)
    assert h.can_redo
    h.apply(r, lambda rep: ops.set_metadata(rep, title="乙"))
    assert not h.can_redo and r.metadata.title == "乙"


def test_consecutive_set_paragraphs_on_one_section_are_one_step():
    r, h = build_report(), History()
    s2 = r.find("S2")
    first_id = s2.paragraphs[0].id
    for words in ("执法力量", "执法力量不足", "执法力量不足。"):
        h.apply(r, lambda rep, w=words: ops.set_paragraphs(rep, s2.id, [Paragraph(w)]))
    h.apply(r, lambda rep: ops.set_paragraphs(rep, r.find("S4").id, [Paragraph("明年")]))
    h.undo(r)
    assert texts(r, "S2") == ["执法力量不足。"] and texts(r, "S4") == ["继续深化改革。"]
    h.undo(r)
    assert texts(r, "S2") == ["执法力量不足。"]
    assert r.find("S2").paragraphs[0].id == first_id  # back to the very start
    assert not h.can_undo


def test_step_limit_keeps_the_newest_steps():
    r, h = build_report(), History(limit=3)
    for i in range(5):
        h.apply(r, lambda rep, i=i: ops.set_metadata(rep, title=f"标题{i}"))
    while h.undo(r):
        pass
    assert r.metadata.title == "标题1"


def test_dirty_follows_the_saved_step():
    r, h = build_report(), History()
    h.apply(r, lambda rep: ops.set_metadata(rep, title="甲"))
    assert h.dirty
    h.mark_saved()
    assert not h.dirty
    h.apply(r, lambda rep: ops.set_metadata(rep, title="乙"))
    assert h.dirty
    h.undo(r)
    assert not h.dirty  # back at the saved state
    h.undo(r)
    assert h.dirty
    h.redo(r)
    assert not h.dirty


def test_set_paragraphs_does_not_merge_into_the_saved_step():
    r, h = build_report(), History()
    s2 = r.find("S2")
    h.apply(r, lambda rep: ops.set_paragraphs(rep, s2.id, [Paragraph("一")]))
    h.mark_saved()
    h.apply(r, lambda rep: ops.set_paragraphs(rep, s2.id, [Paragraph("二")]))
    assert h.dirty
    h.undo(r)
    assert texts(r, "S2") == ["一"] and not h.dirty

"""core.editing.ops.replace_spans (several fixes in one text, right to left, one Change) and
lift_section (a section filed under another heading brought up to the top level)."""

from __future__ import annotations

import pytest
from report_builder import build_report

from drafter.core.editing import ops
from drafter.core.errors import EditError
from drafter.core.model.model import Section


def test_replace_spans_makes_every_edit_of_one_text_at_once():
    r = build_report()
    para = r.find("S1.E").paragraphs[1]  # 全年审查合法性文件48件。
    change = ops.replace_spans(r, "text", para.id, [(0, 2, "全年", ""), (4, 7, "合法性", "规范性")])
    assert para.text == "审查规范性文件48件。"
    assert len(change.texts) == 1 and change.texts[0].before == "全年审查合法性文件48件。"
    assert change.texts[0].after == para.text and change.text and not change.structure


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 2, "全年", ""), (1, 3, "年审", "")],  # overlapping
        [(0, 2, "去年", "")],  # the text moved on
        [(10, 99, "x", "")],  # out of range
    ],
)
def test_replace_spans_changes_nothing_unless_every_span_fits(spans):
    r = build_report()
    para = r.find("S1.E").paragraphs[1]
    with pytest.raises(EditError):
        ops.replace_spans(r, "text", para.id, spans)
    assert para.text == "全年审查合法性文件48件。"


def test_replace_spans_in_a_lead_a_heading_and_the_metadata():
    r = build_report()
    para = r.find("S1.A").paragraphs[0]
    para.lead = "(一)深化改革."
    ops.replace_spans(r, "lead", para.id, [(0, 1, "(", "（"), (2, 3, ")", "）"), (7, 8, ".", "。")])
    assert para.lead == "（一）深化改革。" and para.text == "深化放管服改革。"
    sec = r.find("S2")
    change = ops.replace_spans(r, "heading", sec.id, [(3, 5, "不足", "问题")])
    assert sec.heading == "存在的问题和原因" and change.structure
    r.metadata.doc_number = "某政发〔2021〕 01号"
    change = ops.replace_spans(r, "metadata.doc_number", None, [(9, 13, " 01号", "1号")])
    assert r.metadata.doc_number == "某政发〔2021〕1号" and change.metadata
    with pytest.raises(EditError):
        ops.replace_spans(r, "metadata.nothing", None, [(0, 0, "", "x")])


def test_lift_section_brings_a_nested_section_to_the_top_after_its_parent():
    r = build_report()
    s1 = r.sections[0]
    s3 = Section("S3", heading="第一责任人履职情况")
    s1.children.append(s3)
    change = ops.lift_section(r, s3.id)
    assert [s.key for s in r.sections] == ["S1", "S3", "S2", "S4"]
    assert s3 not in s1.children and change.structure
    with pytest.raises(EditError):
        ops.lift_section(r, s3.id)  # already at the top

"""core.editing.ops: each operation on a hand-built report, what it changed and what it says."""

from __future__ import annotations

import pytest
from report_builder import build_report, texts

from drafter.core.editing import ops
from drafter.core.errors import DrafterError, EditError
from drafter.core.model.model import Paragraph
from drafter.core.model.skeleton import load_skeleton

STANDARD = load_skeleton("standard")


def keys(sections) -> list[str]:
    return [s.key for s in sections]


def test_rename_section():
    r = build_report()
    e = r.find("S1.E")
    change = ops.rename_section(r, e.id, "完善依法决策机制")
    assert r.find("S1.E").heading == "完善依法决策机制"
    assert change.label == "重命名工作领域 E"
    assert change.structure and not change.text
    assert change.sections == (e.id,)


def test_add_area_goes_to_its_place_in_the_skeleton_order():
    r = build_report()
    change = ops.add_section(r, STANDARD, "S1", "C")
    assert keys(r.find("S1").children) == ["S1.A", "S1.C", "S1.E"]
    c = r.find("S1.C")
    assert c.heading == STANDARD.node("S1.C").heading
    assert c.paragraphs == []
    assert change.label == "添加工作领域 C"
    assert change.sections == (c.id,)


def test_add_section_between_the_present_ones_and_at_the_end():
    r = build_report()
    ops.add_section(r, STANDARD, "S3")
    ops.add_section(r, STANDARD, "S5", heading="其他需要报告的事项")
    assert keys(r.sections) == ["S1", "S2", "S3", "S4", "S5"]
    assert r.find("S5").heading == "其他需要报告的事项"


@pytest.mark.parametrize(
    ("section", "area", "reason"),
    [("S2", None, "已有"), ("S1", "Z", "没有这一部分"), ("S9", None, "没有这一部分")],
)
def test_add_section_refuses_what_is_there_or_unknown(section, area, reason):
    r = build_report()
    before = r.to_dict()
    with pytest.raises(EditError, match=reason):
        ops.add_section(r, STANDARD, section, area)
    assert r.to_dict() == before


def test_remove_section_names_the_area():
    r = build_report()
    e = r.find("S1.E")
    change = ops.remove_section(r, e.id)
    assert r.find("S1.E") is None
    assert keys(r.find("S1").children) == ["S1.A"]
    assert change.label == "删除工作领域 E"


def test_move_section_among_its_siblings():
    r = build_report()
    change = ops.move_section(r, r.find("S4").id, 0)
    assert keys(r.sections) == ["S4", "S1", "S2"]
    assert change.label == "移动章节 S4"
    ops.move_section(r, r.find("S4").id, 99)  # clamped to the end
    assert keys(r.sections) == ["S1", "S2", "S4"]


def test_sort_sections_by_rule_orders_sections_and_areas():
    r = build_report()
    r.sections.reverse()
    r.find("S1").children.reverse()
    change = ops.sort_sections_by_rule(r, STANDARD)
    assert keys(r.sections) == ["S1", "S2", "S4"]
    assert keys(r.find("S1").children) == ["S1.A", "S1.E"]
    assert change.label == "按规定顺序排列章节"


def test_move_paragraphs_keeps_identity_and_last_year():
    r = build_report()
    para = r.find("S1.E").paragraphs[0]
    s2 = r.find("S2")
    change = ops.move_paragraphs(r, [para.id], s2.id, 0)
    assert texts(r, "S2") == ["严格落实重大行政决策程序。", "执法力量不足。"]
    assert texts(r, "S1.E") == ["全年审查合法性文件48件。"]
    moved = r.find("S2").paragraphs[0]
    assert moved is para and moved.last_year_text == "落实决策程序。"
    assert set(change.sections) == {r.find("S1.E").id, s2.id}


def test_move_paragraphs_into_the_opening():
    r = build_report()
    para = r.find("S2").paragraphs[0]
    ops.move_paragraphs(r, [para.id], None)
    assert [p.text for p in r.opening] == ["2021年，我区全面推进法治政府建设。", "执法力量不足。"]
    assert texts(r, "S2") == []


def test_split_and_merge_paragraph():
    r = build_report()
    para = r.find("S1.E").paragraphs[1]
    change = ops.split_paragraph(r, para.id, 7)
    assert texts(r, "S1.E") == ["严格落实重大行政决策程序。", "全年审查合法性", "文件48件。"]
    assert [(t.before, t.after) for t in change.texts] == [
        ("全年审查合法性文件48件。", "全年审查合法性"),
        ("", "文件48件。"),
    ]
    change = ops.merge_paragraphs(r, para.id)
    assert texts(r, "S1.E") == ["严格落实重大行政决策程序。", "全年审查合法性文件48件。"]
    assert r.find("S1.E").paragraphs[1] is para
    assert change.label == "合并段落"


def test_split_outside_the_text_and_merge_of_the_last_paragraph_are_refused():
    r = build_report()
    last = r.find("S2").paragraphs[-1]
    with pytest.raises(EditError):
        ops.split_paragraph(r, last.id, 0)
    with pytest.raises(EditError, match="最后一段"):
        ops.merge_paragraphs(r, last.id)


def test_replace_span_changes_only_the_span():
    r = build_report()
    para = r.find("S1.E").paragraphs[1]
    change = ops.replace_span(r, para.id, 4, 7, "规范性", expected="合法性")
    assert para.text == "全年审查规范性文件48件。"
    assert change.texts[0].before == "全年审查合法性文件48件。"
    assert change.texts[0].after == "全年审查规范性文件48件。"
    assert change.to_dict()["texts"][0]["after"] == "全年审查规范性文件48件。"


def test_replace_span_refuses_a_stale_span():
    r = build_report()
    para = r.find("S1.E").paragraphs[1]
    with pytest.raises(EditError, match="合法"):
        ops.replace_span(r, para.id, 0, 2, "x", expected="合法")
    with pytest.raises(EditError):
        ops.replace_span(r, para.id, 5, 99, "x")
    assert para.text == "全年审查合法性文件48件。"


def test_set_paragraphs_lists_the_texts_that_changed():
    r = build_report()
    s2 = r.find("S2")
    keep = s2.paragraphs[0]
    change = ops.set_paragraphs(r, s2.id, [keep, Paragraph("培训不够系统。")])
    assert texts(r, "S2") == ["执法力量不足。", "培训不够系统。"]
    assert [(t.before, t.after) for t in change.texts] == [("", "培训不够系统。")]
    assert change.label == "编辑章节 S2正文"
    assert change.merge_key == ("set_paragraphs", s2.id)


def test_set_metadata_and_unknown_field():
    r = build_report()
    change = ops.set_metadata(r, title="关于2021年度法治政府建设情况的报告", attachments=("附表",))
    assert r.metadata.title == "关于2021年度法治政府建设情况的报告"
    assert r.metadata.attachments == ["附表"]
    assert change.metadata and not change.structure
    with pytest.raises(EditError, match="colour"):
        ops.set_metadata(r, colour="red")


def test_set_indicator_state():
    r = build_report()
    change = ops.set_indicator_state(r, "E1", na_reason="本单位无此职能")
    assert r.indicators["E1"].not_applicable
    assert change.indicators and change.label == "修改指标 E1"
    ops.set_indicator_state(r, "E1", na_reason=None, figures={"件数": "48"})
    assert not r.indicators["E1"].not_applicable
    assert r.indicators["E1"].figures == {"件数": "48"}


def test_unknown_ids_raise_a_drafter_error():
    r = build_report()
    for call in (
        lambda: ops.remove_section(r, "nosuch"),
        lambda: ops.rename_section(r, "nosuch", "x"),
        lambda: ops.merge_paragraphs(r, "nosuch"),
        lambda: ops.move_paragraphs(r, [r.opening[0].id], "nosuch"),
    ):
        with pytest.raises(DrafterError):
            call()
    assert len(r.opening) == 1


def test_move_paragraphs_with_one_unknown_id_moves_nothing():
    r = build_report()
    para = r.find("S2").paragraphs[0]
    with pytest.raises(EditError):
        ops.move_paragraphs(r, [para.id, "nosuch"], r.find("S4").id)
    assert texts(r, "S2") == ["执法力量不足。"] and texts(r, "S4") == ["继续深化改革。"]
    assert r.find("S2").paragraphs[0] is para

"""Importing pages shaped like real published reports (issue 15): a whole page on one line,
titles split, repeated or fused with their 文号, '二)' ordinals, and top headings whose
section or area a careful reader would give. Text is made up in the shapes real pages have."""

from __future__ import annotations

from drafter.core.reading.importer import build_report
from drafter.core.reading.line_split import split_run_together


def tops(lines: list[str]) -> list[tuple[str, str, str | None]]:
    built, _debris = build_report(lines)
    return [(h.text, h.section, h.area) for h in built.headings if h.level == 1]


def test_one_line_page_is_split_at_its_headings():
    page = (
        "某县民政局2023年度法治政府建设情况报告 2023年，我局坚持依法行政，现将有关情况报告如下："
        "一、2023年推进法治政府建设的主要举措和成效（一）加强组织领导。局党组集中学法6次，"
        "研究部署法治政府建设工作，把法治建设纳入全局工作总体布局，与业务工作同谋划、同部署、"
        "同推进、同考核，每季度听取一次法治建设工作情况汇报。（二）深化“放管服”改革。全年取消证明事项12项，"
        "政务服务事项全部实现网上办理，办理时限压缩60%以上，群众满意度持续提升，"
        "窗口服务规范化水平不断提高，营商环境进一步优化。二、存在的不足和原因 "
        "法治宣传的方式还不够丰富，针对不同群体的普法产品还不多。三、2024年工作安排 继续深化依法行政，全面提升法治能力。"
    )
    assert len(page) > 300
    built, _debris = build_report([page])
    report = built.report
    assert report.metadata.title == "某县民政局2023年度法治政府建设情况报告"
    assert [p.text for p in report.opening] == ["2023年，我局坚持依法行政，现将有关情况报告如下："]
    assert [(h.text, h.level, h.section) for h in built.headings if h.level == 1] == [
        ("2023年推进法治政府建设的主要举措和成效", 1, "S1"),
        ("存在的不足和原因", 1, "S2"),
        ("2024年工作安排", 1, "S4"),
    ]
    subs = [h.text for h in built.headings if h.level == 2]
    assert subs == ["加强组织领导", "深化“放管服”改革"]


def test_a_page_of_normal_lines_is_not_split():
    lines = ["一、主要举措和成效", "（一）加强领导", "全年办结案件12件。二、三类问题已整改。" * 20]
    lines += ["（二）规范执法", "落实三项制度。"]
    assert split_run_together(lines) == lines


def test_title_run_into_inline_furniture_is_split_off():
    lines = ["某区卫健委2023年度法治政府建设情况报告 信息来源: 发布时间:2024-01-03", "正文。"]
    assert split_run_together(lines)[:2] == [
        "某区卫健委2023年度法治政府建设情况报告",
        "信息来源: 发布时间:2024-01-03",
    ]
    built, debris = build_report(lines)
    assert built.report.metadata.title == "某区卫健委2023年度法治政府建设情况报告"
    assert debris == ["信息来源: 发布时间:2024-01-03"]


def test_title_repeated_and_split_below_the_page_heading():
    lines = [
        "某市司法局关于2022年度法治政府建设情况的报告",
        "日期:2023-02-01",
        "某市司法局",
        "关于2022年度法治政府建设情况的报告",
        "按照有关要求，现将我局2022年度法治政府建设情况报告如下：",
        "一、2022年推进法治政府建设的主要举措和成效",
    ]
    built, _debris = build_report(lines)
    report = built.report
    assert report.metadata.title == "某市司法局关于2022年度法治政府建设情况的报告"
    assert [p.text for p in report.opening] == [lines[4]]


def test_the_documents_own_title_wins_over_a_page_heading_worded_otherwise():
    lines = [
        "某省林业局2023年度法治政府年度报告",
        "某省林业局",
        "2023年度法治政府建设报告",
        "2023年，我局扎实推进法治政府建设。",
        "一、主要举措和成效",
    ]
    built, _debris = build_report(lines)
    assert built.report.metadata.title == "某省林业局2023年度法治政府建设报告"
    assert [p.text for p in built.report.opening] == [lines[3]]


def test_title_with_its_doc_number_run_in_and_an_aggregator_suffix():
    built, _ = build_report(["某政发〔2024〕2号某县2023年度法治政府建设情况报告", "正文。"])
    meta = built.report.metadata
    assert (meta.doc_number, meta.title) == (
        "某政发〔2024〕2号",
        "某县2023年度法治政府建设情况报告",
    )
    built, _ = build_report(["某市统计局2023年法治政府建设情况报告(全文)", "正文。"])
    assert built.report.metadata.title == "某市统计局2023年法治政府建设情况报告"


def test_ordinal_without_its_opening_bracket_is_a_subheading():
    lines = [
        "一、法治政府建设工作情况及成效",
        "（一）加强组织领导",
        "成立领导小组。",
        "二）深化法治学习",
        "局党组集中学法4次。",
    ]
    built, _ = build_report(lines)
    assert [(h.text, h.level) for h in built.headings] == [
        ("法治政府建设工作情况及成效", 1),
        ("加强组织领导", 2),
        ("深化法治学习", 2),
    ]


def test_guiding_principles_heading_is_s1_without_an_area():
    lines = [
        "一、指导思想",
        "以习近平法治思想为指导，坚持党的领导，推进依法行政。",
        "二、主要做法",
        "（一）加强组织领导。成立法治建设领导小组。",
    ]
    assert tops(lines) == [("指导思想", "S1", None), ("主要做法", "S1", None)]


def test_measures_heading_keeps_s1_over_a_first_part_on_s3_duties():
    lines = [
        "一、2023年度推进法治政府建设的主要举措和成效",
        "（一）党政主要负责人履行推进法治建设第一责任人职责。局长带头学法，亲自部署。",
    ]
    assert tops(lines) == [("2023年度推进法治政府建设的主要举措和成效", "S1", None)]
    built, _ = build_report(lines)
    assert [s.section for s in built.report.walk()] == ["S1", "S3"]


def test_heading_over_parts_in_three_areas_has_no_area_of_its_own():
    lines = [
        "一、健全制度体系，全面推进依法行政",
        "（一）加强党的领导。镇党委书记履行第一责任人职责，亲自部署法治建设。",
        "（二）完善规范性文件管理。依法开展规范性文件合法性审核和清理。",
        "（三）强化权力监督。自觉接受人大监督和审计监督，推进政务公开。",
    ]
    assert tops(lines) == [("健全制度体系，全面推进依法行政", "S1", None)]


def test_heading_on_local_legislation_is_area_c():
    lines = [
        "一、加强组织领导",
        "局党组研究部署法治建设。",
        "二、持续完善地方水利法规体系建设",
        "配合做好防汛条例修订的调研论证工作，防灾减灾有法可依。",
    ]
    assert tops(lines)[1] == ("持续完善地方水利法规体系建设", "S1", "C")

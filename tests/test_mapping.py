"""map_heading and s3_content on headings seen in real reports beyond the seeds."""

from __future__ import annotations

import pytest

from drafter.core.model.skeleton import all_skeletons
from drafter.core.reading.mapping import is_generic_s1, map_heading, s3_content

CASES = [
    ("存在的不足和原因", "S2", None),
    ("2021年推进法治政府建设存在的不足和原因", "S2", None),
    ("工作中存在的主要问题", "S2", None),
    ("党政主要负责人履行推进法治建设第一责任人职责情况", "S3", None),
    ("区政府主要负责同志履行推进法治建设第一责任人职责情况", "S3", None),
    ("下一年度推进法治政府建设的主要安排", "S4", None),
    ("2023年工作计划", "S4", None),
    ("下一步工作打算", "S4", None),
    ("其他需要报告的情况", "S5", None),
    ("主要举措和成效", "S1", None),
    ("2021年推进法治政府建设的主要举措和成效", "S1", None),
    ("工作开展情况", "S1", None),
    ("健全行政执法工作体系，全面推进严格规范公正文明执法", "S1", "E"),
    ("健全突发事件应对体系，依法预防处置重大突发事件", "S1", "F"),
    ("健全法治政府建设科技保障体系，全面建设数字法治政府", "S1", "J"),
    ("深入推进政务公开", "S1", "H"),
    ("做好行政复议、行政诉讼工作", "S1", "G"),
    ("落实“谁执法谁普法”普法责任制", "S1", "I"),
    ("持续深化“放管服”改革，优化法治化营商环境", "S1", "B"),
    ("严格规范性文件备案审查", "S1", "C"),
    ("完善重大行政决策程序", "S1", "D"),
    ("学习贯彻习近平法治思想", "S1", "A"),
]


@pytest.mark.parametrize("heading,section,area", CASES)
def test_map_heading(heading, section, area):
    assert map_heading(heading) == (section, area)


def test_every_skeleton_heading_maps_to_its_own_node():
    for sk in all_skeletons():
        for sec in sk.sections:
            title = sec.heading.format(year=2021, next_year=2022)
            assert map_heading(title, report_year=2021) == (sec.id, None), (sk.id, title)
            for area in sec.areas:
                assert map_heading(area.title) == ("S1", area.id), (sk.id, area.title)
                for example in area.example_headings:
                    assert map_heading(example)[1] == area.id, (sk.id, example)


def test_solving_problems_is_work_done_not_a_shortcoming():
    assert map_heading("着力解决群众反映强烈的突出问题")[0] == "S1"
    assert map_heading("依法化解矛盾问题")[0] == "S1"


def test_content_decides_when_the_heading_says_nothing():
    body = "全年收到行政复议申请48件，依法受理37件，审结26件；行政机关负责人出庭应诉率达100%。"
    assert map_heading("扎实推进各项工作", body) == ("S1", "G")
    problems = (
        "执法力量还不够强，基层法治机构人员不足，规范性文件管理仍需加强，干部法治意识有待提高。"
    )
    assert map_heading("扎实推进各项工作", problems)[0] == "S2"


def test_generic_s1_headings():
    assert is_generic_s1("工作成效") and is_generic_s1("主要工作措施")
    assert not is_generic_s1("深化行政执法体制改革")


def test_s3_content():
    assert s3_content("区党政主要负责同志自觉履行推进法治建设第一责任人职责，高位研究谋划。")
    assert s3_content("局长亲自部署法治建设工作，主要负责人带头述法。")
    assert not s3_content("全年办理行政复议案件48件，纠错率12%。")

"""Site furniture removed by its shape (core/reading/furniture.py, templates/furniture.json), and report
text never removed. Lines are written in the shapes real pages have, with made-up content."""

from __future__ import annotations

import pytest

from drafter.core.library.seeds import load_seeds
from drafter.core.reading.furniture import furniture_lines, is_furniture, unwrap_cell
from drafter.core.reading.importer import build_report
from drafter.core.reading.outline import clean_line, remove_debris

FURNITURE = [
    # breadcrumbs
    "首页 > 部门信息 > 工作动态",
    "> 信息公开 > 法定主动公开内容 > 计划总结",
    "您现在所在的位置：首页 > 政务公开",
    "您当前所在位置: 首页 > 专题 > 法治建设 >  正文",
    "当前位置：首页 / 政务公开 / 工作报告",
    "首页",
    "首页 » 信息公开 » 工作总结",
    "部门动态 > 法治建设",
    # metadata lines and blocks
    "索引号：113208000141/2024-00031 文号：某司发〔2024〕5号 发布机构：市司法局",
    "- 索引号:00012345/2023-00077",
    "• 发布机构: 某县司法局",
    "文件编号 某府〔2023〕12号",
    "公开类别 主动公开",
    "发布时间：2023-02-01 浏览次数：",
    "稿件来源：区政府办公室 作者： 发布时间：2023-03-09 | 打印 |",
    "来源：某县水利局  时间：2024-01-08",
    "效用状态：有效",
    "目录名称:其他文件发布机构:",
    "[ 成文日期 ] | 2023-03-01 | [ 发布日期 ] | 2023-03-02 |",
    "[ 有效性 ] | |",
    "| 索引号 | 0001/2025-00009 | 文号 | 某发〔2025〕3号 |",
    "| 公开方式 | 责任部门 | ||",
    "|---|---|---|",
    # web dates, alone or with a source
    "2022-12-30",
    "2023-01-16 10:05   来源：市人民政府办公室",
    "日期：2023-02-15",
    "2023年03月02日 08:45 来源：县政府办",
    "2023年3月2日  来源：县司法局",
    # widgets
    "【字体：大 中 小】",
    "• 【字体: 大  中",
    "【打印本页】【关闭窗口】",
    "打印本页 关闭窗口",
    "保护视力色：",
    "视力保护色:",
    "网站支持IPv6",
    "分享到：微信 微博 QQ空间",
    "字号 大 中 小",
    "×",
    "#",
]

REPORT_TEXT = [
    "一、2023年推进法治政府建设的主要举措和成效",
    "（一）加强组织领导",
    "二）深化法治学习",
    "强化法治学习",
    "来源于群众的意见建议，我局逐条研究办理。",
    "时间紧、任务重，我局按期完成了清单梳理。",
    "日常监督中发现问题，及时督促整改。",
    "某市司法局关于2023年度法治政府建设情况的报告",
    "县委、县政府：",
    "(",
    "2023年12月",
    "2023年12月28日",
    "收到/受理/办结三个环节全程留痕",
    "审批/备案事项",
    "分类 推进",
    "时间 紧迫",
    "特此报告。",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_shapes(line):
    assert is_furniture(line), line


@pytest.mark.parametrize("line", REPORT_TEXT)
def test_report_text_is_never_furniture(line):
    assert not is_furniture(line), line


def test_bulleted_line_inside_a_furniture_block():
    lines = ["• 索引号: 0099/2024-00002", "• 某市人民政府", "• 发布时间:2024年02月01日"]
    assert furniture_lines(lines) == {0, 1, 2}
    # the same short line among report text stays
    assert furniture_lines(["• 某市人民政府", "一、主要举措和成效"]) == set()


def test_publisher_line_above_a_web_date_before_the_body():
    lines = ["某县2023年度法治政府建设情况报告", "县政府办公室", "2024-01-10", "2023年，我县…"]
    assert furniture_lines(lines) == {1, 2}
    # a signature above a date written out in Chinese is not furniture
    assert furniture_lines(["某县人民政府", "2024年1月10日"]) == set()


def test_news_wire_lead_before_the_title():
    lead = (
        "某某网3月2日电 据某省人民政府网站消息，某省司法厅日前发布了2023年法治政府建设情况"
        "报告，报告显示全省共办结复议案件1200件。"
    )
    title = "某省司法厅2023年法治政府建设情况报告"
    assert furniture_lines([lead, title, "2023年，我厅坚持…"]) == {0}
    # the same kind of sentence inside the body, with no title after it, stays
    body = "3月2日，我厅发布了年度工作要点，部署全年法治建设任务。"
    assert furniture_lines(["一、主要举措", body, "（一）加强领导"]) == set()


def test_one_cell_table_row_is_read_as_its_text():
    assert unwrap_cell("| 某区2024年度法治政府建设情况报告 |") == "某区2024年度法治政府建设情况报告"
    assert unwrap_cell("| 索引号 | 0001 |") == "| 索引号 | 0001 |"


def test_import_removes_furniture_and_keeps_the_report():
    lines = [
        "首页 > 政务公开 > 规划计划",
        "- 索引号:0042/2024-00010",
        "- 发布机构:某市统计局",
        "某市统计局2023年度法治政府建设情况报告",
        "发布日期:2024-02-20 浏览次数: 信息来源:局办公室",
        "2023年，我局坚持依法统计，现将有关情况报告如下：",
        "一、2023年推进法治政府建设的主要举措和成效",
        "（一）加强组织领导。局党组集中学法6次。",
    ]
    built, debris = build_report(lines)
    assert debris == [lines[0], lines[1], lines[2], lines[4]]
    report = built.report
    assert report.metadata.title == "某市统计局2023年度法治政府建设情况报告"
    assert [p.text for p in report.opening] == [lines[5]]
    assert [h.text for h in built.headings if h.level == 1] == [
        "2023年推进法治政府建设的主要举措和成效"
    ]


def test_seeds_lose_only_their_known_page_debris():
    removed = {}
    for seed in load_seeds():
        lines = [clean_line(x) for x in seed.path.read_text(encoding="utf-8").splitlines()]
        _kept, debris = remove_debris([x for x in lines if x])
        removed[seed.file[:3]] = debris
    assert removed["000"] == removed["001"] == removed["002"] == removed["003"] == []
    assert removed["004"] == [
        "今天是:2019年10月31日 星期三 农历十月初七",
        "公告公示",
        "您所在的位置:政务公开 > 公告公示",
        "文章来源: 静海政务公众信息网 更新时间:2020/03/27 14:05:54",
    ]

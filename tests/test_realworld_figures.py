"""Figures and indicators as real reports write them (issue 15): qualified numbers, Chinese
numerals, zeros in words, number + measure word pairs, figures of the sentences after the
evidence, and the wording variants of 学法, 述法, 考核, 清单, 决策审查. Sentences are made up
in the shapes real reports use."""

from __future__ import annotations

import pytest

from drafter.core.model.figures import extract_figures
from drafter.core.model.indicators import detect_indicators, indicator_statuses, load_catalog
from drafter.core.model.model import Paragraph, Report, Section


def figs(text: str) -> list[tuple[str, float, str]]:
    return [(f.text, f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年受理群众来电7000余次。", [("7000余次", 7000.0, "次")]),
        ("网上办件超3200万次。", [("超3200万次", 32_000_000.0, "次")]),
        ("办理时限压缩95%以上。", [("95%以上", 95.0, "%")]),
        ("即办件占比30%以下。", [("30%以下", 30.0, "%")]),
        ("年度法律顾问经费逾12万元。", [("逾12万元", 12.0, "万元")]),
        ("主动评价率超98%。", [("超98%", 98.0, "%")]),
        ("外聘一名律师，开展两轮培训、四场讲座。",
         [("一名", 1.0, "名"), ("两轮", 2.0, "轮"), ("四场", 4.0, "场")]),
        ("举办专题讲座5场、312人次。", [("5场", 5.0, "场"), ("312人次", 312.0, "人次")]),
        ("梳理出审批环节等6类问题。", [("6类", 6.0, "类")]),
        ("共取消证明事项21项。", [("21项", 21.0, "项")]),
        ("全年无行政复议案件。", [("无行政复议案件", 0.0, "件")]),
        ("全年无行政复议、行政诉讼案件。", [("无行政复议、行政诉讼案件", 0.0, "件")]),
        ("本年度未发生行政诉讼案件。", [("未发生行政诉讼案件", 0.0, "件")]),
        ("群众差评率为0。", [("为0", 0.0, "%")]),
        ("行政复议纠错率为零。", [("为零", 0.0, "%")]),
        ("行政应诉案件数为0。", [("为0", 0.0, "件")]),
        ("窗口实现零投诉。", [("零投诉", 0.0, "件")]),
    ],
)  # fmt: skip
def test_figure_shapes(text, expected):
    assert figs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "无法按期办结的事项由窗口说明原因。",
        "推行无纸化文件流转。",
        "全程无差别受理。",
        "差评率为0.5%。",  # an Arabic figure with its unit, read once
        "赶超先进地区。",
    ],
)
def test_no_zero_where_none_is_written(text):
    assert [f for f in extract_figures(text) if f.value == 0] == []


def present(text: str) -> dict[str, list[str]]:
    return {k: [f.text for f in d.figures] for k, d in detect_indicators(text).items() if d.present}


def test_zero_covers_review_and_litigation():
    found = present("全年无行政复议、行政诉讼案件，依法行政水平稳步提升。")
    assert found["G1"] == ["无行政复议、行政诉讼案件"]
    assert found["G3"] == ["无行政复议、行政诉讼案件"]


def test_zero_rate_is_a_figure_of_its_indicator():
    found = present("推行政务服务“好差评”，主动评价率超96%、差评率为0。")
    assert found["B5"] == ["超96%", "为0"]


def test_figures_of_the_next_sentences_belong_to_the_evidence_before():
    text = (
        "深化行政审批制度改革。在精简事项方面，许可事项由30个减至24个，精简比例20%。"
        "在压缩时限方面，9个事项办理时限压缩50%以上。"
    )
    assert present(text)["B2"] == ["30个", "24个", "20%", "9个", "50%以上"]


def test_carried_figures_stop_at_a_new_paragraph_and_at_other_evidence():
    text = "深化行政审批制度改革。\n全年植树造林120亩，新建公园3个。"
    assert present(text)["B2"] == []
    text = "深化行政审批制度改革。全年收到行政复议申请12件。"
    assert present(text)["B2"] == []


def test_figure_before_the_evidence_in_a_sentence():
    text = "全年共办理许可事项15件，全部按时办结，申请人对审批服务的评价满意率100%。"
    found = present(text)
    assert "15件" in found["B2"]
    assert found["B5"] == ["100%"]


@pytest.mark.parametrize(
    "text, ind, figures",
    [
        ("局党组坚持会前学法，全年专题学法9次。", "I1", ["9次"]),
        ("邀请律师开展法律知识讲座2次。", "I1", ["2次"]),
        ("组织领导干部旁听庭审1次。", "I1", ["1次"]),
        ("组织领导干部旁听庭审1次。", "I2", ["1次"]),
        ("组织机关干部到市中级法院旁听行政审判。", "I2", []),
        ("通过党组会、中心组学习会集中学习了《中华人民共和国行政处罚法》等法律。", "I1", []),
        ("全面推行领导干部年终述法，共有86人次述法。", "A4", ["86人次"]),
        ("将依法行政工作情况作为年度考核的重要内容。", "A5", []),
        ("考核中加大法治建设成效的分值比重。", "A5", []),
        ("编制乡镇基本履职事项清单96项。", "B1", ["96项"]),
        ("全市统一推行“一事通办”，编制事项清单320个。", "B2", ["320个"]),
        ("26个事项实现“最多跑一次”。", "B5", ["26个"]),
        ("对2019年以来的文件开展再清理，废止11个文件。", "C3", ["11个"]),
        ("聘请法律顾问，全年支付顾问费用逾8万元。", "D4", ["逾8万元"]),
        ("将法律顾问审查重大决策的合法性作为必经环节。", "D3", []),
        ("“三重一大”事项一律经过合法性审查。", "D3", []),
    ],
)
def test_wording_variants(text, ind, figures):
    found = present(text)
    assert ind in found, (ind, text)
    assert found[ind] == figures


@pytest.mark.parametrize(
    "text, ind",
    [
        ("交流述学，撰写学习体会。", "A4"),
        ("制定年度工作任务清单和职责任务清单。", "B1"),
        ("开展生猪防疫知识宣传。", "F1"),
        ("旁听了一场讲座。", "I2"),
    ],
)
def test_wording_that_is_not_the_indicator(text, ind):
    assert ind not in present(text)


def test_a_figure_unit_an_indicator_takes_never_makes_it_ask_for_one():
    catalog = load_catalog()
    assert catalog["A4"].fits("人次") and not catalog["A4"].wants_figure
    assert catalog["D4"].fits("万元") and catalog["D4"].figure_units == ("人",)
    report = Report()
    report.sections = [
        Section(
            "S1",
            area="A",
            heading="加强组织领导",
            paragraphs=[Paragraph(text="领导干部年终述法全面推开。")],
        )
    ]
    assert indicator_statuses(report, "gov")["A4"]["status"] == "present"

"""Figure extraction: the forms real reports use, and what is not a figure."""

from __future__ import annotations

import pytest

from drafter.core.library.seeds import load_seeds
from drafter.core.model.figures import Figure, extract_figures, parse_cn_number


def triples(text: str) -> list[tuple[str, float | None, str]]:
    return [(f.text, f.value, f.unit) for f in extract_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全年共收到行政复议申请48件，依法受理37件，审结26件。",
            [("48件", 48, "件"), ("37件", 37, "件"), ("26件", 26, "件")],
        ),
        (
            "新受理行政复议案件151件，同比增长128.78%，纠错率约19.2%",
            [("151件", 151, "件"), ("128.78%", 128.78, "%"), ("约19.2%", 19.2, "%")],
        ),
        (
            "行政机关负责人出庭应诉率达100%; 新收一审行政案件240件，同比下降24.76%",
            [("100%", 100, "%"), ("240件", 240, "件"), ("24.76%", 24.76, "%")],
        ),
        (
            "各级调解组织共调解案件1891件，调解成功1879件，调解成功率99.4%",
            [("1891件", 1891, "件"), ("1879件", 1879, "件"), ("99.4%", 99.4, "%")],
        ),
        ("2020年共计审核并向市政府报备行政规范性文件2件", [("2件", 2, "件")]),
        ("累计贷款总额1.59亿元", [("1.59亿元", 1.59, "亿元")]),
        ("服务办事群众近50万人次", [("近50万人次", 500000, "人次")]),
        ("为40余家企业办理确认书1427份", [("40余家", 40, "家"), ("1427份", 1427, "份")]),
        ("网办率同比下降7.01个百分点", [("7.01个百分点", 7.01, "个百分点")]),
        ("经各相关单位两轮核实", [("两轮", 2, "轮")]),
        ("召开三次专题会，梳理十二项任务", [("三次", 3, "次"), ("十二项", 12, "项")]),
        (
            "共争取资金2653万元，拖欠工资913余万元",
            [("2653万元", 2653, "万元"), ("913余万元", 913, "万元")],
        ),
        ("达成就业意向540余人次，培训20多次", [("540余人次", 540, "人次"), ("20多次", 20, "次")]),
        (
            "学法不少于40学时，60个工作日内",
            [("40学时", 40, "学时"), ("60个工作日", 60, "个工作日")],
        ),
        ("考试合格率百分之九十九点五", [("百分之九十九点五", 99.5, "%")]),
        ("全部办结，办结率百分之百", [("百分之百", 100, "%")]),
        ("ＡＢ办结１２件，占比９８％", [("１２件", 12, "件"), ("９８％", 98, "%")]),
        ("共1,259项事项", [("1,259项", 1259, "项")]),
    ],
)
def test_forms_in_real_reports(text, expected):
    assert triples(text) == [(t, float(v), u) for t, v, u in expected]


def test_approximation_markers():
    figs = extract_figures("近50万人次，40余家，20多次，约19.2%，48件")
    assert [f.approx for f in figs] == ["近", "余", "多", "约", ""]


def test_spans_point_into_the_text():
    text = "全年共收到行政复议申请48件，依法受理37件。"
    for f in extract_figures(text):
        assert isinstance(f, Figure)
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "2021年，区政务服务办于3月26日转发文件",
        "《天津市政务服务事项目录(2021年版)(津职转办发〔2021〕3 号)》",
        "津南政发〔2021〕4号",
        "严格推行行政执法三项制度",
        "全面落实“马上办、网上办、一次办”",
        "进一步推动统一项目管理",
        "以“十一个坚持”为引领，增强“四个意识”、做到“两个维护”",
        "第一批共",
        "12345政务服务便民热线",
        "《法治政府建设实施纲要(2015-2020年)》",
        "2019年10月31日 星期三",
        "服务企业办事“最多跑一次”或“一次不用跑”",
    ],
)
def test_years_dates_numbers_and_set_phrases_are_not_figures(text):
    assert extract_figures(text) == []


def test_ordinal_prefix_drops_only_the_ordinal():
    assert triples("严格执行证明事项(第一批共55项)") == [("55项", 55.0, "项")]


@pytest.mark.parametrize(
    ("s", "value"),
    [
        ("十二", 12),
        ("两", 2),
        ("十", 10),
        ("二十三", 23),
        ("一百零五", 105),
        ("三千二百万", 32_000_000),
        ("一万零五百", 10_500),
        ("三亿五千万", 350_000_000),
        ("二〇二一", 2021),
        ("1.5万", 15_000),
        ("48", 48),
        ("１２", 12),
    ],
)
def test_parse_cn_number(s, value):
    assert parse_cn_number(s) == float(value)


@pytest.mark.parametrize("s", ["", "abc", "三四", "件", "万"])
def test_parse_cn_number_rejects_non_numbers(s):
    assert parse_cn_number(s) is None


def test_seed_003_figures_read_correctly():
    seed = next(s for s in load_seeds() if s.file.startswith("003"))
    figs = extract_figures(seed.path.read_text(encoding="utf-8"))
    found = {(f.text, f.unit) for f in figs}
    assert ("1.59亿元", "亿元") in found
    assert ("540余人次", "人次") in found
    assert ("2978人次", "人次") in found
    # 文号 "渭高新字〔2021〕1号" and the years are not figures.
    assert not any(f.unit == "" or f.text.startswith("2021") for f in figs)


def test_words_ending_in_jin_or_yue_are_not_approximations():
    assert [(f.text, f.approx) for f in extract_figures("最近3次检查，与3家企业签约2家")] == [
        ("3次", ""),
        ("3家", ""),
        ("2家", ""),
    ]
    assert [f.approx for f in extract_figures("接近50%，约30人")] == ["近", "约"]

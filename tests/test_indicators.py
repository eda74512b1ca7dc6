"""Indicator detection: by meaning in real wording, with figures, fast."""

from __future__ import annotations

from drafter.core.model.indicators import (
    detect_indicators,
    indicator_statuses,
    indicators_in,
    load_catalog,
)
from drafter.core.model.model import IndicatorState, Metadata, Paragraph, Report, Section


def test_catalog_keeps_the_reference_ids_and_rules():
    catalog = load_catalog()
    assert len(catalog) == 47
    assert catalog["G4"].required_for("dept") and not catalog["G6"].required_for("gov")
    # Every indicator can be detected by more than a single keyword.
    for ind in catalog.values():
        assert ind.words or ind.patterns, ind.id


def test_funnel_sentence_gives_g1_with_its_figures():
    text = "全年共收到行政复议申请48件，依法受理37件，审结26件。"
    det = detect_indicators(text)["G1"]
    assert det.present
    assert [f.text for f in det.figures] == ["48件", "37件", "26件"]
    for a, b in det.evidence:
        assert text[a:b] in text


def test_figure_is_taken_from_the_clause_of_the_evidence():
    text = "组织了党组书记讲法治课1次，党组中心组专题学法2次，处级领导干部参加旁听庭审1次。"
    dets = detect_indicators(text)
    assert [f.text for f in dets["I2"].figures] == ["1次"]
    assert dets["I2"].figures[0].start == text.index("旁听庭审1次") + 4
    assert dets["I1"].present and dets["I1"].figures


def test_mentioned_without_figure():
    det = detect_indicators("进一步规范行政机关负责人出庭应诉工作。")["G4"]
    assert det.present and det.figures == []


def test_meaning_not_a_single_keyword():
    # "出庭应诉" by a lawyer is not the head of the organ appearing in court.
    assert "G4" not in indicators_in("让法律顾问参与决策过程，出庭应诉，降低了法律风险。")
    # "述法" across two words ("讲述法律") is not 述法.
    assert "A4" not in indicators_in("邀请专家讲述法律知识。")
    assert "A4" in indicators_in("将党政主要负责人履行推进法治建设第一责任人职责情况列入年终述职。")
    # 备案 of a licence is not 规范性文件备案.
    assert "C2" not in indicators_in("审批改为备案5项。")
    assert "C2" in indicators_in("共计审核并向市政府报备行政规范性文件2件。")
    # 营商环境 as the name of a website section is not work on the business environment.
    assert "B4" not in indicators_in("设置信息公开、政务服务、营商环境3大板块。")
    # The list of the five statutory steps is D1, not a legality review of a decision (D3).
    text = "健全重大行政决策事项公众参与，专家论证，风险评估，合法性审查和集体讨论决定等程序。"
    assert "D1" in indicators_in(text) and "D3" not in indicators_in(text)


def test_different_wordings_of_one_indicator():
    for text in (
        "深入学习贯彻习近平法治思想。",
        "深入学习贯彻习近平总书记关于全面依法治国的重要论述。",
        "认真学习习近平总书记全面依法治国新理念新思想新战略。",
    ):
        assert "A1" in indicators_in(text), text
    for text in (
        "完成全区120名行政执法人员换发执法证件。",
        "严格实行行政执法人员持证上岗和资格管理制度。",
    ):
        assert "E2" in indicators_in(text), text


def test_statuses_count_work_not_plans_or_shortcomings():
    s1 = Section(
        "S1",
        heading="主要举措和成效",
        paragraphs=[
            Paragraph("全面推进政务公开，主动公开政府信息6176条。"),
            Paragraph("严格落实行政执法三项制度。"),
        ],
    )
    s2 = Section(
        "S2",
        heading="存在的不足和原因",
        paragraphs=[Paragraph("规范性文件报送备案审查的主动性不高。")],
    )
    s4 = Section(
        "S4", heading="下一年度工作安排", paragraphs=[Paragraph("全面落实谁执法谁普法普法责任制。")]
    )
    report = Report(metadata=Metadata(organ_kind="dept", year=2021), sections=[s1, s2, s4])
    report.indicators["G7"] = IndicatorState(na_reason="本单位无司法建议")
    st = indicator_statuses(report)
    assert st["H1"]["status"] == "present"
    assert st["H1"]["figures"] == [{"text": "6176条", "value": 6176.0, "unit": "条"}]
    assert st["E1"]["status"] == "present"  # wants no figure
    assert st["C2"]["status"] == "missing"  # only named as a shortcoming
    assert st["I4"]["status"] == "missing"  # only planned
    assert st["G7"]["status"] == "n/a"
    assert st["G4"]["status"] == "missing" and st["G4"]["level"] == "required"
    assert set(st) == set(load_catalog())


def test_status_no_figure():
    s1 = Section(
        "S1", heading="主要举措和成效", paragraphs=[Paragraph("动态调整权责清单，及时对外公布。")]
    )
    st = indicator_statuses(Report(metadata=Metadata(organ_kind="gov"), sections=[s1]))
    assert st["B1"]["status"] == "no_figure"


def test_run_in_heading_names_the_topic_of_its_paragraph():
    def report_with(lead: str, text: str) -> Report:
        p = Paragraph(text, lead=lead, level=3)
        s1 = Section("S1", heading="主要举措和成效", paragraphs=[p])
        return Report(metadata=Metadata(organ_kind="gov", year=2022), sections=[s1])

    st = indicator_statuses(report_with("开展行政执法监督。", "全年抽查执法单位32次。"))
    assert st["E6"] == {
        "status": "present",
        "figures": [{"text": "32次", "value": 32.0, "unit": "次"}],
        "level": "required",
    }
    # a sentence about another indicator keeps its figures to itself
    st = indicator_statuses(
        report_with("做好行政复议、行政诉讼工作。", "全年共办理行政诉讼案件18件。")
    )
    assert st["G1"]["status"] == "no_figure"
    assert st["G3"]["figures"] == [{"text": "18件", "value": 18.0, "unit": "件"}]


def test_more_real_wordings():
    cases = {
        "A2": "区长亲自部署法治政府建设工作，带头履行法治建设职责。",
        "G4": "全年新收行政诉讼案件9件，副区长出庭应诉2次。",
        "C1": "全年审查区政府规范性文件12件。",
        "E1": "全面落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
        "A3": "区政府常务会议专题研究法治政府建设工作4次。",
        "H3": "全年办理人大代表建议、政协委员提案96件。",
    }
    for ind, text in cases.items():
        assert ind in indicators_in(text), (ind, text)

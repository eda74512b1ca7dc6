"""Each family of checks on small reports built with the model API."""

from __future__ import annotations

from drafter.core.checks import run_checks
from drafter.core.checks.numbering import check_numbering
from drafter.core.model.model import IndicatorState, LastYear, Metadata, Paragraph, Report, Section

GOOD_S2 = "一是部分工作人员法治意识不强，二是执法力量不足。原因在于培训还不够系统。"
GOOD_S3 = "区长认真履行推进法治建设第一责任人职责，亲自部署重要工作。"
GOOD_S4 = "2022年，我区将继续深化法治政府建设，全面落实各项任务。"


def make_report(
    s1: list[str] | None = None,
    *,
    year: int = 2021,
    kind: str = "gov",
    s2: list[str] | bool | None = None,
    s3: list[str] | bool | None = None,
    s4: list[str] | bool | None = None,
    s4_heading: str = "下一年度推进法治政府建设的主要安排",
    opening: list[str] | None = None,
    **meta,
) -> Report:
    def sec(sid: str, heading: str, texts: list[str]) -> Section:
        return Section(sid, heading=heading, paragraphs=[Paragraph(t) for t in texts])

    sections = [sec("S1", "主要举措和成效", s1 or ["全面推进法治政府建设。"])]
    if s2 is not False:
        sections.append(sec("S2", "存在的不足和原因", s2 or [GOOD_S2]))
    if s3 is not False:
        sections.append(
            sec("S3", "党政主要负责人履行推进法治建设第一责任人职责情况", s3 or [GOOD_S3])
        )
    if s4 is not False:
        sections.append(sec("S4", s4_heading, s4 or [GOOD_S4]))
    return Report(
        metadata=Metadata(organ="某区人民政府", organ_kind=kind, year=year, **meta),
        opening=[Paragraph(t) for t in (opening or [])],
        sections=sections,
    )


def codes(report: Report, kind: str | None = None) -> list[str]:
    return [f.code for f in run_checks(report, kind).findings]


def findings(report: Report, code: str):
    return [f for f in run_checks(report).findings if f.code == code]


# ----- structure ---------------------------------------------------------------------------


def test_missing_required_section_is_an_error():
    res = run_checks(make_report(s2=False))
    assert res.sections["S2"] is False and res.has_errors
    (f,) = [f for f in res.findings if f.code == "S2-missing"]
    assert f.severity == "error" and f.section == "S2" and "不足" in f.message


def test_s3_content_inside_s1_counts_and_is_reported():
    report = make_report(s1=["全面推进法治政府建设。", GOOD_S3], s3=False)
    res = run_checks(report)
    assert res.sections["S3"] is True
    (f,) = [f for f in res.findings if f.code == "S3-inside"]
    assert f.severity == "info" and f.paragraph == report.sections[0].paragraphs[1].id
    assert "S3-missing" not in [f.code for f in res.findings]


def test_section_with_heading_only_is_empty():
    report = make_report()
    report.find("S2").paragraphs = []
    assert "S2-empty" in codes(report)


def test_sections_out_of_order():
    report = make_report()
    report.sections = [report.sections[i] for i in (0, 2, 1, 3)]  # S3 before S2
    (f,) = findings(report, "section-order")
    assert "S1、S3、S2、S4" in f.message


def test_formal_report_needs_recipient_and_closing():
    formal = make_report(doc_number="某政发〔2022〕1号")
    assert {"recipient-missing", "closing-missing"} <= set(codes(formal))
    assert "date-missing" in codes(formal)
    assert "signature-missing" not in codes(formal)  # a draft signs with its organ's name
    formal.metadata.recipient = "某市人民政府"
    formal.metadata.closing = "特此报告。"
    formal.metadata.date = "2023-02-10"
    assert not {"recipient-missing", "closing-missing", "date-missing"} & set(codes(formal))
    web = make_report()  # title and body alone: no closing expected
    assert "closing-missing" not in codes(web)


# ----- indicators ------------------------------------------------------------------------------


def test_required_indicator_missing_warns_and_na_silences():
    report = make_report(["严格落实行政执法三项制度。"])
    fs = [f for f in run_checks(report).findings if f.code == "indicator-missing"]
    assert "G4" in {f.indicator for f in fs}
    assert all(f.severity == "warning" for f in fs)
    # G1 is required of governments only.
    assert "G1" in {f.indicator for f in fs}
    dept = [
        f.indicator for f in run_checks(report, "dept").findings if f.code == "indicator-missing"
    ]
    assert "G1" not in dept and "G4" in dept
    report.indicators["G4"] = IndicatorState(na_reason="本年度无行政诉讼案件")
    res = run_checks(report)
    assert res.indicators["G4"]["status"] == "n/a"
    assert "G4" not in {f.indicator for f in res.findings}


def test_indicator_without_figure_is_an_info_at_its_paragraph():
    report = make_report(["全年共收到行政复议申请，依法全部受理。"])
    (f,) = [f for f in run_checks(report).findings if f.indicator == "G1"]
    assert f.code == "indicator-no-figure" and f.severity == "info"
    assert f.paragraph == report.sections[0].paragraphs[0].id and f.start is not None


# ----- figures ------------------------------------------------------------------------------


def test_review_funnel_that_grows():
    text = "全年共收到行政复议申请30件，依法受理37件，审结26件。"
    report = make_report([text])
    (f,) = findings(report, "funnel-grows")
    assert f.indicator == "G1" and "37件" in f.message and "30件" in f.message
    assert text[f.start : f.end] == "37件"


def test_sound_funnel_draws_nothing():
    report = make_report(["全年共收到行政复议申请48件，依法受理37件，审结26件。"])
    assert "funnel-grows" not in codes(report)
    # carried-over cases may make 审结 exceed 受理
    report = make_report(["受理行政复议申请20件，审结25件（含上年结转8件）。"])
    assert "funnel-grows" not in codes(report)


def test_mediation_success_above_total():
    report = make_report(["各级调解组织共调解案件100件，调解成功120件。"])
    (f,) = findings(report, "funnel-grows")
    assert f.indicator == "G5" and "120件" in f.message


def test_rate_over_100_unless_growth():
    assert "rate-over-100" in codes(make_report(["行政机关负责人出庭应诉率达120%。"]))
    assert "rate-over-100" not in codes(make_report(["新受理行政复议案件151件，同比增长128.78%。"]))


def test_rate_that_disagrees_with_its_counts():
    text = "各级调解组织共调解案件1891件，调解成功1879件，调解成功率89.4%。"
    (f,) = findings(make_report([text]), "rate-mismatch")
    assert "99.4%" in f.message and text[f.start : f.end] == "89.4%"
    ok = "各级调解组织共调解案件1891件，调解成功1879件，调解成功率99.4%。"
    assert "rate-mismatch" not in codes(make_report([ok]))


def test_figure_unchanged_from_last_year_shows_last_years_value():
    report = make_report(["全年共收到行政复议申请48件，依法受理37件。"], year=2022)
    p = report.sections[0].paragraphs[0]
    p.stale_figures = ["48件", "37件"]
    p.last_year_text = p.text.replace("全年", "2021年全年")
    report.last_year = LastYear(year=2021, source="2021年报告.docx")
    fs = findings(report, "figure-unchanged")
    assert [p.text[f.start : f.end] for f in fs] == ["48件", "37件"]
    assert "2021年报告中为“48件”" in fs[0].message and "2022年" in fs[0].hint
    p.text = p.text.replace("48件", "52件")  # updated by the clerk
    assert [f.message for f in findings(report, "figure-unchanged")] == [fs[1].message]


# ----- conventions ----------------------------------------------------------------------------


def test_document_number_forms():
    cases = {
        "根据《通知》（某政发〔2021〕第3号）": "doc-number-di",
        "根据《通知》（某政发[2021]3号）": "doc-number-bracket",
        "根据《通知》（某政发〔2021〕03号）": "doc-number-zero",
        "根据《通知》（某政发〔2021〕3 号）": "doc-number-space",
    }
    for text, code in cases.items():
        got = codes(make_report([text]))
        assert code in got, text
        assert "stray-space" not in got
    assert not any(
        c.startswith("doc-number")
        for c in codes(make_report(["根据《通知》（某政发〔2021〕3号）"]))
    )
    report = make_report(
        doc_number="某政发（2022）01号", recipient="某市人民政府", closing="特此报告。"
    )
    assert {"doc-number-bracket", "doc-number-zero"} <= set(codes(report))


def test_half_width_punctuation_and_brackets():
    report = make_report(["全年共办理案件12件,成效明显;印发《办法(试行)》。"])
    got = {f.code: f for f in run_checks(report).findings}
    assert "halfwidth-punct" in got and "“,;”" in got["halfwidth-punct"].message
    assert "halfwidth-bracket" in got
    clean = make_report(["共梳理事项1,259项，资金2.5亿元，网址www.gov.cn。"])
    assert not {"halfwidth-punct", "halfwidth-bracket"} & set(codes(clean))


def test_unbalanced_quotes_and_brackets():
    text = "推行“马上办、网上办，马上办”清单中的事项均可即办。"
    assert "quote-unbalanced" not in codes(make_report([text]))
    text = "“就近办”清单中的560项事项；马上办”清单中的561项事项。"
    (f,) = findings(make_report([text]), "quote-unbalanced")
    assert text[f.start] == "”" and f.start == text.index("马上办”") + 3
    assert "bracket-unbalanced" in codes(make_report(["印发《实施方案（试行》。"]))


def test_repeated_words():
    text = "全力推进全力推进法治政府建设。"
    (f,) = findings(make_report([text]), "repeated-words")
    assert "全力推进" in f.message and (f.start, f.end) == (0, 8)
    assert "repeated-words" not in codes(make_report(["逐一核实，一一对应，常常检查。"]))


def test_stray_spaces_but_not_in_slogans_or_bylines():
    (f,) = findings(make_report(["补植苗木500 余株，长势良好。"]), "stray-space")
    assert "500 余株" in f.message
    assert "stray-space" not in codes(make_report(["开展“廉洁之风 从家开始”主题教育活动。"]))
    assert "stray-space" not in codes(
        make_report(["全面推进法治政府建设。"], opening=["某局局长 张三"])
    )


def test_two_stray_spaces_are_two_findings():
    assert len(findings(make_report(["补植苗木500 余株，清理杂草 1次。"]), "stray-space")) == 2


def test_years_that_contradict_the_report_year():
    report = make_report(
        ["2020年，我区持续推进法治政府建设。"], opening=["现将2021年度法治政府建设情况报告如下："]
    )
    (f,) = findings(report, "year-mismatch")
    assert "2020年" in f.message and f.section == "S1"
    report = make_report(s4_heading="2021年重点工作安排")
    assert "year-mismatch" in codes(report)
    assert "year-mismatch" not in codes(make_report(s4_heading="2022年重点工作安排"))
    report = make_report(opening=["现将2020年度法治政府建设情况报告如下："])
    assert "year-mismatch" in codes(report)
    assert "year-mismatch" not in codes(make_report(["2018年以来，分8批清理调整事项。"]))


def test_outdated_gangyao_as_current_basis():
    text = "以《法治政府建设实施纲要（2015-2020年）》为指导，扎实推进法治政府建设。"
    assert "outdated-basis" in codes(make_report([text], year=2022))
    assert "outdated-basis" not in codes(make_report([text], year=2020))
    back = "2020年是《法治政府建设实施纲要（2015-2020年）》的收官之年。"
    assert "outdated-basis" not in codes(make_report([back], year=2021))


def test_unfilled_blank_is_an_error():
    report = make_report(["全年共收到行政复议申请【填：数字】件。"])
    (f,) = findings(report, "blank-unfilled")
    assert f.severity == "error" and "数字" in f.message
    assert report.sections[0].paragraphs[0].text[f.start : f.end] == "【填：数字】"


def test_web_debris_in_a_draft_paragraph():
    report = make_report(
        opening=["您所在的位置：首页 > 政务公开", "现将2021年度法治政府建设情况报告如下："]
    )
    assert "web-debris" in codes(report)


def test_paragraph_unchanged_from_last_year():
    report = make_report(["严格落实行政执法三项制度，全年评查案卷240卷。"], year=2022)
    report.last_year = LastYear(year=2021)
    p = report.sections[0].paragraphs[0]
    p.last_year_text = p.text
    p.stale_figures = ["240卷"]
    (f,) = findings(report, "paragraph-unchanged")
    assert f.paragraph == p.id and "“240卷”仍是2021年报告的数值" in f.message
    assert "figure-unchanged" not in codes(report)  # one finding for the whole paragraph
    p.text = "全面落实行政执法三项制度，全年评查案卷240卷。"
    assert "paragraph-unchanged" not in codes(report)
    assert "figure-unchanged" in codes(report)


def test_date_checks():
    assert "date-year" in codes(make_report(date="2025-01-10"))
    assert "date-year" not in codes(make_report(date="2022-02-11"))
    assert "date-zero-padding" in codes(make_report(["于2021年03月05日召开动员大会。"]))


# ----- heading numbering (raw source lines) ----------------------------------------------------


def numbering(lines: list[str]) -> list[str]:
    return [f.code for f in check_numbering(lines)]


def test_numbering_gap_and_repeat():
    assert numbering(["一、甲", "二、乙", "四、丁"]) == ["numbering-gap"]
    assert numbering(["一、甲", "（一）子", "（一）丑"]) == ["numbering-repeat"]


def test_numbering_continuous_or_restarting_is_fine():
    lines = [
        "一、甲",
        "（一）子",
        "1.提高站位。",
        "2.强化领导。",
        "（二）丑",
        "3.深化改革。",
        "二、乙",
        "（一）寅",
        "1.加强监督。",
    ]
    assert numbering(lines) == []


def test_numbering_mixed_styles_and_skipped_level():
    got = check_numbering(["一、甲", "1.提高站位。", "2、强化领导。"])
    by_code = {f.code: f for f in got}
    assert set(by_code) == {"numbering-level-skipped", "numbering-mixed"}
    assert by_code["numbering-level-skipped"].severity == "info"


def test_decimal_at_line_start_is_not_a_heading():
    assert (
        numbering(["一、甲", "（一）子", "1.提高站位。", "2.5亿元资金已拨付到位。", "2.强化领导。"])
        == []
    )


def test_half_width_brackets_in_heading_numbers():
    got = list(check_numbering(["一、甲", "(一)子", "(二)丑", "（三）寅"]))
    assert [f.code for f in got] == ["numbering-halfwidth"]
    assert "(一)" in got[0].message and "2 处" in got[0].message
    assert numbering(["一、甲", "（一）子", "（二）丑"]) == []


def test_years_in_plans_and_looking_ahead():
    assert "year-mismatch" in codes(make_report(s4=["2021年，我区将继续推进。"]))  # 2021 report
    assert "year-mismatch" not in codes(make_report(s4=["2025年，基本建成法治政府。"]))
    assert "year-mismatch" not in codes(make_report(["2022年，我区将继续深化改革。"]))
    assert "year-mismatch" in codes(make_report(["2019年，我区开展专项行动。"]))


def test_review_funnel_across_sentences_of_a_paragraph():
    text = "全年共收到行政复议申请30件。依法受理37件，审结26件。"
    (f,) = findings(make_report([text]), "funnel-grows")
    assert text[f.start : f.end] == "37件"
    other = "全年共收到行政复议申请30件。新收行政诉讼案件60件，审结55件。"
    assert "funnel-grows" not in codes(make_report([other]))


def test_list_markers_are_not_unbalanced_brackets():
    text = "主要做法有：1)建立台账；2)定期通报；a）加强督办。"
    got = codes(make_report([text]))
    assert "bracket-unbalanced" not in got
    assert "bracket-unbalanced" in codes(make_report(["印发《方案》并组织实施）。"]))


def test_indicator_figure_same_as_last_years():
    report = make_report(["全年共收到行政复议申请48件，依法受理37件。"], year=2022)
    report.last_year = LastYear(
        year=2021, figures={"G1": [{"text": "48件", "value": 48.0, "unit": "件"}]}
    )
    (f,) = findings(report, "figure-same-as-last-year")
    assert f.indicator == "G1" and f.severity == "info"
    assert "“48件”与2021年报告相同（去年：48件）" in f.message
    # still in last year's wording: reported as figure-unchanged instead
    report.sections[0].paragraphs[0].stale_figures = ["48件"]
    assert "figure-same-as-last-year" not in codes(report)


def test_s2_content_without_its_own_heading():
    problems = "工作中还存在一些问题：一是法治意识还不够强；二是执法力量有待加强。"
    report = make_report(["全面推进法治政府建设。", problems], s2=False)
    res = run_checks(report)
    assert res.sections["S2"] is True and "S2-missing" not in codes(report)
    (f,) = [f for f in res.findings if f.code == "S2-inside"]
    assert f.paragraph == report.sections[0].paragraphs[1].id
    # a passing mention of problems solved is not S2
    solved = make_report(["及时研究解决存在的问题，推动工作落实。"], s2=False)
    assert "S2-missing" in codes(solved)


def test_last_years_plans_not_reported_this_year():
    report = make_report(["严格落实行政执法三项制度。"], year=2022)
    report.last_year = LastYear(
        year=2021,
        plans=["全面推行行政执法三项制度。", "深化政务公开，加大主动公开力度。"],
    )
    fs = findings(report, "plan-not-reported")
    assert [f.indicator for f in fs] == ["H1"]  # E1 is reported this year
    assert "深化政务公开" in fs[0].message and fs[0].severity == "info"

"""The repairs the checks attach to their findings: what each makes of a paragraph, and what
it must leave alone (URLs, e-mail, numbers, Latin titles, 文号 brackets, ambiguous repeats)."""

from __future__ import annotations

import pytest

from drafter.core.checks import run_checks
from drafter.core.fixing import MECHANICAL, fix_op, plan
from drafter.core.model.model import Metadata, Paragraph, Report, Section


def report_of(*texts: str, lead: str = "", heading: str = "履行职能") -> Report:
    paras = [Paragraph(t) for t in texts]
    if lead:
        paras[0].lead = lead
        paras[0].level = 2
    report = Report(sections=[Section("S1", "B", heading=heading, paragraphs=paras)])
    report.metadata = Metadata(year=2021)
    return report


def fixed(report: Report, codes=None) -> Report:
    fix_op(plan(run_checks(report).findings, codes))(report)
    return report


def fix_text(text: str, codes=None) -> str:
    return fixed(report_of(text), codes).sections[0].paragraphs[0].text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            "全年受理48件,审结37件;详见附表:一是规范.",
            "全年受理48件，审结37件；详见附表：一是规范。",
        ),
        ("是否按时办结?均已办结!", "是否按时办结？均已办结！"),
        ("设立企业715户(含分支机构),投诉390件", "设立企业715户（含分支机构），投诉390件"),
        ("期刊(Nature)刊发", "期刊（Nature）刊发"),  # a pair: both brackets, Latin kept
        ("发布《规定》(2021年),施行", "发布《规定》（2021年），施行"),
    ],
)
def test_half_width_marks_beside_chinese_become_full_width(before, after):
    assert fix_text(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "增长1.5倍,比例为3:2,共1,000人",  # the comma after 倍 goes, the numbers stay
        "详见www.example.gov.cn,或来信",
        "邮箱:admin@example.gov.cn,欢迎来信",
        "参考《Rule, Law: Order》,并据此",
        "依据津政发〔2021〕3号,落实",
        "Version 1.2, build 3 (test)",
    ],
)
def test_numbers_urls_mail_latin_titles_and_doc_numbers_keep_their_marks(text):
    out = fix_text(text)
    for keep in ("1.5", "3:2", "1,000", "www.example.gov.cn", "admin@example.gov.cn"):
        if keep in text:
            assert keep in out
    if "《Rule" in text:
        assert "《Rule, Law: Order》" in out
    if "Version" in text:
        assert out == text
    if "〔2021〕" in text:
        assert "〔2021〕3号" in out


def test_stray_spaces_go_and_a_space_before_a_latin_word_stays():
    assert fix_text("植苗木500 余株,清理杂草 1次") == "植苗木500余株，清理杂草1次"
    assert fix_text("使用 Windows 系统办公,提高效率") == "使用 Windows 系统办公，提高效率"


def test_doc_number_in_gbt9704_form():
    assert fix_text("依据津职转办发〔2021〕3 号文件") == "依据津职转办发〔2021〕3号文件"
    assert fix_text("印发渭高新字[2021]第01号通知") == "印发渭高新字〔2021〕1号通知"
    assert fix_text("依据某某发 (2020) 12号文件") == "依据某某发〔2020〕12号文件"


def test_doc_number_in_the_metadata():
    report = report_of("正文。")
    report.metadata.doc_number = "渭高新字〔2021〕 01号"
    assert fixed(report).metadata.doc_number == "渭高新字〔2021〕1号"


def test_dates_lose_their_zero_padding():
    assert fix_text("于2021年03月05日印发，2021年10月10日施行") == (
        "于2021年3月5日印发，2021年10月10日施行"
    )


def test_a_phrase_repeated_by_mistake_and_a_verb_doubled_on_purpose():
    assert fix_text("全力推进全力推进法治政府建设") == "全力推进法治政府建设"
    assert fix_text("全力推进全力推进全力推进建设") == "全力推进建设"
    report = report_of("领导班子要研究研究这个问题")
    findings = [f for f in run_checks(report).findings if f.code == "repeated-words"]
    assert findings and not findings[0].fixable  # stays for the clerk
    assert fixed(report).sections[0].paragraphs[0].text == "领导班子要研究研究这个问题"


def test_year_ranges_in_chinese_text_take_a_dash():
    assert fix_text("落实2021-2025年规划") == "落实2021—2025年规划"
    assert fix_text("纲要(2015-2020年)") == "纲要（2015—2020年）"
    assert fix_text("标准ISO 9001-2015 and 2020-2015") == "标准ISO 9001-2015 and 2020-2015"
    assert fix_text("编号A2015-2020") == "编号A2015-2020"  # not beside Chinese text
    assert fix_text("自2020-2015年") == "自2020-2015年"  # not ascending: not a span of years


def test_heading_ordinals_leads_and_section_headings_are_fixed_too():
    report = report_of(
        "为推动工作,开展培训", lead="(一)加强组织领导.", heading="创新优化,全面履行职能"
    )
    fixed(report)
    sec = report.sections[0]
    assert sec.heading == "创新优化，全面履行职能"
    assert sec.paragraphs[0].lead == "（一）加强组织领导。"
    assert sec.paragraphs[0].text == "为推动工作，开展培训"
    assert fix_text("(1)规范执法行为") == "（1）规范执法行为"


def test_only_the_named_codes_are_fixed():
    text = "全年受理48件,审结(含调解)37件"
    assert fix_text(text, ["halfwidth-bracket"]) == "全年受理48件,审结（含调解）37件"


def test_no_finding_of_the_fixed_kinds_is_left():
    report = report_of(
        "全年受理48件,审结37件 ,于2021年03月05日印发(试行);依据某发[2021]第01号,全力推进全力推进"
    )
    found = run_checks(report).findings
    assert {f.code for f in found if f.fixable} <= set(MECHANICAL)  # `fix --only` knows them
    fixed(report)
    left = {f.code for f in run_checks(report).findings}
    assert not left & {
        "halfwidth-punct",
        "halfwidth-bracket",
        "stray-space",
        "doc-number-bracket",
        "doc-number-di",
        "doc-number-zero",
        "doc-number-space",
        "date-zero-padding",
        "repeated-words",
    }

"""Half-width marks in Chinese text are made full-width in what the product offers."""

from __future__ import annotations

from drafter.core.checks.conventions import check_conventions
from drafter.core.library.templating import make_template
from drafter.core.model.blanks import has_blanks
from drafter.core.model.model import Paragraph, Report, Section
from drafter.core.model.punctuation import to_fullwidth


def test_to_fullwidth_fixes_chinese_text_and_leaves_numbers_alone():
    src = '全年共收到申请48件,受理37件;审结1.5万件,其中"放管服"事项(含网办)占85.5%:详见附表.'
    assert (
        to_fullwidth(src)
        == "全年共收到申请48件，受理37件；审结1.5万件，其中“放管服”事项（含网办）占85.5%：详见附表。"
    )
    assert to_fullwidth("Version 1.2, build 3 (test)") == "Version 1.2, build 3 (test)"
    assert to_fullwidth("共1,000人") == "共1,000人"


def test_a_template_from_a_half_width_seed_sentence_draws_no_punctuation_finding():
    tpl = make_template(
        "2020年,全区新设立企业715户(含分支机构),投诉总数390件,已办结385件。",
        organ_names=["渭南高新区管委会"],
        report_year=2020,
    )
    assert has_blanks(tpl) and "," not in tpl and "(" not in tpl
    report = Report(sections=[Section("S1", "B", heading="履行职能", paragraphs=[Paragraph(tpl)])])
    report.metadata.year = 2021
    codes = {f.code for f in check_conventions(report)}
    assert not {"halfwidth-punct", "halfwidth-bracket", "halfwidth-quote"} & codes

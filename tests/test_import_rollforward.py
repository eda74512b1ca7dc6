"""Roll-forward: years moved on, figures marked stale, last year's plans kept as a checklist."""

from __future__ import annotations

from conftest import SEEDS
from drafter.core.reading.importer import import_file
from drafter.core.reading.rollforward import shift_years

SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def test_shift_years_moves_report_year_and_next_year_only():
    assert (
        shift_years("现将2021年度法治政府建设情况报告如下", 2021, 2022)
        == "现将2022年度法治政府建设情况报告如下"
    )
    assert shift_years("2022年,区政务服务办将继续", 2021, 2022) == "2023年,区政务服务办将继续"
    assert shift_years("2018年以来,分8批共清理", 2021, 2022) == "2018年以来,分8批共清理"
    assert shift_years("持续落实2019年《方案》", 2021, 2022) == "持续落实2019年《方案》"


def test_shift_years_leaves_citations_numbers_ranges_and_dates():
    for text in (
        "《法治政府建设实施纲要(2021-2025年)》",
        "《韶关市2021年全面依法治市工作要点》",
        "(津南政发〔2021〕4号)",
        "2021年7月20日,",
        "《法治中国建设规划(2020-2025年)》",
        "2021—2025年",
    ):
        assert shift_years(text, 2021, 2022) == text


def test_shift_years_by_several_years():
    assert shift_years("2021年工作，2022年计划", 2021, 2024) == "2024年工作，2025年计划"


def test_seed_001_rolled_forward_to_2022():
    result = import_file(SEED_FILES["001"])
    report = result.report
    assert (result.year_from, result.year_to) == (2021, 2022)
    assert report.metadata.year == 2022
    assert report.metadata.date == ""  # the new 成文日期 is not known yet
    assert report.skeleton == "standard"
    text = report.plain_text()
    assert text.startswith("2022年,我局法治政府建设工作")
    assert "《韶关市2021年全面依法治市工作要点》" in text
    assert "《法治政府建设实施纲要(2021—2025年)》" in text
    # last year's plans (its S4) are this year's checklist, as written last year
    plans = report.last_year.plans
    assert report.last_year.year == 2021
    assert plans[0].startswith("下一步区政数局将围绕贯彻落实党中央")
    assert plans[1].startswith("大力推进优化营商环境改革")
    assert len(plans) == 4


def test_paragraphs_remember_last_years_text_and_stale_figures():
    report = import_file(SEED_FILES["001"]).report
    paras = [p for p in report.paragraphs() if p.kind == "body"]
    assert all(p.unchanged_from_last_year for p in paras)
    hit = next(p for p in paras if "处理办事群众反映事项41件" in p.text)
    assert "41件" in hit.stale_figures and "100%" in hit.stale_figures
    # editing a paragraph makes it this year's text
    hit.text = "2022年，处理办事群众反映事项【填：数字】件。"
    assert not hit.unchanged_from_last_year


def test_last_years_figures_per_indicator():
    report = import_file(SEED_FILES["004"]).report
    figures = report.last_year.figures
    g5 = [f["text"] for f in figures.get("G5", [])]
    assert "1891件" in g5
    assert all({"text", "value", "unit"} <= set(f) for fs in figures.values() for f in fs)


def test_formal_report_metadata_rolled_forward():
    result = import_file(SEED_FILES["003"])
    m = result.report.metadata
    assert m.title == "渭南高新区管委会关于2021年度法治政府建设工作的报告"
    assert m.year == 2021 and m.doc_number == "" and m.date == ""
    assert m.recipient == "渭南市人民政府" and m.signature == "渭南高新技术产业开发区管理委员会"
    assert result.source["doc_number"] == "渭高新字〔2021〕1号"
    # the 2015-2020 纲要 years stay; the report's years move
    assert "《法治政府建设实施纲要(2015—2020年)》" in result.report.plain_text()


def test_same_year_imports_as_is():
    result = import_file(SEED_FILES["004"], year=2019)
    report = result.report
    assert report.last_year is None
    assert all(p.last_year_text is None and not p.stale_figures for p in report.paragraphs())
    assert report.metadata.year == 2019
    assert "三、2020年重点工作安排" in report.plain_text()


def test_explicit_target_year():
    result = import_file(SEED_FILES["004"], year=2021)
    assert result.year_to == 2021
    assert "三、2022年重点工作安排" in result.report.plain_text()
    assert result.report.metadata.title == "2021年静海区法治政府建设情况报告"


def test_last_years_draft_rolls_forward(tmp_path):
    from drafter.core.storage import save_draft

    draft = save_draft(
        import_file(SEED_FILES["003"], roll_forward=False).report, tmp_path / "d.fzbg.json"
    )
    result = import_file(draft)
    assert (result.year_from, result.year_to) == (2020, 2021)
    assert [(h.text, h.section, h.area) for h in result.headings if h.level == 1][:2] == [
        ("创新优化,全面履行政府职能", "S1", "B"),
        ("完善制度体系,规范重大行政决策", "S1", "C"),
    ]
    assert result.report.metadata.title == "渭南高新区管委会关于2021年度法治政府建设工作的报告"
    assert result.report.last_year.year == 2020

"""Fill-in templates: nothing of the source organ survives, and filled blanks read cleanly."""

from __future__ import annotations

import re

import pytest

import suggest_fixtures
from drafter.core.library.seeds import load_seeds
from drafter.core.library.templating import (
    FIXED_TERMS,
    fill_years,
    make_template,
    opening_paragraph,
    organ_variants,
    sentence_fields,
    standard_sentence,
)
from drafter.core.model.blanks import fill, find_blanks, has_blanks
from drafter.core.model.indicators import load_catalog
from drafter.core.model.model import Metadata, Report

# Shared fixtures (pytest finds them as module attributes).
seed_cache = suggest_fixtures.seed_cache
seed_passages = suggest_fixtures.seed_passages

ORGAN = "滨海区司法局"
YEAR = 2024
VALUES = {
    "数字": "12",
    "百分比": "95%",
    "地名": "滨海",
    "单位名称": ORGAN,
    "文号": "滨司发〔2024〕1号",
    "日期": "2024年3月1日",
    "月份": "3",
    "姓名": "张明",
    "其他年份": "2018",
}


def _without_fixed_terms(text: str) -> str:
    for term in FIXED_TERMS:
        text = text.replace(term, "")
    return text


def test_seed_templates_hold_no_digit_year_or_organ_name(seed_passages):
    seeds = {f"seed-{s.file.rsplit('.', 1)[0]}": s for s in load_seeds()}
    checked = 0
    for entry_id, passages in seed_passages.items():
        seed = seeds[entry_id]
        names = organ_variants([seed.organ])  # 韶关市武江区… → also 韶关, 武江
        assert passages, entry_id
        for p in passages:
            rest = _without_fixed_terms(p.template)
            assert not re.search(r"[0-9０-９]", rest), (entry_id, p.template)
            for name in names:
                assert name not in p.template, (entry_id, name, p.template)
            checked += 1
    assert checked > 400


def test_templates_keep_the_wording_and_mark_blanks(seed_passages):
    g1 = [
        p
        for passages in seed_passages.values()
        for p in passages
        if p.text.startswith("全年共收到行政复议申请")
    ]
    assert g1, "seed 004 reports 行政复议 figures"
    # The seed writes half-width commas; the template offers full-width ones.
    assert g1[0].template == (
        "全年共收到行政复议申请【填：数字】件，依法受理【填：数字】件，审结【填：数字】件。"
    )


def test_filled_template_is_a_clean_sentence(seed_passages):
    filled_count = 0
    for passages in seed_passages.values():
        for p in passages:
            if not has_blanks(p.template):
                continue
            filled = fill(fill_years(p.template, YEAR), VALUES)
            assert not has_blanks(filled), filled
            assert "【" not in filled and "】" not in filled, filled
            # Templating the filled sentence again gives the same template back: every
            # blank was filled with a value of the kind it stands for.
            assert make_template(filled, [ORGAN], YEAR) == p.template, (p.template, filled)
            filled_count += 1
    assert filled_count > 150


def test_years_are_labelled_relative_to_the_report_year():
    t = make_template("2021年全区审结案件5件，2022年将继续推进，2020年已建立机制。", [], 2021)
    assert t == (
        "【填：年份】年全区审结案件【填：数字】件，【填：下一年份】年将继续推进，"
        "【填：上一年份】年已建立机制。"
    )
    assert fill_years(t, 2024).startswith("2024年全区审结案件")
    assert "2025年将继续推进" in fill_years(t, 2024)


def test_document_numbers_signers_dates_and_places_become_blanks():
    text = "渭高新字〔2021〕1号 签发人:薛清军 于2021年7月20日印发《天津市静海区实施方案》，出庭应诉率达100%。"
    t = make_template(text, ["静海区"], 2021)
    assert t == (
        "【填：文号】 签发人：【填：姓名】 于【填：日期】印发《【填：地名】市【填：单位名称】实施方案》，"
        "出庭应诉率达【填：百分比】。"
    )


def test_domain_terms_and_national_names_stay():
    text = "全面落实“谁执法谁普法”普法责任制和行政执法“三项制度”，通过12345热线受理诉求，学习习近平法治思想。"
    assert make_template(text, ["静海区"], 2019) == text


def test_standard_sentence_takes_figures_and_blanks_the_missing():
    assert standard_sentence("G1", {"收到件数": "48", "受理件数": "37", "审结件数": "26"}) == (
        "全年共收到行政复议申请48件，依法受理37件，审结26件。"
    )
    partial = standard_sentence("G1", {"收到件数": "48", "受理件数": ""})
    assert (
        partial
        == "全年共收到行政复议申请48件，依法受理【填：受理件数】件，审结【填：审结件数】件。"
    )
    assert sentence_fields("G1") == ["收到件数", "受理件数", "审结件数"]


def test_every_catalog_indicator_has_a_standard_sentence():
    for ind in load_catalog().values():
        text = standard_sentence(ind.id)
        assert text.endswith("。"), ind.id
        # A figure the catalog asks for is a blank to fill in the sentence.
        if ind.wants_figure:
            assert find_blanks(text), ind.id


def test_unknown_indicator_sentence_is_an_error():
    from drafter.core.errors import DrafterError

    with pytest.raises(DrafterError):
        standard_sentence("Z9")


def test_opening_paragraph_from_report_metadata():
    report = Report(metadata=Metadata(organ=ORGAN, organ_kind="dept", year=2023))
    text = opening_paragraph(report)
    assert text.startswith("2023年，我局在区委、区政府的正确领导下")
    assert "《法治政府建设实施纲要（2021—2025年）》" in text
    assert text.endswith("现将2023年度法治政府建设情况报告如下：")
    blank_report = Report(metadata=Metadata(organ="", year=0))
    assert opening_paragraph(blank_report).startswith("【填：年份】年，【填：单位名称】")


def test_seed_openings_are_learnt_as_templates(seed_passages):
    openings = [p for ps in seed_passages.values() for p in ps if p.kind == "opening"]
    assert len(openings) >= 4
    assert any("报告如下" in p.template for p in openings)
    assert all(not re.search(r"\d", p.template) for p in openings)

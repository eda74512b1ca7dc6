"""Section intent: a query made in S2 or S4, or naming them, ranks that section's passages
first; in S4 the draft's weaknesses (its S2) find the plans that answer them; our own S2/S4
phrasing per work area (templates/phrases/) is ranked with the library's passages."""

from __future__ import annotations

import pytest

import suggest_fixtures
from drafter.core.library.corpus import Library
from drafter.core.library.draft_context import DraftView
from drafter.core.library.retrieval import Suggester
from drafter.core.library.section_intent import first_section, named_section, rules
from drafter.core.library.standard_phrases import ORGAN, SECTIONS, phrases
from drafter.core.model.blanks import find_blanks
from drafter.core.model.model import AREA_IDS, Paragraph, Report, Section

seed_cache = suggest_fixtures.seed_cache
warm_home = suggest_fixtures.warm_home


@pytest.fixture
def suggester(warm_home):
    return Suggester(Library.open())


def _examples():
    for sec, ex in rules().examples.items():
        for q in ex["names"]:
            yield pytest.param(sec, q, True, id=f"{sec}-names-{q}")
        for q in ex["not"]:
            yield pytest.param(sec, q, False, id=f"{sec}-not-{q}")


@pytest.mark.parametrize("section,query,names", list(_examples()))
def test_cue_words_name_their_section(section, query, names):
    assert (named_section(query) == section) is names


def test_every_intent_rule_has_examples_both_ways():
    for sec, ex in rules().examples.items():
        assert ex["names"] and ex["not"], sec


def test_a_long_paragraph_is_not_read_as_naming_a_section():
    paragraph = (
        "全年组织执法人员培训三期，针对执法中发现的不足，逐一制定整改措施，执法案卷质量明显提高。"
    )
    assert named_section("执法中的不足") == "S2"
    assert named_section(paragraph) is None
    assert first_section(paragraph, "S1") is None
    assert first_section(paragraph, "S4") == "S4"  # written in S4: S4 first all the same


@pytest.mark.parametrize("query,section", [("下一步工作计划", "S4"), ("存在的问题和不足", "S2")])
def test_naming_a_section_puts_its_passages_in_the_top_3(suggester, query, section):
    results = suggester.suggest(query, n=5)
    assert [r.section for r in results[:3]] == [section] * 3
    # The library's own passages of that section are among them, not only our phrasing.
    s_lib = [r for r in suggester.suggest(query, n=8) if r.source != ORGAN]
    assert s_lib and s_lib[0].section == section


def test_in_s4_the_drafts_weaknesses_find_the_plans_for_them(suggester):
    weakness = "少数单位负责人出庭应诉时很少发言，出庭应诉的实际效果还不理想。"
    report = Report(
        sections=[
            Section(id="s2", section="S2", heading="二、存在的不足和原因"),
            Section(id="s4", section="S4", heading="四、下一年度工作安排"),
        ]
    )
    report.sections[0].paragraphs.append(Paragraph(id="p1", text=weakness))
    heading = report.sections[1].heading
    without = suggester.suggest(heading, section="S4", n=3)
    assert not any("出庭" in r.text for r in without)
    with_draft = suggester.suggest(heading, section="S4", n=3, draft=DraftView.of(report))
    assert all(r.section == "S4" for r in with_draft)
    assert any("出庭" in r.text for r in with_draft)


def test_our_phrasing_is_suggested_with_its_source(suggester):
    results = suggester.suggest("普法责任制", section="S4", n=5)
    ours = [r for r in results if r.source == ORGAN]
    assert ours and ours[0].area == "I" and ours[0].year is None
    assert ours[0].template == ours[0].text and "【填：" in ours[0].template


@pytest.mark.parametrize("section", SECTIONS)
@pytest.mark.parametrize("area", AREA_IDS)
def test_standard_phrases_cover_every_area(section, area):
    sentences = phrases(section, area)
    assert len(sentences) >= 3
    for s in sentences:
        assert s.endswith("。") and 15 <= len(s) <= 90, s
        assert not any(c.isdigit() for c in s), s  # figures are blanks
        for _, _, label in find_blanks(s):
            assert label and "{" not in label, s
    if section == "S4":  # next year's measures speak of next year, never of the report year
        assert not any(label == "年份" for s in sentences for _, _, label in find_blanks(s))

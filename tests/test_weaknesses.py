"""problem-without-plan: weaknesses in S2 answered (or not) by measures in S4."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS
from drafter.core.checks import read_for_check, run_checks
from drafter.core.checks.weaknesses import load_matters, matters_of
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.resources import templates_dir

DATA = json.loads((templates_dir() / "matters.json").read_text(encoding="utf-8"))
SEED_003 = SEEDS / "003_9cb397488837d2a1.txt"


@pytest.mark.parametrize("matter", DATA["matters"], ids=[m["id"] for m in DATA["matters"]])
def test_every_matter_reads_its_examples(matter):
    assert matter["examples"]
    for text in matter["examples"]:
        assert matter["id"] in [m.id for m in matters_of(text, load_matters())], text


def unanswered(report: Report):
    return [f for f in run_checks(report).findings if f.code == "problem-without-plan"]


def test_cutting_seed_003s_measure_on_publicity_names_its_publicity_weakness():
    report, source = read_for_check(SEED_003)
    assert not any("宣传" in f.message for f in unanswered(report))
    s4 = report.find("S4")
    cut = [p for p in s4.paragraphs if "宣传" in p.text]
    assert len(cut) == 1 and cut[0].text.startswith("四是强化法治宣传教育工作")
    s4.paragraphs.remove(cut[0])
    found = [f for f in unanswered(report) if "普法宣传" in f.message]
    assert len(found) == 1
    (f,) = found
    assert f.severity == "info" and f.section == "S2"
    _sec, para = report.find_paragraph(f.paragraph)
    assert para.text.startswith("法治政府宣传教育力度还不够大")
    assert "“法治政府宣传教育力度还不够大" in f.message


def make(s2: list[str], s4: list[str] | None) -> Report:
    sections = [
        Section("S1", heading="主要举措和成效", paragraphs=[Paragraph("全面推进依法行政。")]),
        Section("S2", heading="存在的不足", paragraphs=[Paragraph(t) for t in s2]),
        Section(
            "S3",
            heading="第一责任人职责情况",
            paragraphs=[Paragraph("区长履行推进法治建设第一责任人职责。")],
        ),
    ]
    if s4 is not None:
        sections.append(
            Section("S4", heading="下一年度安排", paragraphs=[Paragraph(t) for t in s4])
        )
    return Report(metadata=Metadata(organ="某区人民政府", year=2022), sections=sections)


def test_each_part_of_an_enumerated_weakness_is_answered_on_its_own():
    s2 = ["一是行政复议案件纠错率偏高；二是信息化建设相对滞后，数据共享不够。"]
    s4 = ["加强行政复议规范化建设，提高办案质量。"]
    report = make(s2, s4)
    (f,) = unanswered(report)
    para = report.find("S2").paragraphs[0]
    assert para.text[f.start : f.end].startswith("二是信息化建设相对滞后")
    assert "数字化" in f.message
    assert unanswered(make(s2, s4 + ["推进数字政府建设，打通数据壁垒。"])) == []


def test_measures_in_other_words_answer_the_weakness():
    s2 = ["执法人员业务能力参差不齐，执法不规范的情况仍有发生。"]
    assert unanswered(make(s2, ["全面落实行政执法三项制度，开展案卷评查。"])) == []


def test_a_report_without_s4_is_only_told_it_lacks_s4():
    res = run_checks(make(["法治宣传形式单一。"], None))
    codes = [f.code for f in res.findings]
    assert "S4-missing" in codes and "problem-without-plan" not in codes

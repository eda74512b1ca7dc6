"""Property tests of the fixes on random mixed Chinese / Latin / number text: fixing twice is
fixing once, a fix changes nothing outside the spans it names, and Latin letters, digits
outside dates and quotes stay as they were."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.core.checks import run_checks
from drafter.core.fixing import fix_draft, fix_op, plan
from drafter.core.model.model import Metadata, Paragraph, Report, Section

PIECES = st.sampled_from(
    [
        *"推进法治政府建设全力行政复议受理审结年月日号发第件",
        *"abcXYZ",
        *"0123456789",
        *",;:?!.()-– \u3000",
        *"，。；：（）“”《》〔〕—",
        "全力推进",
        "研究",
        "www.gov.cn",
        "a@b.cn",
        "1.5",
        "3:2",
        "2015-2020",
        "2021年03月05日",
        "津发〔2021〕 03号",
        "某发[2020]第1号",
        "《Law, Order》",
    ]
)
TEXT = st.lists(PIECES, min_size=1, max_size=40).map("".join)


def report_of(texts: list[str], lead: str = "") -> Report:
    paras = [Paragraph(t) for t in texts]
    paras[0].lead = lead
    report = Report(sections=[Section("S1", "B", heading="履行职能", paragraphs=paras)])
    report.metadata = Metadata(year=2021)
    return report


def texts_of(report: Report) -> list[tuple[str, str, str]]:
    sec = report.sections[0]
    return [(sec.heading, p.lead, p.text) for p in sec.paragraphs]


def fix_all(report: Report) -> Report:
    fix_draft(lambda op: op(report), report, None)
    return report


SETTINGS = settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=3), TEXT)
def test_fixing_twice_is_fixing_once(texts, lead):
    once = texts_of(fix_all(report_of(texts, lead)))
    twice = texts_of(fix_all(fix_all(report_of(texts, lead))))
    assert twice == once


@SETTINGS
@given(TEXT)
def test_a_fix_changes_only_the_spans_it_names(text):
    report = report_of([text])
    fixes = plan(run_checks(report).findings)
    op = fix_op(fixes)
    op(report)
    after = report.sections[0].paragraphs[0].text
    edits = sorted((e for _c, e in fixes.edits if e.part == "text"), key=lambda e: e.start)
    kept_before, kept_after, pos, shift = [], [], 0, 0
    for e in edits:
        assert text[e.start : e.end] == e.before
        kept_before.append(text[pos : e.start])
        kept_after.append(after[pos + shift : e.start + shift])
        assert after[e.start + shift : e.start + shift + len(e.after)] == e.after
        shift += len(e.after) - len(e.before)
        pos = e.end
    kept_before.append(text[pos:])
    kept_after.append(after[pos + shift :])
    assert kept_after == kept_before


@SETTINGS
@given(TEXT)
def test_latin_letters_quotes_and_numbers_stay(text):
    report = fix_all(report_of([text]))
    after = report.sections[0].paragraphs[0].text
    for rx in (r"[A-Za-z@]", r"[“”‘’\"《》]"):
        assert re.findall(rx, after) == re.findall(rx, text)
    # Digits: only a date's padding zero ("03月" → "3月") may go.
    assert re.sub(r"年0(?=\d月)|月0(?=\d日)", "", text).count("0") >= after.count("0")
    assert [c for c in after if c in "123456789"] == [c for c in text if c in "123456789"]


@SETTINGS
@given(TEXT)
def test_after_fixing_only_unfixable_findings_of_the_fixed_kinds_are_left(text):
    report = fix_all(report_of([text]))
    assert not any(f.fixable for f in run_checks(report).findings)

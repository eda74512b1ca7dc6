"""Property tests: figure extraction and the checks never fail on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.core.checks import run_checks
from drafter.core.checks.numbering import check_numbering
from drafter.core.model.figures import extract_figures
from drafter.core.model.indicators import detect_indicators
from drafter.core.model.model import Metadata, Paragraph, Report, Section

ALPHABET = st.sampled_from(
    list(
        "一二三四五六七八九十百千万亿两零〇件项人次%％.．,，。；、（）()“”《》【】〔〕 余近多约第号年月日"
    )
    + list("0123456789")
    + list("行政复议受理审结调解成功率出庭应诉法治政府建设全力推进")
)
TEXT = st.text(ALPHABET, max_size=120)


@settings(deadline=None)
@given(TEXT)
def test_figures_spans_match_their_text(text):
    for f in extract_figures(text):
        assert text[f.start : f.end] == f.text
        assert f.unit
        assert f.approx in ("", "余", "近", "多", "约")


@settings(deadline=None)  # the first call loads jieba
@given(TEXT)
def test_detection_evidence_lies_in_the_text(text):
    for det in detect_indicators(text).values():
        assert det.present == bool(det.evidence)
        for a, b in det.evidence:
            assert 0 <= a < b <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=6), st.integers(2015, 2030))
def test_checks_never_fail_and_spans_point_into_paragraphs(texts, year):
    report = Report(
        metadata=Metadata(organ="某区", year=year, doc_number=texts[0][:20]),
        sections=[
            Section("S1", heading="主要举措和成效", paragraphs=[Paragraph(t) for t in texts])
        ],
    )
    res = run_checks(report)
    for f in res.findings:
        assert f.severity in ("error", "warning", "info")
        if f.paragraph and f.start is not None:
            _sec, p = report.find_paragraph(f.paragraph)
            assert 0 <= f.start <= f.end <= len(p.text)


@settings(deadline=None)
@given(st.lists(TEXT, max_size=20))
def test_numbering_never_fails(lines):
    for f in check_numbering(lines):
        assert f.code.startswith("numbering")


LINE = st.one_of(
    TEXT,
    st.sampled_from(
        ["一、主要举措和成效", "（一）加强组织领导", "1.提高站位。", "二、存在的不足", "特此报告。"]
    ),
    st.builds(lambda n, t: f"{n}、{t}", st.sampled_from("一二三四五"), TEXT),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=15))
def test_imported_text_of_any_shape_is_checked(lines):
    from drafter.core.checks import Source
    from drafter.core.reading.importer import build_report

    built, debris = build_report(lines)
    res = run_checks(built.report, None, Source(lines, debris))
    assert set(res.sections) == {"S1", "S2", "S3", "S4", "S5"}
    assert all(
        st_["status"] in ("present", "no_figure", "missing", "n/a")
        for st_ in res.indicators.values()
    )


def test_brackets_left_open_inside_a_closed_pair_end_the_check():
    # Found by a stress run: with one unbalanced mark already noted, an opener left open
    # inside a later closed pair used to loop forever.
    text = "（甲“乙《丙）丁（戊“己《庚）辛"
    report = Report(
        metadata=Metadata(organ="某区", year=2022),
        sections=[Section("S1", heading="主要举措和成效", paragraphs=[Paragraph(text)])],
    )
    codes = [f.code for f in run_checks(report).findings]
    assert "quote-unbalanced" in codes or "bracket-unbalanced" in codes

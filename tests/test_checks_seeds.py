"""The checker on the five seed reports: what a careful reader finds in each.

Expectations written down from reading the seeds:
- 000 津南区政务服务办 2021 (dept): no S2; S3 content sits in S1 (一、…“压实法治工作责任”);
  next year's plans only as the closing paragraph; "全力推进全力推进"; "津职转办发〔2021〕3 号";
  a closing quote with no opening one (…马上办”清单…); half-width commas; a 主送机关 but no
  特此报告; no 法律顾问, no 负责人出庭应诉, no 政务公开 (required of a department).
- 001 韶关市武江区政数局 2021 (dept): S1–S5 all there, S5 "无"; S3 (四、) comes before S2
  (五、(二)); no 三项制度 and no 出庭应诉.
- 002 营口市营商环境建设局 2022 (dept): a list of measures only: no S2, no S3, no S4.
- 003 渭南高新区管委会 2020 (gov): 文号 and 主送机关 but no 特此报告; S3 content in S1
  (六、(一)三是…第一责任人职责规定); "500 余株", "杂草 1次"; half-width punctuation.
- 004 静海区 2019 (gov): web page furniture (今天是…, 您所在的位置…, 文章来源…); S3 content in
  一、(一)1.; 复议 48→37→26 and 调解 1891/1879/99.4% consistent; half-width punctuation;
  营商环境 only as the name of a website section.
"""

from __future__ import annotations

import pytest

from drafter.core.checks import check_path
from drafter.core.library.seeds import load_seeds


@pytest.fixture(scope="module")
def checked():
    out = {}
    for seed in load_seeds():
        report, result = check_path(seed.path, seed.kind)
        out[seed.file[:3]] = (report, result)
    return out


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def of(result, code: str):
    return [f for f in result.findings if f.code == code]


def statuses(result, ids: str) -> dict[str, str]:
    return {i: result.indicators[i]["status"] for i in ids.split()}


def figures(result, ind: str) -> list[str]:
    return [f["text"] for f in result.indicators[ind]["figures"]]


def test_seed_000(checked):
    report, res = checked["000"]
    assert res.sections == {"S1": True, "S2": False, "S3": True, "S4": True, "S5": False}
    (missing,) = of(res, "S2-missing")
    assert missing.severity == "error" and res.has_errors
    (inside,) = of(res, "S3-inside")
    assert "压实法治工作责任" in report.find_paragraph(inside.paragraph)[1].text
    assert of(res, "S4-no-heading")
    (rep,) = of(res, "repeated-words")
    assert "全力推进全力推进" in rep.message
    nums = of(res, "doc-number-space")
    assert [f.message.split("“")[1].split("”")[0] for f in nums] == [
        "津职转办发〔2021〕3 号",
        "津职转办发〔2021〕11 号",
    ]
    _sec, p = report.find_paragraph(nums[0].paragraph)
    assert p.text[nums[0].start : nums[0].end] == "津职转办发〔2021〕3 号"
    (quote,) = of(res, "quote-unbalanced")
    _sec, p = report.find_paragraph(quote.paragraph)
    assert p.text[quote.start - 3 : quote.start + 1] == "马上办”"
    assert of(res, "closing-missing")
    assert of(res, "signature-missing") and of(res, "date-missing")  # it ends on its plans
    assert of(res, "halfwidth-punct")
    assert not of(res, "web-debris") and not of(res, "year-mismatch")
    assert not of(res, "outdated-basis")
    st = statuses(res, "A1 E1 I2 I4 I5 I6 B5 D4 G4 H1 B1 G1")
    assert st == {
        "A1": "present",
        "E1": "present",
        "I2": "present",
        "I4": "present",
        "I5": "present",
        "I6": "present",
        "B5": "present",
        "D4": "missing",
        "G4": "missing",
        "H1": "missing",
        "B1": "no_figure",
        "G1": "missing",
    }
    assert figures(res, "A1") == ["2次", "1次", "1次"]
    assert figures(res, "I2") == ["1次"]
    assert "99.152%" in figures(res, "B5")
    missing_required = {f.indicator for f in of(res, "indicator-missing")}
    assert missing_required == {"D4", "G4", "H1"}


def test_seed_001(checked):
    report, res = checked["001"]
    assert res.sections == dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), True)
    assert [p.text for p in report.find("S5").paragraphs] == ["无。"]
    assert not res.has_errors
    (order,) = of(res, "section-order")
    assert "S1、S3、S2、S4、S5" in order.message
    assert not of(res, "closing-missing")  # the web version: no 主送机关, no 文号
    assert not of(res, "stray-space")  # “我为群众办实事 政务服务大厅在行动” is a slogan
    st = statuses(res, "A2 I3 I4 I5 I6 J1 H6 E1 G4 H1")
    assert st == {
        "A2": "present",
        "I3": "present",
        "I4": "present",
        "I5": "present",
        "I6": "present",
        "J1": "present",
        "H6": "present",
        "E1": "missing",
        "G4": "missing",
        "H1": "no_figure",
    }
    assert "22人" in figures(res, "I3")


def test_seed_002(checked):
    _report, res = checked["002"]
    assert res.sections == {"S1": True, "S2": False, "S3": False, "S4": False, "S5": False}
    assert {"S2-missing", "S3-missing", "S4-missing"} <= set(codes(res))
    assert all(
        f.severity == "error"
        for f in res.findings
        if f.code.endswith("-missing") and f.code[0] == "S"
    )
    st = statuses(res, "B1 B2 H1 D1 E2 D4 G4 A2")
    assert st == {
        "B1": "present",
        "B2": "present",
        "H1": "present",
        "D1": "present",
        "E2": "no_figure",
        "D4": "no_figure",
        "G4": "missing",
        "A2": "missing",
    }
    assert figures(res, "H1") == ["869条", "155条", "50条", "104条"]
    assert "1737项" in figures(res, "B1")


def test_seed_003(checked):
    report, res = checked["003"]
    assert report.metadata.doc_number == "渭高新字〔2021〕1号"
    assert res.sections == {"S1": True, "S2": True, "S3": True, "S4": True, "S5": False}
    assert of(res, "S3-inside") and not of(res, "S3-missing")
    assert of(res, "closing-missing")
    assert not of(res, "signature-missing") and not of(res, "date-missing")
    assert not any(c.startswith("doc-number") for c in codes(res))
    spaces = [f.message for f in of(res, "stray-space")]
    assert len(spaces) == 2 and "500 余株" in spaces[0] and "杂草 1次" in spaces[1]
    assert of(res, "halfwidth-punct")
    assert not of(res, "outdated-basis")  # a 2020 report may rest on the 2015-2020 纲要
    st = statuses(res, "G3 D4 C2 C3 D3 E2 G1 G4 I4 H3 G6")
    assert st == {
        "G3": "present",
        "D4": "present",
        "C2": "present",
        "C3": "present",
        "D3": "present",
        "E2": "present",
        "G1": "no_figure",
        "G4": "no_figure",
        "I4": "missing",
        "H3": "missing",
        "G6": "present",
    }
    assert figures(res, "G3") == ["18件"]
    assert figures(res, "D3") == ["79份"]
    assert figures(res, "C2") == ["2件"]
    assert figures(res, "E2") == ["120名"]


def test_seed_004(checked):
    report, res = checked["004"]
    debris = [f.message for f in of(res, "web-debris")]
    assert any("今天是" in m for m in debris) and any("您所在的位置" in m for m in debris)
    assert any("文章来源" in m for m in debris)
    assert not any("今天是" in p.text for p in report.paragraphs())
    (inside,) = of(res, "S3-inside")
    sec, p = report.find_paragraph(inside.paragraph)
    assert sec.section == "S1" and "第一责任人" in p.text
    assert res.sections["S2"] and res.sections["S4"] and not res.has_errors
    assert of(res, "halfwidth-punct")
    assert not of(res, "funnel-grows") and not of(res, "rate-mismatch")
    assert not of(res, "rate-over-100")
    # 1.–28. run on through the 二级 headings on purpose: no gap; but "(一)" is half-width
    assert [c for c in codes(res) if c.startswith("numbering")] == ["numbering-halfwidth"]
    st = statuses(res, "G1 G5 H3 E2 I3 B4 I5 I6 C2 J1")
    assert st == {
        "G1": "present",
        "G5": "present",
        "H3": "present",
        "E2": "present",
        "I3": "present",
        "B4": "missing",
        "I5": "missing",
        "I6": "missing",
        "C2": "missing",
        "J1": "present",
    }
    assert figures(res, "G1") == ["48件", "37件", "26件"]
    assert figures(res, "G5") == ["1891件", "1879件", "99.4%"]
    assert {f.indicator for f in of(res, "indicator-missing")} == {"B4", "C2"}


def test_json_shape(checked):
    _report, res = checked["000"]
    d = res.to_dict("seeds/000.txt")
    assert set(d) == {"path", "findings", "sections", "indicators"}
    f = d["findings"][0]
    assert set(f) == {"code", "severity", "section", "indicator", "message", "hint", "location"}
    assert set(f["location"]) == {"paragraph", "start", "end"}
    g = d["indicators"]["A1"]
    assert g["status"] == "present" and g["figures"][0] == {
        "text": "2次",
        "value": 2.0,
        "unit": "次",
    }


def test_rolled_forward_draft_flags_last_years_text_and_figures():
    from drafter.core.checks import run_checks
    from drafter.core.reading.importer import import_file

    seed = next(s for s in load_seeds() if s.file.startswith("004"))
    report = import_file(seed.path).report  # rolled forward to 2020
    assert report.metadata.year == 2020
    res = run_checks(report, "gov")
    unchanged = of(res, "paragraph-unchanged")
    assert len(unchanged) == sum(1 for p in report.paragraphs() if p.unchanged_from_last_year)
    funnel = next(f for f in unchanged if "48件" in f.message)
    assert "“48件”、“37件”、“26件”仍是2019年报告的数值" in funnel.message
    assert not of(res, "figure-unchanged")
    # the clerk rewrites the sentence but keeps one of last year's figures
    _sec, p = report.find_paragraph(funnel.paragraph)
    p.text = p.text.replace("依法受理37件", "依法受理41件").replace("审结26件", "审结39件")
    (stale,) = of(run_checks(report, "gov"), "figure-unchanged")
    assert p.text[stale.start : stale.end] == "48件"
    assert "2019年报告中为“48件”" in stale.message and "2020年" in stale.hint

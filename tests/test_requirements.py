"""A reviewing office's requirements file: outline, indicator levels, wording; validated."""

from __future__ import annotations

import json

import pytest

from conftest import run_cli
from drafter.core.checks import run_checks
from drafter.core.checks.requirements import load_requirements
from drafter.core.errors import DrafterError
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.resources import templates_dir

EXAMPLE = templates_dir() / "requirements_example.json"


def write(tmp_path, data, name="要求.json"):
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_example_is_valid():
    req = load_requirements(EXAMPLE)
    assert req.name == "某市司法局2024年度法治政府建设年度报告要求"
    assert req.required_sections(2024)["S5"] is True
    assert [p.canonical for p in req.phrases] == [
        "习近平总书记关于全面依法治国的重要论述",
        "府院联动",
    ]


def test_new_follows_the_offices_outline(tmp_path):
    draft = tmp_path / "报告.json"
    proc = run_cli(
        "new",
        "-o",
        str(draft),
        "--org",
        "某市生态环境局",
        "--year",
        "2024",
        "--requirements",
        str(EXAMPLE),
    )
    assert proc.returncode == 0, proc.stderr
    assert "某市司法局2024年度法治政府建设年度报告要求" in proc.stdout
    doc = json.loads(draft.read_text(encoding="utf-8"))
    headings = {s["section"]: s["heading"] for s in doc["sections"]}
    assert headings["S4"] == "2025年推进法治政府建设的主要安排"
    assert headings["S2"] == "存在的不足和原因"
    assert list(headings) == ["S1", "S2", "S3", "S4", "S5"]
    assert [c["area"] for c in doc["sections"][0]["children"]][:2] == ["A", "B"]


def test_replace_mode_gives_exactly_the_listed_sections(tmp_path):
    path = write(
        tmp_path,
        {
            "name": "简明提纲",
            "skeleton": {
                "mode": "replace",
                "sections": [
                    {"id": "S1", "heading": "{year}年工作情况"},
                    {"id": "S2", "heading": "存在问题"},
                    {"id": "S4", "heading": "{next_year}年工作打算"},
                ],
            },
        },
    )
    report = load_requirements(path).new_report("某县统计局", 2023, "dept")
    assert [(s.section, s.heading) for s in report.sections] == [
        ("S1", "2023年工作情况"),
        ("S2", "存在问题"),
        ("S4", "2024年工作打算"),
    ]
    assert report.sections[0].children == []
    report_without_s3 = small_report("全面推进依法行政。")
    report_without_s3.sections = [s for s in report_without_s3.sections if s.section != "S3"]
    codes = [
        f.code for f in run_checks(report_without_s3, requirements=load_requirements(path)).findings
    ]
    assert "S3-missing" not in codes and "S3-missing" in [
        f.code for f in run_checks(report_without_s3).findings
    ]


def small_report(text: str, kind: str = "dept") -> Report:
    sections = [
        Section("S1", heading="主要举措和成效", paragraphs=[Paragraph(text)]),
        Section("S2", heading="存在的不足", paragraphs=[Paragraph("执法人员培训不够系统。")]),
        Section(
            "S3",
            heading="第一责任人履职",
            paragraphs=[Paragraph("局长履行推进法治建设第一责任人职责。")],
        ),
        Section("S4", heading="下一年度安排", paragraphs=[Paragraph("加强执法人员培训。")]),
    ]
    return Report(
        metadata=Metadata(organ="某市统计局", organ_kind=kind, year=2024), sections=sections
    )


def test_check_follows_the_offices_levels_sections_and_wording():
    report = small_report("推动府院联运机制落地，全年召开联席会议2次。")
    req = load_requirements(EXAMPLE)
    plain = run_checks(report)
    codes = [f.code for f in plain.findings]
    assert "S5-missing" not in codes and "wording-suspect" not in codes
    assert not [f for f in plain.findings if f.indicator == "J1"]
    res = run_checks(report, requirements=req)
    (s5,) = [f for f in res.findings if f.code == "S5-missing"]
    assert s5.severity == "error" and req.name in s5.message
    (j1,) = [f for f in res.findings if f.code == "indicator-missing" and f.indicator == "J1"]
    assert res.indicators["J1"]["level"] == "required"
    (w,) = [f for f in res.findings if f.code == "wording-suspect"]
    assert "“府院联动”" in w.message


def test_a_section_the_office_does_not_require_is_not_an_error(tmp_path):
    path = write(
        tmp_path,
        {"name": "不要求第三部分", "skeleton": {"sections": [{"id": "S3", "required": False}]}},
    )
    report = small_report("全面推进依法行政。")
    report.sections = [s for s in report.sections if s.section != "S3"]
    assert "S3-missing" in [f.code for f in run_checks(report).findings]
    res = run_checks(report, requirements=load_requirements(path))
    assert "S3-missing" not in [f.code for f in res.findings]


def test_check_cli_takes_the_file(tmp_path):
    src = tmp_path / "报告.txt"
    src.write_text(
        "某市统计局2024年度法治政府建设情况报告\n一、主要举措和成效\n推动府院联运机制落地。\n",
        encoding="utf-8",
    )
    proc = run_cli("check", str(src), "--json", "--requirements", str(EXAMPLE))
    assert proc.returncode == 1, proc.stderr
    codes = [f["code"] for f in json.loads(proc.stdout)["findings"]]
    assert "S5-missing" in codes and "wording-suspect" in codes


BAD = [
    ("not json", "{name: 1}", "不是有效的 JSON"),
    ("no name", {"year": 2024}, "name"),
    ("unknown key", {"name": "x", "outline": []}, "不认识的字段“outline”"),
    ("bad section id", {"name": "x", "skeleton": {"sections": [{"id": "S6"}]}}, "S6"),
    ("twice", {"name": "x", "skeleton": {"sections": [{"id": "S2"}, {"id": "S2"}]}}, "出现了两次"),
    ("bad mode", {"name": "x", "skeleton": {"mode": "add", "sections": [{"id": "S2"}]}}, "merge"),
    ("bad base", {"name": "x", "skeleton": {"base": "nope", "sections": [{"id": "S2"}]}}, "nope"),
    (
        "bad placeholder",
        {"name": "x", "skeleton": {"sections": [{"id": "S4", "heading": "{yaer}年安排"}]}},
        "占位符",
    ),
    (
        "areas outside S1",
        {"name": "x", "skeleton": {"sections": [{"id": "S2", "areas": []}]}},
        "只有 S1",
    ),
    ("bad indicator", {"name": "x", "indicators": {"Z9": "required"}}, "indicators.Z9"),
    ("bad level", {"name": "x", "indicators": {"G4": {"gov": "must"}}}, "required 或 recommended"),
    ("short wording", {"name": "x", "wording": ["法治"]}, "太短"),
    ("bad year", {"name": "x", "year": "2024年"}, "year"),
]


@pytest.mark.parametrize(
    ("content", "why"), [(c, w) for _n, c, w in BAD], ids=[n for n, _c, _w in BAD]
)
def test_a_bad_file_is_refused_with_one_clear_line(tmp_path, content, why):
    path = write(tmp_path, content)
    with pytest.raises(DrafterError, match=why.replace("(", r"\(")):
        load_requirements(path)
    proc = run_cli("check", str(EXAMPLE), "--requirements", str(path))
    assert proc.returncode == 2
    assert (
        proc.stderr.count("\n") == 1 and str(path) in proc.stderr and "Traceback" not in proc.stderr
    )


def test_missing_or_non_json_file(tmp_path):
    with pytest.raises(DrafterError, match="文件不存在"):
        load_requirements(tmp_path / "nope.json")
    with pytest.raises(DrafterError, match="JSON 文件"):
        load_requirements(write(tmp_path, "a: 1", name="要求.yaml"))

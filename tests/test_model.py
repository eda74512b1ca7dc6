"""The report model: JSON round trip, schema versions, heading numbering."""

from __future__ import annotations

import json

import pytest

from drafter.core.errors import DraftError
from drafter.core.model.model import SCHEMA_VERSION, Paragraph, Report, Section, heading_number
from drafter.core.model.skeleton import new_report
from drafter.core.storage import load_draft, save_draft


def _filled() -> Report:
    r = new_report("渭南高新区管委会", 2021, "gov")
    r.metadata.recipient = "渭南市人民政府"
    r.metadata.doc_number = "渭高新字〔2022〕1号"
    r.metadata.signer = "薛清军"
    r.metadata.date = "2022-01-22"
    r.metadata.attachments = ["2021年法治政府建设指标完成情况表"]
    r.opening.append(Paragraph("2021年，我区坚持以习近平法治思想为指导……现将有关情况报告如下："))
    a = r.find("S1.A")
    a.paragraphs.append(
        Paragraph(
            "区政府常务会议4次研究法治建设工作。",
            last_year_text="区政府常务会议3次研究法治建设工作。",
            stale_figures=["3次"],
        )
    )
    a.paragraphs.append(Paragraph("学法制度", kind="heading", level=3))
    r.indicator("G6").na_reason = "本单位不承担信访工作"
    r.indicator("G1").figures = {"收到": "48件"}
    return r


def test_draft_survives_save_and_load(tmp_path):
    r = _filled()
    path = save_draft(r, tmp_path / "d.json")
    back = load_draft(path)
    assert back == r
    assert back.find("S1.A").paragraphs[0].stale_figures == ["3次"]
    assert back.indicators["G6"].not_applicable
    assert json.loads(path.read_text("utf-8"))["schema"] == SCHEMA_VERSION


def test_newer_schema_is_refused_with_a_message(tmp_path):
    p = tmp_path / "new.json"
    d = _filled().to_dict()
    d["schema"] = SCHEMA_VERSION + 1
    p.write_text(json.dumps(d), "utf-8")
    with pytest.raises(DraftError) as e:
        load_draft(p)
    assert "较新版本" in str(e.value) and str(p) in str(e.value)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "空"),
        (b"\xff\xfe\x00garbage", "UTF-8"),
        (b"{not json", "JSON"),
        (b"[1,2]", "不是报告草稿"),
        (b'{"schema": 1, "sections": [{"section": "S9"}]}', "S9"),
        (b'{"schema": 1, "metadata": {"year": "x"}}', "metadata.year: 应为整数"),
    ],
)
def test_bad_drafts_get_a_clear_message(tmp_path, content, reason):
    p = tmp_path / "bad.json"
    p.write_bytes(content)
    with pytest.raises(DraftError) as e:
        load_draft(p)
    assert reason in str(e.value)


def test_heading_numbers_follow_the_tree():
    r = Report(
        sections=[
            Section(
                "S1",
                heading="主要举措和成效",
                children=[
                    Section(
                        "S1",
                        "A",
                        heading="加强党的领导",
                        paragraphs=[Paragraph("学法", kind="heading", level=3), Paragraph("正文")],
                    ),
                    Section(
                        "S1", "B", heading="履行职能", runin=True, paragraphs=[Paragraph("为推动…")]
                    ),
                ],
            ),
            Section("S2", heading="存在的不足和原因"),
        ]
    )
    got = [(b.number, b.lead or b.text) for b in r.blocks()]
    assert got == [
        ("一、", "主要举措和成效"),
        ("（一）", "加强党的领导"),
        ("1.", "学法"),
        ("", "正文"),
        ("（二）", "履行职能"),
        ("二、", "存在的不足和原因"),
    ]
    assert heading_number(1, 11) == "十一、" and heading_number(2, 20) == "（二十）"

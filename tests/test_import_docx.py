"""Importing .docx built from the seeds: typed numbers, Word's automatic numbering, 版头/落款, tables."""

from __future__ import annotations

import docx
import pytest

from conftest import SEEDS
from docx_build import autonumbered_docx, typed_docx
from drafter.core.reading.docx_reader import Numbering, docx_paragraphs, format_number
from drafter.core.reading.importer import import_file
from import_expect import SEED_001_META, SEED_003_META, SEED_004_DEBRIS, SEED_HEADINGS

SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def seed_lines(seed: str) -> list[str]:
    return SEED_FILES[seed].read_text(encoding="utf-8").split("\n")


def mapping_of(result):
    return [(h.level, h.text, h.section, h.area) for h in result.headings]


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_typed_docx_maps_like_the_text(tmp_path, seed):
    path = typed_docx(seed_lines(seed), tmp_path / f"{seed}.docx")
    docx_result = import_file(path, roll_forward=False)
    txt_result = import_file(SEED_FILES[seed], roll_forward=False)
    assert mapping_of(docx_result) == SEED_HEADINGS[seed]
    assert docx_result.report.plain_text() == txt_result.report.plain_text()


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_automatic_numbering_is_resolved(tmp_path, seed):
    path = autonumbered_docx(seed_lines(seed), tmp_path / f"{seed}.docx")
    # the numbers are not in the paragraphs' text: Word makes them from numbering.xml
    own = [p.text for p in docx.Document(str(path)).paragraphs]
    assert not any(t.startswith(("一、", "（一）", "(一)")) for t in own)
    visible = docx_paragraphs(path)
    assert any(t.startswith(("一、", "（一）")) for t in visible)
    result = import_file(path, roll_forward=False)
    assert mapping_of(result) == SEED_HEADINGS[seed]
    txt = import_file(SEED_FILES[seed], roll_forward=False).report
    assert result.report.plain_text() == txt.plain_text()


def test_header_line_and_signature_in_docx(tmp_path):
    path = typed_docx(seed_lines("003"), tmp_path / "003.docx")
    m = import_file(path, roll_forward=False).report.metadata
    assert {k: getattr(m, k) for k in SEED_003_META} == SEED_003_META


def test_signature_and_date_in_autonumbered_docx(tmp_path):
    path = autonumbered_docx(seed_lines("001"), tmp_path / "001.docx")
    m = import_file(path, roll_forward=False).report.metadata
    assert {k: getattr(m, k) for k in SEED_001_META} == SEED_001_META


def test_debris_removed_from_docx(tmp_path):
    path = typed_docx(seed_lines("004"), tmp_path / "004.docx")
    result = import_file(path, roll_forward=False)
    assert result.debris == [d.replace("\xa0", " ") for d in SEED_004_DEBRIS]


def test_tables_are_kept_as_text(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于2021年度法治政府建设情况的报告")
    d.add_paragraph("一、主要举措和成效")
    d.add_paragraph("全年办理行政复议案件情况见下表。")
    t = d.add_table(rows=2, cols=3)
    for i, row in enumerate([["项目", "件数", "同比"], ["行政复议", "48件", "增长12%"]]):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.add_paragraph("二、存在的不足和原因")
    d.add_paragraph("执法力量不足。")
    path = tmp_path / "t.docx"
    d.save(path)
    report = import_file(path, roll_forward=False).report
    s1 = report.find("S1")
    texts = [p.text for p in s1.paragraphs]
    assert texts == [
        "全年办理行政复议案件情况见下表。",
        "项目\t件数\t同比",
        "行政复议\t48件\t增长12%",
    ]
    assert report.find("S2").paragraphs[0].text == "执法力量不足。"


def test_heading_styles_without_numbers_become_headings(tmp_path):
    d = docx.Document()
    d.add_paragraph("关于2021年度法治政府建设情况的报告")
    d.add_heading("主要举措和成效", level=1)
    d.add_heading("深化行政执法体制改革", level=2)
    d.add_paragraph("推行行政执法三项制度。")
    d.add_heading("存在的问题", level=1)
    d.add_paragraph("执法力量不足。")
    path = tmp_path / "h.docx"
    d.save(path)
    result = import_file(path, roll_forward=False)
    assert mapping_of(result) == [
        (1, "主要举措和成效", "S1", None),
        (2, "深化行政执法体制改革", "S1", "E"),
        (1, "存在的问题", "S2", None),
    ]


def test_number_formats():
    assert format_number(3, "chineseCounting") == "三"
    assert format_number(12, "chineseCountingThousand") == "十二"
    assert format_number(2, "decimal") == "2"
    assert format_number(1, "ideographTraditional") == "甲"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"


def test_numbering_counters_restart_below_a_higher_level():
    n = Numbering()
    n.abstract_of["1"] = "a"
    from drafter.core.reading.docx_reader import _Level

    n.levels["a"] = {
        0: _Level("chineseCounting", "%1、"),
        1: _Level("chineseCounting", "（%2）"),
        2: _Level("decimal", "%3."),
    }
    got = [n.label("1", i) for i in (0, 1, 2, 2, 1, 2, 0, 1)]
    assert got == ["一、", "（一）", "1.", "2.", "（二）", "1.", "二、", "（一）"]


def test_docx_saved_under_a_doc_or_wps_name_is_read(tmp_path):
    for ext in (".doc", ".wps"):
        path = typed_docx(seed_lines("001"), tmp_path / f"renamed{ext}")
        assert mapping_of(import_file(path, roll_forward=False)) == SEED_HEADINGS["001"]


def test_list_style_linked_numbering(tmp_path):
    """A list defined through a list style (numStyleLink), as Word's multilevel lists are."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    numbering = d.part.numbering_part.element
    lvls = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    )
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="80"><w:styleLink w:val="ReportList"/>{lvls}</w:abstractNum>'
        ),
    )
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="81"><w:numStyleLink w:val="ReportList"/></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="80"/></w:num>')
    )
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="71"><w:abstractNumId w:val="81"/></w:num>')
    )
    d.styles.element.append(
        parse_xml(
            f'<w:style {nsdecls("w")} w:type="numbering" w:styleId="ReportList"><w:name w:val="Report List"/>'
            '<w:pPr><w:numPr><w:numId w:val="70"/></w:numPr></w:pPr></w:style>'
        )
    )

    def numbered(text, ilvl):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="71"/></w:numPr>'
            )
        )

    numbered("主要举措和成效", 0)
    numbered("深化行政执法体制改革", 1)
    d.add_paragraph("推行行政执法三项制度。")
    numbered("存在的不足和原因", 0)
    d.add_paragraph("执法力量不足。")
    path = tmp_path / "linked.docx"
    d.save(path)
    assert docx_paragraphs(path) == [
        "一、主要举措和成效", "（一）深化行政执法体制改革", "推行行政执法三项制度。",
        "二、存在的不足和原因", "执法力量不足。",
    ]  # fmt: skip


def test_tracked_changes_read_as_accepted(tmp_path):
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph("一、主要举措和成效")
    p = d.add_paragraph("全年收到行政复议申请")
    p._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a" w:date="2022-01-01T00:00:00Z">'
            "<w:r><w:t>48件</w:t></w:r></w:ins>"
        )
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a" w:date="2022-01-01T00:00:00Z">'
            "<w:r><w:delText>36件</w:delText></w:r></w:del>"
        )
    )
    p.add_run("。")
    path = tmp_path / "tracked.docx"
    d.save(path)
    assert docx_paragraphs(path) == ["一、主要举措和成效", "全年收到行政复议申请48件。"]

"""A partly written draft exported: no bare heading, every blank highlighted and counted.

Also the 网页版 (.html/.txt by suffix) and the Word cosmetics a clerk sees on opening the
file (no 兼容模式, headings in the navigation pane, Enter after a heading gives body text,
properties naming the organ and not python-docx).
"""

from __future__ import annotations

import re
import zipfile

import docx
import pytest
from lxml import etree

from conftest import run_cli
from docx_readback import NS, W, body_paragraphs, part, wval
from drafter.core.model.model import Paragraph
from drafter.core.model.skeleton import new_report
from drafter.core.storage import save_draft
from drafter.core.writing.export_outline import printable
from drafter.core.writing.export_review import review
from drafter.core.writing.exporter import ExportOptions, export_docx


def partly_written():
    """A new report with two work areas written (one with a blank) and S4 begun."""
    report = new_report("某某区人民政府", 2022, "gov")
    s1 = report.find("S1")
    s1.children[0].paragraphs = [Paragraph("全年召开常务会议【填：数字】次，研究法治议题。")]
    s1.children[2].paragraphs = [Paragraph("清理规范性文件12件。")]
    report.find("S4").paragraphs = [Paragraph("2023年将继续推进依法行政。")]
    return report


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "半成品.fzbg.json"
    save_draft(partly_written(), path)
    return path


def headings_and_next(path):
    paras = [p for p in body_paragraphs(path) if p.text]
    return [
        (p.text, paras[i + 1].text if i + 1 < len(paras) else None)
        for i, p in enumerate(paras)
        if p.style.startswith("GwHeading")
    ]


def test_cli_export_leaves_out_empty_parts_and_counts_blanks_on_stderr(tmp_path, draft):
    out = tmp_path / "报告.docx"
    res = run_cli("export", str(draft), "-o", str(out), "--header")
    assert res.returncode == 0, res.stderr
    pairs = headings_and_next(out)
    # Every heading has text under it; numbering closed up (A and C become （一）（二）).
    report = partly_written()
    s1 = report.find("S1")
    assert [h for h, _ in pairs] == [
        "一、" + s1.heading,
        "（一）" + s1.children[0].heading,
        "（二）" + s1.children[2].heading,
        "二、" + report.find("S4").heading,
        "三、" + report.find("S5").heading,
    ]
    assert pairs[-1][1] == "无。"  # the empty S5 as real reports print it
    levels = [1 if h[1] == "、" else 2 for h, _ in pairs]
    for (h, following), level, next_level in zip(pairs, levels, [*levels[1:], 0], strict=True):
        assert following is not None, h  # text under it, or a deeper heading with text
        if following in (x for x, _ in pairs):
            assert next_level > level, (h, following)
    # stderr: how many blanks and where; which parts were left out.
    err = res.stderr
    assert "还有 5 处“【填：…】”没有填写" in err, err
    for where in ("S1.A 第1段：数字", "成文日期", "主送机关", "发文字号", "签发人"):
        assert f"空白 {where}" in err, err
    assert "不导出" in err and "S2“存在的不足和原因”" in err and "S1.B" in err
    # in the .docx, the same blanks highlighted
    marked = [
        "".join(t.text for t in r.iter(W + "t"))
        for r in part(out, "word/document.xml").iter(W + "r")
        if r.find("w:rPr/w:highlight", NS) is not None
    ]
    assert sorted(marked) == sorted(
        [
            "【填：数字】",
            "【填：成文日期】",
            "【填：主送机关】",
            "【填：发文字号】",
            "【填：签发人】",
        ]
    )


def test_review_names_the_paragraph_and_span_of_each_blank():
    report = partly_written()
    found = review(report)
    (body,) = [s for s in found.blanks if s.paragraph]
    p = report.find("S1").children[0].paragraphs[0]
    assert (body.section, body.paragraph) == ("S1.A", p.id)
    assert p.text[body.start : body.end] == "【填：数字】"
    assert [s.field for s in found.blanks if s.field] == ["date"]  # no 版头: no 发文字号


def test_a_sub_heading_without_text_is_left_out_but_a_sentence_heading_stays():
    report = partly_written()
    area = report.find("S1").children[0]
    area.paragraphs += [
        Paragraph("严格合法性审核", kind="heading", level=3),
        Paragraph("落实情况还需加强。", kind="heading", level=3),
    ]
    printed, omitted = printable(report)
    texts = [b.text for b in printed.blocks()]
    assert "严格合法性审核" not in texts and "落实情况还需加强。" in texts
    assert any(o.heading == "严格合法性审核" for o in omitted)


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_web_version_holds_title_and_body_only(tmp_path, suffix):
    report = partly_written()
    m = report.metadata
    m.doc_number, m.signer, m.cc, m.recipient = "某政〔2023〕1号", "张三", "市司法局", "市人民政府"
    path = tmp_path / "draft.fzbg.json"
    save_draft(report, path)
    out = tmp_path / f"网页版{suffix}"
    res = run_cli("export", str(path), "-o", str(out), "--header", "--record")
    assert res.returncode == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    if suffix == ".html":
        root = etree.fromstring(text.encode("utf-8"), etree.HTMLParser())
        assert root.findtext(".//h1") == m.title
        text = "".join(root.itertext())
    else:
        assert text.splitlines()[0] == m.title
    assert "清理规范性文件12件。" in text and "无。" in text
    for hidden in ("某政〔2023〕1号", "签发人", "张三", "抄送", "市司法局", "印发", "市人民政府："):
        assert hidden not in text
    assert "存在的不足和原因" not in text  # empty parts left out as in the .docx
    assert "涉密" in res.stderr  # the reminder before publishing


def test_web_export_bad_suffix_is_one_line_exit_2(tmp_path, draft):
    res = run_cli("export", str(draft), "-o", str(tmp_path / "x.pdf"))
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1 and "x.pdf" in res.stderr


def test_word_opens_it_in_2013_mode_with_navigable_headings(tmp_path):
    out = tmp_path / "r.docx"
    export_docx(partly_written(), out, ExportOptions())
    settings = part(out, "word/settings.xml")
    modes = [
        wval(c)
        for c in settings.iter(W + "compatSetting")
        if wval(c, "name") == "compatibilityMode"
    ]
    assert modes == ["15"]  # no 兼容模式
    styles = {wval(s, "styleId"): s for s in part(out, "word/styles.xml").iter(W + "style")}
    for level in range(1, 5):
        s = styles[f"GwHeading{level}"]
        assert wval(s.find("w:pPr/w:outlineLvl", NS)) == str(level - 1)
        assert wval(s.find("w:next", NS)) == "GwBody"
    cp = docx.Document(str(out)).core_properties
    assert cp.author == "某某区人民政府" and cp.title.startswith("某某区人民政府")
    assert cp.created.year >= 2024 and cp.last_modified_by == "drafter"
    with zipfile.ZipFile(out) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
    assert "Macintosh" not in app and re.search("<Application>drafter</Application>", app)

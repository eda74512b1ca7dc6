"""Exported .docx read back as XML: every number of GB/T 9704 (shared/reference/gbt9704.md).

The expected numbers are written here from the standard, not read from the layout profile,
so a wrong profile fails these tests. Drafts come from all five seeds (see export_fixtures)
and from a hand-built report holding every element.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import docx
import pytest

from docx_readback import NS, W, body_paragraphs, paragraphs, part, part_names, wval
from drafter.core.writing.exporter import ExportOptions, export_docx
from export_fixtures import FIVE_LINES, sample_report, seed_reports, short_report

# GB/T 9704-2012 in twips (1 mm = 56.69 twips).
A4 = (11906, 16838)
MARGINS = {"top": 2098, "left": 1587, "right": 1474, "bottom": 1984}
TEXT_W, TEXT_H = 8844, 12756
LINE = 579
GB = {"body": "仿宋_GB2312", "kai": "楷体_GB2312", "title": "方正小标宋简体", "hei": "黑体"}
COMMON = {"body": "仿宋", "kai": "楷体", "title": "华文中宋", "hei": "黑体"}
SIZE_HALF_POINTS = {"二号": 44, "三号": 32, "四号": 28}
HEADING_FONT = {1: "hei", 2: "kai", 3: "body", 4: "body"}
TEXT_STYLES = {
    "GwBody",
    "GwTitle",
    "GwRecipient",
    "GwHeading1",
    "GwHeading2",
    "GwHeading3",
    "GwHeading4",
    "GwAttachment",
    "GwSignature",
    "GwDate",
    "GwNote",
    "GwDocNumber",
}

SEEDS = seed_reports()


@pytest.fixture(scope="session")
def jieba_with_domain_words():
    """jieba itself, with the domain dictionary: the reference for word boundaries."""
    import jieba

    from drafter.core.model.domain_words import domain_terms, freq_for

    tok = jieba.Tokenizer()
    for w in domain_terms():
        tok.add_word(w, freq=freq_for(w))
    return tok


SEED_IDS = [f[:3] for f, _ in SEEDS]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("export")


_cache: dict[tuple, Path] = {}


def exported(out_dir: Path, key: str, report, **opts) -> Path:
    k = (key, tuple(sorted(opts.items())))
    if k not in _cache:
        path = out_dir / f"{key}-{len(_cache)}.docx"
        export_docx(report, path, ExportOptions(**opts))
        _cache[k] = path
    return _cache[k]


def seed_docx(out_dir, index: int, **opts) -> tuple[Path, object]:
    name, report = SEEDS[index]
    return exported(out_dir, name[:3], report, **opts), report


def all_runs_have_one_font(paras) -> None:
    for p in paras:
        for r in p.runs:
            assert len(set(r.fonts.values())) == 1, (p.text[:20], r.fonts)


# ----- page ---------------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
@pytest.mark.parametrize("full", [False, True], ids=["plain", "header+record"])
def test_page_size_margins_text_block_and_line_grid(out_dir, i, full):
    path, _ = seed_docx(out_dir, i, header=full, record=full)
    doc = part(path, "word/document.xml")
    sects = doc.findall(".//w:sectPr", NS)
    # With a 版记: a second section when it needs a page of its own.
    assert len(sects) in ((1, 2) if full else (1,))
    for s in sects:
        sz = s.find("w:pgSz", NS)
        assert (int(wval(sz, "w")), int(wval(sz, "h"))) == A4
        mar = {k: int(wval(s.find("w:pgMar", NS), k)) for k in MARGINS}
        for side, want in MARGINS.items():
            assert abs(mar[side] - want) <= 57, side  # ± 1 mm
        assert abs(A4[0] - mar["left"] - mar["right"] - TEXT_W) <= 28
        assert abs(A4[1] - mar["top"] - mar["bottom"] - TEXT_H) <= 28
        grid = s.find("w:docGrid", NS)
        assert wval(grid, "type") == "lines"
        assert int(wval(grid, "linePitch")) == LINE
        assert (A4[1] - mar["top"] - mar["bottom"]) // LINE == 22


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_every_text_line_is_exactly_579_twips(out_dir, i):
    path, _ = seed_docx(out_dir, i, header=True)
    paras = [p for p in body_paragraphs(path) if p.style in TEXT_STYLES]
    assert len(paras) > 10
    for p in paras:
        assert p.line == (LINE, "exact"), (p.style, p.text[:20])
    styles = part(path, "word/styles.xml")
    default = styles.find("w:docDefaults/w:pPrDefault/w:pPr/w:spacing", NS)
    assert (wval(default, "line"), wval(default, "lineRule")) == (str(LINE), "exact")


# ----- text elements ------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_body_and_headings_fonts_sizes_indents_per_block(out_dir, i):
    path, report = seed_docx(out_dir, i)
    blocks = report.blocks()
    paras = [
        p
        for p in body_paragraphs(path)
        if p.style in ("GwBody", "GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4") and p.text
    ]
    if report.metadata.closing:
        closing = paras.pop()  # 特此报告。
        assert closing.text == report.metadata.closing
    assert len(paras) == len(blocks)
    for p, b in zip(paras, blocks, strict=True):
        assert p.text == b.number + b.lead + b.text
        assert p.indent("firstLine") == 640  # 2 characters of 三号
        assert p.indent("left") == 0 and p.indent("hanging") == 0  # wrapped lines flush left
        for r in p.runs:
            assert r.size_half_points == SIZE_HALF_POINTS["三号"]
            assert not r.bold
        if b.kind == "heading":
            assert p.style == f"GwHeading{b.level}"
            assert {r.fonts["eastAsia"] for r in p.runs} == {GB[HEADING_FONT[b.level]]}
            assert p.el.find("w:pPr/w:keepNext", NS) is not None
            continue
        assert p.style == "GwBody" and p.align == "both"
        body_runs = p.runs
        if b.lead:  # run-in heading: the heading part styled, the rest body
            lead = p.runs[0]
            assert lead.text == b.number + b.lead
            assert lead.fonts["eastAsia"] == GB[HEADING_FONT[b.level]]
            body_runs = p.runs[1:]
        for r in body_runs:
            assert r.fonts["eastAsia"] == GB["body"]
            assert -15 <= r.spacing <= -5  # condensed so that 28 characters fit a line
    all_runs_have_one_font(paras)


def test_every_run_has_the_chinese_font_in_all_four_slots(out_dir):
    path = exported(out_dir, "sample", sample_report(), header=True, record=True, seal=True)
    paras = body_paragraphs(path)
    assert sum(len(p.runs) for p in paras) > 20
    all_runs_have_one_font(paras)
    for r in (r for p in paras for r in p.runs):
        assert r.fonts["eastAsia"] in (*GB.values(), "宋体")


def test_title_recipient_closing_attachments_note(out_dir):
    path = exported(out_dir, "sample", sample_report())
    paras = body_paragraphs(path)
    assert paras[0].style == "GwTitle"  # no 版头: the title opens the text block
    title = paras[0]
    assert title.align == "center"
    assert title.indent("firstLine") == 0
    assert [(r.fonts["eastAsia"], r.size_half_points, r.bold) for r in title.runs] == [
        (GB["title"], SIZE_HALF_POINTS["二号"], False)
    ]
    assert title.text.replace("\n", "") == "渭南高新区管委会关于2020年度法治政府建设工作的报告"
    # 主送机关: one blank line below the title, flush left, full-width colon.
    assert paras[1].text == "" and paras[2].style == "GwRecipient"
    assert paras[2].text == "渭南市人民政府："
    assert paras[2].el.find("w:pPr/w:ind", NS) is None
    texts = [p.text for p in paras]
    closing = texts.index("特此报告。")
    # 附件说明: one blank line below the body, "附件：" starting 2 characters in.
    assert texts[closing + 1] == ""
    att = paras[closing + 2]
    assert att.style == "GwAttachment" and att.text == "附件：2020年度法治政府建设统计表"
    assert att.indent("left") - att.indent("hanging") == 640
    assert att.indent("left") == 640 + 3 * 320  # wrapped lines under the item's name
    note = next(p for p in paras if p.style == "GwNote")
    assert note.text == "（联系人：王明，电话：0913-1234567）"
    assert note.indent("firstLine") == 640
    assert paras[paras.index(note) - 1].style == "GwDate"


def test_several_attachments_are_numbered_without_closing_punctuation(out_dir):
    report = sample_report(attachments=["统计表", "工作台账"])
    path = exported(out_dir, "two-att", report)
    att = [p for p in body_paragraphs(path) if p.style == "GwAttachment"]
    assert [p.text for p in att] == ["附件：1.统计表", "2.工作台账"]
    assert att[1].indent("left") == att[0].indent("left")  # names line up


def _width(text: str) -> int:
    """Advance of 三号 text condensed by 10 twips: full-width 310, half-width 150."""
    return sum(310 if unicodedata.east_asian_width(c) in "WFA" else 150 for c in text)


def test_signature_without_seal_date_starts_two_characters_right_of_the_name(out_dir):
    path = exported(out_dir, "sample", sample_report())
    paras = body_paragraphs(path)
    i = next(k for k, p in enumerate(paras) if p.style == "GwSignature")
    name, date = paras[i], paras[i + 1]
    assert paras[i - 1].text == ""  # one blank line above the 落款
    assert name.text == "渭南高新技术产业开发区管理委员会"
    assert date.text == "2021年1月22日"  # Arabic numerals, no zero padding
    assert name.align == date.align == "right"
    assert name.indent("right") == 640  # right-indented 2 characters
    name_start = TEXT_W - name.indent("right") - _width(name.text)
    date_start = TEXT_W - date.indent("right") - _width(date.text)
    assert abs(date_start - name_start - 640) <= 2


def test_signature_short_name_long_date_moves_the_name_left(out_dir):
    path = exported(out_dir, "short", sample_report(signature="某局"))
    paras = body_paragraphs(path)
    name = next(p for p in paras if p.style == "GwSignature")
    date = next(p for p in paras if p.style == "GwDate")
    assert date.indent("right") == 640
    name_start = TEXT_W - name.indent("right") - _width(name.text)
    date_start = TEXT_W - date.indent("right") - _width(date.text)
    assert abs(date_start - name_start - 640) <= 2


def test_signature_with_seal_date_four_characters_in_name_centred_over_it(out_dir):
    path = exported(out_dir, "seal", sample_report(signature="渭南高新区管委会"), seal=True)
    paras = body_paragraphs(path)
    i = next(k for k, p in enumerate(paras) if p.style == "GwSignature")
    name, date = paras[i], paras[i + 1]
    assert name.text == "渭南高新区管委会"
    assert date.indent("right") == 1280
    name_centre = TEXT_W - name.indent("right") - _width(name.text) / 2
    date_centre = TEXT_W - date.indent("right") - _width(date.text) / 2
    assert abs(name_centre - date_centre) <= 2
    assert paras[i - 1].text == paras[i - 2].text == ""  # room for the seal


def test_signature_with_seal_name_too_long_to_centre_stays_in_the_block(out_dir):
    path = exported(out_dir, "sample", sample_report(), seal=True)
    paras = body_paragraphs(path)
    name = next(p for p in paras if p.style == "GwSignature")
    date = next(p for p in paras if p.style == "GwDate")
    assert date.indent("right") == 1280
    assert name.indent("right") == 0  # as near the centre as the text block allows


@pytest.mark.parametrize(
    "iso,shown", [("2021-01-22", "2021年1月22日"), ("2022-12-05", "2022年12月5日")]
)
def test_date_has_no_zero_padding(out_dir, iso, shown):
    path = exported(out_dir, f"date{iso}", sample_report(date=iso))
    dates = [p.text for p in body_paragraphs(path) if p.style == "GwDate"]
    assert dates == [shown]


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_title_lines_fit_and_break_between_words(out_dir, i, jieba_with_domain_words):
    path, report = seed_docx(out_dir, i)
    title = next(p for p in body_paragraphs(path) if p.style == "GwTitle")
    lines = title.text.split("\n")
    assert "".join(lines) == (report.metadata.title or "【填：标题】")
    assert all(len(x) <= 20 for x in lines)  # 156 mm / 22 pt
    if len(lines) > 1:
        bounds = set()
        pos = 0
        for w in jieba_with_domain_words.lcut("".join(lines), HMM=False):
            pos += len(w)
            bounds.add(pos)
        pos = 0
        for line in lines[:-1]:
            pos += len(line)
            assert pos in bounds, lines  # never inside a word
        lengths = [len(x) for x in lines]
        assert max(lengths) - min(lengths) <= 6, lines


def test_blanks_are_exported_as_they_are(out_dir):
    path = exported(out_dir, "sample", sample_report())
    assert any("全年审核【填：数字】件。" == p.text for p in body_paragraphs(path))
    path = exported(out_dir, "nodate", sample_report(date="", signature=""))
    texts = [p.text for p in body_paragraphs(path)]
    assert "【填：成文日期】" in texts
    assert "渭南高新区管委会" in texts  # 署名 falls back to the organ


def test_bold_level3_is_an_option(out_dir):
    plain = exported(out_dir, "sample", sample_report())
    bold = exported(out_dir, "sample", sample_report(), bold_level3=True)
    for path, want in ((plain, False), (bold, True)):
        h3 = [p for p in body_paragraphs(path) if p.style == "GwHeading3"]
        assert h3 and all(r.bold == want for p in h3 for r in p.runs)


def test_common_font_set_uses_fonts_without_gb2312(out_dir):
    path = exported(out_dir, "sample", sample_report(), font_set="common")
    fonts = {r.fonts["eastAsia"] for p in body_paragraphs(path) for r in p.runs}
    assert fonts == {COMMON["body"], COMMON["kai"], COMMON["title"], COMMON["hei"]}
    assert not any("GB2312" in f for f in fonts)


# ----- 版头 ----------------------------------------------------------------------------------


def test_header_mark_number_signer_and_red_rule(out_dir):
    path = exported(out_dir, "sample", sample_report(), header=True)
    paras = body_paragraphs(path)
    mark = paras[0]
    assert mark.style == "GwMark" and mark.text == "渭南高新区管委会"
    assert mark.align == "center"
    assert [(r.fonts["eastAsia"], r.color) for r in mark.runs] == [(GB["title"], "FF0000")]
    assert 44 <= mark.runs[0].size_half_points <= 72  # 小初 at most, 二号 at least
    assert int(wval(mark.ppr("spacing"), "before")) == 1984  # 35 mm below the block's top
    # 发文字号 two lines below the 标志, left 1 character; 签发人 right 1 character.
    assert paras[1].text == paras[2].text == ""
    number = paras[3]
    assert number.text == "\t渭高新字〔2021〕1号\t签发人：薛清军"
    tabs = [(wval(t), int(wval(t, "pos"))) for t in number.el.findall(".//w:tabs/w:tab", NS)]
    assert tabs == [("left", 320), ("right", 8845 - 320)]
    name = number.runs[-1]
    assert name.text == "薛清军" and name.fonts["eastAsia"] == GB["kai"]
    assert number.runs[0].fonts["eastAsia"] == GB["body"]
    # The red rule: as wide as the text block (no indents), 4 mm (≈ 11 pt) below.
    rule = number.ppr("pBdr").find("w:bottom", NS)
    assert wval(rule, "color") == "FF0000"
    assert 10 <= int(wval(rule, "space")) <= 12
    assert number.el.find("w:pPr/w:ind", NS) is None
    # Title two lines below the rule.
    assert paras[4].text == paras[5].text == "" and paras[6].style == "GwTitle"


@pytest.mark.parametrize("header", [False, True])
def test_no_colour_but_red_and_only_in_the_header(out_dir, header):
    path = exported(out_dir, "sample", sample_report(), header=header, record=True)
    for name in part_names(path):
        if name.startswith("word/") and name.endswith(".xml") and "stylesWithEffects" not in name:
            root = part(path, name)
            for c in root.iter(W + "color"):
                assert wval(c) == "FF0000", name
                p = next(a for a in c.iterancestors() if a.tag == W + "p")
                assert wval(p.find("w:pPr/w:pStyle", NS)) in ("GwMark", "GwDocNumber")
    colours = [wval(c) for c in part(path, "word/document.xml").iter(W + "color")]
    rules = part(path, "word/document.xml").findall(".//w:pBdr/w:bottom", NS)
    assert (colours == ["FF0000"]) == header
    assert ([wval(r, "color") for r in rules] == ["FF0000"]) == header


# ----- 版记 ----------------------------------------------------------------------------------


def test_record_at_the_foot_of_its_own_last_page(out_dir):
    path = exported(out_dir, "sample", sample_report(), record=True)
    doc = part(path, "word/document.xml")
    body = doc.find("w:body", NS)
    tables = body.findall("w:tbl", NS)
    assert len(tables) == 1
    tbl = tables[0]
    assert int(wval(tbl.find("w:tblPr/w:tblW", NS), "w")) == 8845  # as wide as the block
    cells = tbl.findall(".//w:tc", NS)
    rules = []
    for tc in cells:
        b = tc.find("w:tcPr/w:tcBorders", NS)
        rules.append(
            (int(wval(b.find("w:top", NS), "sz")), int(wval(b.find("w:bottom", NS), "sz")))
        )
    # 0.35 mm = 1 pt = sz 8; 0.25 mm ≈ 0.75 pt = sz 6 (eighths of a point).
    assert rules == [(8, 6), (6, 8)]
    cc, printed = paragraphs(tbl)
    assert cc.text == "抄送：渭南市司法局。"
    assert printed.text == "\t渭南高新区管委会办公室\t2021年1月22日印发"
    for p in (cc, printed):
        assert {(r.fonts["eastAsia"], r.size_half_points) for r in p.runs} == {
            (GB["body"], SIZE_HALF_POINTS["四号"])
        }
    assert cc.indent("right") == 280 and cc.indent("left") - cc.indent("hanging") == 280
    tabs = [(wval(t), int(wval(t, "pos"))) for t in printed.el.findall("w:pPr/w:tabs/w:tab", NS)]
    assert tabs == [("left", 280), ("right", 8845 - 280)]
    # It shares the last page (the sample's body ends high on it): one section, and a
    # spacer puts the last rule on the block's bottom below the body.
    assert len(doc.findall(".//w:sectPr", NS)) == 1
    children = list(body)
    spacer, end = children[children.index(tbl) - 1], children[children.index(tbl) + 1]
    heights = [int(wval(tr.find("w:trPr/w:trHeight", NS))) for tr in tbl.findall("w:tr", NS)]
    used = sum(int(wval(p.find("w:pPr/w:spacing", NS), "line")) for p in (spacer, end))
    assert LINE < used + sum(heights) < TEXT_H - LINE


def test_record_gets_a_page_of_its_own_when_the_last_page_is_full(out_dir):
    short = exported(out_dir, "short", short_report(), record=True)
    full = exported(out_dir, "full", short_report(FIVE_LINES), record=True)  # 21 lines
    assert len(part(short, "word/document.xml").findall(".//w:sectPr", NS)) == 1
    doc = part(full, "word/document.xml")
    body = doc.find("w:body", NS)
    sects = doc.findall(".//w:sectPr", NS)
    assert len(sects) == 2  # body, then the 版记 on a new page
    assert wval(sects[1].find("w:type", NS)) == "nextPage"
    children = list(body)
    tbl = body.find("w:tbl", NS)
    spacer, end = children[children.index(tbl) - 1], children[children.index(tbl) + 1]
    heights = [int(wval(tr.find("w:trPr/w:trHeight", NS))) for tr in tbl.findall("w:tr", NS)]
    used = sum(int(wval(p.find("w:pPr/w:spacing", NS), "line")) for p in (spacer, end))
    assert TEXT_H - 120 <= used + sum(heights) <= TEXT_H
    footers = footer_parts(full, sects[1])
    for root in footers.values():  # the page holding only the 版记: no number
        assert not list(root.iter(W + "instrText"))


def test_record_without_cc_has_two_rules(out_dir):
    path = exported(out_dir, "nocc", sample_report(cc=""), record=True)
    tbl = part(path, "word/document.xml").find(".//w:tbl", NS)
    b = tbl.find(".//w:tcBorders", NS)
    assert (wval(b.find("w:top", NS), "sz"), wval(b.find("w:bottom", NS), "sz")) == ("8", "8")
    assert [p.text for p in paragraphs(tbl)] == ["\t渭南高新区管委会办公室\t2021年1月22日印发"]


# ----- page numbers -------------------------------------------------------------------------


def footer_parts(path: Path, sect) -> dict:
    rels = part(path, "word/_rels/document.xml.rels")
    target = {r.get("Id"): r.get("Target") for r in rels}
    out = {}
    for ref in sect.findall("w:footerReference", NS):
        rid = ref.get(f"{{{NS['r']}}}id")
        out[wval(ref, "type")] = part(path, "word/" + target[rid])
    return out


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_odd_and_even_footers_with_a_page_field_between_em_dashes(out_dir, i):
    path, _ = seed_docx(out_dir, i, header=True, record=True)
    settings = part(path, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    sects = part(path, "word/document.xml").findall(".//w:sectPr", NS)
    footers = footer_parts(path, sects[0])
    assert set(footers) == {"default", "even"}
    for kind, align, side in (("default", "right", "right"), ("even", "left", "left")):
        (p,) = paragraphs(footers[kind])
        assert p.align == align
        assert p.indent(side) == 280  # one 四号 character in
        instr = [t.text for t in p.el.iter(W + "instrText")]
        assert [x.strip() for x in instr] == ["PAGE"]
        kinds = [wval(f, "fldCharType") for f in p.el.iter(W + "fldChar")]
        assert kinds == ["begin", "separate", "end"]
        shown = "".join(r.text for r in p.runs)
        assert re.fullmatch("\u2014 \\d+ \u2014", shown), shown
        assert {(r.fonts["eastAsia"], r.size_half_points) for r in p.runs} == {("宋体", 28)}
        all_runs_have_one_font([p])
    # A 版记 page of its own: footers of its own, without a number.
    if len(sects) == 1:
        return
    later = footer_parts(path, sects[1])
    assert set(later) == {"default", "even"}
    for root in later.values():
        assert not list(root.iter(W + "instrText"))
        assert "".join(t.text for t in root.iter(W + "t")) == ""


def test_no_page_numbers_option(out_dir):
    path = exported(out_dir, "sample", sample_report(), page_numbers=False)
    assert not [n for n in part_names(path) if "footer" in n]
    assert part(path, "word/settings.xml").find("w:evenAndOddHeaders", NS) is None


# ----- opens ----------------------------------------------------------------------------------


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_python_docx_reads_it_back(out_dir, i):
    path, report = seed_docx(out_dir, i, header=True, record=True)
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    last = report.blocks()[-1]
    assert last.number + last.lead + last.text in texts
    assert len(d.sections) in (1, 2)  # a second one only for a 版记 page of its own
    assert d.sections[0].page_width == docx.shared.Twips(A4[0])


def test_package_lists_the_fonts_with_alternates_and_drops_template_leftovers(out_dir):
    path = exported(out_dir, "sample", sample_report(), header=True)
    names = part_names(path)
    assert not [n for n in names if "thumbnail" in n or "stylesWithEffects" in n]
    fonts = {
        wval(f, "name"): (wval(f.find("w:altName", NS)), wval(f.find("w:charset", NS)))
        for f in part(path, "word/fontTable.xml").findall("w:font", NS)
    }
    assert fonts["仿宋_GB2312"] == ("仿宋", "86")
    assert fonts["楷体_GB2312"] == ("楷体", "86")
    assert fonts["方正小标宋简体"][1] == "86"


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_seed_title_header_and_record_elements(out_dir, i):
    path, report = seed_docx(out_dir, i, header=True, record=True)
    paras = body_paragraphs(path)
    m = report.metadata
    mark = paras[0]
    assert mark.style == "GwMark" and mark.text == (m.organ or "【填：发文机关】")
    assert {r.color for r in mark.runs} == {"FF0000"}
    number = next(p for p in paras if p.style == "GwDocNumber")
    label = "签发人："
    assert (
        number.text
        == f"\t{m.doc_number or '【填：发文字号】'}\t{label}{m.signer or '【填：签发人】'}"
    )
    title = next(p for p in paras if p.style == "GwTitle")
    assert title.align == "center"
    assert {(r.fonts["eastAsia"], r.size_half_points, r.bold) for r in title.runs} == {
        (GB["title"], SIZE_HALF_POINTS["二号"], False)
    }
    tbl = part(path, "word/document.xml").find(".//w:tbl", NS)
    printed = paragraphs(tbl)[-1].text
    assert printed.endswith("印发") and printed.startswith("\t")


@pytest.mark.parametrize("i", range(len(SEEDS)), ids=SEED_IDS)
def test_page_number_sits_7_mm_below_the_text_block(out_dir, i):
    path, _ = seed_docx(out_dir, i, header=True, record=True)
    sect = part(path, "word/document.xml").findall(".//w:sectPr", NS)[0]
    footer_distance = int(wval(sect.find("w:pgMar", NS), "footer"))
    (p,) = paragraphs(footer_parts(path, sect)["default"])
    line, rule = p.line
    assert rule == "exact"
    # Word puts the footer's last line footer_distance above the page's bottom edge:
    # the top of the number's line is 35 - 7 = 28 mm above it.
    assert abs(footer_distance + line - 28 * 56.69) <= 57


def test_an_empty_new_draft_exports_with_blanks_to_fill(out_dir):
    from drafter.core.model.skeleton import new_report

    report = new_report("某某区司法局", 2024, "dept")
    path = exported(out_dir, "new", report, header=True, record=True)
    texts = [p.text for p in body_paragraphs(path)]
    assert texts[0] == "某某区司法局"
    assert "【填：成文日期】" in texts
    headings = [p for p in body_paragraphs(path) if p.style == "GwHeading1"]
    assert [p.text[:2] for p in headings][:2] == ["一、", "二、"]
    assert docx.Document(str(path)).paragraphs

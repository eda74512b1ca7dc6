"""Importing the seeds as .txt: encodings, heading tree, mapping, metadata, debris, text kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SEEDS
from drafter.core.reading.importer import import_file, read_report
from drafter.core.reading.outline import parse_number
from import_expect import (
    SEED_001_META,
    SEED_003_META,
    SEED_004_DEBRIS,
    SEED_HEADINGS,
    SEED_SECTIONS,
)

SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
NUMBER = re.compile(
    r"^\s*([一二三四五六七八九十]{1,3}[、．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、]|[（(]\d{1,2}[）)])"
)


def mapping_of(result):
    return [(h.level, h.text, h.section, h.area) for h in result.headings]


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_seed_headings_map_as_expected(seed):
    result = import_file(SEED_FILES[seed], roll_forward=False)
    assert mapping_of(result) == SEED_HEADINGS[seed]
    found = {s.section for s in result.report.walk()}
    assert found == SEED_SECTIONS[seed]


def _source_body_words(path: Path, meta_lines: set[str], debris: list[str]) -> str:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.replace("\xa0", " ").strip(" \u3000\t")
        if not line or line in meta_lines or line in debris:
            continue
        out.append(NUMBER.sub("", line).strip())
    return "".join(out)


@pytest.mark.parametrize("seed", sorted(SEED_HEADINGS))
def test_every_body_paragraph_is_kept_in_order(seed):
    result = import_file(SEED_FILES[seed], roll_forward=False)
    m = result.report.metadata
    meta_lines = {m.title, m.recipient + ":", m.signature, "渭南高新区管委会",
                  "关于2020年度法治政府建设工作的报告", "渭高新字〔2021〕1号 签发人:薛清军",
                  "2022年2月11日", "2021年1月22日"}  # fmt: skip
    expected = _source_body_words(SEED_FILES[seed], meta_lines, result.debris)
    got = "".join(b.lead + b.text for b in result.report.blocks())
    assert got == expected


def test_seed_001_metadata():
    result = import_file(SEED_FILES["001"], roll_forward=False)
    m = result.report.metadata
    got = {k: getattr(m, k) for k in SEED_001_META}
    assert got == SEED_001_META


def test_seed_003_metadata():
    result = import_file(SEED_FILES["003"], roll_forward=False)
    m = result.report.metadata
    got = {k: getattr(m, k) for k in SEED_003_META}
    assert got == SEED_003_META


def test_seed_004_debris_removed_and_reported():
    result = import_file(SEED_FILES["004"], roll_forward=False)
    assert result.debris == [d.replace("\xa0", " ") for d in SEED_004_DEBRIS]
    text = result.report.plain_text()
    for word in ("今天是", "您所在的位置", "文章来源", "更新时间", "公告公示"):
        assert word not in text
    assert result.report.metadata.title == "2019年静海区法治政府建设情况报告"
    assert result.report.metadata.organ == "静海区"
    assert result.report.metadata.organ_kind == "gov"


def test_seed_000_plans_without_heading_become_s4():
    report = import_file(SEED_FILES["000"], roll_forward=False).report
    s4 = report.find("S4")
    assert s4 is not None and s4.heading == ""
    assert len(s4.paragraphs) == 1
    assert s4.paragraphs[0].text.startswith("2022年,区政务服务办将继续加强党组织的组织领导能力")
    assert report.metadata.recipient == "津南区人民政府"
    assert report.metadata.year == 2021


def test_seed_002_run_in_headings_split_and_renumbered():
    report = import_file(SEED_FILES["002"], roll_forward=False).report
    blocks = [b for b in report.blocks() if b.lead]
    assert len(blocks) == 10
    first = blocks[0]
    assert first.number == "一、"
    assert first.lead == "加强组织领导,统筹安排工作。"
    assert first.text.startswith("为推动依法行政落实")
    assert blocks[-1].number == "十、" and blocks[-1].lead == "推进“免申即享”改革。"
    assert report.metadata.year == 2022


def test_yishi_erShi_stay_inside_paragraphs():
    report = import_file(SEED_FILES["001"], roll_forward=False).report
    sec = report.find("S1.A")
    texts = [p.text for p in sec.paragraphs if p.kind == "body"]
    assert any(t.startswith("一是开展理论学习中心组") and "二是" in t for t in texts)
    assert not any(
        h.text.startswith(("一是", "二是"))
        for h in import_file(SEED_FILES["001"], roll_forward=False).headings
    )


def test_regenerated_numbering_follows_gbt9704():
    report = import_file(SEED_FILES["004"], roll_forward=False).report
    numbered = [(b.number, b.lead or b.text) for b in report.blocks() if b.number]
    assert numbered[0] == ("一、", "工作成效")
    assert numbered[1] == ("（一）", "加强党对法治政府建设的领导")
    assert numbered[2][0] == "1." and numbered[2][1] == "提高政治站位。"
    # "4.深化行政审批制度改革。" is the first sub-heading under (二): numbered 1. again
    i = numbered.index(("（二）", "依法全面履行政府职能"))
    assert numbered[i + 1] == ("1.", "深化行政审批制度改革。")
    assert ("二、", "工作中存在的主要问题") in numbered
    assert ("三、", "2020年重点工作安排") in numbered


def test_s3_inside_s1_is_reported():
    result = import_file(SEED_FILES["004"], roll_forward=False)
    assert any(n.startswith("S3 内容位于 S1.A") for n in result.notes)


@pytest.mark.parametrize(
    "encoding,prefix",
    [("utf-8", b""), ("utf-8-sig", b""), ("gb18030", b""), ("gbk", b""), ("utf-16", b""),
     ("utf-16-le", b""), ("utf-16-be", b"")],
)  # fmt: skip
def test_encodings(tmp_path, encoding, prefix):
    text = SEED_FILES["003"].read_text(encoding="utf-8")
    if encoding == "gbk":
        text = text.replace("\u00a0", " ")
    src = tmp_path / "report.txt"
    src.write_bytes(prefix + text.encode(encoding))
    result = import_file(src, roll_forward=False)
    assert mapping_of(result) == SEED_HEADINGS["003"]
    assert result.report.metadata.title == SEED_003_META["title"]


def test_windows_line_endings_and_indent(tmp_path):
    text = SEED_FILES["001"].read_text(encoding="utf-8")
    src = tmp_path / "r.txt"
    src.write_bytes("\r\n".join("\u3000\u3000" + x for x in text.split("\n")).encode("gb18030"))
    assert mapping_of(import_file(src, roll_forward=False)) == SEED_HEADINGS["001"]


def test_heading_number_forms():
    assert parse_number("一、总体情况").kind == 1
    assert parse_number("（一）加强领导").kind == 2
    assert parse_number("(二)加强领导").kind == 2
    for s in ("1.加强领导", "1、加强领导", "1．加强领导"):
        assert parse_number(s).kind == 3
    assert parse_number("（1）加强领导").kind == 4
    assert parse_number("1）加强领导").kind == 4
    assert parse_number("一是加强领导") is None
    assert parse_number("2.5亿元用于") is None
    assert parse_number("2.12345热线", {3: 1}).value == 2


def test_read_report_reads_drafts_and_text(tmp_path):
    from drafter.core.storage import save_draft

    report = read_report(SEED_FILES["003"])
    assert report.metadata.year == 2020 and report.last_year is None
    draft = save_draft(report, tmp_path / "d.fzbg.json")
    again = read_report(draft)
    assert again.plain_text() == report.plain_text()


def test_organ_kind_and_year_of_every_seed_match_the_seed_list():
    from drafter.core.library.seeds import load_seeds

    for seed in load_seeds():
        m = import_file(seed.path, roll_forward=False).report.metadata
        assert (m.organ, m.organ_kind, m.year) == (seed.organ, seed.kind, seed.year), seed.file


def test_title_set_on_several_lines(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(
        "某县人民政府关于2021年度\n法治政府建设\n情况的报告\n某市人民政府：\n"
        "2021年，我县扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。\n",
        encoding="utf-8",
    )
    report = import_file(src, roll_forward=False).report
    m = report.metadata
    assert m.title == "某县人民政府关于2021年度法治政府建设情况的报告"
    assert (m.organ, m.organ_kind, m.recipient, m.year) == (
        "某县人民政府",
        "gov",
        "某市人民政府",
        2021,
    )
    assert [p.text for p in report.opening] == ["2021年，我县扎实推进法治政府建设。"]


def test_web_page_furniture_is_removed(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(
        "首页 > 政务公开 > 法治政府建设\n当前位置：首页 > 法治政府建设\n"
        "某区2021年法治政府建设情况报告\n发布时间：2022-03-01 09:00\n浏览次数：128\n【大 中 小】\n"
        "2021年，某区扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
        "【打印本页】【关闭窗口】\n分享到：\n上一篇：某区2020年法治政府建设情况报告\n",
        encoding="utf-8",
    )
    result = import_file(src, roll_forward=False)
    assert result.debris == [
        "首页 > 政务公开 > 法治政府建设", "当前位置：首页 > 法治政府建设", "发布时间：2022-03-01 09:00",
        "浏览次数：128", "【大 中 小】", "【打印本页】【关闭窗口】", "分享到：",
        "上一篇：某区2020年法治政府建设情况报告",
    ]  # fmt: skip
    report = result.report
    assert report.metadata.title == "某区2021年法治政府建设情况报告"
    assert (
        report.plain_text()
        == "2021年，某区扎实推进法治政府建设。\n一、主要举措和成效\n全年办理行政复议案件12件。"
    )

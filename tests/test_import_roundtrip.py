"""export → import gives back the same headings and paragraph texts (and the metadata)."""

from __future__ import annotations

import pytest

from conftest import SEEDS, run_cli
from drafter.core.model.skeleton import new_report
from drafter.core.reading.importer import import_file
from drafter.core.writing.exporter import ExportOptions, export_docx

SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def blocks_of(report):
    return [(b.kind, b.number, b.lead, b.text) for b in report.blocks()]


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
@pytest.mark.parametrize("header", [False, True])
def test_export_then_import_gives_the_same_report(tmp_path, seed, header):
    original = import_file(SEED_FILES[seed], roll_forward=False)
    path = export_docx(original.report, tmp_path / "out.docx", ExportOptions(header=header))
    again = import_file(path, roll_forward=False)
    assert blocks_of(again.report) == blocks_of(original.report)
    assert [(h.text, h.section, h.area) for h in again.headings] == [
        (h.text, h.section, h.area) for h in original.headings
    ]


def test_round_trip_keeps_metadata_of_a_formal_report(tmp_path):
    original = import_file(SEED_FILES["003"], roll_forward=False).report
    path = export_docx(original, tmp_path / "out.docx", ExportOptions(header=True, seal=True))
    m = import_file(path, roll_forward=False).report.metadata
    o = original.metadata
    got = (m.title, m.recipient, m.doc_number, m.signer, m.signature, m.date, m.year, m.organ)
    assert got == (
        o.title,
        o.recipient,
        o.doc_number,
        o.signer,
        o.signature,
        o.date,
        o.year,
        o.organ,
    )


def test_new_skeleton_report_round_trips(tmp_path):
    report = new_report("某市司法局", 2022, "dept")
    for s in report.walk():
        from drafter.core.model.model import Paragraph

        s.paragraphs.append(Paragraph(text=f"{s.heading[:6]}方面的工作情况。"))
    report.metadata.date = "2023-02-20"
    path = export_docx(report, tmp_path / "n.docx")
    again = import_file(path, roll_forward=False)
    assert blocks_of(again.report) == blocks_of(report)
    top = [(h.section, h.area) for h in again.headings if h.level == 1]
    assert top == [("S1", None), ("S2", None), ("S3", None), ("S4", None), ("S5", None)]
    areas = [h.area for h in again.headings if h.level == 2]
    assert areas == list("ABCDEFGHIJ")


def test_cli_export_then_import(tmp_path):
    draft = tmp_path / "a.fzbg.json"
    assert run_cli("import", str(SEED_FILES["004"]), "-o", str(draft)).returncode == 0
    out = tmp_path / "a.docx"
    proc = run_cli("export", str(draft), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    again = tmp_path / "b.fzbg.json"
    proc = run_cli("import", str(out), "-o", str(again), "--year", "2020")
    assert proc.returncode == 0, proc.stderr
    from drafter.core.storage import load_draft

    a, b = load_draft(draft), load_draft(again)
    assert blocks_of(a) == blocks_of(b)


def test_round_trip_of_every_metadata_field(tmp_path):
    from drafter.core.model.model import Paragraph

    report = new_report("某市司法局", 2022, "dept")
    for s in report.walk():
        s.paragraphs.append(Paragraph(text="工作情况。"))
    m = report.metadata
    m.recipient = "某市人民政府"
    m.doc_number = "某司发〔2023〕5号"
    m.signer = "王五"
    m.date = "2023-02-20"
    m.attachments = ["2022年度行政复议案件统计表", "法治政府建设工作台账"]
    m.note = "此件公开发布"
    m.cc = "市委依法治市办。"
    m.printer = "某市司法局办公室"
    m.print_date = "2023-02-21"
    opts = ExportOptions(header=True, seal=True, record=True)
    path = export_docx(report, tmp_path / "all.docx", opts)
    got = import_file(path, roll_forward=False).report
    assert got.metadata == report.metadata
    assert blocks_of(got) == blocks_of(report)


def test_closing_and_attachments_in_plain_text(tmp_path):
    src = tmp_path / "r.txt"
    src.write_text(
        "关于2021年度法治政府建设情况的报告\n某县人民政府：\n2021年，我局扎实推进法治政府建设。\n"
        "一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足和原因\n执法力量不足。\n"
        "特此报告。\n附件：1.统计表\n2.工作台账\n某县司法局\n二〇二二年一月十日\n（此件公开发布）\n",
        encoding="utf-8",
    )
    m = import_file(src, roll_forward=False).report.metadata
    assert (m.closing, m.attachments, m.signature, m.date, m.note) == (
        "特此报告。", ["统计表", "工作台账"], "某县司法局", "2022-01-10", "此件公开发布",
    )  # fmt: skip
    assert (m.organ, m.organ_kind, m.year, m.recipient) == (
        "某县司法局",
        "dept",
        2021,
        "某县人民政府",
    )

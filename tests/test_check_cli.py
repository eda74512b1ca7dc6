"""`drafter check`: one file, a folder of the five seeds (table, CSV, exit codes), bad input."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from conftest import run_cli
from drafter.core.model.indicators import load_catalog
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.core.storage import save_draft


@pytest.fixture
def seed_folder(tmp_path, seed_files):
    folder = tmp_path / "reports"
    folder.mkdir()
    for f in seed_files:
        shutil.copy(f, folder / f.name)
    (folder / "notes.json").write_text('{"about": "not a report"}', encoding="utf-8")
    return folder


def table_rows(stdout: str) -> dict[str, list[str]]:
    lines = stdout.splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("文件"))
    return {line.split()[0]: line.split() for line in lines[start + 1 :] if line.strip()}


def test_folder_of_seeds_gives_table_csv_and_exit_1(seed_folder, tmp_path):
    out_csv = tmp_path / "out.csv"
    proc = run_cli("check", str(seed_folder), "--csv", str(out_csv))
    assert proc.returncode == 1, proc.stderr  # 000 and 002 lack required sections
    assert proc.stderr == ""  # notes.json is not a draft: skipped, not an error
    rows = table_rows(proc.stdout)
    assert set(rows) == {f"00{i}_" + n for i, n in enumerate([
        "142817be37ffa8da.txt", "c1c0171620b9097a.txt", "14c80246056a8988.txt",
        "9cb397488837d2a1.txt", "57e3017b4e6cb477.txt"])}  # fmt: skip
    r000 = rows["000_142817be37ffa8da.txt"]
    assert r000[1] == "1" and r000[4] == "S2" and r000[-1] == "有错误"
    assert r000[5] == "D4、G4、H1"
    r002 = rows["002_14c80246056a8988.txt"]
    assert r002[1] == "3" and r002[4] == "S2、S3、S4" and r002[-1] == "有错误"
    r001 = rows["001_c1c0171620b9097a.txt"]
    assert r001[1] == "0" and r001[4] == "—" and r001[-1] == "通过"
    assert rows["004_57e3017b4e6cb477.txt"][-1] == "通过"
    # per-file reports come first
    assert "== " in proc.stdout and "全力推进全力推进" in proc.stdout
    assert "位置：“…办事创业为导向,全力推进全力推进法治政府建设,现…”" in proc.stdout

    with out_csv.open(encoding="utf-8-sig", newline="") as fh:
        data = list(csv.DictReader(fh))
    assert len(data) == 5 * len(load_catalog())
    by = {(r["file"].rsplit("/", 1)[-1][:3], r["indicator"]): r for r in data}
    assert by[("004", "G1")]["status"] == "present"
    assert by[("004", "G1")]["figures"] == "48件；37件；26件"
    assert by[("000", "G4")]["status"] == "missing" and by[("000", "G4")]["level"] == "required"
    assert by[("000", "G4")]["kind"] == "dept" and by[("003", "G4")]["kind"] == "gov"
    # 002 names no organ the importer recognises; it calls itself "我局": a department
    assert by[("002", "G4")]["kind"] == "dept"
    assert by[("003", "G3")]["figures"] == "18件"
    assert by[("001", "A1")]["organ"] == "韶关市武江区政务服务数据管理局"


def test_unreadable_file_is_reported_and_the_others_still_checked(seed_folder):
    (seed_folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    proc = run_cli("check", str(seed_folder))
    assert proc.returncode == 2
    err = proc.stderr.strip().splitlines()
    assert len(err) == 1 and "broken.docx" in err[0] and "Traceback" not in proc.stderr
    rows = table_rows(proc.stdout)
    assert rows["broken.docx"][-1] == "无法读取"
    assert len(rows) == 6 and rows["004_57e3017b4e6cb477.txt"][-1] == "通过"
    proc = run_cli("check", str(seed_folder), "--json")
    assert proc.returncode == 2
    docs = json.loads(proc.stdout)
    broken = [d for d in docs if d["path"].endswith("broken.docx")]
    assert len(docs) == 6 and broken[0]["error"] and "findings" not in broken[0]


def test_one_clean_file_exits_0_and_json_is_one_object(seed_files):
    proc = run_cli("check", str(seed_files[1]), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["path"] == str(seed_files[1])
    assert doc["sections"]["S5"] is True
    assert doc["indicators"]["I3"]["status"] == "present"
    assert any(f["code"] == "section-order" for f in doc["findings"])


def test_json_for_several_files_is_a_list(seed_files):
    proc = run_cli("check", str(seed_files[0]), str(seed_files[2]), "--json")
    assert proc.returncode == 1
    docs = json.loads(proc.stdout)
    assert [d["sections"]["S2"] for d in docs] == [False, False]
    assert docs[1]["sections"]["S4"] is False


def test_kind_option_changes_what_is_required(seed_files):
    gov = json.loads(run_cli("check", str(seed_files[0]), "--json", "--kind", "gov").stdout)
    dept = json.loads(run_cli("check", str(seed_files[0]), "--json", "--kind", "dept").stdout)

    def missing(doc):
        return {f["indicator"] for f in doc["findings"] if f["code"] == "indicator-missing"}

    assert "G1" in missing(gov) and "G1" not in missing(dept)
    assert gov["indicators"]["G1"]["level"] == "required"


def test_draft_file_is_checked(tmp_path):
    report = Report(
        metadata=Metadata(organ="某某局", organ_kind="dept", year=2022),
        sections=[
            Section(
                "S1",
                heading="主要举措和成效",
                paragraphs=[Paragraph("全年共收到行政复议申请【填：数字】件。")],
            )
        ],
    )
    draft = tmp_path / "draft.json"
    save_draft(report, draft)
    proc = run_cli("check", str(draft), "--json")
    assert proc.returncode == 1
    doc = json.loads(proc.stdout)
    blank = next(f for f in doc["findings"] if f["code"] == "blank-unfilled")
    assert blank["severity"] == "error"
    assert blank["location"]["paragraph"] == report.sections[0].paragraphs[0].id


def test_missing_file_and_empty_folder(tmp_path):
    proc = run_cli("check", str(tmp_path / "nope.txt"))
    assert proc.returncode == 2 and "nope.txt" in proc.stderr and "Traceback" not in proc.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = run_cli("check", str(empty))
    assert proc.returncode == 2 and "empty" in proc.stderr and "Traceback" not in proc.stderr


def test_docx_export_of_a_seed_is_checked_like_the_seed(tmp_path, seed_files):
    from drafter.core.reading.importer import read_report
    from drafter.core.writing.exporter import export_docx

    docx = tmp_path / "000.docx"
    export_docx(read_report(seed_files[0]), docx)
    proc = run_cli("check", str(docx), "--json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    got = {f["code"] for f in doc["findings"]}
    assert {"S2-missing", "repeated-words", "doc-number-space", "quote-unbalanced"} <= got
    assert doc["sections"]["S2"] is False
    assert doc["indicators"]["G4"]["status"] == "missing"

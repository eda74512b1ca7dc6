"""`drafter import`: the draft written, the JSON of DESIGN.md, roll-forward, LibreOffice conversion."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import SEEDS, run_cli
from docx_build import typed_docx
from drafter.core.storage import load_draft
from import_expect import SEED_HEADINGS

SEED_FILES = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}


def test_import_json_lists_every_top_level_heading(tmp_path):
    out = tmp_path / "d.fzbg.json"
    proc = run_cli("import", str(SEED_FILES["003"]), "-o", str(out), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"metadata", "headings", "paragraphs", "year_from", "year_to"} <= set(data)
    meta = data["metadata"]
    for key in ("title", "recipient", "doc_number", "signer", "organ", "date", "year"):
        assert key in meta
    assert meta["doc_number"] == "渭高新字〔2021〕1号" and meta["year"] == 2020
    top = [(h["text"], h["section"], h["area"]) for h in data["headings"] if h["level"] == 1]
    assert top == [(t, s, a) for lvl, t, s, a in SEED_HEADINGS["003"] if lvl == 1]
    assert data["year_from"] == 2020 and data["year_to"] == 2021
    report = load_draft(out)
    assert data["paragraphs"] == sum(1 for p in report.paragraphs() if p.kind == "body")
    assert report.metadata.year == 2021
    assert report.metadata.title == "渭南高新区管委会关于2021年度法治政府建设工作的报告"


def test_import_with_its_own_year_keeps_the_report_as_it_is(tmp_path):
    out = tmp_path / "d.fzbg.json"
    proc = run_cli("import", str(SEED_FILES["004"]), "-o", str(out), "--year", "2019", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["year_from"] == data["year_to"] == 2019
    report = load_draft(out)
    assert report.metadata.year == 2019 and report.last_year is None
    assert "2020年重点工作安排" in report.plain_text()


def test_import_text_summary_and_existing_output(tmp_path):
    out = tmp_path / "d.fzbg.json"
    proc = run_cli("import", str(SEED_FILES["001"]), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "2021 → 2022" in proc.stdout and "S3\t党政主要负责人" in proc.stdout
    again = run_cli("import", str(SEED_FILES["001"]), "-o", str(out))
    assert again.returncode == 2 and "已存在" in again.stderr
    forced = run_cli("import", str(SEED_FILES["001"]), "-o", str(out), "--force", "--year", "2023")
    assert forced.returncode == 0
    assert load_draft(out).metadata.year == 2023


def test_missing_source_is_exit_2(tmp_path):
    proc = run_cli("import", str(tmp_path / "nope.docx"), "-o", str(tmp_path / "d.json"))
    assert proc.returncode == 2 and "不存在" in proc.stderr and "Traceback" not in proc.stderr


@pytest.fixture
def soffice():
    path = shutil.which("soffice")
    assert path, "LibreOffice (soffice) is part of the test environment (scripts/setup.sh)"
    return path


def test_convert_doc_with_libreoffice(tmp_path, soffice):
    src = typed_docx(SEED_FILES["003"].read_text(encoding="utf-8").split("\n"), tmp_path / "r.docx")
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "doc", "--outdir", str(tmp_path / "old"), str(src)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    doc = tmp_path / "old" / "r.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    out = tmp_path / "d.fzbg.json"
    refused = run_cli("import", str(doc), "-o", str(out))
    assert refused.returncode == 2 and "--convert" in refused.stderr
    proc = run_cli("import", str(doc), "-o", str(out), "--convert", "--json", timeout=240)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [(h["text"], h["section"], h["area"]) for h in data["headings"]] == [
        (t, s, a) for _, t, s, a in SEED_HEADINGS["003"]
    ]

"""similar-to: a reviewing office's folder of reports that copy each other."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from conftest import ROOT, SEEDS, run_cli
from drafter.core.checks import read_for_check
from drafter.core.checks.similarity import similarity_findings

SEED_000 = SEEDS / "000_142817be37ffa8da.txt"
REALDEV = ROOT.parent / "shared" / "realdev"


def copy_under(src: Path, target: Path, old: str, new: str) -> Path:
    text = src.read_text(encoding="utf-8").replace(old, new)
    target.write_text(text.replace(old[:2], new[:2]), encoding="utf-8")
    return target


def similar(doc: dict) -> list[dict]:
    return [f for f in doc["findings"] if f["code"] == "similar-to"]


def test_a_copy_under_another_organs_name_flags_both(tmp_path):
    folder = tmp_path / "各部门报告"
    folder.mkdir()
    shutil.copy(SEED_000, folder / "津南.txt")
    copy_under(SEED_000, folder / "西青.txt", "津南区政务服务办", "西青区行政审批局")
    out_csv = tmp_path / "汇总.csv"
    proc = run_cli("check", str(folder), "--json", "--csv", str(out_csv))
    assert proc.returncode == 1, proc.stderr  # seed 000 has errors of its own (no S2)
    docs = {Path(d["path"]).name: d for d in json.loads(proc.stdout)}
    (a,) = similar(docs["津南.txt"])
    (b,) = similar(docs["西青.txt"])
    assert a["severity"] == b["severity"] == "warning"
    assert "西青.txt" in a["message"] and "津南.txt" in b["message"]
    assert "约占本报告正文的100%" in a["message"]
    assert a["location"]["paragraph"]  # the first paragraph in common
    with out_csv.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    by_file = {Path(r["file"]).name: r["similar_to"] for r in rows}
    assert by_file == {"津南.txt": "西青.txt（100%）", "西青.txt": "津南.txt（100%）"}


def test_a_few_copied_paragraphs_give_their_share(tmp_path):
    donor, _ = read_for_check(SEEDS / "003_9cb397488837d2a1.txt")
    host, _ = read_for_check(SEEDS / "004_57e3017b4e6cb477.txt")
    taken = [p for p in donor.find("S1").walk() for p in p.paragraphs if len(p.text) > 300][:2]
    assert len(taken) == 2
    host.sections[0].paragraphs.extend(taken)
    a, b = similarity_findings([("004.txt", host), ("003.txt", donor)])
    (fa,) = a
    (fb,) = b
    assert fa.other == "003.txt" and fb.other == "004.txt"
    assert "2段文字基本相同" in fa.finding.message
    assert 0.05 < fa.share < 0.5 and 0.05 < fb.share < 0.5


def test_the_five_distinct_seeds_flag_none(tmp_path):
    for f in SEEDS.glob("*.txt"):
        shutil.copy(f, tmp_path / f.name)
    proc = run_cli("check", str(tmp_path), "--json")
    docs = json.loads(proc.stdout)
    assert len(docs) == 5
    assert [f["message"] for d in docs for f in similar(d)] == []


def test_distinct_real_reports_flag_none():
    assert REALDEV.is_dir(), (
        f"{REALDEV} is missing: the shared development set must sit beside the repo"
    )
    reports = [(p.name, read_for_check(p)[0]) for p in sorted(REALDEV.glob("*.txt"))]
    seeds = [(p.name, read_for_check(p)[0]) for p in sorted(SEEDS.glob("*.txt"))]
    assert len(reports) == 31
    found = similarity_findings(reports + seeds)
    assert [s.finding.message for items in found for s in items] == []


def test_the_same_organs_two_reports_are_not_copies(tmp_path):
    donor, _ = read_for_check(SEED_000)
    again, _ = read_for_check(SEED_000)
    assert similarity_findings([("2021.txt", donor), ("2021修改稿.txt", again)]) == [[], []]

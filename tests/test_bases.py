"""outdated-basis: the basis registry (templates/bases.json) by report year."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, run_cli
from drafter.core.checks import check_path, run_checks
from drafter.core.checks.bases import load_registry, outdated_in
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.resources import templates_dir

DATA = json.loads((templates_dir() / "bases.json").read_text(encoding="utf-8"))
SEED_003 = SEEDS / "003_9cb397488837d2a1.txt"


@pytest.mark.parametrize("entry", DATA["entries"], ids=[e["id"] for e in DATA["entries"]])
def test_every_registry_entry_has_examples_that_hold(entry):
    registry = load_registry()
    assert entry["examples"]["hit"] and entry["examples"]["pass"]
    for year, text in entry["examples"]["hit"]:
        assert [b.id for b, _s, _e in outdated_in(text, year, registry)] == [entry["id"]], text
    for year, text in entry["examples"]["pass"]:
        assert list(outdated_in(text, year, registry)) == [], (year, text)


def outdated(report: Report):
    return [f for f in run_checks(report).findings if f.code == "outdated-basis"]


def test_a_2023_report_still_on_the_19th_congress():
    text = "2023年，我区深入贯彻落实党的十九大精神，扎实推进法治政府建设。"
    report = Report(
        metadata=Metadata(organ="某区人民政府", year=2023),
        sections=[Section("S1", heading="主要举措和成效", paragraphs=[Paragraph(text)])],
    )
    (f,) = outdated(report)
    assert f.severity == "warning" and "党的十九大" in f.message and "二十大" in f.hint
    assert text[f.start : f.end] == "党的十九大"
    report.metadata.year = 2022
    assert outdated(report) == []


def test_seed_003_as_2020_is_on_its_current_basis():
    _report, res = check_path(SEED_003)
    assert _report.metadata.year == 2020
    assert [f for f in res.findings if f.code == "outdated-basis"] == []


def test_seed_003_rolled_forward_to_2021_still_cites_the_2015_gangyao(tmp_path):
    draft = tmp_path / "2021.json"
    assert run_cli("import", str(SEED_003), "-o", str(draft), "--year", "2021").returncode == 0
    out = run_cli("check", str(draft), "--json")
    found = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "outdated-basis"]
    assert len(found) == 1
    assert "法治政府建设实施纲要（2015—2020年）" in found[0]["message"]
    assert "2021—2025年" in found[0]["hint"]

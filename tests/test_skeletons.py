"""Skeletons load, name only known IDs, and are picked by year."""

from __future__ import annotations

import json

from conftest import run_cli
from drafter.core.model.indicators import load_catalog
from drafter.core.model.model import AREA_IDS, SECTION_IDS
from drafter.core.model.skeleton import all_skeletons, load_skeleton, skeleton_for_year
from drafter.core.storage import load_draft

REFERENCE_IDS = {
    "A1",
    "A2",
    "A3",
    "A4",
    "A5",
    "A6",
    "B1",
    "B2",
    "B3",
    "B4",
    "B5",
    "B6",
    "C1",
    "C2",
    "C3",
    "D1",
    "D2",
    "D3",
    "D4",
    "E1",
    "E2",
    "E3",
    "E4",
    "E5",
    "E6",
    "E7",
    "F1",
    "G1",
    "G2",
    "G3",
    "G4",
    "G5",
    "G6",
    "G7",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "I1",
    "I2",
    "I3",
    "I4",
    "I5",
    "I6",
    "J1",
}


def test_catalog_keeps_the_reference_ids():
    cat = load_catalog()
    assert REFERENCE_IDS <= set(cat)
    assert cat["G4"].required_for("gov") and cat["G4"].required_for("dept")
    assert cat["A3"].required_for("gov") and not cat["A3"].required_for("dept")
    assert cat["G1"].figure_units == ("件",)


def test_every_skeleton_names_only_known_ids():
    cat = load_catalog()
    sks = all_skeletons()
    assert {s.id for s in sks} >= {"standard", "gangyao2015", "brief"}
    for sk in sks:
        assert [s.id for s in sk.sections] == list(SECTION_IDS)
        for node in sk.nodes():
            assert node.guidance, node.key
            assert node.example_headings or node.section, node.key
            for i in node.indicators:
                assert i in cat, (sk.id, node.key, i)
            if node.section:
                assert node.id in AREA_IDS
        covered = {i for n in sk.nodes() for i in n.indicators}
        assert covered == set(cat), sk.id  # every indicator has a home in every skeleton


def test_standard_has_the_2021_areas_and_2015_has_its_own():
    assert [a.id for a in load_skeleton("standard").sections[0].areas] == list("ABCDEFGHIJ")
    old = load_skeleton("gangyao2015").sections[0].areas
    assert "F" not in [a.id for a in old] and "J" not in [a.id for a in old]
    assert load_skeleton("brief").sections[0].areas == ()
    assert skeleton_for_year(2020) == "gangyao2015" and skeleton_for_year(2021) == "standard"


def test_cli_new_picks_skeleton_by_year(tmp_path):
    for year, expected in ((2020, "gangyao2015"), (2022, "standard")):
        out = tmp_path / f"{year}.json"
        res = run_cli("new", "-o", str(out), "--org", "某区人民政府", "--year", str(year))
        assert res.returncode == 0, res.stderr
        r = load_draft(out)
        assert r.skeleton == expected
        assert r.metadata.organ_kind == "gov"
        areas = [c.area for c in r.find("S1").children]
        assert areas == [a.id for a in load_skeleton(expected).sections[0].areas]
    res = run_cli(
        "new",
        "-o",
        str(tmp_path / "b.json"),
        "--org",
        "某局",
        "--year",
        "2022",
        "--skeleton",
        "brief",
    )
    assert res.returncode == 0 and load_draft(tmp_path / "b.json").metadata.organ_kind == "dept"


def test_cli_skeletons_json_and_errors(tmp_path):
    res = run_cli("skeletons", "--json")
    assert res.returncode == 0
    data = json.loads(res.stdout)
    std = next(s for s in data if s["id"] == "standard")
    assert (
        std["sections"][0]["areas"][6]["id"] == "G"
        and "G1" in std["sections"][0]["areas"][6]["indicators"]
    )
    bad = run_cli(
        "new",
        "-o",
        str(tmp_path / "x.json"),
        "--org",
        "某局",
        "--year",
        "2022",
        "--skeleton",
        "nope",
    )
    assert (
        bad.returncode == 2 and "nope" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    )
    usage = run_cli("new", "--org", "x")
    assert usage.returncode == 2 and len(usage.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr + usage.stderr
    ver = run_cli("--version")
    assert ver.returncode == 0 and ver.stdout.startswith("drafter ")


def test_an_unexpected_error_is_one_line_and_logged(tmp_path, drafter_home):
    # Whatever breaks inside a command, the user sees one line and the traceback is logged.
    code = (
        "import sys; from drafter import cli; from drafter.commands import skeletons as s;"
        "s.run = lambda args: 1 / 0; sys.exit(cli.main(['skeletons']))"
    )
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert (
        res.stderr.count("\n") == 1 and "内部错误" in res.stderr and "Traceback" not in res.stderr
    )
    assert "ZeroDivisionError" in (drafter_home / "data" / "crash.log").read_text("utf-8")

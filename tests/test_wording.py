"""wording-suspect: the canonical wording list (templates/wording.json), its examples, planted
near misses, and precision on the seeds and the real-report development set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli
from drafter.core.checks import run_checks
from drafter.core.checks.wording import (
    find_suspects,
    load_user_phrases,
    load_wording,
    save_user_phrases,
    within_one_edit,
)
from drafter.core.errors import DrafterError
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.resources import templates_dir

REALDEV = ROOT.parent / "shared" / "realdev"
DATA = json.loads((templates_dir() / "wording.json").read_text(encoding="utf-8"))
ENTRIES = [(e["canonical"], e) for e in DATA["phrases"]] + [(e["name"], e) for e in DATA["titles"]]


def report_with(text: str, year: int = 2023) -> Report:
    body = Section("S1", heading="主要举措和成效", paragraphs=[Paragraph(text)])
    return Report(metadata=Metadata(organ="某区人民政府", year=year), sections=[body])


def suspects(report: Report):
    return [f for f in run_checks(report).findings if f.code == "wording-suspect"]


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[n for n, _ in ENTRIES])
def test_every_entry_has_examples_that_hold(name, entry):
    wording = load_wording()
    hits, passes = entry["examples"]["hit"], entry["examples"]["pass"]
    assert hits and passes, f"{name}: give examples that must hit and must pass"
    for text in hits:
        found = find_suspects(text, wording, 2023)
        assert found, f"{name}: not found in {text!r}"
        assert name in found[0].canonical
    for text in passes:
        assert find_suspects(text, wording, 2023) == [], f"{name}: false hit in {text!r}"


@pytest.mark.parametrize(
    ("text", "found", "canonical"),
    [
        (
            "坚持以习近平新时代中国特色社会主意思想为指导。",
            "习近平新时代中国特色社会主意思想",
            "习近平新时代中国特色社会主义思想",
        ),
        ("深入学习贯彻习近平法制思想。", "习近平法制思想", "习近平法治思想"),
        (
            "紧密团结在以习近平同志为核心党中央周围。",
            "以习近平同志为核心党中央",
            "以习近平同志为核心的党中央",
        ),
        ("坚决做到“两个拥护”。", "两个拥护", "两个维护"),
        (
            "贯彻《法治政府建设实施纲要（2021—2026年）》。",
            "法治政府建设实施纲要（2021—2026年）",
            "法治政府建设实施纲要（2021—2025年）",
        ),
        (
            "区长履行推进法制建设第一责任人职责。",
            "推进法制建设第一责任人",
            "推进法治建设第一责任人",
        ),
    ],
)
def test_planted_near_miss_is_a_warning_naming_the_canonical_form(text, found, canonical):
    report = report_with(text)
    (f,) = suspects(report)
    assert f.severity == "warning"
    assert f"“{found}”" in f.message and f"“{canonical}”" in f.message
    para = report.sections[0].paragraphs[0]
    assert para.text[f.start : f.end] == found and f.paragraph == para.id
    assert para.text == text  # reported, never changed


def test_allowed_look_alikes_are_not_flagged():
    text = "落实行政执法公示、执法全过程记录、重大执法决定法制审核制度。"
    assert suspects(report_with(text)) == []
    wording = load_wording()
    # 法制建设 was the word before the 2018 amendment; from 2018 on it is a slip
    assert find_suspects("积极推进体育部门法制建设。", wording, 2016) == []
    assert find_suspects("积极推进体育部门法制建设。", wording, 2021)


def test_the_users_own_additions_count(drafter_home):
    text = "推动府院良性互联机制落地。"
    assert suspects(report_with(text)) == []
    save_user_phrases(["府院良性互动机制"])
    assert [p.canonical for p in load_user_phrases()] == ["府院良性互动机制"]
    (f,) = suspects(report_with(text))
    assert "“府院良性互动机制”" in f.message


def test_a_short_user_phrase_without_variants_is_refused_with_its_reason(tmp_path):
    with pytest.raises(DrafterError, match="太短"):
        save_user_phrases(["法治"], tmp_path / "w.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"phrases": [{"canonicl": "习近平法治思想"}]}', encoding="utf-8")
    with pytest.raises(DrafterError, match="canonicl"):
        load_user_phrases(bad)


def test_within_one_edit():
    assert within_one_edit("两个维护", "两个拥护")
    assert within_one_edit("为核心的党中央", "为核心党中央")
    assert within_one_edit("社会主义", "社会主义思")
    assert not within_one_edit("两个维护", "两个确立")
    assert not within_one_edit("法治", "法治建设")


def _texts(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.txt"))
    assert files, f"no .txt files in {folder}"
    return files


def test_no_wording_finding_on_the_seeds():
    for path in _texts(SEEDS):
        out = run_cli("check", str(path), "--json")
        assert out.returncode in (0, 1), out.stderr
        codes = [f["code"] for f in json.loads(out.stdout)["findings"]]
        assert "wording-suspect" not in codes, path.name


def test_no_wording_finding_on_the_real_reports():
    assert REALDEV.is_dir(), (
        f"{REALDEV} is missing: the shared development set must sit beside the repo"
    )
    files = _texts(REALDEV)
    out = run_cli("check", *map(str, files), "--json")
    assert out.returncode in (0, 1), out.stderr
    docs = json.loads(out.stdout)
    assert len(docs) == len(files)
    flagged = [
        (d["path"], f["message"])
        for d in docs
        for f in d["findings"]
        if f["code"] == "wording-suspect"
    ]
    assert flagged == []


def test_a_damaged_user_list_is_named_on_the_command_line(drafter_home):
    (drafter_home / "data").mkdir(exist_ok=True)
    bad = drafter_home / "data" / "wording.json"
    bad.write_text('{"phrases": [{"canonicl": "习近平法治思想"}]}', encoding="utf-8")
    out = run_cli("check", str(SEEDS / "002_14c80246056a8988.txt"))
    assert out.returncode == 2
    assert str(bad) in out.stderr and "canonicl" in out.stderr and "Traceback" not in out.stderr

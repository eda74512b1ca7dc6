"""Drafts are validated against their schema on load: a bad field is named, an obvious and
harmless repair is made with a note, anything else is refused; no malformed draft gives
内部错误 in any command."""

from __future__ import annotations

import json

import pytest

from drafter.cli import main
from drafter.core.errors import DraftError
from drafter.core.storage import load_draft, load_draft_with_notes, save_draft
from hostile_files import BAD_DRAFTS, REPAIRABLE, base_draft

REFUSED = sorted(set(BAD_DRAFTS) - REPAIRABLE)


@pytest.mark.parametrize("name", sorted(REPAIRABLE))
def test_harmless_repairs_open_with_a_note_and_save_again(tmp_path, name):
    path = BAD_DRAFTS[name](tmp_path)
    report, notes = load_draft_with_notes(path)
    assert notes, "every repair is noted"
    assert report.metadata.organ == "某县司法局"
    save_draft(report, tmp_path / "again.fzbg.json")  # a repaired draft can be saved
    assert load_draft_with_notes(tmp_path / "again.fzbg.json")[1] == []


@pytest.mark.parametrize("name", REFUSED)
def test_bad_drafts_are_refused_naming_the_file(tmp_path, name):
    path = BAD_DRAFTS[name](tmp_path)
    with pytest.raises(DraftError) as e:
        load_draft(path)
    assert e.value.source == str(path)
    assert len(e.value.one_line()) < 400


@pytest.mark.parametrize(
    "name, field",
    [
        ("level_string", "sections[0].paragraphs[0].level: 应为整数"),
        ("figures_list", "last_year.figures: 应为对象"),
        ("paragraphs_string", "sections[1].paragraphs: 应为列表"),
        ("paragraph_number", "sections[1].paragraphs[0]: 应为对象"),
        ("section_id_unknown", "sections[0].section: 应为"),
        ("year_infinity", "metadata.year: 应为整数"),
        ("year_5000_digits", "metadata.year: 应为整数（5000 位数字"),
        ("year_fraction", "metadata.year: 应为整数"),
        ("nested_450", "章节嵌套过深"),
        ("indicator_figures_list", "indicators.G4.figures: 应为对象"),
        ("runin_string", "sections[0].runin: 应为 true 或 false"),
        ("organ_kind_unknown", "metadata.organ_kind: 应为 gov 或 dept"),
    ],
)
def test_the_bad_field_is_named(tmp_path, name, field):
    with pytest.raises(DraftError) as e:
        load_draft(BAD_DRAFTS[name](tmp_path))
    assert field in e.value.reason


def test_repairs_say_what_they_changed(tmp_path):
    report, notes = load_draft_with_notes(BAD_DRAFTS["lone_surrogate"](tmp_path))
    assert any("Unicode" in n for n in notes)
    assert "全年\ufffd办理" in report.sections[0].paragraphs[1].text
    report, notes = load_draft_with_notes(BAD_DRAFTS["closing_number"](tmp_path))
    assert report.metadata.closing == "12" and "metadata.closing" in notes[0]
    report, notes = load_draft_with_notes(BAD_DRAFTS["skeleton_traversal"](tmp_path))
    assert report.skeleton == "standard" and notes[0].startswith("skeleton:")


def test_a_valid_draft_has_no_notes(tmp_path):
    p = tmp_path / "ok.fzbg.json"
    p.write_text(json.dumps(base_draft(), ensure_ascii=False), encoding="utf-8")
    assert load_draft_with_notes(p)[1] == []


@pytest.mark.parametrize("name", sorted(BAD_DRAFTS))
def test_no_command_gives_an_internal_error(tmp_path, capsys, name):
    path = str(BAD_DRAFTS[name](tmp_path))
    for args in (
        ["check", path],
        ["export", path, "-o", str(tmp_path / "out.docx"), "--force"],
        ["import", path, "-o", str(tmp_path / "out.fzbg.json"), "--force"],
    ):
        code = main(args)
        err = capsys.readouterr().err
        assert "内部错误" not in err, (args[0], err)
        assert code in (0, 1, 2)
        if name not in REPAIRABLE:
            assert code == 2 and path in err, (args[0], err)

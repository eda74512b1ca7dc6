"""`drafter fix`: what it prints, --dry-run, --json, --only, the backup, and bad input."""

from __future__ import annotations

import json

from conftest import run_cli
from drafter.cli import main
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.core.storage import backup_path, load_draft, save_draft

TEXT = "全年受理48件,审结37件 ,依据某发[2021]第01号文件(试行)"
FIXED = "全年受理48件，审结37件，依据某发〔2021〕1号文件（试行）"


def make_draft(tmp_path):
    para = Paragraph(TEXT)
    report = Report(
        metadata=Metadata(organ="某区司法局", year=2021, organ_kind="dept"),
        sections=[Section("S1", "B", heading="履行职能", paragraphs=[para])],
    )
    path = tmp_path / "报告.json"
    save_draft(report, path)
    return path, para.id


def test_fix_saves_the_fixed_draft_keeping_the_old_one_as_backup(tmp_path, capsys):
    path, pid = make_draft(tmp_path)
    old = path.read_bytes()
    assert main(["fix", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已修正 6 处" in out
    for line in ("halfwidth-punct\t2 处", "halfwidth-bracket\t2 处", "stray-space\t1 处"):
        assert line in out
    assert "doc-number-bracket\t1 处" in out  # one edit puts the 文号 right as a whole
    para = load_draft(path).sections[0].paragraphs[0]
    assert para.id == pid and para.text == FIXED
    assert backup_path(path).read_bytes() == old


def test_dry_run_changes_nothing_and_json_lists_the_changes(tmp_path, capsys):
    path, pid = make_draft(tmp_path)
    old = path.read_bytes()
    assert main(["fix", str(path), "--dry-run", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert path.read_bytes() == old and not backup_path(path).exists()
    assert {r["code"] for r in records} >= {"halfwidth-punct", "halfwidth-bracket"}
    for r in records:
        assert set(r) == {"code", "section", "paragraph", "before", "after"}
        assert r["section"] == "S1" and r["paragraph"] == pid
    assert records[0]["before"] == TEXT and records[-1]["after"] == FIXED
    # each record starts from the text the one before it left
    for a, b in zip(records, records[1:], strict=False):
        assert b["before"] == a["after"]


def test_only_the_named_codes(tmp_path, capsys):
    path, _pid = make_draft(tmp_path)
    assert main(["fix", str(path), "--only", "halfwidth-bracket"]) == 0
    assert "halfwidth-bracket\t2 处" in capsys.readouterr().out
    text = load_draft(path).sections[0].paragraphs[0].text
    assert text == TEXT.replace("(试行)", "（试行）")


def test_nothing_to_fix(tmp_path, capsys):
    path, _pid = make_draft(tmp_path)
    main(["fix", str(path)])
    capsys.readouterr()
    saved = path.read_bytes()
    assert main(["fix", str(path)]) == 0
    assert "没有可以自动修正的问题" in capsys.readouterr().out
    assert path.read_bytes() == saved


def test_a_source_document_is_refused_with_exit_2(tmp_path):
    src = tmp_path / "去年的报告.txt"
    src.write_text(
        "某区2021年法治政府建设情况报告\n一、主要举措\n全年受理48件,审结37件。\n", "utf-8"
    )
    old = src.read_bytes()
    r = run_cli("fix", str(src))
    assert r.returncode == 2
    assert "去年的报告.txt" in r.stderr and "import it first" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert src.read_bytes() == old
    r = run_cli("fix", str(tmp_path / "没有这个.json"))
    assert r.returncode == 2 and "没有这个.json" in r.stderr


def test_an_unknown_code_is_a_usage_error(tmp_path, capsys):
    path, _pid = make_draft(tmp_path)
    old = path.read_bytes()
    assert main(["fix", str(path), "--only", "halfwidth-punct", "no-such-code"]) == 2
    err = capsys.readouterr().err
    assert "no-such-code" in err and "halfwidth-punct" in err
    assert path.read_bytes() == old

"""A bigger own library: a whole folder of reports goes in at once (with progress), skipping
duplicates and unreadable files with a reason each; the list shows organ, year and passage
count; removing a report drops its passages from the suggestions."""

from __future__ import annotations

import json

import pytest

import suggest_fixtures
from conftest import run_cli
from drafter.core.errors import DrafterError
from drafter.core.library.corpus import Library
from drafter.core.library.library_folder import add_folder, list_reports
from drafter.core.library.retrieval import Suggester
from library_reports import ORGANS, write_folder

seed_cache = suggest_fixtures.seed_cache
warm_home = suggest_fixtures.warm_home


def test_a_folder_of_ten_reports_with_one_broken_adds_nine(warm_home, tmp_path):
    folder = tmp_path / "各单位报告"
    write_folder(folder)
    library = Library.open()
    steps = []
    result = add_folder(library, folder, lambda done, total: steps.append((done, total)))

    assert sorted(e.organ for e in result.added) == sorted(o for o, _ in ORGANS)
    assert [(s.path, s.reason) for s in result.skipped] == [
        ("损坏的报告.docx", "文件已损坏或不是有效的 Word 文档（.docx）")
    ]
    assert steps[-1] == (10, 10) and len(steps) == 10

    listed = {x.entry.organ: x for x in list_reports(library)}
    assert len(listed) == 5 + 9
    mine = listed["滨海区民政局"]
    assert mine.entry.year == 2023 and mine.passages >= 6
    assert all(x.passages > 0 for x in listed.values())

    # The same folder again: every report is a duplicate, the broken file is still named.
    again = add_folder(library, folder)
    assert again.added == []
    reasons = {s.path: s.reason for s in again.skipped}
    assert len(reasons) == 10 and reasons["损坏的报告.docx"].startswith("文件已损坏")
    assert sum(r == "这份报告已在资料库中" for r in reasons.values()) == 9


def test_removing_a_report_drops_its_passages(warm_home, tmp_path):
    write_folder(tmp_path / "f", broken=None)
    library = Library.open()
    added = add_folder(library, tmp_path / "f").added
    suggester = Suggester(library)
    query = "婚姻登记预约直办"
    found = suggester.suggest(query, n=3)
    entry = next(e for e in added if e.organ == "滨海区民政局")
    assert found[0].entry == entry.id and query in found[0].text
    assert found[0].source == "滨海区民政局2023年度报告" and found[0].year == 2023
    library.remove(entry.id)
    assert all(r.entry != entry.id for r in suggester.suggest(query, n=10))
    assert entry.id not in {x.entry.id for x in list_reports(library)}


def test_seeds_and_non_reports_in_a_folder_are_skipped_with_reasons(
    warm_home, tmp_path, seed_files
):
    folder = tmp_path / "杂项"
    folder.mkdir()
    (folder / "示例.txt").write_bytes(seed_files[0].read_bytes())
    (folder / "统计表.xlsx").write_bytes(b"PK")
    (folder / "~$临时.docx").write_bytes(b"lock")  # Word's lock file: not a document
    (folder / "空白.txt").write_text("", encoding="utf-8")
    result = add_folder(Library.open(), folder)
    assert result.added == []
    assert {s.path: s.reason for s in result.skipped} == {
        "示例.txt": "与内置示例报告相同",
        "统计表.xlsx": "不是 .docx 或 .txt 格式的报告",
        "空白.txt": "文件是空的",
    }
    with pytest.raises(DrafterError, match="没有 .docx 或 .txt"):
        add_folder(Library.open(), _empty(tmp_path))


def _empty(tmp_path):
    folder = tmp_path / "空文件夹"
    folder.mkdir()
    return folder


def test_cli_library_add_folder_and_list(warm_home, tmp_path):
    folder = tmp_path / "报告"
    write_folder(folder)
    res = run_cli("library", "add", str(folder), timeout=300)
    assert res.returncode == 0, res.stderr
    assert "共加入 9 份，跳过 1 份。" in res.stdout
    assert res.stdout.count("已加入：") == 9
    skipped = [line for line in res.stderr.splitlines() if line.startswith("跳过：")]
    assert skipped == ["跳过：损坏的报告.docx：文件已损坏或不是有效的 Word 文档（.docx）"]
    assert "10/10" in res.stderr and "Traceback" not in res.stderr

    listing = json.loads(run_cli("library", "list", "--json").stdout)
    assert len(listing) == 14
    row = next(x for x in listing if x["organ"] == "滨海区教育局")
    assert row["year"] == 2022 and row["passages"] >= 6 and row["origin"] == "user"
    text = run_cli("library", "list").stdout
    assert f"滨海区教育局\t2022年度\t{row['passages']} 段表述" in text

    bad = run_cli("library", "add", str(_empty(tmp_path)))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "空文件夹" in bad.stderr

"""Every reader is bounded: crafted .docx/.txt files and odd paths end in a clear one-line
answer (a refusal naming the limit, or the report) within 10 s of CPU and 500 MB of memory,
measured on the real CLI in a subprocess; a folder check goes on past any bad file."""

from __future__ import annotations

import csv
import json
import os
import re
import zipfile

import pytest

import hostile_files as hf
from drafter.core.errors import InputError
from drafter.core.reading.docx_reader import docx_paragraphs, format_number
from drafter.core.reading.importer import import_file

CPU_SECONDS = 10
MEMORY_MB = 500


@pytest.fixture
def cli_env(drafter_home):
    return {**os.environ, "DRAFTER_HOME": str(drafter_home)}


# (maker, what the clerk is told: a refusal naming the limit, or None when the file imports)
SOURCES = [
    (hf.docx_numbering_huge_start, None),
    (hf.docx_lvltext_long, None),
    (hf.docx_main_not_xml, "疑似压缩炸弹"),
    (hf.docx_main_not_xml_entities, "XML 实体声明"),
    (hf.docx_zip_bomb_media, "疑似压缩炸弹"),
    (hf.docx_nested_tables, None),
    (hf.docx_100k_paragraphs, "段落过多（超过 20000 段）"),
    (hf.docx_duplicate_entry, "重名的部件"),
    (hf.docx_many_entries, "文件过多"),
    (hf.txt_100k_lines, "段落过多（超过 20000 段）"),
    (hf.fifo, "不是普通文件"),
]


@pytest.mark.parametrize("make, told", SOURCES, ids=[m.__name__ for m, _ in SOURCES])
def test_hostile_source_is_answered_within_bounds(tmp_path, cli_env, make, told):
    source = make(tmp_path)
    out = tmp_path / "out.fzbg.json"
    code, err, _wall, cpu, rss = hf.run_measured(
        ["import", str(source), "-o", str(out)], tmp_path, cli_env, timeout=60
    )
    assert code is not None, "the import finished"
    assert cpu < CPU_SECONDS and rss < MEMORY_MB, (cpu, rss)
    assert "内部错误" not in err and "Traceback" not in err
    if told:
        assert code == 2 and told in err and str(source) in err
        assert len(err.splitlines()) == 1 and len(err) < 500
    else:
        assert code == 0, err
        assert json.loads(out.read_text(encoding="utf-8"))["sections"]


def test_numbering_values_are_clamped(tmp_path):
    paras = docx_paragraphs(hf.docx_numbering_huge_start(tmp_path))
    labels = [p for p in paras if p.endswith("段落")]
    # the override (999,999,999) clamped to 32,767 (Word's own limit), the label cut to 32
    assert labels[0] == format_number(32_767, "upperRoman") + ".段落"
    assert labels[0] == "M" * 32 + ".段落"
    assert max(len(p) for p in paras) < 100
    assert format_number(2_147_483_647, "lowerLetter") == format_number(32_767, "lowerLetter")[:32]


def test_long_level_text_is_cut(tmp_path):
    paras = docx_paragraphs(hf.docx_lvltext_long(tmp_path))
    assert max(len(p) for p in paras) < 200


def test_nested_tables_give_each_row_once(tmp_path):
    paras = docx_paragraphs(hf.docx_nested_tables(tmp_path, depth=5, rows=2))
    inner = [p for p in paras if "最里层的单元格文字" in p]
    assert len(inner) == 20  # the innermost cell once per copy of the table, not per level
    assert sum(1 for p in paras if p == "第4层第0行") == 20


def test_duplicate_zip_entry_is_refused_not_read_from_its_second_copy(tmp_path):
    with pytest.raises(InputError) as e:
        docx_paragraphs(hf.docx_duplicate_entry(tmp_path))
    assert "word/document.xml" in e.value.reason


def test_nul_bytes_do_not_make_a_text_file_binary(tmp_path):
    result = import_file(hf.txt_with_nul(tmp_path), roll_forward=False)
    assert [h.section for h in result.headings] == ["S1", "S2", "S3", "S4"]
    assert "推行行政执法三项制度" in result.report.plain_text()


def test_direction_marks_at_line_starts_keep_the_headings(tmp_path):
    result = import_file(hf.txt_direction_marks(tmp_path), roll_forward=False)
    assert [h.text for h in result.headings][:2] == ["主要举措和成效", "存在的不足"]


def test_a_file_name_over_255_bytes_is_a_clear_error(tmp_path, cli_env):
    name = hf.long_name(tmp_path)
    for args in (
        ["import", str(name), "-o", str(tmp_path / "o.json")],
        ["check", str(name)],
        ["library", "add", str(name)],
        ["export", str(tmp_path / "none.json"), "-o", str(name)],
    ):
        code, err, *_ = hf.run_measured(args, tmp_path, cli_env)
        assert code == 2 and "内部错误" not in err and len(err.splitlines()) == 1, (args, err)


def test_folder_check_goes_on_past_bad_files_and_names_them(tmp_path, cli_env):
    folder = tmp_path / "各部门"
    folder.mkdir()
    for i in range(5):
        d = hf.base_draft()
        d["metadata"]["organ"] = f"某县第{i}局"
        (folder / f"good{i}.fzbg.json").write_text(json.dumps(d, ensure_ascii=False))
    bad = [
        hf.BAD_DRAFTS["figures_list"](folder),
        hf.BAD_DRAFTS["nested_450"](folder),
        hf.docx_main_not_xml_entities(folder),
        hf.docx_100k_paragraphs(folder),
        hf.fifo(folder),
    ]
    (folder / "notes.json").write_text('{"not": "a draft"}')  # other JSON is not a report
    out = tmp_path / "汇总.csv"
    code, err, _wall, cpu, rss = hf.run_measured(
        ["check", str(folder), "--csv", str(out)], tmp_path, cli_env, timeout=120
    )
    assert code == 2 and "内部错误" not in err, err
    assert cpu < 4 * CPU_SECONDS and rss < MEMORY_MB
    for b in bad:
        assert str(b) in err
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    unreadable = {r["file"] for r in rows if r["status"] == "unreadable"}
    assert unreadable == {str(b) for b in bad}
    checked = {r["organ"] for r in rows if r["status"] != "unreadable"}
    assert checked == {f"某县第{i}局" for i in range(5)}


def test_library_add_refuses_a_huge_file_without_reading_it(tmp_path, cli_env):
    big = tmp_path / "大.txt"
    with big.open("wb") as fh:
        fh.truncate(1200 * 1024 * 1024)  # sparse: 1.2 GB that costs no disk
    code, err, _wall, cpu, rss = hf.run_measured(["library", "add", str(big)], tmp_path, cli_env)
    assert code == 2 and "上限" in err and rss < MEMORY_MB and cpu < CPU_SECONDS


def test_export_refuses_to_overwrite_without_force(tmp_path, cli_env):
    draft = tmp_path / "d.fzbg.json"
    draft.write_text(json.dumps(hf.base_draft(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "报告.docx"
    out.write_bytes(b"clerk's own file")
    code, err, *_ = hf.run_measured(["export", str(draft), "-o", str(out)], tmp_path, cli_env)
    assert code == 2 and "--force" in err and out.read_bytes() == b"clerk's own file"
    code, err, *_ = hf.run_measured(
        ["export", str(draft), "-o", str(out), "--force"], tmp_path, cli_env
    )
    assert code == 0 and zipfile.is_zipfile(out)


def test_titles_and_organ_names_over_255_characters_export(tmp_path, cli_env):
    d = hf.base_draft()
    d["metadata"]["title"] = "关于加强法治政府建设" * 60
    d["metadata"]["organ"] = "某" * 400
    draft = tmp_path / "d.fzbg.json"
    draft.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "o.docx"
    code, err, *_ = hf.run_measured(
        ["export", str(draft), "-o", str(out), "--header"], tmp_path, cli_env
    )
    assert code == 0, err[:300]
    with zipfile.ZipFile(out) as z:
        text = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode("utf-8"))
    assert "关于加强法治政府建设" * 60 in text  # the title, over its lines
    assert "某" * 400 in text  # the organ's mark in the 版头


def test_error_lines_stay_short():
    from drafter.core.errors import DrafterError

    line = DrafterError("x" * 10_000, "因为" * 1_000_000).one_line()
    assert len(line) < 700 and "\n" not in line


def test_unwritable_data_and_cache_folders_do_not_stop_the_cli(tmp_path, seed_files):
    blocker = tmp_path / "a-file"
    blocker.write_text("")  # DRAFTER_HOME below a file: no folder can be made there
    env = {**os.environ, "DRAFTER_HOME": str(blocker / "home"), "DRAFTER_CACHE": str(blocker / "c")}
    draft = tmp_path / "d.fzbg.json"
    for args, want in (
        (["import", str(seed_files[0]), "-o", str(draft)], 0),
        (["check", str(draft)], None),
        (["export", str(draft), "-o", str(tmp_path / "o.docx")], 0),
        (["library", "add", str(seed_files[1])], 2),
    ):
        code, err, *_ = hf.run_measured(args, tmp_path, env, timeout=120)
        assert "Traceback" not in err and "内部错误" not in err, (args, err)
        assert code == want if want is not None else code in (0, 1), (args, code, err)

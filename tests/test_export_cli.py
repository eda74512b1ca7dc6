"""`drafter export` and export_docx errors: exit 2 with one line, never a half-written .docx."""

from __future__ import annotations

import os
import zipfile

import docx
import pytest

from conftest import run_cli
from drafter.core import storage
from drafter.core.errors import ExportError
from drafter.core.storage import save_draft
from drafter.core.writing.exporter import ExportOptions, export_docx
from export_fixtures import sample_report


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "report.fzbg.json"
    save_draft(sample_report(), path)
    return path


def test_cli_exports_a_docx_with_header_and_record(tmp_path, draft):
    out = tmp_path / "报告.docx"
    res = run_cli("export", str(draft), "-o", str(out), "--header", "--record", "--seal")
    assert res.returncode == 0, res.stderr
    d = docx.Document(str(out))
    texts = [p.text for p in d.paragraphs]
    assert texts[0] == "渭南高新区管委会"  # 发文机关标志
    assert "渭南市人民政府：" in texts
    assert "2021年1月22日" in texts
    assert len(d.sections) == 1  # the 版记 shares the last page
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's


def test_cli_no_page_numbers_and_common_fonts(tmp_path, draft):
    out = tmp_path / "out.docx"
    res = run_cli("export", str(draft), "-o", str(out), "--no-page-numbers", "--font-set", "common")
    assert res.returncode == 0, res.stderr
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        xml = z.read("word/document.xml").decode("utf-8")
    assert not [n for n in names if "footer" in n]
    assert "仿宋_GB2312" not in xml and 'w:eastAsia="仿宋"' in xml


def test_cli_bad_draft_exits_2_with_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.fzbg.json"
    bad.write_text("{not json", encoding="utf-8")
    out = tmp_path / "out.docx"
    res = run_cli("export", str(bad), "-o", str(out))
    assert res.returncode == 2
    assert len(res.stderr.strip().splitlines()) == 1
    assert "bad.fzbg.json" in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_cli_draft_with_bad_date_exits_2(tmp_path):
    path = tmp_path / "d.fzbg.json"
    save_draft(sample_report(date="2021-13-40"), path)
    out = tmp_path / "out.docx"
    res = run_cli("export", str(path), "-o", str(out))
    assert res.returncode == 2
    assert "d.fzbg.json" in res.stderr
    assert "成文日期" in res.stderr and "2021-13-40" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert not out.exists()
    assert os.listdir(tmp_path) == ["d.fzbg.json"]


@pytest.mark.parametrize("where", ["missing-folder", "under-a-file", "a-folder", "proc"])
def test_cli_unwritable_path_exits_2(tmp_path, draft, where):
    if where == "missing-folder":
        out = tmp_path / "no" / "such" / "out.docx"
    elif where == "under-a-file":
        (tmp_path / "file.txt").write_text("x")
        out = tmp_path / "file.txt" / "out.docx"
    elif where == "a-folder":
        out = tmp_path / "dir.docx"
        out.mkdir()
    else:  # a folder nobody may create files in, root included
        out = tmp_path.anchor + "proc/out.docx"
    res = run_cli("export", str(draft), "-o", str(out))
    assert res.returncode == 2, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "out.docx" in res.stderr or "dir.docx" in res.stderr
    assert "Traceback" not in res.stderr
    if where != "a-folder":
        assert not os.path.exists(out)


def test_cli_wrong_suffix_exits_2(tmp_path, draft):
    res = run_cli("export", str(draft), "-o", str(tmp_path / "out.pdf"))
    assert res.returncode == 2 and ".docx" in res.stderr


def test_failed_replace_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous version")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "replace", broken_replace)
    with pytest.raises(ExportError) as err:
        export_docx(sample_report(), out)
    assert "out.docx" in err.value.one_line()
    assert out.read_bytes() == b"previous version"
    assert sorted(os.listdir(tmp_path)) == ["out.docx"]


def test_replaces_an_existing_export_whole(tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous version")
    export_docx(sample_report(), out, ExportOptions(header=True))
    assert zipfile.is_zipfile(out)
    assert sorted(os.listdir(tmp_path)) == ["out.docx"]


def test_progress_is_reported_up_to_the_total(tmp_path):
    seen = []
    export_docx(sample_report(), tmp_path / "p.docx", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(seen) > 5


def test_unknown_font_set_is_an_export_error(tmp_path):
    with pytest.raises(ExportError):
        export_docx(sample_report(), tmp_path / "x.docx", ExportOptions(font_set="宋体"))
    assert not (tmp_path / "x.docx").exists()


def test_cli_help_still_lists_every_command_and_export_help_works():
    res = run_cli("--help")
    assert res.returncode == 0
    for name in ("new", "import", "export", "skeletons"):
        assert name in res.stdout
    res = run_cli("export", "--help")
    assert res.returncode == 0
    for flag in ("--header", "--no-page-numbers", "--seal", "--record", "--font-set"):
        assert flag in res.stdout


def test_cli_exports_a_txt_report_as_it_is(tmp_path):
    from conftest import SEEDS

    out = tmp_path / "seed.docx"
    res = run_cli("export", str(SEEDS / "003_9cb397488837d2a1.txt"), "-o", str(out))
    assert res.returncode == 0, res.stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "渭南市人民政府：" in texts
    assert "渭南高新技术产业开发区管理委员会" in texts
    assert "2021年1月22日" in texts


def test_cli_missing_txt_exits_2(tmp_path):
    res = run_cli("export", str(tmp_path / "none.txt"), "-o", str(tmp_path / "o.docx"))
    assert res.returncode == 2 and "none.txt" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1

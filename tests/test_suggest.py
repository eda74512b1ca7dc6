"""Suggestions from the phrase library: ranking, boosts, folding, the cache, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import suggest_fixtures
from conftest import run_cli
from drafter.core.errors import DrafterError
from drafter.core.library.corpus import Library
from drafter.core.library.retrieval import Suggester, parse_section_id
from drafter.core.library.suggest_quality import leave_one_seed_out
from drafter.core.model.punctuation import to_fullwidth

# Shared fixtures (pytest finds them as module attributes).
seed_cache = suggest_fixtures.seed_cache
warm_home = suggest_fixtures.warm_home

# Measured 89/97 = 91.8% when written, 91/97 = 93.8% with our own S2/S4 phrasing indexed
# too (a constant top 5 from the commonest area, B, would score 43%); issue 17 holds it at 0.9.
LEAVE_ONE_OUT_FLOOR = 0.9

OWN_REPORT = """滨海区司法局2023年法治政府建设情况报告
2023年，我局在区委、区政府的正确领导下，扎实推进法治政府建设，现将有关情况报告如下：
一、主要举措和成效
（一）创新开展“法治体检进园区”活动
全年组织律师团队走进产业园区开展“法治体检进园区”活动，为园区企业逐一出具法治体检报告，帮助企业排查合同管理、劳动用工等方面的法律风险。
二、存在的不足和原因
园区企业法律需求多样，法治体检覆盖面还不够广。
三、下一年度主要安排
继续深化“法治体检进园区”活动，扩大覆盖范围。
"""


@pytest.fixture
def library(warm_home):
    return Library.open()


@pytest.fixture
def suggester(library):
    return Suggester(library)


def test_a_query_about_administrative_review_ranks_review_passages_first(suggester):
    results = suggester.suggest("行政复议", n=5)
    assert len(results) == 5
    for r in results[:3]:
        assert "复议" in r.text, r.text
    assert any("G1" in r.indicators for r in results[:3])
    assert results[0].area == "G"
    # Every suggestion carries its fill-in template and its source.
    top = results[0]
    assert top.source.endswith("年度报告")
    assert "【填：" in top.template or top.template == to_fullwidth(top.text)


def test_the_area_being_written_is_boosted(suggester):
    plain = suggester.suggest("建立健全工作机制", n=5)
    boosted = suggester.suggest("建立健全工作机制", section="S1", area="G", n=5)
    assert plain[0].area != "G"  # without the boost another area leads …
    assert boosted[0].area == "G"  # … writing in S1.G puts a G passage first
    # A boost, not a filter: the best plain match stays and other areas still come.
    assert plain[0].text in {r.text for r in boosted}
    assert any(r.area != "G" for r in boosted)


def test_an_empty_query_lists_the_section(suggester):
    results = suggester.suggest("", section="S2", n=3)
    assert len(results) == 3
    assert all(r.section == "S2" for r in results)


def test_near_duplicates_are_folded(library, suggester, tmp_path):
    # The same report again under another organ: its passages duplicate seed 004's.
    from drafter.core.library.seeds import load_seeds

    seed = next(s for s in load_seeds() if s.organ == "静海区")
    copy = tmp_path / "copy.txt"
    copy.write_text(seed.path.read_text(encoding="utf-8").replace("静海", "滨海"), encoding="utf-8")
    library.add(copy)
    results = suggester.suggest("全年共收到行政复议申请 依法受理 审结", n=5)
    templates = [r.template for r in results]
    assert len(set(templates)) == len(templates)
    assert sum("全年共收到行政复议申请" in t for t in templates) == 1


def test_adding_and_removing_a_report_changes_the_suggestions(library, suggester, tmp_path):
    query = "法治体检进园区"
    assert not any("法治体检" in r.text for r in suggester.suggest(query, n=5))
    path = tmp_path / "滨海区司法局2023年报告.txt"
    path.write_text(OWN_REPORT, encoding="utf-8")
    entry = library.add(path)
    assert entry.id in {e.id for e in library.entries()}

    after = suggester.suggest(query, n=5)
    assert "法治体检进园区" in after[0].text
    assert after[0].template.count("法治体检进园区") == 1
    assert "滨海" not in after[0].template

    library.remove(entry.id)
    assert not any("法治体检" in r.text for r in suggester.suggest(query, n=5))


def test_the_index_is_cached_and_rebuilt_only_when_the_library_changes(library, tmp_path):
    first = Suggester(library)
    first.ensure_index()
    assert first.last_build_seconds is not None
    cached = first.cache_path()
    assert cached.is_file()

    second = Suggester(library)
    second.ensure_index()
    assert second.last_build_seconds is None  # loaded, not built
    assert second.index.n_docs == first.index.n_docs

    path = tmp_path / "own.txt"
    path.write_text(OWN_REPORT, encoding="utf-8")
    library.add(path)
    second.ensure_index()
    assert second.last_build_seconds is not None
    assert second.cache_path() != cached and not cached.exists()


def test_a_damaged_cache_is_rebuilt(library):
    s = Suggester(library)
    s.ensure_index()
    s.cache_path().write_bytes(b"not an index")
    again = Suggester(library)
    assert again.suggest("行政复议", n=1)
    assert again.last_build_seconds is not None


def test_cached_results_need_no_jieba(warm_home):
    Suggester(Library.open()).ensure_index()  # build and cache (loads jieba here)
    code = (
        "import sys\n"
        "from drafter.core.library.corpus import Library\n"
        "from drafter.core.library.retrieval import Suggester\n"
        "s = Suggester(Library.open())\n"
        "s.ensure_index()\n"
        "r = s.suggest('行政复议申请', n=3, wait=False)\n"
        "print(len(r), r[0].area, 'jieba' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    count, area, jieba_loaded = out.stdout.split()
    assert (count, area, jieba_loaded) == ("3", "G", "False")


def test_leave_one_seed_out_quality(warm_home):
    result = leave_one_seed_out(library=Library.open())
    print(f"leave-one-seed-out: {result.hits}/{result.total} = {result.rate:.1%}")
    assert result.total >= 80
    assert result.rate >= LEAVE_ONE_OUT_FLOOR


@pytest.mark.parametrize(
    "value,expected",
    [("S2", ("S2", None)), ("s1.g", ("S1", "G")), ("G", ("S1", "G")), (None, (None, None))],
)
def test_section_ids(value, expected):
    assert parse_section_id(value) == expected


@pytest.mark.parametrize("value", ["S9", "S1.K", "XX", "S2.G3"])
def test_bad_section_ids(value):
    with pytest.raises(DrafterError):
        parse_section_id(value)


def test_cli_suggest_json(warm_home):
    res = run_cli("suggest", "行政复议", "--section", "G", "-n", "3", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert len(data) == 3
    assert {"text", "template", "source", "section", "area", "score"} <= set(data[0])
    assert data[0]["area"] == "G" and "复议" in data[0]["text"]
    assert data[0]["score"] >= data[1]["score"] >= data[2]["score"]


def test_cli_suggest_text_and_errors(warm_home):
    res = run_cli("suggest", "出庭应诉率", "--section", "S1.G", "-n", "1")
    assert res.returncode == 0, res.stderr
    assert "出庭应诉" in res.stdout and "模板：" in res.stdout
    bad = run_cli("suggest", "行政复议", "--section", "S7")
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "S7" in bad.stderr and "Traceback" not in bad.stderr
    assert run_cli("suggest", "行政复议", "-n", "0").returncode == 2


def test_cli_library_add_list_remove(warm_home, tmp_path):
    path = tmp_path / "own.txt"
    path.write_text(OWN_REPORT, encoding="utf-8")
    added = run_cli("library", "add", str(path))
    assert added.returncode == 0, added.stderr
    entry_id = added.stdout.split("：", 1)[1].split()[0]
    listing = run_cli("library", "list", "--json")
    entries = json.loads(listing.stdout)
    assert [e["origin"] for e in entries].count("seed") == 5
    assert any(e["id"] == entry_id and e["origin"] == "user" for e in entries)

    found = json.loads(run_cli("suggest", "法治体检进园区", "--json", "-n", "1").stdout)
    assert "法治体检进园区" in found[0]["text"]

    assert run_cli("library", "remove", entry_id).returncode == 0
    assert entry_id not in run_cli("library", "list").stdout
    seed_id = entries[0]["id"]
    refused = run_cli("library", "remove", seed_id)
    assert refused.returncode == 2 and "不能" in refused.stderr


def test_cli_library_rejects_bad_files(warm_home, tmp_path):
    missing = run_cli("library", "add", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "不存在" in missing.stderr
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    wrong = run_cli("library", "add", str(pdf))
    assert wrong.returncode == 2 and ".docx" in wrong.stderr


def test_a_docx_report_joins_the_library(library, suggester, tmp_path):
    import docx

    doc = docx.Document()
    for line in OWN_REPORT.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "滨海区司法局2023年报告.docx"
    doc.save(path)
    entry = library.add(path)
    assert entry.file.endswith(".docx")
    passages = library.entry_passages(entry)
    assert any(p.section == "S2" and "覆盖面" in p.text for p in passages)
    assert "法治体检进园区" in suggester.suggest("法治体检进园区", n=1)[0].text
    with pytest.raises(DrafterError):
        library.add(path)  # already in the library


def test_module_level_warm_up_and_suggest(warm_home):
    from drafter.core.library import retrieval
    from drafter.core.model import tokenizer

    retrieval.warm_up()
    assert tokenizer.is_loaded()
    assert retrieval.default_suggester().is_cached()
    results = retrieval.suggest("出庭应诉", section="S1", area="G", n=2, wait=False)
    assert len(results) == 2 and results[0].area == "G"
    assert results[0].to_dict()["source"] == results[0].source


def test_a_report_gone_from_the_library_does_not_break_suggestions(library, tmp_path):
    path = tmp_path / "own.txt"
    path.write_text(OWN_REPORT, encoding="utf-8")
    entry = library.add(path)
    entry.path(library.folder).unlink()  # removed behind the library's back
    results = Suggester(library).suggest("行政复议", n=2)
    assert len(results) == 2
    assert [p.source for p in library.problems] == [str(entry.path(library.folder))]

"""Suggestions for a draft never hand the clerk's own text back: not from the report the draft
was rolled forward from, and nothing near-identical to a paragraph the draft already holds."""

from __future__ import annotations

import json

import pytest

import suggest_fixtures
from conftest import run_cli
from drafter.core.library.corpus import Library
from drafter.core.library.draft_context import DraftView, is_source
from drafter.core.library.retrieval import Suggester
from drafter.core.library.seeds import load_seeds
from drafter.core.model.model import Paragraph, Report, Section
from drafter.core.reading.importer import import_file
from drafter.core.storage import save_draft

seed_cache = suggest_fixtures.seed_cache
warm_home = suggest_fixtures.warm_home


@pytest.fixture
def suggester(warm_home):
    return Suggester(Library.open())


def _entry_id(seed) -> str:
    return f"seed-{seed.file.rsplit('.', 1)[0]}"


def _queries(report: Report) -> list[tuple[str, str, str | None]]:
    """(text, section, area): every body paragraph of the draft, where it stands."""
    out = []
    for sec in report.walk():
        for p in sec.paragraphs:
            text = (p.lead + p.text).strip()
            if p.kind != "heading" and len(text) >= 10:
                out.append((text, sec.section, sec.area))
    return out


@pytest.mark.parametrize("seed", load_seeds(), ids=lambda s: s.file[:3])
def test_suggestions_for_a_draft_rolled_forward_from_a_seed_never_come_from_it(suggester, seed):
    report = import_file(seed.path).report  # rolled forward to the next year
    view = DraftView.of(report)
    own = _entry_id(seed)
    queries = _queries(report)
    assert len(queries) >= 8
    from_own_without_draft = 0
    for text, section, area in queries:
        plain = suggester.suggest(text, section=section, area=area, n=5)
        from_own_without_draft += any(r.entry == own for r in plain)
        results = suggester.suggest(text, section=section, area=area, n=5, draft=view)
        assert results, text
        assert [r.text for r in results if r.entry == own] == [], text
    for section in ("S1", "S2", "S4"):  # browsing a section without a query
        assert all(r.entry != own for r in suggester.suggest("", section, n=8, draft=view))
    # Without the draft, the seed's own paragraphs come back first (what the clerk saw).
    assert from_own_without_draft >= len(queries) // 2


def test_text_the_draft_already_holds_is_not_suggested(suggester):
    seed = next(s for s in load_seeds() if s.organ == "静海区")
    passage = next(
        p
        for p in Library.open().entry_passages(Library.open().find(_entry_id(seed)))
        if p.kind == "paragraph" and p.area == "G" and len(p.text) > 60
    )
    # A new report for another organ, whose clerk pasted that paragraph (figures changed).
    pasted = passage.text.replace("2019", "2024")
    report = Report(sections=[Section(id="s1", section="S1", heading="一、主要举措")])
    report.sections[0].paragraphs.append(Paragraph(id="p1", text=pasted))
    view = DraftView.of(report)
    assert view.source == "" and not is_source(view, seed.file, seed.organ, seed.year)

    plain = suggester.suggest(pasted, section="S1", area="G", n=5)
    assert plain[0].text == passage.text
    with_draft = suggester.suggest(pasted, section="S1", area="G", n=5, draft=view)
    assert len(with_draft) == 5
    # Neither the paragraph nor any of its sentences comes back; other G passages do.
    assert not any(r.text in passage.text for r in with_draft)
    assert with_draft[0].area == "G"


def test_the_source_is_found_by_file_or_by_organ_and_year():
    view = DraftView(organ="静海区", source="去年报告.txt", source_year=2019)
    assert is_source(view, "去年报告.txt", "另一个单位", 2019)
    assert is_source(view, "004_57e3017b4e6cb477.txt", "静海区", 2019)
    assert not is_source(view, "004_57e3017b4e6cb477.txt", "静海区", 2018)  # its report before
    assert not is_source(view, "other.txt", "滨海区", 2019)
    assert not is_source(DraftView(organ="静海区"), "x.txt", "静海区", 2019)  # not rolled forward


def test_cli_suggest_with_draft(warm_home, tmp_path):
    seed = next(s for s in load_seeds() if s.file.startswith("003"))
    draft = tmp_path / "草稿.json"
    report = import_file(seed.path).report
    save_draft(report, draft)
    Suggester(Library.open()).ensure_index()  # the CLI runs below load this cached index
    # The paragraph under the cursor: one of the draft's own (from seed 003).
    text, section, area = next(q for q in _queries(report) if q[1] == "S1" and len(q[0]) > 60)
    where = f"{section}.{area}" if area else section
    args = ("suggest", text, "--section", where, "-n", "5", "--json")
    plain = json.loads(run_cli(*args).stdout)
    assert plain[0]["entry"] == _entry_id(seed)
    res = run_cli(*args, "--draft", str(draft))
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert len(data) == 5
    assert all(r["entry"] != _entry_id(seed) for r in data)
    assert all(r["source"] and "year" in r for r in data)

    missing = run_cli("suggest", "行政审批", "--draft", str(tmp_path / "无.json"))
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "无.json" in missing.stderr

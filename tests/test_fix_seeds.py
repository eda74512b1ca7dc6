"""`drafter fix` on the five seed reports imported as they are: afterwards `drafter check
--json` shows no finding of the mechanical kinds, and the text differs from before only
inside the spans those findings named. The structural repairs (section-order on seed 001,
S3-inside on seed 004) leave no such finding and lose no paragraph."""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from drafter.cli import main
from drafter.core.checks import run_checks
from drafter.core.library.seeds import load_seeds
from drafter.core.reading.importer import import_file
from drafter.core.storage import load_draft, save_draft

MECHANICAL = {
    "halfwidth-punct",
    "halfwidth-bracket",
    "doc-number-space",
    "stray-space",
    "numbering-halfwidth",
    "repeated-words",
    "date-zero-padding",
}
SEEDS = {s.file[:3]: s for s in load_seeds()}


def imported(seed_no: str, tmp_path: Path) -> Path:
    seed = SEEDS[seed_no]
    draft = tmp_path / f"{seed_no}.json"
    save_draft(import_file(seed.path, year=seed.year).report, draft)
    return draft


def texts(report) -> dict[tuple, str]:
    """Every text a fix may write into, by where it is."""
    out = {("metadata", "doc_number"): report.metadata.doc_number}
    for p in report.opening:
        out[("text", p.id)] = p.text
        out[("lead", p.id)] = p.lead
    for s in report.walk():
        out[("heading", s.id)] = s.heading
        for p in s.paragraphs:
            out[("text", p.id)] = p.text
            out[("lead", p.id)] = p.lead
    return out


def named_spans(findings) -> dict[tuple, list[tuple[int, int]]]:
    """Where the findings point and what their edits cover, per text."""
    spans: dict[tuple, list[tuple[int, int]]] = {}
    for f in findings:
        for e in f.edits:
            key = ("metadata", e.part[9:]) if e.part.startswith("metadata.") else e.target
            spans.setdefault(key, []).append((e.start, e.end))
            if f.start is not None and e.part == "text":
                spans[key].append((f.start, f.end))
    return {key: merged(found) for key, found in spans.items()}


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Touching or overlapping spans as one (a diff joins "),", fixed as two edits)."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def check_json(path: Path, capsys) -> list[dict]:
    capsys.readouterr()
    main(["check", str(path), "--json"])
    out = json.loads(capsys.readouterr().out)
    return (out[0] if isinstance(out, list) else out)["findings"]


@pytest.mark.parametrize("seed_no", sorted(SEEDS))
def test_fix_clears_the_mechanical_findings_and_changes_only_their_spans(seed_no, tmp_path, capsys):
    draft = imported(seed_no, tmp_path)
    before = load_draft(draft)
    findings = run_checks(before).findings
    assert MECHANICAL & {f.code for f in findings}  # there is something to fix

    assert main(["fix", str(draft)]) == 0
    printed = capsys.readouterr().out
    assert "halfwidth-punct" in printed

    left = Counter(f["code"] for f in check_json(draft, capsys))
    assert not MECHANICAL & set(left), left
    after = load_draft(draft)
    spans = named_spans(findings)
    old, new = texts(before), texts(after)
    assert old.keys() == new.keys()  # no paragraph, lead or section came or went
    for key, was in old.items():
        now = new[key]
        if was == now:
            continue
        assert key in spans, (key, was, now)
        for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(
            None, was, now, autojunk=False
        ).get_opcodes():
            if tag == "equal":
                continue
            assert any(a <= i1 and i2 <= b for a, b in spans[key]), (key, was[i1 - 5 : i2 + 5])
        # Latin text, quotes and every figure's digits are as they were.
        for rx in (r"[A-Za-z]", r"[“”‘’\"《》]", r"[1-9]"):
            assert re.findall(rx, now) == re.findall(rx, was)


def paragraph_texts(report) -> Counter:
    out = Counter((p.id, p.lead, p.text) for p in report.opening)
    for s in report.walk():
        out.update((p.id, p.lead, p.text) for p in s.paragraphs)
    return out


@pytest.mark.parametrize(("seed_no", "code"), [("001", "section-order"), ("004", "S3-inside")])
def test_structural_fixes_leave_no_such_finding_and_lose_no_text(seed_no, code, tmp_path, capsys):
    draft = imported(seed_no, tmp_path)
    before = load_draft(draft)
    assert code in {f.code for f in run_checks(before).findings}
    capsys.readouterr()
    assert main(["fix", str(draft), "--only", code, "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in records] == [code]
    assert code not in {f["code"] for f in check_json(draft, capsys)}
    after = load_draft(draft)
    assert paragraph_texts(after) == paragraph_texts(before)
    headings = {s.heading for s in after.walk()}
    assert {s.heading for s in before.walk()} <= headings
    if code == "S3-inside":
        s3 = after.find("S3")
        assert s3 is not None and s3.heading
        assert [p.id for p in s3.paragraphs] == [records[0]["paragraph"]]
    else:
        assert records[0]["after"] == "S1、S2、S3、S4、S5"


def test_a_rolled_forward_paragraph_fixed_mechanically_is_still_last_years():
    """Punctuation put right does not make a paragraph new: it is still word for word last
    year's (one finding for it), not a paragraph of stale figures (one finding each)."""
    from drafter.core.fixing import fix_draft

    report = import_file(SEEDS["003"].path).report  # 2020 → 2021
    before = Counter(f.code for f in run_checks(report).findings)
    assert before["paragraph-unchanged"] > 10
    fix_draft(lambda op: op(report), report, None)
    after = Counter(f.code for f in run_checks(report).findings)
    assert after["halfwidth-punct"] == 0
    assert after["paragraph-unchanged"] == before["paragraph-unchanged"]
    assert after["figure-unchanged"] == before["figure-unchanged"]

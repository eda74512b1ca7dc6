"""similar-to: reports in one folder that copy each other (a reviewing office's batch).

Each paragraph is normalised (the organ's own names, self-references such as 我局, digits,
punctuation and spaces removed) and cut into overlapping 8-character shingles, of which a
fixed quarter is kept. Shingles that
are boilerplate do not count: those the shipped seed reports share with each other (习近平法治思想
为指导…, the formulas every report uses), those the report's own canonical wording is made of,
and, in a big folder, those found in many of its reports. A paragraph of report A is shared with
report B when most of its remaining shingles are in B. Two reports of different organs sharing
enough text draw a warning each, naming the other file and the share of text in common.

One inverted index over the folder: the cost grows with the folder's text, not with the square
of the number of reports.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from pathlib import Path

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.model.model import Report

K = 8  # shingle length in characters
MIN_SHINGLES = 4  # a paragraph with fewer chosen shingles (after boilerplate) is not compared
PARAGRAPH_SHARED = 0.5  # share of a paragraph's shingles found in the other report
MIN_SHARED_CHARS = 150  # characters in shared paragraphs before two reports are flagged
COMMON_SHARE = 0.1  # in a folder of 20 or more, shingles in this share of reports are boilerplate
_SELF = re.compile(r"[我本][局区县市办委厅镇署院部街州省]|本单位|本部门|我单位|我部门")
_DROP = re.compile(r"[^\u4e00-\u9fffA-Za-z]+")
_NUM_WORDS = re.compile(
    r"[〇零一二三四五六七八九十百千万亿两]+(?=[项件次个人户家余多名条份期场类批])"
)


def normalise(text: str, names: tuple[str, ...]) -> str:
    for name in names:
        if name:
            text = text.replace(name, "")
    text = _SELF.sub("", text)
    text = _NUM_WORDS.sub("", text)
    return _DROP.sub("", text)


def shingles(text: str) -> set[int]:
    """A quarter of the text's 8-character shingles, chosen by their first two characters
    (the same shingle is always chosen or always left out, so copies still meet)."""
    codes = [ord(c) for c in text]
    return {
        hash(text[i : i + K]) for i in range(len(text) - K + 1) if not (codes[i] + codes[i + 1]) & 3
    }


def _names(report: Report) -> tuple[str, ...]:
    meta = report.metadata
    out = {meta.organ.strip(), meta.signature.strip()}
    for name in list(out):  # 津南区政务服务办 → also 津南区, 津南
        m = re.match(r"(.{2,6}?[省市区县州旗])", name)
        if m:
            out.add(m.group(1))
            if len(m.group(1)) > 2:
                out.add(m.group(1)[:-1])
    return tuple(sorted((n for n in out if n), key=len, reverse=True))


def organ_key(report: Report) -> str:
    meta = report.metadata
    return _DROP.sub("", meta.organ or meta.signature)


@dataclass
class _Para:
    section: str | None
    paragraph: str | None
    length: int
    shingles: set[int]


@dataclass
class _Doc:
    name: str
    organ: str
    paras: list[_Para] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(p.length for p in self.paras) or 1


@dataclass
class Shared:
    """What report ``other`` shares with this one."""

    other: int
    paragraphs: int
    chars: int
    share: float  # of this report's normalised text
    first: _Para


@cache
def seed_boilerplate() -> frozenset[int]:
    """Shingles two or more shipped seed reports share, and those of the canonical wording."""
    from drafter.core.checks import read_for_check
    from drafter.core.checks.wording import load_wording
    from drafter.resources import seeds_dir

    seen: Counter[int] = Counter()
    for path in sorted(seeds_dir().glob("*.txt")):  # the shipped example reports
        report, _source = read_for_check(path)
        names = _names(report)
        doc: set[int] = set()
        for u in text_units(report):
            doc |= shingles(normalise(u.text, names))
        seen.update(doc)
    common = {h for h, n in seen.items() if n >= 2}
    for p in load_wording().phrases:
        common |= shingles(normalise(p.canonical, ()))
    return frozenset(common)


def _doc(name: str, report: Report) -> _Doc:
    names = _names(report)
    doc = _Doc(name, organ_key(report))
    for u in text_units(report):
        if u.is_heading:
            continue
        text = normalise(u.text, names)
        if len(text) < K:
            continue
        doc.paras.append(_Para(u.section, u.paragraph_id, len(text), shingles(text)))
    return doc


def compare_reports(reports: list[tuple[str, Report]]) -> list[list[Shared]]:
    """For each report, the other reports (of other organs) it shares paragraphs with."""
    docs = [_doc(name, rep) for name, rep in reports]
    boiler = set(seed_boilerplate())
    per_doc = [set().union(*(p.shingles for p in d.paras)) if d.paras else set() for d in docs]
    if len(docs) >= 20:
        df: Counter[int] = Counter()
        for s in per_doc:
            df.update(s)
        limit = max(3, int(COMMON_SHARE * len(docs)))
        boiler |= {h for h, n in df.items() if n > limit}
    index: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(per_doc):
        for h in s - boiler:
            index[h].append(i)
    out: list[list[Shared]] = []
    for i, d in enumerate(docs):
        found: dict[int, Shared] = {}
        for p in d.paras:
            own = p.shingles - boiler
            if len(own) < MIN_SHINGLES:
                continue
            counts = Counter(chain.from_iterable(map(index.__getitem__, own)))
            need = PARAGRAPH_SHARED * len(own)
            for j, n in counts.items():
                if n < need or j == i:
                    continue
                if d.organ and d.organ == docs[j].organ:
                    continue  # the same organ's reports (last year's, a revision)
                s = found.get(j)
                if s is None:
                    found[j] = Shared(j, 1, p.length, 0.0, p)
                else:
                    s.paragraphs += 1
                    s.chars += p.length
        kept = []
        for s in found.values():
            s.share = s.chars / d.length
            if s.chars >= MIN_SHARED_CHARS:
                kept.append(s)
        kept.sort(key=lambda s: -s.share)
        out.append(kept)
    return out


@dataclass
class SimilarTo:
    """One other report this report shares text with, and the finding saying so."""

    other: str  # the other report's name as given (its path)
    share: float  # of this report's normalised text
    finding: Finding


def similarity_findings(reports: list[tuple[str, Report]]) -> list[list[SimilarTo]]:
    """similar-to findings for each (name, report), in the order given."""
    out: list[list[SimilarTo]] = []
    for items in compare_reports(reports):
        found = []
        for s in items:
            other_name, other = reports[s.other]
            organ = other.metadata.organ or other.metadata.signature
            who = Path(other_name).name + (f"（{organ}）" if organ else "")
            finding = Finding(
                "similar-to",
                "warning",
                f"与{who}有{s.paragraphs}段文字基本相同，约占本报告正文的{s.share:.0%}。",
                "报告应写本单位当年的工作；核对是否照搬了其他单位的报告。",
                section=s.first.section,
                paragraph=s.first.paragraph,
            )
            found.append(SimilarTo(other_name, s.share, finding))
        out.append(found)
    return out

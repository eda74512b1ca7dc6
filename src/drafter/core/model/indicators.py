"""The indicator catalog (templates/indicators.json) and detection of indicators in text.

Detection works sentence by sentence. An indicator is covered by a sentence when one of its
rules matches there:

- ``words``: groups of alternatives ("复议 受理|审结"), every group present in the sentence as a
  word: an occurrence that starts and ends inside jieba words (core/model/tokenizer, with the domain
  dictionary) does not count ("述法" is not in "讲述法律");
- ``patterns``: regular expressions over the sentence;
- ``cues``: the examples shown to the clerk, matched as words ("调解…案件": both words).

A match that overlaps an ``exclude`` pattern is dropped. Figures of a fitting unit in the clause
of the evidence and the clauses after it, up to a clause about another indicator (or else anywhere
in the sentence), and of the clauses about none before them, are the indicator's figures; so are fitting figures of the next few sentences
of the paragraph that are about no indicator at all. Results are cached per sentence, so
re-detecting a section after an edit only re-reads the sentences that changed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from drafter.core.model import tokenizer
from drafter.core.model.figures import Figure, extract_figures
from drafter.resources import template_path

if TYPE_CHECKING:
    from drafter.core.model.model import Report

SENTENCE_RE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
CLAUSE_RE = re.compile(r"[^，,：:]+")
# Sections whose text does not count as work done: S2 (shortcomings) and S4 (next year's plans).
NOT_COVERAGE = ("S2", "S4")

# A figure fits an indicator when its unit is in the family of one the indicator wants.
UNIT_FAMILIES = {
    "件": {"件", "起", "宗", "份", "件次"},
    "份": {"份", "件"},
    "人": {"人", "名", "位"},
    "人次": {"人次"},
    "次": {"次", "期", "场", "轮", "场次"},
    "项": {"项", "个", "类"},
    "%": {"%", "个百分点"},
    "条": {"条"},
    "卷": {"卷", "件"},
    "学时": {"学时", "课时", "小时"},
    "元": {"元", "万元", "亿元"},
}
CARRY = 3  # figures of up to this many sentences after an indicator's evidence, in its paragraph


@dataclass(frozen=True)
class Indicator:
    id: str
    area: str
    name: str
    gov: str  # "required" | "recommended"
    dept: str
    figure_units: tuple[str, ...]
    cues: tuple[str, ...]
    words: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extra_units: tuple[str, ...] = ()  # units it takes a figure in without asking for one

    def level_for(self, kind: str) -> str:
        return self.gov if kind == "gov" else self.dept

    def required_for(self, kind: str) -> bool:
        return self.level_for(kind) == "required"

    @property
    def wants_figure(self) -> bool:
        return bool(self.figure_units)

    def fits(self, unit: str) -> bool:
        units = self.figure_units + self.extra_units
        return any(unit in UNIT_FAMILIES.get(u, {u}) for u in units)


@cache
def load_catalog() -> dict[str, Indicator]:
    """All indicators by id, in catalog order."""
    data = json.loads(template_path("indicators.json").read_text(encoding="utf-8"))
    out: dict[str, Indicator] = {}
    for d in data["indicators"]:
        out[d["id"]] = Indicator(
            id=d["id"],
            area=d["area"],
            name=d["name"],
            gov=d["gov"],
            dept=d["dept"],
            figure_units=tuple(d.get("figure_units", [])),
            cues=tuple(d.get("cues", [])),
            words=tuple(d.get("words", [])),
            patterns=tuple(d.get("patterns", [])),
            exclude=tuple(d.get("exclude", [])),
            extra_units=tuple(d.get("figure_units_extra", [])),
        )
    return out


@dataclass
class Detection:
    id: str
    present: bool
    figures: list[Figure] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)


# ----- compiled rules ----------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    id: str
    word_rules: tuple[tuple[tuple[str, ...], ...], ...]  # rule → groups → alternatives
    regexes: tuple[re.Pattern, ...]
    excludes: tuple[re.Pattern, ...]


@cache
def _compiled() -> tuple[_Rules, ...]:
    out = []
    for ind in load_catalog().values():
        word_rules: list[tuple[tuple[str, ...], ...]] = []
        regexes: list[str] = list(ind.patterns)
        for cue in ind.cues:
            word_rules.append(tuple((part,) for part in cue.split("…") if part))
        for rule in ind.words:
            word_rules.append(tuple(tuple(g.split("|")) for g in rule.split()))
        out.append(
            _Rules(
                id=ind.id,
                word_rules=tuple(word_rules),
                regexes=tuple(re.compile(p) for p in regexes),
                excludes=tuple(re.compile(p) for p in ind.exclude),
            )
        )
    return tuple(out)


def warm_up() -> None:
    """Ready the word index and compile the rules (a second the first time the index is built;
    call it off the GUI thread)."""
    tokenizer.prepare_words()
    _compiled()
    _rule_words()
    _boundaries("依法行政")


@lru_cache(maxsize=8192)
def _boundaries(sentence: str) -> frozenset[int]:
    """Offsets where a jieba word (with the domain dictionary) starts or ends."""
    out = {0}
    pos = 0
    for w in tokenizer.words(sentence):
        pos += len(w)
        out.add(pos)
    return frozenset(out)


WINDOW = 8  # characters of context either side that decide where the words around a hit end


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _find_word(sentence: str, word: str) -> tuple[int, int] | None:
    """First occurrence of word in sentence that starts or ends on a jieba word boundary.

    Next to punctuation, a digit or the sentence's edge a word always has a boundary; between
    Chinese characters the words around the hit are found by segmenting a small window.
    """
    n = len(word)
    i = sentence.find(word)
    while i != -1:
        j = i + n
        if i == 0 or j == len(sentence) or not _is_han(sentence[i - 1]) or not _is_han(sentence[j]):
            return i, j
        lo = max(0, i - WINDOW)
        bounds = _boundaries(sentence[lo : j + WINDOW])
        if i - lo in bounds or j - lo in bounds:
            return i, j
        i = sentence.find(word, i + 1)
    return None


def _match_words(sentence: str, rule: tuple[tuple[str, ...], ...]) -> list[tuple[int, int]]:
    spans = []
    for group in rule:
        hit = None
        for alt in group:
            if alt in sentence:
                hit = _find_word(sentence, alt)
                if hit:
                    break
        if hit is None:
            return []
        spans.append(hit)
    return spans


def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < b and a < span[1] for a, b in others)


@cache
def _rule_words() -> tuple[tuple[str, ...], dict[str, frozenset[int]]]:
    """Every word the word rules name, and for each the indicators (positions in _compiled())
    with a word rule whose first group lists it: only those can match where it occurs."""
    triggers: dict[str, set[int]] = {}
    words: set[str] = set()
    for pos, rules in enumerate(_compiled()):
        for rule in rules.word_rules:
            for group in rule:
                words.update(group)
            for alt in rule[0]:
                triggers.setdefault(alt, set()).add(pos)
    return tuple(sorted(words)), {w: frozenset(p) for w, p in triggers.items()}


@lru_cache(maxsize=8192)
def _sentence_hits(sentence: str) -> tuple[tuple[str, tuple[tuple[int, int], ...]], ...]:
    """(indicator id, evidence spans) for every indicator the sentence covers."""
    hits = []
    words, triggers = _rule_words()
    present = {w for w in words if w in sentence}
    candidates: set[int] = set()
    for w in present:
        candidates.update(triggers.get(w, ()))
    for pos, rules in enumerate(_compiled()):
        spans: list[tuple[int, int]] = []
        if pos in candidates:
            for rule in rules.word_rules:
                if all(any(alt in present for alt in group) for group in rule):
                    spans.extend(_match_words(sentence, rule))
        for rx in rules.regexes:
            m = rx.search(sentence)
            if m:
                spans.append(m.span())
        if spans and rules.excludes:
            blocked = [m.span() for rx in rules.excludes for m in rx.finditer(sentence)]
            spans = [s for s in spans if not _overlaps(s, blocked)]
        if spans:
            hits.append((rules.id, tuple(sorted(set(spans)))))
    return tuple(hits)


@lru_cache(maxsize=8192)
def _sentence_figures(sentence: str) -> tuple[Figure, ...]:
    return tuple(extract_figures(sentence))


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences (and clauses after ；) of text."""
    return [m.span() for m in SENTENCE_RE.finditer(text) if m.group().strip()]


def detect_indicators(text: str) -> dict[str, Detection]:
    """Every catalog indicator with whether text covers it, its evidence and figures."""
    found = _detect_present(text)
    return {i: found.get(i) or Detection(i, False) for i in load_catalog()}


def _detect_present(text: str) -> dict[str, Detection]:
    """detect_indicators, for the indicators text covers only (in order of first evidence)."""
    catalog = load_catalog()
    out: dict[str, Detection] = {}
    last: tuple[str, ...] = ()  # indicators of the last sentence with evidence
    gap = 0  # sentences since then
    prev_end = 0
    for start, end in sentences(text):
        sentence = text[start:end]
        hits = _sentence_hits(sentence)
        if "\n" in text[prev_end:start]:
            last = ()  # a new paragraph
        prev_end = end
        if not hits:
            gap += 1
            if last and gap <= CARRY:
                _carry_figures(out, last, sentence, start)
            continue
        last, gap = tuple(i for i, _spans in hits), 0
        figures = _sentence_figures(sentence)
        owners = _clause_owners(sentence, hits) if figures else []
        for ind_id, spans in hits:
            det = out.get(ind_id)
            if det is None:
                det = out[ind_id] = Detection(ind_id, True)
            det.evidence.extend((start + a, start + b) for a, b in spans)
            if not figures:
                continue
            ind = catalog[ind_id]
            fitting = [f for f in figures if ind.fits(f.unit)]
            near = [span for span, who in owners if ind_id in who or not who]
            close = [f for f in fitting if _overlaps((f.start, f.end), near)]
            for f in close or fitting:
                det.figures.append(
                    Figure(f.text, f.value, f.unit, start + f.start, start + f.end, f.approx)
                )
    return out


def _carry_figures(
    out: dict[str, Detection], ids: tuple[str, ...], sentence: str, start: int
) -> None:
    """Figures of a sentence about no indicator, for the indicators of the sentence before
    ("深化行政审批制度改革。全年取消许可事项15项。": the 15项 are 审批 figures)."""
    catalog = load_catalog()
    figures = _sentence_figures(sentence)
    for ind_id in ids:
        ind = catalog[ind_id]
        for f in figures:
            if ind.fits(f.unit):
                out[ind_id].figures.append(
                    Figure(f.text, f.value, f.unit, start + f.start, start + f.end, f.approx)
                )


def first_evidence(text: str) -> dict[str, tuple[int, int]]:
    """For each indicator text covers, its first piece of evidence (detect_indicators'
    evidence[0], without working out figures)."""
    out: dict[str, tuple[int, int]] = {}
    for start, end in sentences(text):
        for ind_id, spans in _sentence_hits(text[start:end]):
            if ind_id not in out:
                out[ind_id] = (start + spans[0][0], start + spans[0][1])
    return out


def evidence_counts(text: str) -> dict[str, int]:
    """For each indicator text covers, how many pieces of evidence it has (what
    detect_indicators would give as len(evidence), without working out figures)."""
    out: dict[str, int] = {}
    for start, end in sentences(text):
        for ind_id, spans in _sentence_hits(text[start:end]):
            out[ind_id] = out.get(ind_id, 0) + len(spans)
    return out


def _clause_owners(
    sentence: str, hits: tuple[tuple[str, tuple[tuple[int, int], ...]], ...]
) -> list[tuple[tuple[int, int], set[str]]]:
    """Each clause of a sentence with the indicators its figures belong to.

    A clause belongs to the indicators with evidence in it; a clause without evidence belongs
    to those of the clause before ("收到…48件，依法受理37件，审结26件" are all 复议 figures).
    """
    out: list[tuple[tuple[int, int], set[str]]] = []
    current: set[str] = set()
    for m in CLAUSE_RE.finditer(sentence):
        span = m.span()
        here = {i for i, spans in hits if _overlaps(span, list(spans))}
        if here:
            current = here
        out.append((span, set(current)))
    return out


def indicators_in(text: str) -> list[str]:
    """Ids of the indicators a passage covers, in catalog order."""
    found = evidence_counts(text)
    return [i for i in load_catalog() if i in found]


def coverage_text(report: Report) -> str:
    """The report's words that count as work reported: all but S2 and S4, headings included."""
    return "\n".join(lead + text for lead, text in _coverage_blocks(report))


def _coverage_blocks(report: Report) -> list[tuple[str, str]]:
    """(run-in lead, text) of every block outside S2 and S4."""
    return [
        (b.lead, b.text)
        for b in report.blocks()
        if b.section not in NOT_COVERAGE and (b.lead or b.text)
    ]


def detect_in_report(report: Report) -> dict[str, Detection]:
    """detect_indicators over the report's coverage text, block by block.

    A run-in heading ("3.开展案卷评查。全年评查行政执法案卷240卷。") names the topic of its
    paragraph: an indicator found in the lead takes the fitting figures of the first sentence
    of the paragraph that has some (and is about no other indicator), when the paragraph gives
    it none of its own.
    """
    catalog = load_catalog()
    out = {i: Detection(i, False) for i in catalog}
    for lead, text in _coverage_blocks(report):
        found = _detect_present(text)
        in_lead = evidence_counts(lead) if lead else {}
        if in_lead:
            for ind_id in catalog:
                if ind_id not in in_lead:
                    continue
                body = found.get(ind_id)
                if body is None:
                    body = found[ind_id] = Detection(ind_id, True)
                if not body.figures:
                    body.figures = _first_fitting(text, catalog[ind_id])
        for ind_id in catalog:  # catalog order, as before
            det = found.get(ind_id)
            if det is not None:
                out[ind_id].present = True
                out[ind_id].figures.extend(det.figures)
    return out


def _first_fitting(text: str, ind: Indicator) -> list[Figure]:
    """Fitting figures of the first sentence that has some, unless that sentence is about
    another indicator ("做好行政复议、行政诉讼工作。…行政诉讼案件18件": not 复议 figures)."""
    for a, b in sentences(text):
        sentence = text[a:b]
        figs = [f for f in _sentence_figures(sentence) if ind.fits(f.unit)]
        if figs:
            others = {i for i, _spans in _sentence_hits(sentence)} - {ind.id}
            return [] if others else figs
    return []


def indicator_statuses(report: Report, kind: str | None = None) -> dict[str, dict]:
    """Status of every catalog indicator in a report.

    {"A1": {"status": "present|no_figure|missing|n/a", "figures": [{"text","value","unit"}],
    "level": "required|recommended"}}; n/a when the draft marks the indicator 不适用.
    Only S1, S3, S5 and the opening count: S2 names shortcomings, S4 plans.
    """
    kind = kind or report.metadata.organ_kind or "gov"
    catalog = load_catalog()
    detections = detect_in_report(report)
    out: dict[str, dict] = {}
    for ind_id, ind in catalog.items():
        det = detections[ind_id]
        state = report.indicators.get(ind_id)
        figures = [f.to_dict() for f in det.figures]
        if state is not None and state.not_applicable:
            status = "n/a"
        elif not det.present:
            status = "missing"
        elif ind.wants_figure and not figures and not (state and state.figures):
            status = "no_figure"
        else:
            status = "present"
        out[ind_id] = {"status": status, "figures": figures, "level": ind.level_for(kind)}
    return out

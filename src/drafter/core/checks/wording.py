"""wording-suspect: near misses of canonical political and legal wording, offline.

The list is data (templates/wording.json), extended by the user's own list
(``wording.json`` in the user data dir) and by a reviewing office's requirements file. A near
miss is a warning naming the canonical form; nothing is changed silently.

Three ways an entry is matched (see the file's "about"):
- long phrases: any run of text one character changed, dropped or added away from the phrase
  (found fast: with one edit, one half of the phrase is still there intact);
- short slogans marked "quoted": the whole of a “…” quotation one edit away;
- "variants": exactly the look-alikes listed (for short terms such as 法治建设/法制建设).
Document titles carry their valid year ranges (《法治政府建设实施纲要（2021—2025年）》).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.errors import DrafterError
from drafter.core.model.model import Report
from drafter.resources import templates_dir

USER_FILE = "wording.json"
MIN_FUZZY = 6  # phrases shorter than this are matched only by variants or as a quotation
_QUOTE = re.compile(r"“([^“”]{2,12})”")
_PHRASE_KEYS = {"canonical", "variants", "quoted", "examples", "why"}
_DASHES = r"[-—–－~～至到]*"


@dataclass(frozen=True)
class Variant:
    text: str
    from_year: int = 0  # flagged in reports of this year or later (0: always)


@dataclass(frozen=True)
class Phrase:
    canonical: str
    variants: tuple[Variant, ...] = ()
    quoted: bool = False


@dataclass(frozen=True)
class Title:
    name: str
    years: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Allowed:
    text: str
    until: int = 0  # allowed in reports up to this year (0: always)


@dataclass
class WordingList:
    phrases: list[Phrase] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    allowed: list[Allowed] = field(default_factory=list)

    def extended(self, phrases: Iterable[Phrase]) -> WordingList:
        known = {p.canonical for p in self.phrases}
        extra = [p for p in phrases if p.canonical not in known]
        return WordingList(self.phrases + extra, list(self.titles), list(self.allowed))


# ----- loading --------------------------------------------------------------------------------


def parse_phrase(entry: object, where: str) -> Phrase:
    """One phrase entry (a string, or an object with "canonical"); DrafterError if malformed."""
    if isinstance(entry, str):
        entry = {"canonical": entry}
    if not isinstance(entry, dict):
        raise DrafterError(where, "每一项应是一个表述（字符串）或含“canonical”的对象")
    unknown = set(entry) - _PHRASE_KEYS
    if unknown:
        raise DrafterError(where, f"不认识的字段“{'、'.join(sorted(unknown))}”")
    canonical = entry.get("canonical")
    if not isinstance(canonical, str) or len(canonical.strip()) < 2:
        raise DrafterError(where, "“canonical”应是至少两个字的规范表述")
    canonical = canonical.strip()
    variants = []
    for v in entry.get("variants", []) or []:
        if isinstance(v, str):
            variants.append(Variant(v.strip()))
        elif isinstance(v, dict) and isinstance(v.get("text"), str):
            year = v.get("from", 0)
            if not isinstance(year, int):
                raise DrafterError(where, f"“{canonical}”的误写“{v['text']}”：from 应是年份")
            variants.append(Variant(v["text"].strip(), year))
        else:
            raise DrafterError(where, f"“{canonical}”的 variants 应是字符串列表")
    if any(len(v.text) < 2 or v.text == canonical for v in variants):
        raise DrafterError(where, f"“{canonical}”的误写应至少两个字且不同于规范表述")
    quoted = bool(entry.get("quoted", False))
    if len(canonical) < MIN_FUZZY and not variants and not quoted:
        raise DrafterError(
            where, f"“{canonical}”太短（少于{MIN_FUZZY}个字）：请列出 variants 或标明 quoted"
        )
    return Phrase(canonical, tuple(variants), quoted)


def parse_phrases(entries: object, where: str) -> list[Phrase]:
    if not isinstance(entries, list):
        raise DrafterError(where, "应是表述的列表")
    return [parse_phrase(e, f"{where} 第{i + 1}项") for i, e in enumerate(entries)]


def _read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise DrafterError(str(path), f"无法读取（{exc.strerror or exc}）") from None
    except ValueError as exc:
        raise DrafterError(str(path), f"不是有效的 JSON（{exc}）") from None
    if not isinstance(data, dict):
        raise DrafterError(str(path), "应是一个 JSON 对象")
    return data


def load_wording(path: Path | None = None) -> WordingList:
    """The shipped list (or the file at ``path`` in the same shape)."""
    path = path or templates_dir() / "wording.json"
    data = _read_json(path)
    out = WordingList(phrases=parse_phrases(data.get("phrases", []), f"{path} phrases"))
    for i, t in enumerate(data.get("titles", [])):
        years = tuple((int(a), int(b)) for a, b in t["years"])
        if not isinstance(t.get("name"), str) or not years:
            raise DrafterError(str(path), f"titles 第{i + 1}项应有 name 和 years")
        out.titles.append(Title(t["name"], years))
    for a in data.get("allowed", []):
        out.allowed.append(Allowed(a["text"], int(a.get("until", 0))))
    return out


def user_wording_path() -> Path:
    from drafter.core.paths import user_data_dir

    return user_data_dir() / USER_FILE


def load_user_phrases(path: Path | None = None) -> list[Phrase]:
    """The user's own additions ({"phrases": [...]}); none if the file does not exist."""
    path = path or user_wording_path()
    if not path.exists():
        return []
    return parse_phrases(_read_json(path).get("phrases", []), f"{path} phrases")


def save_user_phrases(phrases: list[str], path: Path | None = None) -> None:
    """Write the user's additions (one canonical phrase each, long phrases only)."""
    path = path or user_wording_path()
    checked = [parse_phrase(p, f"{path} “{p}”").canonical for p in phrases if p.strip()]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"phrases": checked}, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


# ----- matching -------------------------------------------------------------------------------


def within_one_edit(a: str, b: str) -> bool:
    """True if a and b differ by at most one character changed, dropped or added."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def fuzzy_spans(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """Spans of text exactly one edit away from phrase (not the phrase itself)."""
    n = len(phrase)
    half = n // 2
    left, right = phrase[:half], phrase[half:]
    starts: set[int] = set()
    i = text.find(left)
    while i != -1:
        starts.add(i)
        i = text.find(left, i + 1)
    ends: set[int] = set()
    j = text.find(right)
    while j != -1:
        ends.add(j + len(right))
        j = text.find(right, j + 1)
    seen: set[tuple[int, int]] = set()
    for s in starts:
        for length in (n - 1, n, n + 1):
            seen.add((s, s + length))
    for e in ends:
        for length in (n - 1, n, n + 1):
            seen.add((e - length, e))
    exact = [(m, m + n) for m in _all(text, phrase)]
    for a, b in sorted(seen):
        if a < 0 or b > len(text):
            continue
        cand = text[a:b]
        if cand == phrase or not within_one_edit(cand, phrase):
            continue
        if any(a < xe and xs < b for xs, xe in exact):
            continue  # a shifted window over the phrase written correctly
        if re.search(r"[\s，。；：、,;:]", cand):
            continue
        yield a, b


def _all(text: str, s: str) -> Iterator[int]:
    i = text.find(s)
    while i != -1:
        yield i
        i = text.find(s, i + 1)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    found: str
    canonical: str


def find_suspects(text: str, wording: WordingList, year: int = 0) -> list[Hit]:
    """Every near miss in text, longest canonical first where two overlap."""
    hits: list[Hit] = []
    quoted_ok = {p.canonical for p in wording.phrases if p.quoted}
    for p in wording.phrases:
        for v in p.variants:
            if v.from_year and year and year < v.from_year:
                continue
            for i in _all(text, v.text):
                hits.append(Hit(i, i + len(v.text), v.text, p.canonical))
        if p.quoted:
            for m in _QUOTE.finditer(text):
                inner = m.group(1)
                if inner not in quoted_ok and within_one_edit(inner, p.canonical):
                    hits.append(Hit(m.start(1), m.end(1), inner, p.canonical))
        elif len(p.canonical) >= MIN_FUZZY:
            for a, b in fuzzy_spans(text, p.canonical):
                hits.append(Hit(a, b, text[a:b], p.canonical))
    hits += _title_hits(text, wording.titles)
    allowed = [
        (i, i + len(a.text))
        for a in wording.allowed
        if not (a.until and year and year > a.until)
        for i in _all(text, a.text)
    ]
    hits.sort(key=lambda h: (-len(h.canonical), h.start))
    kept: list[Hit] = []
    for h in hits:
        if any(h.start < e and s < h.end for s, e in allowed):
            continue
        if any(h.start < k.end and k.start < h.end for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


def _title_hits(text: str, titles: list[Title]) -> Iterator[Hit]:
    for t in titles:
        if t.name not in text:
            continue
        rx = re.compile(
            re.escape(t.name) + rf"\s*[（(]\s*((?:19|20)\d{{2}})\s*年?\s*{_DASHES}\s*"
            rf"((?:19|20)\d{{2}})\s*年?\s*[）)]"
        )
        for m in rx.finditer(text):
            got = (int(m.group(1)), int(m.group(2)))
            if got in t.years:
                continue
            a, b = min(t.years, key=lambda y: abs(y[0] - got[0]) + abs(y[1] - got[1]))
            yield Hit(m.start(), m.end(), m.group(0), f"{t.name}（{a}—{b}年）")


# ----- the check ------------------------------------------------------------------------------


def check_wording(report: Report, wording: WordingList) -> Iterator[Finding]:
    year = report.metadata.year
    texts = [("标题", report.metadata.title)] if report.metadata.title else []
    for _label, text in texts:
        for h in find_suspects(text, wording, year):
            yield _finding(h, {})
    for unit in text_units(report):
        if not unit.text:
            continue
        for h in find_suspects(unit.text, wording, year):
            yield _finding(h, unit.location(h.start, h.end))


def _finding(h: Hit, loc: dict) -> Finding:
    return Finding(
        "wording-suspect",
        "warning",
        f"“{h.found}”疑似规范表述“{h.canonical}”的误写。",
        f"核对原文，规范表述为“{h.canonical}”；确属正确用法的可不改。",
        **loc,
    )


def default_wording() -> WordingList:
    """The shipped list extended with the user's own additions."""
    return _shipped().extended(load_user_phrases())


@cache
def _shipped() -> WordingList:
    return load_wording()

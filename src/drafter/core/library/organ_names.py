"""Every form in which a report names its own organ, so that a template made from it holds
none of them.

A report calls itself by its full name (津南区政务服务办), by the name without its place
(区政务服务办, 政务服务办), by an abbreviation it coins (韶关市武江区政务服务数据管理局 →
区政数局), and as 我办 / 本办. The names become the organ blank; 我办 / 本办 (我局, 我委…)
become the neutral 我单位 / 本单位, which reads right in any department's report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_CJK = r"\u4e00-\u9fff"
# A leading place: at least two characters, then an administrative suffix.
_PLACE_SEGMENT = re.compile(
    rf"[{_CJK}]{{2,}}?(?:自治州|自治县|高新区|开发区|新区|省|市|区|县|镇|乡|旗)"
)
_NOT_IN_PLACE = set("和与及的")  # 住房和城乡建设局 does not start with a place
# What is left of an organ's name after its place that is a kind of organ, not a name.
GENERIC_RESTS = frozenset("人民政府 政府 管委会 管理委员会 人民政府办公室 委员会".split())
MIN_REST = 3
# Self references by the organ's last word; not when a longer word goes on (本办法, 我办理).
_SELF_SUFFIXES = ("中心", "局", "办", "委", "厅")
_NOT_AFTER = {"办": "法公理事结件", "委": "员托", "局": "面势限部长", "厅": "长", "中心": "城"}
NEUTRAL = {"我": "我单位", "本": "本单位"}
MAX_ABBREVIATION = 8


@dataclass(frozen=True)
class OrganForms:
    names: tuple[str, ...]  # longest first; each becomes the organ blank
    self_refs: dict[str, str] = field(default_factory=dict)  # regex → neutral form

    def neutralise(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, replacement) of every self reference in a text."""
        out = []
        for pattern, neutral in self.self_refs.items():
            out.extend((m.start(), m.end(), neutral) for m in re.finditer(pattern, text))
        return out


def split_place(organ: str) -> tuple[list[str], str]:
    """(leading place segments, the rest): 韶关市武江区政务服务数据管理局 →
    (["韶关市", "武江区"], "政务服务数据管理局")."""
    places, rest = [], organ.strip()
    while True:
        m = _PLACE_SEGMENT.match(rest)
        if not m or _NOT_IN_PLACE & set(m.group()) or len(rest) - m.end() < 2:
            if m and not (_NOT_IN_PLACE & set(m.group())) and m.end() == len(rest):
                places.append(m.group())  # the organ is a place itself (静海区)
                rest = ""
            return places, rest
        places.append(m.group())
        rest = rest[m.end() :]


def _short_forms(organ: str) -> list[str]:
    places, rest = split_place(organ)
    out = []
    if not rest or rest in GENERIC_RESTS:
        return out
    for i in range(1, len(places)):  # 武江区政务服务数据管理局
        out.append("".join(places[i:]) + rest)
    if places:
        last = places[-1]
        level = next((s for s in ("高新区", "开发区", "新区") if last.endswith(s)), last[-1])
        out.append(level + rest)  # 区政务服务办
    if len(rest) >= MIN_REST:
        out.append(rest)  # 政务服务办
    return out


def _is_subsequence(part: str, whole: str) -> bool:
    it = iter(whole)
    return all(c in it for c in part)


def _abbreviations(organ: str, text: str) -> set[str]:
    """Abbreviations the report coins for itself: its level, then characters of the name in
    order, then its last character (区政数局 for …区政务服务数据管理局)."""
    places, rest = split_place(organ)
    if not rest or rest in GENERIC_RESTS or not places:
        return set()
    suffix, middle_of = rest[-1], rest[:-1]
    level = places[-1][-1]  # its own level only: 市政务服务办 is a district office's superior
    found = set()
    for m in re.finditer(re.escape(suffix), text):
        end = m.end()
        for start in range(end - 4, max(-1, end - MAX_ABBREVIATION - 1), -1):
            cand = text[start:end]
            if not re.fullmatch(rf"[{_CJK}]+", cand):
                break
            if cand[0] == level and _is_subsequence(cand[1:-1], middle_of):
                found.add(cand)
                break
    return found


def organ_forms(organ: str, text: str = "", others: tuple[str, ...] = ()) -> OrganForms:
    """The names (and self references) of an organ, learnt from its name and, given the
    report's text, the abbreviations it uses. ``others``: further full names (落款)."""
    names: set[str] = set()
    for name in (organ, *others):
        name = name.strip()
        if not name:
            continue
        names.add(name)
        names.update(_short_forms(name))
        if text:
            names.update(_abbreviations(name, text))
    self_refs = {}
    base = organ.strip()
    suffix = next((s for s in _SELF_SUFFIXES if base.endswith(s)), None)
    if suffix and split_place(base)[1] not in GENERIC_RESTS:
        for lead, neutral in NEUTRAL.items():
            after = _NOT_AFTER.get(suffix, "")
            pattern = re.escape(lead + suffix) + (f"(?![{after}])" if after else "")
            self_refs[pattern] = neutral
    return OrganForms(tuple(sorted(names, key=len, reverse=True)), self_refs)

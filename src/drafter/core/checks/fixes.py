"""The repairs for what the convention checks find, as pure functions of a text.

Each returns the (start, end, replacement) triples that put one kind of problem right and
leaves alone what it must not touch: URLs, e-mail addresses, numbers (1.5, 3:2, 1,000),
《》 titles written in Latin letters and 文号 brackets 〔〕. A case the rules cannot decide
(an ABAB word that may be meant, a 文号 numbered 0) gets no repair: its finding stays for the
clerk. The word lists that are data live in templates/fix_rules.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache

from drafter.core.model.punctuation import CJK, HALF_BRACKET, HALF_PUNCT
from drafter.resources import template_path

Triple = tuple[int, int, str]

FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。", "(": "（", ")": "）"}

_URL = re.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#@$&'*+=%]+", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_TITLE = re.compile(r"《([^《》]*)》")
_DOC_BRACKET = re.compile(r"〔[^〔〕]*〕")
_IN_NUMBER = re.compile(r"(?<=\d)[.,:](?=\d)")
_HAS_CJK = re.compile(f"[{CJK}]")


@cache
def _rules() -> dict:
    return json.loads(template_path("fix_rules.json").read_text(encoding="utf-8"))


def protected(text: str) -> list[bool]:
    """For each character: may a punctuation repair not touch it?"""
    mask = [False] * len(text)

    def cover(a: int, b: int) -> None:
        for i in range(a, b):
            mask[i] = True

    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".:?!#'":  # a full stop after a URL
            end -= 1
        cover(m.start(), end)
    for rx in (_EMAIL, _DOC_BRACKET, _IN_NUMBER):
        for m in rx.finditer(text):
            cover(*m.span())
    for m in _TITLE.finditer(text):
        if m.group(1) and not _HAS_CJK.search(m.group(1)):
            cover(m.start(1), m.end(1))
    return mask


def _to_fixpoint(text: str, hits: Callable[[str], set[int]]) -> list[Triple]:
    """Make full-width every unprotected position ``hits`` names, again on the result (a
    mark made full-width can make its neighbour count as beside Chinese text), until none is
    left; one-character triples for the positions that changed."""
    mask = protected(text)
    chars = list(text)
    for _ in range(len(text) + 1):
        current = "".join(chars)
        todo = [i for i in hits(current) if not mask[i] and chars[i] in FULL]
        if not todo:
            break
        for i in todo:
            chars[i] = FULL[chars[i]]
    return [(i, i + 1, c) for i, c in enumerate(chars) if c != text[i]]


def punct_fixes(text: str) -> list[Triple]:
    """, ; : ? ! . beside Chinese text → ，；：？！。"""
    return _to_fixpoint(text, lambda t: {m.start() for m in HALF_PUNCT.finditer(t)})


_ORDINAL = re.compile(r"^\s*(\()\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*(\))")


def _bracket_hits(text: str) -> set[int]:
    """Half-width round brackets beside Chinese text, each with the bracket it pairs with
    (so "(2021)" after Chinese text becomes "（2021）", not "（2021)"), and a heading's
    ordinal "(一)" / "(1)" at the start."""
    hits = {m.start() for m in HALF_BRACKET.finditer(text)}
    m = _ORDINAL.match(text)
    if m:
        hits |= {m.start(1), m.start(2)}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            opener = stack.pop()
            if opener in hits or i in hits:
                hits |= {opener, i}
    return hits


def bracket_fixes(text: str) -> list[Triple]:
    """( ) beside Chinese text → （ ）, in pairs."""
    return _to_fixpoint(text, _bracket_hits)


def space_fix(text: str, start: int, end: int) -> list[Triple]:
    """A stray space run inside Chinese text goes. The checker flags only spaces before
    Chinese text, Chinese punctuation or a figure, never one before a Latin word."""
    return [(start, end, "")]


def doc_number_fix(m: re.Match) -> list[Triple]:
    """发文字号 in GB/T 9704 form: 〔年份〕, no space, no 第, no leading zero ("3号").
    The organ's code before the bracket stays as written; a number 0 is left alone."""
    number = int(m.group("num"))
    if number == 0:
        return []
    start = m.start("s1")
    new = f"〔{m.group('year')}〕{number}号"
    return [] if m.string[start : m.end()] == new else [(start, m.end(), new)]


_ZERO = re.compile(r"((?:19|20)\d{2}年)0([1-9])月|(?<=月)0([1-9])日")


def zero_date_fixes(text: str) -> list[Triple]:
    """ "2021年03月05日" → "2021年3月5日" ("年00月" is left alone)."""
    out = []
    for m in _ZERO.finditer(text):
        if m.group(2):
            a = m.end(1)
            out.append((a, a + 2, m.group(2)))
        else:
            out.append((m.start(), m.start() + 2, m.group(3)))
    return out


def repeat_fix(text: str, m: re.Match) -> list[Triple]:
    """ "全力推进全力推进" → "全力推进": every copy after the first goes. Two-character
    words that are doubled on purpose ("研究研究") are left to the clerk."""
    word = m.group(1)
    if len(word) == 2 and word in _rules()["doubled_on_purpose"]:
        return []
    end = m.end()
    while text.startswith(word, end):
        end += len(word)
    return [(m.start() + len(word), end, "")]


YEAR_RANGE = re.compile(
    r"(?<![\d\-–./:])((?:19|20)\d{2})[ ]*[-–][ ]*((?:19|20)\d{2})(?![\d\-–./:])"
)


def year_ranges(text: str) -> list[tuple[re.Match, list[Triple]]]:
    """ "2015-2020" meaning a span of years in Chinese text, each with its repair to
    "2015—2020" (GB/T 15834: 一字线 between the years). A pair of years not ascending, or
    not beside Chinese text ("ISO 2015-2020"), is not a year range."""
    mask = protected(text)
    out = []
    for m in YEAR_RANGE.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if not first < last <= first + 50 or mask[m.start()]:
            continue
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        beside = (before and (_HAS_CJK.match(before) or before in "（《“")) or (
            after and (_HAS_CJK.match(after) or after in "）")
        )
        if not beside:
            continue
        out.append((m, [(m.start(), m.end(), f"{m.group(1)}—{m.group(2)}")]))
    return out

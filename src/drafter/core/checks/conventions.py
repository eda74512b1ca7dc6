"""Writing conventions: 发文字号, 成文日期, heading numbering, half-width punctuation and
brackets, unbalanced quotes and brackets, words repeated back to back, stray spaces, years that
contradict the report year, unfilled blanks, page debris,
and paragraphs still word for word last year's.

Checks on body text read the paragraphs as imported (the importer keeps their wording as
written). Heading numbers are not kept in the model (it computes them): numbering is checked on
the source's raw paragraphs (checks/numbering.py) when the report came from a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from drafter.core.checks.finding import Finding
from drafter.core.checks.numbering import check_numbering
from drafter.core.checks.units import TextUnit, text_units
from drafter.core.model.blanks import find_blanks
from drafter.core.model.indicators import sentences
from drafter.core.model.model import Report
from drafter.core.model.punctuation import CJK, CN_PUNCT, HALF_BRACKET, HALF_PUNCT, HALF_QUOTE
from drafter.core.reading.outline import is_debris

# ----- 发文字号 ------------------------------------------------------------------------

DOC_NUMBER_RE = re.compile(
    rf"[{CJK}]{{1,12}}(?P<s1>[ \u3000]*)(?P<open>[〔\[［(（【{{｛])[ \u3000]*(?P<year>(?:19|20)\d{{2}})"
    rf"[ \u3000]*(?P<close>[〕\]］)）】}}｝])(?P<s2>[ \u3000]*)(?P<di>第?)[ \u3000]*(?P<num>\d{{1,5}})"
    rf"(?P<s3>[ \u3000]*)号"
)


def doc_number_problems(m: re.Match) -> list[tuple[str, str]]:
    """(code, message) for each way a 发文字号 departs from GB/T 9704 ("渭高新字〔2021〕1号")."""
    out = []
    if m.group("open") != "〔" or m.group("close") != "〕":
        out.append(("doc-number-bracket", "年份应使用六角括号“〔〕”"))
    if m.group("di"):
        out.append(("doc-number-di", "序号前不加“第”"))
    if m.group("num").startswith("0"):
        out.append(("doc-number-zero", "序号不编虚位（不写成“01”）"))
    if m.group("s1") or m.group("s2") or m.group("s3") or re.search(r"\s", m.group(0)):
        out.append(("doc-number-space", "文号中不应有空格（如“3 号”应为“3号”）"))
    return out


def _doc_numbers(unit: TextUnit) -> Iterator[Finding]:
    if "号" not in unit.text:  # every 发文字号 ends with it: skip the slow search
        return
    for m in DOC_NUMBER_RE.finditer(unit.text):
        for code, why in doc_number_problems(m):
            yield Finding(
                code,
                "warning",
                f"发文字号“{m.group(0)}”不规范：{why}。",
                "发文字号写作“机关代字〔年份〕序号号”，如“津南政发〔2021〕4号”。",
                **unit.location(*m.span()),
            )


# ----- punctuation, brackets, quotes, spaces, repeats -------------------------------------

PAIRS = {"“": "”", "‘": "’", "（": "）", "(": ")", "《": "》", "【": "】", "〔": "〕"}
CLOSERS = {v: k for k, v in PAIRS.items()}
SAME_KIND = {"(": "（", ")": "）"}  # half- and full-width round brackets pair with each other
_BRACKET_CHAR = re.compile("[" + re.escape("".join(PAIRS) + "".join(CLOSERS)) + "]")
_REPEAT = re.compile(rf"([{CJK}]{{2,8}})\1")
_SPACE = re.compile(
    rf"(?<=[{CJK}{CN_PUNCT},;:])[ \u3000\u00a0]+(?=[{CJK}{CN_PUNCT},;:\d])"
    rf"|(?<=\d)[ \u3000\u00a0]+(?=[{CJK}])"
)
_QUOTED = re.compile(r"“[^“”]{0,40}”")
_LIST_MARKER = re.compile(r"(?:^|[\s，。；：、,;:])[0-9a-zA-Z一二三四五六七八九十]{1,2}[）)]$")


def _half_width(unit: TextUnit) -> Iterator[Finding]:
    for code, rx, what, hint in (
        ("halfwidth-punct", HALF_PUNCT, "半角标点", "中文正文使用全角标点（，；：。？！）。"),
        ("halfwidth-bracket", HALF_BRACKET, "半角括号", "中文正文使用全角括号“（）”。"),
        ("halfwidth-quote", HALF_QUOTE, "半角引号", "中文正文使用全角引号“”。"),
    ):
        hits = list(rx.finditer(unit.text))
        if not hits:
            continue
        marks = "".join(dict.fromkeys(h.group(0) for h in hits))
        first = hits[0]
        yield Finding(
            code,
            "warning",
            f"中文中夹有{what}“{marks}”，共 {len(hits)} 处。",
            hint,
            **unit.location(*first.span()),
        )


def _unbalanced(unit: TextUnit) -> Iterator[Finding]:
    stack: list[tuple[str, int]] = []
    bad: tuple[str, int] | None = None
    for m in _BRACKET_CHAR.finditer(unit.text):  # the other characters play no part
        i, ch = m.start(), m.group()
        if ch in PAIRS:
            stack.append((SAME_KIND.get(ch, ch), i))
        elif ch in CLOSERS:
            if ch in "）)" and _LIST_MARKER.search(unit.text[max(0, i - 4) : i + 1]):
                continue  # "1)" / "a）" numbering a list item
            opener = SAME_KIND.get(CLOSERS[ch], CLOSERS[ch])
            if stack and stack[-1][0] == opener:
                stack.pop()
            elif any(o == opener for o, _ in stack):
                while stack and stack[-1][0] != opener:
                    unclosed = stack.pop()
                    bad = bad or unclosed
                stack.pop()
            else:
                bad = bad or (ch, i)
    bad = bad or (stack[0] if stack else None)
    if bad is None:
        return
    mark, pos = bad
    quote = mark in "“”‘’"
    yield Finding(
        "quote-unbalanced" if quote else "bracket-unbalanced",
        "warning",
        f"{'引号' if quote else '括号'}不成对：“{unit.text[pos]}”没有对应的另一半。",
        "补上缺少的一半或删去多余的一个。",
        **unit.location(pos, pos + 1),
    )


def _repeats(unit: TextUnit) -> Iterator[Finding]:
    for m in _REPEAT.finditer(unit.text):
        word = m.group(1)
        if len(set(word)) == 1:
            continue
        yield Finding(
            "repeated-words",
            "warning",
            f"“{word}”连续重复了两次（“{m.group(0)}”）。",
            f"删去多余的“{word}”。",
            **unit.location(*m.span()),
        )


def _byline(text: str) -> bool:
    """A short line with no sentence punctuation: a title, a by-line, a signature."""
    return len(text) <= 30 and not re.search(r"[，。；,;]", text)


def _spaces(unit: TextUnit) -> Iterator[Finding]:
    if _byline(unit.text):
        return
    shielded = [m.span() for m in _QUOTED.finditer(unit.text)]
    if "号" in unit.text:
        shielded += [m.span() for m in DOC_NUMBER_RE.finditer(unit.text)]
    for m in _SPACE.finditer(unit.text):
        if any(a <= m.start() < b for a, b in shielded):
            continue
        around = unit.text[max(0, m.start() - 6) : m.end() + 6]
        yield Finding(
            "stray-space",
            "warning",
            f"中文中有多余的空格：“{around}”。",
            "删去空格。",
            **unit.location(*m.span()),
        )


# ----- years and dates ---------------------------------------------------------------

_SENT_YEAR = re.compile(
    r"^\s*(?:[一二三四五六七八九十]是)?((?:19|20)\d{2})\s*年(?:度)?(?:全年)?[，,]"
)
_OPENING_YEAR = re.compile(r"现将(?:我\S{0,6})?((?:19|20)\d{2})\s*年")
_YEAR_IN_HEADING = re.compile(r"((?:19|20)\d{2})\s*年")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-—–－~～至到]\s*(?:19|20)\d{2}")
_ZERO_DATE = re.compile(r"(?:19|20)\d{2}年0\d月|(?<=月)0\d日")


def _years(report: Report, unit: TextUnit) -> Iterator[Finding]:
    year = report.metadata.year
    if not year:
        return
    text = unit.text
    if unit.section is None:
        m = _OPENING_YEAR.search(text)
        if m and int(m.group(1)) != year:
            yield _year_finding(unit, m, year, "开头所说的报告年度")
        return
    if unit.section == "S4" and unit.is_heading:
        for m in _YEAR_IN_HEADING.finditer(text):
            if int(m.group(1)) <= year and not _RANGE.search(text):
                yield _year_finding(unit, m, year + 1, "下一年度安排的年份")
        return
    if unit.section not in ("S1", "S3", "S4"):
        return
    # S1/S3 report the year's work ("2020年，" in a 2021 report is last year's sentence);
    # S4 plans the next year (a sentence opening on the report year or before is stale).
    plans = unit.section == "S4"
    for a, b in sentences(text):
        m = _SENT_YEAR.match(text[a:b])
        if not m:
            continue
        y = int(m.group(1))
        if (plans and y <= year) or (not plans and (y < year or y > year + 1)):
            yield _year_finding(unit, m, year + 1 if plans else year, "句首年份", offset=a)


def _year_finding(
    unit: TextUnit, m: re.Match, expected: int, what: str, offset: int = 0
) -> Finding:
    found = m.group(1)
    return Finding(
        "year-mismatch",
        "warning",
        f"{what}“{found}年”与报告年度不符（应为{expected}年）。",
        "核对年份；从去年报告改写的段落尤其要检查。",
        **unit.location(offset + m.start(1), offset + m.end(1)),
    )


def _dates(report: Report) -> Iterator[Finding]:
    meta = report.metadata
    if meta.date:
        try:
            d = date.fromisoformat(meta.date)
        except ValueError:
            yield Finding(
                "date-invalid",
                "warning",
                f"成文日期“{meta.date}”不是有效日期。",
                "成文日期写作“2022年2月11日”。",
            )
            return
        if meta.year and d.year not in (meta.year, meta.year + 1):
            yield Finding(
                "date-year",
                "warning",
                f"成文日期{d.year}年{d.month}月{d.day}日与{meta.year}年度报告不符。",
                "年度报告一般在次年初成文，核对成文日期。",
            )


# ----- the family ----------------------------------------------------------------------------


def check_conventions(
    report: Report, source_lines: list[str] | None = None, debris: list[str] | None = None
) -> Iterator[Finding]:
    meta = report.metadata
    if meta.doc_number:
        for m in DOC_NUMBER_RE.finditer(meta.doc_number):
            for code, why in doc_number_problems(m):
                yield Finding(
                    code,
                    "warning",
                    f"发文字号“{meta.doc_number}”不规范：{why}。",
                    "发文字号写作“机关代字〔年份〕序号号”，如“渭高新字〔2021〕1号”。",
                )
    yield from _dates(report)
    for label, value in (
        ("标题", meta.title),
        ("主送机关", meta.recipient),
        ("落款", meta.signature),
    ):
        for _a, _b, blank in find_blanks(value):
            yield Finding(
                "blank-unfilled",
                "error",
                f"{label}中还有未填的空“【填：{blank}】”。",
                "填写后再送审。",
            )
    for unit in text_units(report):
        text = unit.text
        if not text:
            continue
        for a, b, label in find_blanks(text):
            yield Finding(
                "blank-unfilled",
                "error",
                f"还有未填的空“【填：{label}】”。",
                "填写或删去这个空。",
                **unit.location(a, b),
            )
        yield from _doc_numbers(unit)
        yield from _half_width(unit)
        yield from _unbalanced(unit)
        yield from _repeats(unit)
        yield from _spaces(unit)
        yield from _years(report, unit)
        if _ZERO_DATE.search(text):
            m = _ZERO_DATE.search(text)
            yield Finding(
                "date-zero-padding",
                "warning",
                f"日期中的月、日不应补零：“{m.group(0)}”。",
                "写作“2022年2月11日”。",
                **unit.location(*m.span()),
            )
        if not unit.is_heading and len(text) <= 80 and is_debris(text):
            yield Finding(
                "web-debris",
                "warning",
                f"从网页带来的多余文字：“{text[:30]}”。",
                "删去网页上的栏目、来源、时间等文字，只保留报告正文。",
                **unit.location(0, len(text)),
            )
        p = unit.paragraph
        if p is not None and unit.spans and p.unchanged_from_last_year and p.text.strip():
            stale = [f for f in dict.fromkeys(p.stale_figures) if f in p.text]
            figs = "、".join(f"“{f}”" for f in stale[:5])
            last = report.last_year.year if report.last_year and report.last_year.year else ""
            yield Finding(
                "paragraph-unchanged",
                "warning",
                "这一段与去年报告一字未改"
                + (f"，其中数字{figs}仍是{last or '去'}年报告的数值。" if stale else "。"),
                "按本年度的工作改写，更新其中的数字和事例。",
                **unit.location(),
            )
    if title_year := _YEAR_IN_HEADING.search(meta.title or ""):
        if meta.year and int(title_year.group(1)) != meta.year and not _RANGE.search(meta.title):
            yield Finding(
                "year-mismatch",
                "warning",
                f"标题中的年份“{title_year.group(1)}年”与报告年度{meta.year}年不符。",
                "核对标题中的年份。",
            )
    for line in debris or []:
        yield Finding(
            "web-debris",
            "warning",
            f"从网页带来的多余文字：“{line[:30]}”。",
            "删去网页上的栏目、来源、时间等文字，只保留报告正文。",
        )
    if source_lines:
        yield from check_numbering(source_lines)

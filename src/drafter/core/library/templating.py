"""Passages as fill-in templates: years, dates, figures, document numbers, organ and place
names and people's names become blanks in the one convention of core/model/blanks.py.

A clerk inserting a phrase from another organ's report must never carry over that organ's
name or figures by accident: everything specific becomes "【填：…】". Years are labelled
relative to the source's report year ("【填：年份】" for the report year, "【填：上一年份】",
"【填：下一年份】"), so :func:`fill_years` can fill them for the clerk's own year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from jinja2 import FileSystemLoader, TemplateError, TemplateNotFound, Undefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from drafter.core.errors import DrafterError
from drafter.core.library.organ_names import OrganForms
from drafter.core.model import tokenizer
from drafter.core.model.blanks import blank, fill, find_blanks
from drafter.core.model.figures import extract_figures
from drafter.core.model.punctuation import to_fullwidth
from drafter.resources import template_path

# Blank labels (the GUI and the checker read them as plain labels).
YEAR = "年份"
LAST_YEAR = "上一年份"
NEXT_YEAR = "下一年份"
OTHER_YEAR = "其他年份"
DATE = "日期"
NUMBER = "数字"
PERCENT = "百分比"
DOC_NUMBER = "文号"
ORGAN = "单位名称"
PLACE = "地名"
PERSON = "姓名"

# Fixed national terms that carry digits but are the same for every organ.
FIXED_TERMS = ("12345", "4·15", "4.15", "12·4", "12.4")

# Names that are national, never another organ's: never blanked.
NATIONAL = frozenset(
    "中国 中华人民共和国 全国 中央 党中央 国务院 中共中央 国家 习近平 人民政府 人民法院".split()
)
PROVINCES = frozenset(
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 "
    "湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆".split()
)
_ADMIN_SUFFIX = "省市区县镇乡村州旗"
# Words ending like a place name that are generic, not a place.
_GENERIC_PLACES = frozenset(
    "高新区 开发区 城区 市区 郊区 社区 小区 园区 景区 片区 辖区 镇街 乡镇 城市 城镇 农村 "
    "全市 全区 全县 全省 本市 本区 本县 我市 我区 我县 各区 各市 各县 市县 区县 "
    "省市 市区县 各乡镇 示范区 试验区 自贸区 新区 城乡 直辖市 地级市 县级市 街镇 乡村 "
    "服务区 功能区 老城区 主城区 中心城区 生态区".split()
)
_NOT_PLACE_START = set("各全本我该辖每此其城市郊社小园景片中上下本省县区乡镇村")

# --- patterns --------------------------------------------------------------------------
_CJK = r"\u4e00-\u9fff"
_DOC_NUMBER_RE = re.compile(
    rf"[{_CJK}]{{1,8}}\s*[〔\[［【(（]\s*(?:19|20)\d{{2}}\s*[〕\]］】)）]\s*第?\s*\d+\s*号"
)
_SIGNER_RE = re.compile(rf"(签发人\s*[:：]\s*)([{_CJK}]{{2,4}})")
_TITLE_NAME_RE = re.compile(
    rf"((?:书记|局长|主任|区长|市长|县长|镇长|处长|科长|主席|专家|教授)[、，]?\s*)([{_CJK}]{{2,3}})(?=博士|教授|同志|律师|\s*$|\s*[\n(（])"
)
_YEAR_Y = r"(?:19[4-9]\d|20\d{2})"
_DATE_RE = re.compile(
    rf"(?<!\d){_YEAR_Y}\s*[年/.\-]\s*\d{{1,2}}\s*[月/.\-]\s*\d{{1,2}}\s*日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
    rf"|(?<![\d.])\d{{1,2}}\s*月\s*\d{{1,2}}\s*日"
    rf"|(?<!\d){_YEAR_Y}\s*年\s*\d{{1,2}}\s*月(?!\d)"
)
_YEAR_RE = re.compile(
    rf"(?<![\d.]){_YEAR_Y}(?=\s*(?:年|版|[-—–－~～至到]|[)）]|\s*$))|(?<=[-—–－~～至到]){_YEAR_Y}(?!\d)"
)
_MONTH_RE = re.compile(r"(?<![\d.])\d{1,2}(?=\s*月)")
_PROVINCE_RE = re.compile("|".join(sorted(PROVINCES, key=len, reverse=True)))
_DIGIT_RE = re.compile(r"[0-9０-９]")
_LEFTOVER_RE = re.compile(
    "(" + "|".join(map(re.escape, FIXED_TERMS)) + r")|[0-9０-９]+(?:[.．][0-9０-９]+)*"
)


def organ_variants(organ_names: Iterable[str]) -> list[str]:
    """An organ's name and the place names inside it (韶关市武江区… → 韶关, 武江).

    Place names are kept without their 市/区/县 suffix, which stays in the text: a place
    blank is always a bare name ("【填：地名】区委"), so any place fills any place blank."""
    out: list[str] = []
    for name in organ_names:
        name = name.strip()
        if not name:
            continue
        out.append(name)
        for m in re.finditer(rf"([{_CJK}]{{2,}}?)(高新区|开发区|新区|省|市|区|县|镇|乡)", name):
            stem = m.group(1)
            if m.group(0) not in _GENERIC_PLACES and stem not in NATIONAL:
                out.append(stem)
    # Longest first, so a name is replaced before its parts.
    return sorted(set(out), key=len, reverse=True)


def _is_place(word: str, flag: str, next_word: str) -> bool:
    if word in NATIONAL or word in _GENERIC_PLACES or len(word) < 2:
        return False
    if word in tokenizer.domain_terms() or "法治" in word or "依法" in word or "城市" in word:
        return False
    if word in PROVINCES or word.rstrip("省市") in PROVINCES:
        return True
    if word[0] in _NOT_PLACE_START:
        return False
    if len(word) >= 3 and word[-1] in _ADMIN_SUFFIX:
        return flag == "ns" or "ns" in (
            tokenizer.dictionary_pos(word[:-1]),
            tokenizer.dictionary_pos(word[:-2]),
        )
    return (
        flag == "ns"
        and bool(next_word)
        and (next_word[0] in _ADMIN_SUFFIX or next_word.startswith("高新"))
    )


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans never blanked: fixed national terms and the domain dictionary's terms."""
    spans = []
    for term in FIXED_TERMS:
        start = text.find(term)
        while start >= 0:
            spans.append((start, start + len(term)))
            start = text.find(term, start + len(term))
    return spans


def _figure_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for every figure: "48件" → "【填：数字】件", "99.4%" →
    "【填：百分比】" (the unit stays, the number and 余/近/万 go)."""
    out = []
    for f in extract_figures(text):
        rep = blank(PERCENT) if f.unit == "%" else blank(NUMBER) + f.unit
        out.append((f.start, f.end, rep))
    return out


def year_label(year: int, report_year: int | None) -> str:
    if report_year:
        d = year - report_year
        if d == 0:
            return YEAR
        if d == -1:
            return LAST_YEAR
        if d == 1:
            return NEXT_YEAR
        return OTHER_YEAR
    return YEAR


class _Spans:
    """Non-overlapping replacement spans; the first claim on a character wins."""

    def __init__(self, text: str):
        self.text = text
        self.taken = bytearray(len(text))
        self.items: list[tuple[int, int, str]] = []

    def claim(self, start: int, end: int, replacement: str | None) -> bool:
        if start >= end or any(self.taken[start:end]):
            return False
        self.taken[start:end] = b"\x01" * (end - start)
        if replacement is not None:
            self.items.append((start, end, replacement))
        return True

    def render(self) -> str:
        out, pos = [], 0
        for start, end, rep in sorted(self.items):
            out.append(self.text[pos:start])
            out.append(rep)
            pos = end
        out.append(self.text[pos:])
        return "".join(out)


def make_template(
    text: str,
    organ_names: Iterable[str] = (),
    report_year: int | None = None,
    places: Iterable[str] = (),
    self_refs: OrganForms | None = None,
) -> str:
    """The text with everything organ-specific turned into "【填：…】" blanks.

    organ_names: the source organ's name(s) (their place parts are blanked too);
    report_year: the source's report year (years are labelled relative to it);
    places: further place names known to the caller (e.g. learnt from the whole library);
    self_refs: the organ's forms (core/organ_names.py): 我办 / 本办 become 我单位 / 本单位.
    """
    spans = _Spans(text)
    for start, end in _protected_spans(text):
        spans.claim(start, end, None)
    for m in _DOC_NUMBER_RE.finditer(text):
        spans.claim(m.start(), m.end(), blank(DOC_NUMBER))
    names = organ_variants(organ_names)
    organ_full = set(n for n in names if n in set(organ_names))
    for name in [*names, *sorted(set(places), key=len, reverse=True)]:
        label = ORGAN if name in organ_full else PLACE
        start = text.find(name)
        while start >= 0:
            spans.claim(start, start + len(name), blank(label))
            start = text.find(name, start + len(name))
    if self_refs is not None:
        for start, end, neutral in self_refs.neutralise(text):
            spans.claim(start, end, neutral)
    for m in _PROVINCE_RE.finditer(text):
        spans.claim(m.start(), m.end(), blank(PLACE))
    for m in _SIGNER_RE.finditer(text):
        spans.claim(m.start(2), m.end(2), blank(PERSON))
    for m in _TITLE_NAME_RE.finditer(text):
        if m.group(2) not in tokenizer.domain_terms():
            spans.claim(m.start(2), m.end(2), blank(PERSON))
    for m in _DATE_RE.finditer(text):
        spans.claim(m.start(), m.end(), blank(DATE))
    for m in _YEAR_RE.finditer(text):
        spans.claim(m.start(), m.end(), blank(year_label(int(m.group()), report_year)))
    for m in _MONTH_RE.finditer(text):
        spans.claim(m.start(), m.end(), blank("月份"))
    _claim_tagged_places(text, spans)
    for start, end, rep in _figure_spans(text):
        spans.claim(start, end, rep)
    # Whatever digit is left (a stray number in an odd form) becomes a number blank; the
    # half-width marks many source reports carry become full-width ones.
    return to_fullwidth(_LEFTOVER_RE.sub(lambda m: m.group(1) or blank(NUMBER), spans.render()))


def _claim_tagged_places(text: str, spans: _Spans) -> None:
    pairs = tokenizer.tagged(text)
    pos = 0
    for i, (word, flag) in enumerate(pairs):
        start, pos = pos, pos + len(word)
        next_word = pairs[i + 1][0] if i + 1 < len(pairs) else ""
        if _is_place(word, flag, next_word):
            end = pos - 1 if len(word) >= 3 and word[-1] in _ADMIN_SUFFIX else pos
            spans.claim(start, end, blank(PLACE))


def has_specifics(template: str) -> bool:
    """Does a template still hold a digit (outside the fixed national terms)?"""
    rest = template
    for term in FIXED_TERMS:
        rest = rest.replace(term, "")
    return bool(_DIGIT_RE.search(rest))


def fill_years(template: str, year: int) -> str:
    """Fill the year blanks of a template for a report of ``year``."""
    return fill(template, {YEAR: str(year), LAST_YEAR: str(year - 1), NEXT_YEAR: str(year + 1)})


# ---- jinja2 sentence templates (templates/sentences/) -----------------------------------

SENTENCES_DIR = "sentences"


class _BlankUndefined(Undefined):
    """A figure the clerk has not given renders as a blank named after it."""

    def __str__(self) -> str:
        return blank(self._undefined_name or NUMBER)


# Limits on what one sentence template may do (a template a user edits in templates/ must
# not freeze the app): loops not nested, at most RANGE_BUDGET items from range() per render,
# no string or list longer than MAX_SEQUENCE made by * or by a width argument, output capped.
MAX_TEMPLATE_CHARS = 20_000
RANGE_BUDGET = 10_000
MAX_SEQUENCE = 10_000
MAX_OUTPUT_CHARS = 100_000


class _BoundedSandbox(SandboxedEnvironment):
    intercepted_binops = frozenset(["*", "**"])

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, int | float) and abs(right) > 64:
            raise SecurityError("乘方的指数过大")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(n, int):
                    if len(seq) * n > MAX_SEQUENCE:
                        raise SecurityError(f"生成的文字过长（上限 {MAX_SEQUENCE} 字）")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (jinja's signature)
        _check_args(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)


# a width or precision in a format string ("%99999999d", "{:>99999999}") over MAX_SEQUENCE
_WIDE_FORMAT = re.compile(r"[%:][-+ #0<>^=,_]*\.?(\d{6,})")


def _check_args(args, kwargs) -> None:
    """Numbers passed to a call or filter (widths, counts) stay small, also as a width
    written inside a format string."""
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_SEQUENCE:
            raise SecurityError(f"参数 {a} 过大（上限 {MAX_SEQUENCE}）")
        if isinstance(a, str) and (m := _WIDE_FORMAT.search(a)) and int(m.group(1)) > MAX_SEQUENCE:
            raise SecurityError(f"格式宽度 {m.group(1)} 过大（上限 {MAX_SEQUENCE}）")


def _bounded_filter(f):
    from functools import wraps

    @wraps(f)
    def run(*args, **kwargs):
        _check_args(args, kwargs)
        return f(*args, **kwargs)

    return run


def _budget_range():
    """range() for one render: RANGE_BUDGET items in all."""
    left = [RANGE_BUDGET]

    def bounded_range(*args):
        r = range(*args)
        left[0] -= len(r)
        if left[0] < 0:
            raise SecurityError(f"循环次数过多（上限 {RANGE_BUDGET} 次）")
        return r

    return bounded_range


@cache
def _environment() -> SandboxedEnvironment:
    env = _BoundedSandbox(
        loader=FileSystemLoader(str(template_path(SENTENCES_DIR))),
        undefined=_BlankUndefined,
        autoescape=False,
        keep_trailing_newline=False,
    )
    env.filters = {name: _bounded_filter(f) for name, f in env.filters.items()}
    return env


def _check_template(env: SandboxedEnvironment, name: str) -> None:
    """Refuse a template too long or with nested loops (before it is compiled)."""
    from jinja2 import nodes

    source = env.loader.get_source(env, name)[0]
    if len(source) > MAX_TEMPLATE_CHARS:
        raise DrafterError(name, f"句式模板过长（上限 {MAX_TEMPLATE_CHARS} 字）")
    tree = env.parse(source)
    for loop in tree.find_all(nodes.For):
        if any(True for _ in loop.find_all(nodes.For)) or loop.recursive:
            raise DrafterError(name, "句式模板中的循环不能嵌套")


def _render(name: str, values: dict[str, object]) -> str:
    import time

    given = {k: v for k, v in values.items() if v is not None and str(v).strip() != ""}
    env = _environment()
    try:
        _check_template(env, name)
        template = env.get_template(name)
    except TemplateNotFound:
        raise DrafterError(name, "没有这一句式模板") from None
    except TemplateError as exc:
        raise DrafterError(name, f"句式模板有误（{exc}）") from None
    out: list[str] = []
    size = 0
    deadline = time.monotonic() + 2.0
    try:
        for chunk in template.generate(range=_budget_range(), **given):
            out.append(chunk)
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS or time.monotonic() > deadline:
                raise SecurityError(f"生成的文字过长或耗时过久（上限 {MAX_OUTPUT_CHARS} 字）")
        return "".join(out).strip()
    except (TemplateError, SecurityError) as exc:
        raise DrafterError(name, f"句式模板无法生成（{exc}）") from None
    except (RecursionError, OverflowError, MemoryError):
        raise DrafterError(name, "句式模板无法生成（超出限制）") from None


def sentence_ids() -> list[str]:
    """Indicator ids that have a standard sentence."""
    return sorted(p.stem for p in template_path(SENTENCES_DIR).glob("*.j2") if p.stem[:1].isupper())


def standard_sentence(indicator_id: str, figures: dict[str, str] | None = None) -> str:
    """The standard sentence for an indicator with its figures; missing ones are blanks.

    standard_sentence("G1", {"收到件数": "48"}) →
    "全年共收到行政复议申请48件，依法受理【填：受理件数】件，审结【填：审结件数】件。"
    """
    return _render(f"{indicator_id}.j2", dict(figures or {}))


def sentence_fields(indicator_id: str) -> list[str]:
    """The figure names a standard sentence takes, in order (its blanks when empty)."""
    return [label for _, _, label in find_blanks(standard_sentence(indicator_id))]


_SELF_NAMES = (("管委会", "我区"), ("局", "我局"), ("办", "我办"), ("委", "我委"))


def _self_name(organ: str, kind: str) -> str:
    for suffix, name in _SELF_NAMES:
        if organ.endswith(suffix):
            return name
    for level in "区县市镇":
        if organ.endswith(level) or organ.endswith(level + "人民政府"):
            return "我" + level
    return organ or blank(ORGAN)


def _superior(organ: str, kind: str) -> str:
    for level in "区县市":
        if level in organ:
            return f"{level}委" if kind == "gov" else f"{level}委、{level}政府"
    return blank("上级机关")


def opening_paragraph(report) -> str:
    """The opening paragraph for a report ("20XX年，我局在…领导下…现将…报告如下："),
    rendered from templates/sentences/opening.j2 with the report's metadata."""
    meta = report.metadata
    year = meta.year or None
    outline = None
    if year:
        outline = (
            "法治政府建设实施纲要（2021—2025年）"
            if year >= 2021
            else "法治政府建设实施纲要（2015—2020年）"
        )
    return _render(
        "opening.j2",
        {
            "年份": year,
            "我方": _self_name(meta.organ, meta.organ_kind),
            "上级": _superior(meta.organ, meta.organ_kind),
            "纲要": outline,
            # 习近平法治思想 was set out in November 2020.
            "法治思想": not year or year >= 2020,
        },
    )


def closing_paragraph(report=None) -> str:
    """The closing line (templates/sentences/closing.j2: 特此报告。)."""
    return _render("closing.j2", {})

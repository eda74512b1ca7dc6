"""Figures in report text: "48件", "1.59亿元", "近50万人次", "40余家", "100%", "两轮".

A figure is a number (Arabic or Chinese numerals) followed by a unit of count, amount or
rate. Years ("2021年"), dates ("3月26日"), ordinals ("第一批") and document numbers
("〔2021〕3号") are not figures: they carry no unit from :data:`UNITS`.

``Figure.value`` is the number with 万/亿 applied ("近50万人次" → 500000.0 人次), except for
money, where 万元 and 亿元 are units of their own ("1.59亿元" → 1.59 亿元). Zeros written in
words ("全年无行政复议案件", "差评率为0") are figures of value 0 (core/model/zero_figures.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from drafter.core.model.zero_figures import zero_figures

# Units, longest first so "个百分点" wins over "个" and "人次" over "人".
UNITS = (
    "个百分点",
    "个工作日",
    "工作日",
    "人次",
    "件次",
    "场次",
    "户次",
    "亿元",
    "万元",
    "学时",
    "课时",
    "小时",
    "%",
    "元",
    "件",
    "次",
    "项",
    "人",
    "户",
    "条",
    "卷",
    "家",
    "个",
    "份",
    "场",
    "期",
    "轮",
    "名",
    "批",
    "部",
    "篇",
    "册",
    "处",
    "所",
    "台",
    "起",
    "宗",
    "本",
    "类",
    "天",
    "张",
    "套",
)

# A unit followed by one of these characters is the start of a word, not a unit
# ("统一项目", "三条例", "一起来", "一台账").
_UNIT_NOT_BEFORE = {
    "项": "目",
    "人": "民员才大士群口身",
    "条": "例件款文龙线",
    "件": "事",
    "家": "庭属长乡",
    "户": "籍口外",
    "次": "性要序办告",
    "部": "门署分署位",
    "处": "理置罚分室长",
    "名": "称单义额",
    "所": "有以在属谓得",
    "台": "账阶",
    "起": "来草诉步到",
    "批": "准复示评",
    "期": "间限待望",
    "场": "所景地合",
    "类": "似型别",
    "份": "额子",
    "篇": "章",
    "宗": "旨教",
    "本": "地级部土着质领",
    "天": "然津",
    "张": "网图贴",
    "个": "体性别案",
    "套": "餐路",
}

# Set phrases that look like counts but name a policy or slogan.
_SET_PHRASES = (
    "三项制度",
    "一次办",
    "一次性",
    "一次告知",
    "一次不用跑",
    "一人多岗",
    "跑一次",
    "一件事",
    "一起",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "十一个坚持",
    "千家万户",
)

_CN_DIGIT = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}

# Full-width digits and signs map one to one (spans stay valid).
_WIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")

_AR = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十][零〇○一二两三四五六七八九十百千万亿]*?"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
# "近50万人次", "约19.2%", "逾20万元", "超95%" — but not 最近 (recent), 签约 (signed),
# 节约 (saved), 赶超 (catch up) and the like.
_PRE = r"(?<![最附将])近|(?<![签合预制公条节邀契履违特大集])约|逾|(?<![赶高])超过?"

_FIGURE_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?:(?<![\dA-Za-z.第〔〕\[【])(?P<ar>{_AR})(?![\d.])"
    rf"|(?<![第统唯同逐之专初周星礼万一二三四五六七八九十零〇两])(?P<cn>{_CN}))"
    rf"(?P<mult>[万亿])?(?P<post>余|多)?(?P<mult2>[万亿])?[ \u3000]?(?P<unit>{_UNIT_RE})"
    r"(?P<after>以上|以下|左右)?"
)
# "百分之九十五", "百分之百", "百分之九十九点五": a rate written out.
_PCT_CN_RE = re.compile(
    rf"(?P<pre>{_PRE})?百分之(?P<num>百|{_AR}|[零〇一二两三四五六七八九十百]+)"
    rf"(?:点(?P<dec>[零〇一二三四五六七八九]+))?"
)


@dataclass
class Figure:
    text: str
    value: float | None
    unit: str
    start: int
    end: int
    approx: str = ""  # "余" | "近" | "多" | "约" | "逾" | "超" | "以上" | "以下" | "左右" | ""

    def to_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "unit": self.unit}


def parse_cn_number(s: str) -> float | None:
    """The value of a number written in Chinese or Arabic numerals, or a mix.

    "十二" → 12, "两" → 2, "一百零五" → 105, "三千二百万" → 32000000, "二〇二一" → 2021,
    "1.5万" → 15000, "48" → 48, "百分之" is not handled here. None if not a number.
    """
    s = s.strip().translate(_WIDTH).replace(",", "")
    if not s:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([万亿]+)", s)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= _CN_BIG[ch]
        return value
    if any(ch not in _CN_DIGIT and ch not in _CN_SMALL and ch not in _CN_BIG for ch in s):
        return None
    # Digit by digit ("二〇二一"); "三四" is "three or four", not 34.
    if all(ch in _CN_DIGIT for ch in s) and (len(s) > 2 or any(ch in "零〇○" for ch in s)):
        return float("".join(str(_CN_DIGIT[ch]) for ch in s))
    total = 0  # completed 亿/万 groups
    section = 0  # inside the current 万 group
    digit: int | None = None
    for ch in s:
        if ch in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[ch] != 0:
                return None  # two digits in a row without a unit ("三四")
            digit = _CN_DIGIT[ch] if _CN_DIGIT[ch] != 0 else None
        elif ch in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[ch]
            digit = None
        else:
            big = _CN_BIG[ch]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                return None
            if big == 100_000_000:
                total = (total + section) * big
            else:
                total += section * big
            section = 0
    section += digit or 0
    return float(total + section)


def _excluded(text: str, start: int, end: int) -> bool:
    window = text[max(0, start - 2) : end + 3]
    return any(p in window and _overlaps(text, p, start, end) for p in _SET_PHRASES)


def _overlaps(text: str, phrase: str, start: int, end: int) -> bool:
    lo = max(0, start - len(phrase))
    i = text.find(phrase, lo)
    while i != -1 and i < end:
        if i < end and i + len(phrase) > start:
            return True
        i = text.find(phrase, i + 1)
    return False


def extract_figures(text: str) -> list[Figure]:
    """Every figure in text, in order, with its span, value, unit and approximation."""
    return [Figure(*f) for f in _figures(text)]  # new objects: callers may keep or change them


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[tuple, ...]:
    """extract_figures' result as field tuples, remembered (the checks read a clause or a
    sentence several times)."""
    norm = text.translate(_WIDTH)
    out: list[Figure] = []
    for m in _FIGURE_RE.finditer(norm):
        unit = m.group("unit")
        after = norm[m.end() : m.end() + 1]
        if after and after in _UNIT_NOT_BEFORE.get(unit, ""):
            continue
        value = parse_cn_number(m.group("ar") or m.group("cn"))
        if value is None:
            continue
        if m.group("cn") is not None and _excluded(norm, m.start("cn"), m.end()):
            continue
        mult = m.group("mult") or m.group("mult2") or ""
        if mult and unit == "元":
            unit = mult + "元"
        elif mult:
            value *= _CN_BIG[mult]
        approx = m.group("post") or m.group("pre") or m.group("after") or ""
        out.append(Figure(text[m.start() : m.end()], value, unit, m.start(), m.end(), approx))
    for m in _PCT_CN_RE.finditer(norm):
        value = parse_cn_number(m.group("num"))
        if value is None:
            continue
        if m.group("dec"):
            value = float(f"{int(value)}.{''.join(str(_CN_DIGIT[c]) for c in m.group('dec'))}")
        approx = m.group("pre") or ""
        out.append(Figure(text[m.start() : m.end()], value, "%", m.start(), m.end(), approx))
    out.extend(Figure(*z) for z in zero_figures(text))
    out.sort(key=lambda f: f.start)
    return tuple((f.text, f.value, f.unit, f.start, f.end, f.approx) for f in out)

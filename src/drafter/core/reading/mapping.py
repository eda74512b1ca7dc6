"""Mapping a report's headings onto the skeleton: section S1…S5 and, inside S1, area A…J.

Wording first (section cue words; an area's own vocabulary, the indicator catalog's cues, and
jieba-token similarity to the skeletons' area titles and example headings), the content
below the heading second. :func:`s3_content` tells whether a passage reports on the
党政主要负责人 / 第一责任人 duties (S3), wherever it stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter.core.model import tokenizer
from drafter.core.model.indicators import evidence_counts, load_catalog
from drafter.core.model.model import AREA_IDS
from drafter.core.model.skeleton import all_skeletons

# ----- sections by wording --------------------------------------------------------------

S5_WORDS = re.compile(r"其他需要报告|其他事项|其它需要报告|其他情况")
S3_WORDS = re.compile(
    r"(主要负责(人|同志)|第一责任人|党政主要领导|主要领导).{0,20}(职责|情况)|履行.{0,12}第一责任人"
)
S2_WORDS = re.compile(
    r"存在的?|不足|差距|短板|薄弱|困难|(?<!解决)(?<!化解)(?<!整改)(?<!突出)(?<!矛盾)问题"
)
S4_WORDS = re.compile(
    r"下一步|下一年|下阶段|明年|今后|(工作|主要)(计划|安排|打算|思路|目标)|主要安排|"
    r"重点工作(安排|计划)|重点任务|打算|展望|下步"
)
S1_WORDS = re.compile(r"举措|成效|措施|开展情况|完成情况|主要工作|工作情况|进展|做法|成绩|亮点")
_GENERIC_FILLER = re.compile(
    r"(?:19|20)\d{2}\s*年度?|上一?年度?|本年度|全年|推进|法治政府建设|依法行政|法治建设|的|主要|工作|"
    r"[和及与、，,“”\"\s]|情况|取得"
)
_GENERIC_REST = re.compile(
    r"^(举措|成效|措施|开展|完成|进展|做法|成绩|亮点|总结|回顾|指导思想|总体要求|总体思路|概况)*$"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")

# An area's own vocabulary (heading words weigh more than the catalog cues).
AREA_WORDS: dict[str, tuple[str, ...]] = {
    "A": ("党的领导", "党对", "组织领导", "组织保障", "习近平法治思想", "第一责任人", "领导小组",
          "政治站位", "督察", "考核", "述法", "落实机制", "推进机制", "统筹"),
    "B": ("政府职能", "放管服", "营商环境", "审批", "政务服务", "权责清单", "负面清单", "证照分离",
          "简政放权", "一网通办", "一件事", "免申即享", "公共服务", "社会治理", "市场监管", "便利化",
          "生态环境", "职能", "一次办", "马上办", "三年行动"),
    "C": ("制度体系", "规范性文件", "立法", "文件审查", "制度机制", "合法性审核", "备案", "文件管理",
          "依法行政制度", "法规体系", "法规制度"),
    "D": ("决策", "法律顾问", "公职律师", "公众参与", "专家论证", "风险评估"),
    "E": ("执法", "三项制度", "裁量", "综合执法", "行政处罚", "执法监督", "执法人员"),
    "F": ("突发事件", "应急", "疫情", "防控", "防疫"),
    "G": ("矛盾纠纷", "矛盾", "纠纷", "复议", "诉讼", "应诉", "调解", "信访", "社会和谐", "化解",
          "公平正义"),
    "H": ("监督", "制约", "政务公开", "信息公开", "审计", "问责", "纠错", "政务诚信", "12345",
          "公开", "权力运行"),
    "I": ("普法", "法治宣传", "法制宣传", "宣传教育", "法治教育", "学法", "法治思维", "依法行政能力",
          "培训", "法治素养", "依法行政水平", "法治能力", "业务水平", "法治意识"),
    "J": ("数字", "信息化", "科技", "智慧", "互联网", "大数据", "数字政府"),
}  # fmt: skip

_STOP = set(
    '的和与及、，,。；;：:“”"（）() 了在对等为以全面加强推进进一步深入持续不断坚持健全完善着力'
)


@dataclass(frozen=True)
class _AreaProfile:
    id: str
    words: tuple[str, ...]
    cues: tuple[re.Pattern[str], ...]
    examples: tuple[frozenset[str], ...]  # jieba token sets of titles and example headings
    exact: frozenset[str]  # titles and example headings, punctuation removed


def _tokens(text: str) -> frozenset[str]:
    return frozenset(
        t for t in tokenizer.words(text) if t.strip() and not set(t) <= _STOP and len(t) > 1
    )


def _cue_pattern(cue: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in cue.split("…") if p]
    return re.compile(".{0,20}?".join(parts))


@cache
def _profiles() -> dict[str, _AreaProfile]:
    cues: dict[str, list[re.Pattern[str]]] = {a: [] for a in AREA_IDS}
    for ind in load_catalog().values():
        cues.setdefault(ind.area, []).extend(_cue_pattern(c) for c in ind.cues)
    examples: dict[str, list[frozenset[str]]] = {a: [] for a in AREA_IDS}
    exact: dict[str, set[str]] = {a: set() for a in AREA_IDS}
    for sk in all_skeletons():
        for sec in sk.sections:
            for area in sec.areas:
                for text in (area.title, *area.example_headings):
                    examples[area.id].append(_tokens(text))
                    exact[area.id].add(_bare(text))
    return {
        a: _AreaProfile(
            a, AREA_WORDS[a], tuple(cues.get(a, ())), tuple(examples[a]), frozenset(exact[a])
        )
        for a in AREA_IDS
    }


def _bare(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def content_area_scores(body: str) -> dict[str, float]:
    """Per area: how many of its catalog indicators the passage covers (and how often)."""
    catalog = load_catalog()
    out = dict.fromkeys(AREA_IDS, 0.0)
    counts = evidence_counts(body[:8000])
    for ind_id, ind in catalog.items():
        if ind_id in counts:
            out[ind.area] += 1.0 + 0.25 * min(counts[ind_id], 4)
    return out


def area_scores(heading: str, body: str = "") -> dict[str, float]:
    """A score per area: heading wording (words, cues, similarity) + body content (indicators)."""
    profiles = _profiles()
    h = heading
    htok = _tokens(h) if h else frozenset()
    bare = _bare(h)
    content = content_area_scores(body) if body else {}
    out: dict[str, float] = {}
    for a, prof in profiles.items():
        s = 0.0
        if h:
            if bare and bare in prof.exact:
                s += 20.0  # the skeleton's own title or example heading
            s += 4.0 * sum(1 for w in prof.words if w in h)
            s += 2.0 * sum(1 for c in prof.cues if c.search(h))
            if htok:
                s += 8.0 * max(
                    (len(htok & ex) / len(htok | ex) for ex in prof.examples if ex), default=0.0
                )
        if content:
            s += min(3.0, content[a])
        out[a] = s
    return out


def best_area(heading: str, body: str = "", minimum: float = 1.0) -> str | None:
    scores = area_scores(heading, body)
    a, s = max(scores.items(), key=lambda kv: kv[1])
    return a if s >= minimum else None


def heading_area_strength(heading: str) -> tuple[str | None, float]:
    """The area the heading's own wording points at and how strongly (0 = no signal)."""
    scores = area_scores(heading)
    a, s = max(scores.items(), key=lambda kv: kv[1])
    return (a, s) if s > 0 else (None, 0.0)


def section_by_wording(heading: str, report_year: int = 0) -> str | None:
    """S1…S5 from the heading's own words, or None when it says nothing about its section."""
    h = heading.strip()
    if S5_WORDS.search(h):
        return "S5"
    if S3_WORDS.search(h):
        return "S3"
    if S2_WORDS.search(h) and not S1_WORDS.search(h):
        return "S2"
    years = [int(y) for y in _YEAR.findall(h)]
    if report_year and years and max(years) > report_year and not S2_WORDS.search(h):
        return "S4"
    s4, s1 = S4_WORDS.search(h), S1_WORDS.search(h)
    if s4 and not s1:
        return "S4"
    if s1 and not s4:
        return "S1"
    if s1 and s4:
        return "S1" if s1.start() < s4.start() else "S4"
    return None


def is_generic_s1(heading: str) -> bool:
    """ "工作成效", "主要举措和成效", "2021年工作开展情况": S1 with no area of its own."""
    h = heading.strip().rstrip("。.：:")
    return bool(h) and bool(_GENERIC_REST.match(_GENERIC_FILLER.sub("", h)))


_PROBLEM = re.compile(
    r"有待|不够|不足|不强|不高|不到位|薄弱|还需|仍需|仍然存在|还存在|尚未|欠缺|滞后"
)
_PLAN = re.compile(r"(将|要)(继续|进一步|持续|着力|深入|全面|加强|不断|重点)|下一步|明年|计划")


def section_by_content(text: str, report_year: int = 0) -> str:
    """S1…S4 from what a passage says (problems, plans, the chief's duties, else measures)."""
    n = max(len(text), 1)
    if s3_content(text) and len(text) < 2000 and _s3_density(text) >= 2:
        return "S3"
    problems = len(_PROBLEM.findall(text))
    plans = len(_PLAN.findall(text))
    if report_year:
        plans += text.count(f"{report_year + 1}年")
    if problems * 200 >= n and problems > plans:
        return "S2"
    if plans * 200 >= n and plans > problems:
        return "S4"
    return "S1"


_S3_CUES = re.compile(
    r"第一责任人|主要负责(人|同志)|党政主要领导|主要领导(同志)?(亲自|带头|履行)|述法|"
    r"(书记|局长|主任|区长|县长|市长)[^。]{0,20}(亲自|带头)|履行推进法治建设"
)


def _s3_density(text: str) -> int:
    return len(_S3_CUES.findall(text))


def s3_content(text: str) -> bool:
    """Does this text report on the 党政主要负责人 / 第一责任人 duties?"""
    return bool(re.search(r"第一责任人|履行推进法治建设", text)) or _s3_density(text) >= 2


def map_heading(heading: str, body: str = "", report_year: int = 0) -> tuple[str, str | None]:
    """(section, area) for a heading and the text below it; area only inside S1."""
    sec = section_by_wording(heading, report_year)
    if sec is None:
        sec = section_by_content(body, report_year) if body else "S1"
        if sec == "S3" and heading and not s3_content(heading):
            sec = "S1"
    if sec != "S1":
        return sec, None
    if is_generic_s1(heading):
        return "S1", None
    return "S1", best_area(heading, body)

"""Site furniture of a web page a report was copied from, told by the shape of whole lines.

The shapes (data in templates/furniture.json):

- metadata: "索引号：…", "[ 发布机构 ] | … |", "- 发布日期:…", "文件编号 浦府〔2024〕34号",
  "来源: …  时间: …": a known key, then ":" or a short value, no sentence punctuation;
- a web date ("2021-01-05", "2019-09-06 15:46  来源:…");
- widgets: "【字体: 大 中 小】", "打印本页 关闭窗口", "保护视力色:", a lone "×";
- breadcrumbs: "首页 > 政务公开 > 通知公告", "> 信息公开目录 > 其他文件", "您当前所在位置: …";
- markdown/pipe tables of metadata, their "|---|---|" rule;
- in context: a short bulleted line inside a block of furniture, a publisher line just above a
  web date before the body, and a news-wire lead before the title ("4月8日,某局发布了…报告,…").

A line of report text never has these shapes: sentence punctuation (，。；) rules a line out of
every shape but the news lead, which must stand before the report's title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from drafter.resources import template_path

_SENTENCE_PUNCT = re.compile(r"[，。；！？]|[,;](?!\s*$)")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
_ONE_CELL = re.compile(r"^\|\s*([^|]+?)\s*\|$")
_BRACKETS = re.compile(r"[\[\]【】〔〕（）()<>《》:：|\s·•\-—_=~.]+")
_POSITION = re.compile(r"^(您|你)?(现在)?(当前)?(所在|所处)?的?位置\s*[:：]")
_TITLE = re.compile(r"报告")


@dataclass(frozen=True)
class _Shapes:
    keys: frozenset[str]
    key_colon: re.Pattern[str]
    key_space: re.Pattern[str]
    bracket_key: re.Pattern[str]
    widgets: tuple[str, ...]
    starts: tuple[str, ...]
    separators: re.Pattern[str]
    segment_max: int
    bullets: tuple[str, ...]
    news_lead: re.Pattern[str]
    web_date: re.Pattern[str]
    web_date_cn: re.Pattern[str]


@cache
def _shapes() -> _Shapes:
    data = json.loads(template_path("furniture.json").read_text(encoding="utf-8"))
    keys = "|".join(re.escape(k) for k in sorted(data["metadata_keys"], key=len, reverse=True))
    # "文件编号 某府〔2024〕3号": only keys of three or more characters ("时间 紧迫" is text)
    long_keys = "|".join(
        re.escape(k) for k in sorted(data["metadata_keys"], key=len, reverse=True) if len(k) >= 3
    )
    seps = "".join(re.escape(s) for s in data["breadcrumb_separators"])
    return _Shapes(
        keys=frozenset(data["metadata_keys"]),
        key_colon=re.compile(rf"^(?:{keys})\s*[:：]"),
        key_space=re.compile(rf"^(?:{long_keys})\s+\S{{1,40}}$"),
        bracket_key=re.compile(rf"^[\[【]\s*(?:{keys})\s*[\]】]"),
        widgets=tuple(sorted(data["widget_words"], key=len, reverse=True)),
        starts=tuple(data["breadcrumb_starts"]),
        separators=re.compile(rf"\s*[{seps}]\s*"),
        segment_max=int(data["breadcrumb_segment_max"]),
        bullets=tuple(data["bullets"]),
        news_lead=re.compile(data["news_lead"]),
        web_date=re.compile(data["web_date"]),
        web_date_cn=re.compile(data["web_date_cn"]),
    )


def _unbullet(s: str) -> tuple[str, bool]:
    """The line without a leading list bullet, and whether it had one."""
    for b in _shapes().bullets:
        if s.startswith(b) or s.startswith(b.strip()):
            return s[len(b.strip()) :].strip(), True
    return s, False


def unwrap_cell(line: str) -> str:
    """A one-cell table row ("| 某局2023年度…报告 |") as its content; other lines as they are."""
    m = _ONE_CELL.match(line.strip())
    return m.group(1) if m else line


def _cells(s: str) -> list[str]:
    return [c.strip() for c in s.strip().strip("|").split("|")]


def _is_metadata(s: str) -> bool:
    sh = _shapes()
    if sh.key_colon.match(s) or sh.bracket_key.match(s):
        return len(s) <= 160 and not re.search(r"[，。；！？]", s)
    return bool(sh.key_space.match(s)) and not _SENTENCE_PUNCT.search(s)


def _is_widgets(s: str) -> bool:
    rest = s
    for w in _shapes().widgets:
        rest = rest.replace(w, "")
    return rest != s and not _BRACKETS.sub("", rest)  # some widget, and nothing else


def _is_breadcrumb(s: str) -> bool:
    sh = _shapes()
    if _POSITION.match(s):
        return len(s) <= 120
    if s in sh.starts or s in ("正文", "详情"):
        return True
    if _SENTENCE_PUNCT.search(s) or len(s) > 120:
        return False
    parts = [p for p in sh.separators.split(s)]
    if len(parts) < 2:
        return False
    segments = [p for p in parts if p]
    if not segments or any(len(p) > sh.segment_max for p in segments):
        return False
    starts_crumb = s[0] in ">＞»›" or segments[0] in sh.starts
    # "A / B" is a crumb only from a start ("首页 / …"): slashes join words in text too
    return starts_crumb or bool(re.search(r"[>＞»›→]", s))


def is_furniture(line: str) -> bool:
    """A line that by its own shape is site furniture, never report text."""
    s = line.strip()
    if not s:
        return False
    if _TABLE_RULE.match(s):
        return True
    s, _bulleted = _unbullet(s)
    if not s:
        return True
    if s.startswith("|") or s.count("|") >= 2:
        cells = [c for c in _cells(s) if c]
        if not cells or _is_widgets(s):
            return True
        if _BRACKETS.sub("", cells[0]) in _shapes().keys or _is_metadata(cells[0]):
            return True  # a table row whose first cell names a metadata field
    if _is_metadata(s) or _is_widgets(s) or _is_breadcrumb(s):
        return True
    m = _shapes().web_date.match(s)
    if m:
        rest = s[m.end() :].strip()
        return not rest or _is_metadata(rest) or _is_widgets(rest)
    m = _shapes().web_date_cn.match(s)
    if m:  # "2023年2月10日" alone is a 成文日期; with a clock time or a source it is furniture
        rest = s[m.end() :].strip()
        return bool(rest or m.group("time")) and (not rest or _is_metadata(rest))
    return False


def _short_plain(s: str, limit: int) -> bool:
    return 0 < len(s) <= limit and not re.search(r"[，。；：:！？,;、\d]", s)


def furniture_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that are furniture, by shape and by context."""
    marked = {i for i, line in enumerate(lines) if is_furniture(line)}
    filled = [i for i, line in enumerate(lines) if line.strip()]
    sh = _shapes()
    # a short bulleted line inside a block of furniture ("• 某州人民政府" between "• 发布机构"…)
    for k, i in enumerate(filled):
        s, bulleted = _unbullet(lines[i].strip())
        if i in marked or not bulleted or not _short_plain(s, 30):
            continue
        near = filled[max(0, k - 1) : k] + filled[k + 1 : k + 2]
        if any(j in marked for j in near):
            marked.add(i)
    front = filled[:15]
    # a publisher line just above a web date, before the body ("政府办文书科" / "2021-01-05")
    for a, b in zip(front, front[1:], strict=False):
        s = lines[a].strip()
        if a not in marked and b in marked and sh.web_date.match(lines[b].strip()):
            if _short_plain(s, 16) and not _TITLE.search(s):
                marked.add(a)
    # a news-wire lead before the report's title
    for k, i in enumerate(front[:3]):
        s = lines[i].strip()
        if i in marked or not sh.news_lead.match(s):
            continue
        after = [lines[j].strip() for j in front[k + 1 : k + 3]]
        if any(_TITLE.search(t) and len(t) <= 80 and "。" not in t for t in after):
            marked.add(i)
    return marked

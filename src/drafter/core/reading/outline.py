"""The heading tree of a source document: page debris, heading numbers, run-in headings.

Works on the document's paragraphs as plain strings (from a .txt or a .docx). Headings are
recognised by their number ("一、", "（一）"/"(一)", "1."/"1、"/"1．", "（1）"); a numbered
paragraph whose heading is followed by more text on the same line ("（一）加强组织领导。为推动…")
is split into its run-in heading (``lead``) and the text. "一是…二是…" stays inside paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.core.reading.furniture import furniture_lines, is_furniture, unwrap_cell

CN_NUM = "一二三四五六七八九十"
_CN_VALUES = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}

# Pattern kinds in their conventional order (GB/T 9704): 1 "一、", 2 "（一）", 3 "1.", 4 "（1）".
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    (1, re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[、．]\s*")),
    (2, re.compile(rf"^[（(]\s*([{CN_NUM}]{{1,3}})\s*[）)]\s*[、，,.．]?\s*")),
    (2, re.compile(rf"^([{CN_NUM}]{{1,3}})\s*[）)]\s*")),  # "二）" without its opening bracket
    (3, re.compile(r"^(\d{1,2})\s*[.．、]\s*")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、，,.．]?\s*")),
    (4, re.compile(r"^(\d{1,2})\s*[）)]\s*")),  # "1）" without its opening bracket
]

# Sentence ends that close a run-in heading.
_LEAD_END = "。！？!?；;：:"
_CLAUSE_END = "，,；;：:"
MAX_HEADING = 50  # a standalone heading is short
MAX_LEAD = 60  # a run-in heading closes within this many characters

# ----- page debris (web pages the report was copied from) -------------------------------

_DEBRIS = [
    re.compile(r"^今天是\s*[:：]"),
    re.compile(r"^(您|你)?(现在)?(当前)?(所在|所处)?的?位置\s*[:：]"),
    re.compile(r"^当前位置\s*[:：]"),
    re.compile(r"^(文章|信息|稿件)?来源\s*[:：].{0,60}$"),
    re.compile(r"^(更新|发布|发稿|录入)(时间|日期)\s*[:：].{0,60}$"),
    re.compile(r"^(浏览|阅读|点击)(次数|量)?\s*[:：]\s*\d*\s*$"),
    re.compile(
        r"^[【\[]?\s*字(体|号)\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?\s*$"
    ),
    re.compile(r"^[【\[]\s*大\s*中\s*小\s*[】\]]"),
    re.compile(
        r"^([【\[]?\s*(打印(本页|此页|正文)?|关闭(窗口|本页)?|收藏|分享到?|返回顶部|保存)\s*[】\]]?\s*){1,6}$"
    ),
    re.compile(r"^(上一篇|下一篇)\s*[:：]"),
    re.compile(r"^(首页|主页|网站首页)\s*[>＞»›]"),
    re.compile(r"^(分享到|分享至|扫一扫|打印|关闭)\s*[:：]?\s*$"),
    re.compile(r"^扫一扫"),
]
_BREADCRUMB = re.compile(r"[>＞»›]")


def is_debris(line: str) -> bool:
    s = line.strip()
    if any(p.search(s) for p in _DEBRIS) or is_furniture(s):
        return True
    # "【大 中 小】 【打印】 【关闭】" anywhere on a short line
    return len(s) <= 40 and bool(re.search(r"[【\[]\s*(打印|关闭)\s*[】\]]", s))


def remove_debris(lines: list[str]) -> tuple[list[str], list[str]]:
    """Drop page furniture; returns (kept lines, removed lines).

    A short line that repeats a part of the "您所在的位置：A > B" breadcrumb (the page's
    menu item, e.g. "公告公示") is debris too.
    """
    crumbs: set[str] = set()
    for line in lines:
        s = line.strip()
        if is_debris(s) and _BREADCRUMB.search(s):
            tail = re.split(r"[:：]", s, maxsplit=1)[-1]
            crumbs.update(p.strip() for p in _BREADCRUMB.split(tail) if p.strip())
    marked = furniture_lines(lines)
    kept, removed = [], []
    for i, line in enumerate(lines):
        s = line.strip()
        if i in marked or is_debris(s) or (s in crumbs and len(s) <= 12):
            removed.append(s)
        else:
            kept.append(unwrap_cell(line))
    return kept, removed


# Invisible marks that editors put at line starts: direction marks and embeddings
# (U+200E/F, U+202A…E, U+2066…9), zero-width joiners, the BOM.
INVISIBLE_EDGES = " \t\u3000\r\n\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069"


def clean_line(line: str) -> str:
    """Strip the indent and trailing blanks (spaces, ideographic spaces, nbsp, tabs) and
    the invisible marks around them."""
    return line.replace("\u00a0", " ").replace("\u200b", "").strip(INVISIBLE_EDGES)


# ----- heading numbers -----------------------------------------------------------------


def cn_value(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23."""
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_VALUES.get(head, 0) if head else 1
        return tens * 10 + (_CN_VALUES.get(tail, 0) if tail else 0)
    return _CN_VALUES.get(s, 0) if len(s) == 1 else 0


@dataclass
class Numbered:
    """A paragraph that starts with a heading number."""

    kind: int  # 1 "一、", 2 "（一）", 3 "1.", 4 "（1）"
    value: int
    rest: str  # the words after the number


def parse_number(line: str, expect: dict[int, int] | None = None) -> Numbered | None:
    """The heading number at the start of a paragraph, or None.

    ``expect`` maps pattern kind → the number last seen at that kind in the current
    branch: "2.12345政务服务…" is the heading "2." only when "1." came before it (a
    decimal like "2.5亿元" is not a heading).
    """
    for kind, pat in _PATTERNS:
        m = pat.match(line)
        if not m:
            continue
        raw = m.group(1)
        value = int(raw) if raw.isdigit() else cn_value(raw)
        rest = line[m.end() :]
        if not value or not rest.strip():
            return None
        if kind == 3 and rest[0].isdigit() and "、" not in line[: m.end()]:
            if (expect or {}).get(3, 0) + 1 != value:
                return None
        return Numbered(kind, value, rest.strip())
    return None


@dataclass
class Split:
    """A numbered paragraph split into heading and text."""

    heading: str  # the heading words (with their closing punctuation when run in)
    text: str  # the text run in after the heading ("" for a standalone heading)

    @property
    def runin(self) -> bool:
        return bool(self.text)


def split_runin(rest: str) -> Split:
    """Standalone heading, or run-in heading + text.

    - short and at most one sentence → a standalone heading ("加强组织领导" or "深化改革。");
    - a sentence end within the first MAX_LEAD characters followed by more → run-in;
    - one long sentence ("由于…，…有待提高。") → the first clause is the lead.
    """
    s = rest.strip()
    end = next((i for i, c in enumerate(s) if c in _LEAD_END), -1)
    if end == -1 or end == len(s) - 1:
        if len(s) <= MAX_HEADING:
            return Split(s, "")
    elif end < MAX_LEAD:
        return Split(s[: end + 1], s[end + 1 :].strip())
    clause = next((i for i, c in enumerate(s) if c in _CLAUSE_END), -1)
    if 0 < clause < 40 and clause < len(s) - 1:
        return Split(s[: clause + 1], s[clause + 1 :].strip())
    return Split(s, "")


def heading_words(text: str) -> str:
    """A heading without its closing punctuation (for matching)."""
    return text.strip().rstrip("。．.！!？?；;：:，, ")


# ----- the tree ------------------------------------------------------------------------


@dataclass
class Item:
    """A body paragraph or a deeper sub-heading inside a node, in document order."""

    text: str
    level: int = 0  # 0 = plain body; else the (compressed) heading level
    heading: str = ""  # sub-heading words ("" for plain body)
    runin: bool = False


@dataclass
class Node:
    """A heading of level 1 or 2 with what follows it."""

    level: int
    heading: str
    runin: bool = False
    items: list[Item | Node] = field(default_factory=list)

    @property
    def children(self) -> list[Node]:
        return [x for x in self.items if isinstance(x, Node)]

    def own_items(self) -> list[Item]:
        return [x for x in self.items if isinstance(x, Item)]

    def body_text(self) -> str:
        """Everything below the heading, sub-headings included."""
        parts: list[str] = []
        for x in self.items:
            if isinstance(x, Node):
                parts.append(x.heading)
                parts.append(x.body_text())
            else:
                parts.append(x.heading + x.text)
        return "\n".join(p for p in parts if p)


@dataclass
class Outline:
    opening: list[str]
    nodes: list[Node]
    levels: dict[int, int]  # pattern kind → compressed level


def build_outline(paragraphs: list[str], tree_depth: int = 2) -> Outline:
    """Parse paragraphs into opening text and a tree of headings.

    Heading levels are compressed to the pattern kinds the document uses: a document whose
    top headings are "（一）" gets them as level 1. Levels above ``tree_depth`` become
    sub-heading items inside their node.
    """
    parsed: list[tuple[Numbered | None, str]] = []
    last_seen: dict[int, int] = {}
    for p in paragraphs:
        num = parse_number(p, last_seen)
        if num:
            last_seen[num.kind] = num.value
            for k in range(num.kind + 1, 5):
                last_seen.pop(k, None)
        parsed.append((num, p))
    kinds = sorted({n.kind for n, _ in parsed if n})
    levels = {k: i + 1 for i, k in enumerate(kinds)}

    opening: list[str] = []
    nodes: list[Node] = []
    stack: list[Node] = []
    for num, p in parsed:
        if num is None:
            if stack:
                stack[-1].items.append(Item(p))
            else:
                opening.append(p)
            continue
        level = levels[num.kind]
        sp = split_runin(num.rest)
        if level <= tree_depth:
            node = Node(level, sp.heading, sp.runin)
            if sp.runin:
                node.items.append(Item(sp.text))
            while stack and stack[-1].level >= level:
                stack.pop()
            (stack[-1].items if stack else nodes).append(node)
            stack.append(node)
        else:
            item = Item(sp.text, level, sp.heading, sp.runin)
            if stack:
                stack[-1].items.append(item)
            else:  # a deep heading before any top heading: keep it as opening text
                opening.append(p)
    return Outline(opening, nodes, levels)

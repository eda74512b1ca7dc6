"""Metadata around a report's body: 版头 line, title, 主送机关, 结语, 落款, 成文日期, 附件.

:func:`split_metadata` takes the document's paragraphs (debris already removed) and returns
the Metadata it found and the body paragraphs between the front and the back matter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from drafter.core.model.blanks import BLANK_RE
from drafter.core.model.model import Metadata
from drafter.core.reading.outline import cn_value, parse_number
from drafter.core.reading.title_repeat import strip_suffix, title_repeat

DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fffA-Za-z]{1,16}[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号)"
)
SIGNER = re.compile(
    r"签\s*发\s*人\s*[:：]\s*([\u4e00-\u9fff·]{2,8}(?:[\s、，,]+[\u4e00-\u9fff·]{2,8})*)"
)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {
    "零": "0",
    "○": "0",
    "Ｏ": "0",
    "O": "0",
}
DATE = re.compile(r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
CN_DATE = re.compile(
    r"^\s*([〇○零Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日\s*$"
)
CLOSING = re.compile(r"^(特此报告|专此报告|以上报告|现予报告|特此报送)[^。]{0,12}[。.！!]?$")
ATTACHMENT = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")
CC = re.compile(r"^抄\s*送\s*[:：]\s*(.+)$")
PRINTED = re.compile(
    r"^(.{2,30}?)\s+((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印\s*发$"
)
NOTE = re.compile(r"^[（(]\s*(此件[^）)]{1,30})\s*[）)]$")
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_SENTENCE = re.compile(r"[。；;！？!?]")
_ORGAN_END = (
    "人民政府", "政府", "管委会", "管理委员会", "委员会", "局", "办", "办公室", "委", "厅", "院",
    "中心", "署", "部", "处", "室", "所", "站", "队", "区", "县", "市", "镇", "乡", "街道",
)  # fmt: skip
_GOV_END = (
    "人民政府",
    "政府",
    "管委会",
    "管理委员会",
    "区",
    "县",
    "市",
    "旗",
    "镇",
    "乡",
    "街道",
    "省",
)
_DEPT_END = (
    "局",
    "办",
    "办公室",
    "委",
    "厅",
    "院",
    "中心",
    "署",
    "部",
    "处",
    "室",
    "所",
    "站",
    "队",
    "委员会",
)


def cn_digits_year(s: str) -> str:
    return "".join(_CN_DIGIT.get(c, c) for c in s)


def parse_date(line: str) -> str | None:
    """ "2021年1月22日" / "二〇二一年一月二十二日" → "2021-01-22"."""
    m = DATE.match(line)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = CN_DATE.match(line)
        if not m:
            return None
        y = int(cn_digits_year(m.group(1)))
        mo, d = cn_value(m.group(2)), cn_value(m.group(3))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def organ_kind(organ: str) -> str:
    """gov for a government (人民政府, 管委会, a place such as 静海区), dept otherwise."""
    o = organ.strip()
    if not o:
        return "gov"
    if o.endswith(("人民政府", "管委会", "管理委员会")):
        return "gov"
    if o.endswith(_DEPT_END):
        return "dept"
    return "gov" if o.endswith(_GOV_END) else "dept"


def _short_plain(line: str, limit: int = 40) -> bool:
    """A short line without sentence punctuation (title, organ name, signature)."""
    return 0 < len(line) <= limit and not _SENTENCE.search(line) and not re.search(r"[，,]", line)


def _blank_only(line: str) -> bool:
    """A line of unfilled blanks (and their labels such as 签发人：) only."""
    if not BLANK_RE.search(line):
        return False
    rest = BLANK_RE.sub("", line)
    return not re.sub(r"签\s*发\s*人|[:：\s]", "", rest)


def _looks_organ(line: str) -> bool:
    return _short_plain(line, 30) and line.endswith(_ORGAN_END) and not YEAR.search(line)


def _is_title(line: str) -> bool:
    return (
        len(line) <= 70
        and "报告" in line
        and not line.endswith(("。", ":", "："))
        and not _SENTENCE.search(line)
        and ("法治" in line or "依法行政" in line or "年度" in line or "工作" in line)
    )


@dataclass
class Split:
    metadata: Metadata
    body: list[str]
    notes: list[str] = field(default_factory=list)


def split_metadata(paragraphs: list[str]) -> Split:
    """Front matter, body, back matter; the metadata found in the front and back."""
    meta = Metadata()
    notes: list[str] = []
    lines = [p for p in paragraphs if p]
    i = 0
    n = len(lines)
    # ----- front: 版头 line, title (may span lines), 主送机关 -----------------------------
    title_parts: list[str] = []
    pending: list[str] = []  # short plain lines that may start a multi-line title
    while i < n:
        line = lines[i]
        if _blank_only(line):  # an exported draft's unfilled 标题 / 发文字号 / 签发人
            if "发文字号" in line or "签发人" in line:
                pending = []  # the lines above were the 发文机关标志
            i += 1
            continue
        if parse_number(line):
            break
        dn, sg = DOC_NUMBER.search(line), SIGNER.search(line)
        fused = (line[: dn.start()] + line[dn.end() :]).strip() if dn else ""
        if dn and not sg and not title_parts and _is_title(fused):
            # the 文号 run into the title ("某政发〔2021〕1号某县2020年度…情况报告")
            meta.doc_number = meta.doc_number or dn.group(1).replace(" ", "")
            line = fused
        elif (dn or sg) and len(line) <= 60 and not _SENTENCE.search(line):
            pending = []  # the lines above the 版头 line were the 发文机关标志
            if dn and not meta.doc_number:
                meta.doc_number = dn.group(1).replace(" ", "")
            if sg:
                meta.signer = re.sub(r"[\s、，,]+", "、", sg.group(1).strip())
            i += 1
            continue
        joined = "".join([*pending, line])
        if not title_parts and "报告" in line and (_is_title(line) or _is_title(joined)):
            if _is_title(line) and not line.startswith("关于"):
                title_parts = [line]  # lines above it were a 发文机关标志 or a page header
                notes.extend(f"标题前的文字：{p}" for p in pending)
            else:  # a title set on several lines ("…关于2021年度法治政府建设" / "情况的报告")
                title_parts = [*pending, line]
            pending = []
            i += 1
            repeats, kept = title_repeat("".join(title_parts), lines[i : i + 2])
            if repeats:  # the page's heading, then the document's own title
                title_parts = [kept]
                i += repeats
            continue
        if len(line) <= 40 and line.endswith((":", "：")) and "如下" not in line:
            meta.recipient = line[:-1].strip()
            i += 1
            break
        if not title_parts and _short_plain(line, 30) and not line.startswith(("（", "(")):
            pending.append(line)
            i += 1
            continue
        break
    # lines held back as a possible title start that were not: they are opening text
    front_rest = pending
    meta.title = strip_suffix("".join(title_parts))

    # ----- back: 附注, 成文日期, 落款, 结语, 附件说明 ------------------------------------
    j = n
    dated = False  # a 成文日期 line (or its unfilled blank) was seen
    while j > i:
        line = lines[j - 1]
        date = parse_date(line)
        if date and not dated:
            meta.date = date
            dated = True
            j -= 1
            continue
        if BLANK_RE.fullmatch(line) and not meta.signature and not meta.closing:
            dated = dated or "日期" in line
            j -= 1
            continue
        m = PRINTED.match(line)
        if m and not meta.print_date and not dated:
            meta.printer = m.group(1).strip()
            meta.print_date = parse_date(m.group(2)) or ""
            j -= 1
            continue
        m = CC.match(line)
        if m and not meta.cc and not dated:
            meta.cc = m.group(1).strip()
            j -= 1
            continue
        m = NOTE.match(line)
        if m and not meta.note:
            meta.note = m.group(1)
            j -= 1
            continue
        if dated and not meta.signature and _looks_organ(line):
            meta.signature = line
            j -= 1
            continue
        if (dated or meta.signature) and not meta.closing and CLOSING.match(line):
            meta.closing = line
            j -= 1
            continue
        if not meta.closing and not meta.signature and not dated and CLOSING.match(line):
            meta.closing = line
            j -= 1
            continue
        break
    body = front_rest + lines[i:j]
    # 附件说明 at the end of the body: "附件：1.xxx" and following numbered lines
    for k in range(len(body) - 1, max(-1, len(body) - 12), -1):
        m = ATTACHMENT.match(body[k])
        if m:
            items = [m.group(1).strip()] + [b.strip() for b in body[k + 1 :]]
            meta.attachments = [
                re.sub(r"^\d{1,2}\s*[.．、]\s*", "", x) for x in items if x and len(x) <= 60
            ]
            if len(meta.attachments) == len([x for x in items if x]):
                body = body[:k]
            else:
                meta.attachments = []
            break
    # the 结语 stands before the 附件说明
    if body and not meta.closing and CLOSING.match(body[-1]) and (dated or meta.attachments):
        meta.closing = body.pop()
    meta.year = _report_year(meta, body)
    meta.organ = _organ(meta, body)
    meta.organ_kind = organ_kind(meta.organ)
    if not meta.organ:
        notes.append("未能识别机关名称")
    if not meta.year:
        notes.append("未能识别报告年度")
    return Split(meta, body, notes)


def _report_year(meta: Metadata, body: list[str]) -> int:
    m = YEAR.search(meta.title)
    if m:
        return int(m.group(1))
    for line in body[:3]:
        m = YEAR.search(line)
        if m and not parse_number(line):
            return int(m.group(1))
    counts = Counter(int(y) for line in body for y in YEAR.findall(line))
    if meta.date:
        return int(meta.date[:4]) - 1
    return counts.most_common(1)[0][0] if counts else 0


def _organ(meta: Metadata, body: list[str]) -> str:
    t = meta.title
    m = re.match(r"^(?:(?:19|20)\d{2}\s*年度?)?(.{2,30}?)\s*(?:关于|(?:19|20)\d{2}\s*年)", t)
    if m and _looks_organ(m.group(1)):
        return m.group(1)
    m = re.match(r"^(?:19|20)\d{2}\s*年度?(.{2,30}?)(?:推进|法治政府|依法行政|全面依法)", t)
    if m:
        return m.group(1)
    if meta.signature:
        return meta.signature
    # a byline "营口市营商环境建设局党组书记、局长 迟程"
    for line in body[:3]:
        m = re.match(
            r"^([\u4e00-\u9fff]{2,24}?(?:管委会|管理委员会|人民政府|委员会|办公室|局|委|办|中心|厅))"
            r"(?:党组|党委|党工委)?(?:书记|局长|主任|副|厅长|县长|区长|市长)",
            line,
        )
        if m:
            return m.group(1)
    # "津南区人民政府：" + "区政务服务办结合工作职责…" → 津南区政务服务办
    place = meta.recipient.removesuffix("人民政府")
    if place != meta.recipient and place.endswith(("区", "县", "市")):
        unit = place[-1]
        for line in body[:3]:
            m = re.search(rf"{unit}([\u4e00-\u9fff]{{2,10}}?(?:办公室|办|局|委员会|中心))", line)
            if m:
                return place + m.group(1)
    return ""

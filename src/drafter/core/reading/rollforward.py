"""Rolling last year's report forward to a new report year.

The report year and the year after it move on by the same step wherever the text refers to
them ("2021年度" → "2022年度", "2022年将…" → "2023年将…"); titles of documents
(《…（2021-2025年）》), document numbers (〔2021〕3号), year ranges and full dates stay as
written. Every paragraph remembers its rolled-forward wording (``last_year_text``), so the
draft knows which paragraphs are still last year's text word for word; last year's plans
(its S4) are kept as this year's checklist.
"""

from __future__ import annotations

import re

from drafter.core.model.figures import extract_figures
from drafter.core.model.indicators import coverage_text, detect_indicators
from drafter.core.model.model import LastYear, Report
from drafter.core.model.skeleton import skeleton_for_year

_PROTECTED = re.compile(
    r"《[^《》]{0,120}》"  # titles of laws and documents
    r"|[〔\[［][^〕\]］]{0,8}[〕\]］]"  # document numbers 〔2021〕
    r"|(?:19|20)\d{2}\s*[-－—–~～至到]+\s*(?:19|20)\d{2}\s*年?"  # ranges 2021-2025年
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?"  # dates 2021年7月20日
    r"|(?:19|20)\d{2}\s*[./／-]\s*\d{1,2}(?:\s*[./／-]\s*\d{1,2})?"  # 2020/03/27
    r"|(?:19|20)\d{2}\s*年以来|(?:19|20)\d{2}\s*版"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


def shift_years(text: str, year_from: int, year_to: int) -> str:
    """Move the report year and the year after it on by (year_to - year_from)."""
    if not text or year_from == year_to:
        return text
    step = year_to - year_from
    moving = {year_from, year_from + 1}
    out: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(text):
        out.append(_shift_plain(text[pos : m.start()], moving, step))
        out.append(m.group(0))
        pos = m.end()
    out.append(_shift_plain(text[pos:], moving, step))
    return "".join(out)


def _shift_plain(s: str, moving: set[int], step: int) -> str:
    def repl(m: re.Match[str]) -> str:
        y = int(m.group(1))
        return str(y + step) if y in moving else m.group(1)

    return _YEAR.sub(repl, s)


def roll_forward(report: Report, year_to: int, source: str = "") -> list[str]:
    """Roll an imported report forward in place; returns notes for the clerk."""
    meta = report.metadata
    year_from = meta.year
    notes: list[str] = []
    plans = [
        (p.lead + p.text).strip()
        for s in report.walk()
        if s.section == "S4"
        for p in s.paragraphs
        if (p.lead + p.text).strip()
    ]
    figures: dict[str, list[dict]] = {}
    for ind_id, det in detect_indicators(coverage_text(report)).items():
        if det.figures:
            figures[ind_id] = [f.to_dict() for f in det.figures]
    report.last_year = LastYear(year=year_from, source=source, plans=plans, figures=figures)

    stale = 0
    for p in report.paragraphs():
        p.text = shift_years(p.text, year_from, year_to)
        p.lead = shift_years(p.lead, year_from, year_to)
        if p.kind == "body" and p.text:
            p.last_year_text = p.text
            p.stale_figures = [f.text for f in extract_figures(p.lead + p.text)]
            stale += len(p.stale_figures)
    for s in report.walk():
        s.heading = shift_years(s.heading, year_from, year_to)

    meta.title = shift_years(meta.title, year_from, year_to)
    meta.year = year_to
    meta.date = ""
    if meta.doc_number:
        meta.doc_number = ""
        notes.append("发文字号已清空（新年度的文号待填）")
    meta.print_date = ""
    report.skeleton = skeleton_for_year(year_to)
    notes.append(
        f"已从 {year_from} 年度滚动到 {year_to} 年度：年份已顺延，{stale} 处数字仍是上一年度的，需按新年度更新"
    )
    if plans:
        notes.append(f"上一年度报告的工作安排 {len(plans)} 条已保留为本年度的对照清单")
    return notes

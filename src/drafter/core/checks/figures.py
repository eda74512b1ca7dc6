"""Figure checks: funnels that grow (收到 < 受理 < 审结, 调解 < 调解成功), rates over 100%
that are not growth rates, a rate that disagrees with its own counts, and figures still
carrying last year's value in a rolled-forward draft."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import TextUnit, text_units
from drafter.core.model.figures import Figure, extract_figures
from drafter.core.model.indicators import CLAUSE_RE, sentences
from drafter.core.model.model import Report

COUNT_UNITS = {"件", "起", "宗", "人", "人次", "户", "个", "项", "条", "份", "名", "家", "次"}
# Stages of a case funnel, in order; a later stage cannot hold more than an earlier one.
REVIEW_STAGES = (
    ("收到", re.compile(r"收到|接收|收案|新收|共收")),
    ("受理", re.compile(r"受理|立案")),
    ("审结", re.compile(r"审结|办结|结案")),
)
_CARRIED_OVER = re.compile(r"结转|上年|往年|含以前|历年")
_MEDIATED = re.compile(r"调解(?!成功)|调处(?!成功)")
_MEDIATED_OK = re.compile(r"调解成功|成功调解|调处成功|成功调处")
_GROWTH = re.compile(r"增长|增加|增幅|增速|提高|提升|上升|同比|环比|比上年|较上年|超额|完成率|翻")
_RATE_LABEL = re.compile(r"(率|占比|比例|比重)(达到|达|为|是|约|超过|提升至|提高到)?\s*$")


def _clauses(sentence: str) -> list[tuple[int, int]]:
    return [m.span() for m in CLAUSE_RE.finditer(sentence)]


def _count_in(clause: str) -> Figure | None:
    figs = [f for f in extract_figures(clause) if f.unit in COUNT_UNITS]
    return figs[0] if len(figs) == 1 else None


_OTHER_CASES = re.compile(r"诉讼|应诉|信访|调解|投诉")


def _funnel(unit: TextUnit) -> Iterator[Finding]:
    """收到 ≥ 受理 ≥ 审结 for 行政复议, through the sentences of a paragraph that speak of it.

    The run starts at a sentence naming 复议 and goes on through sentences that name no other
    kind of case ("依法受理37件，审结26件。" after "收到行政复议申请48件。").
    """
    text = unit.text
    if "复议" not in text:
        return
    staged: list[tuple[int, str, Figure, int]] = []
    active = False
    for sa, sb in sentences(text):
        sent = text[sa:sb]
        if "复议" in sent:
            active = not _CARRIED_OVER.search(sent)
        elif _OTHER_CASES.search(sent) or _CARRIED_OVER.search(sent):
            active = False
        if not active:
            staged.append((-1, "", None, 0))  # a break in the run
            continue
        for a, b in _clauses(sent):
            clause = sent[a:b]
            fig = _count_in(clause)
            if fig is None or fig.approx:
                continue
            for rank, (name, rx) in enumerate(REVIEW_STAGES):
                if rx.search(clause[: fig.start]):
                    staged.append((rank, name, fig, sa + a))
                    break
    for (r1, n1, f1, _o1), (r2, n2, f2, o2) in zip(staged, staged[1:], strict=False):
        if r1 < 0 or r2 < 0:
            continue
        if r2 > r1 and f2.unit == f1.unit and f2.value > f1.value:
            yield Finding(
                "funnel-grows",
                "warning",
                f"{n2}数（{f2.text}）多于{n1}数（{f1.text}），数字前后矛盾。",
                f"核对数字：{n2}的案件不应多于{n1}的案件（含上年结转的请注明）。",
                indicator="G1",
                **unit.location(o2 + f2.start, o2 + f2.end),
            )


def _mediation(unit: TextUnit, sent: str, offset: int) -> Iterator[Finding]:
    total = success = None
    for a, b in _clauses(sent):
        clause = sent[a:b]
        fig = _count_in(clause)
        if fig is None or fig.approx or fig.unit != "件":
            continue
        head = clause[: fig.start]
        if _MEDIATED_OK.search(head):
            success = (fig, offset + a)
        elif _MEDIATED.search(head) and total is None:
            total = (fig, offset + a)
    if total and success and success[0].value > total[0].value:
        fig, o = success
        yield Finding(
            "funnel-grows",
            "warning",
            f"调解成功数（{fig.text}）多于调解总数（{total[0].text}）。",
            "核对数字：调解成功的案件不应多于调解的案件。",
            indicator="G5",
            **unit.location(o + fig.start, o + fig.end),
        )


def _rates(unit: TextUnit, sent: str, offset: int) -> Iterator[Finding]:
    figs = extract_figures(sent)
    for i, f in enumerate(figs):
        if f.unit != "%":
            continue
        before = sent[max(0, f.start - 12) : f.start]
        label = _RATE_LABEL.search(sent[max(0, f.start - 8) : f.start])
        if f.value is not None and f.value > 100 and not _GROWTH.search(before):
            yield Finding(
                "rate-over-100",
                "warning",
                f"比率 {f.text} 超过 100%，而这里不是增长率。",
                "核对这个比率；若是增长幅度，写明“同比增长”等。",
                **unit.location(offset + f.start, offset + f.end),
            )
            continue
        if not label or i < 2 or f.approx or f.value is None:
            continue
        whole, part = figs[i - 2], figs[i - 1]
        if (
            whole.unit != part.unit
            or whole.unit not in COUNT_UNITS
            or whole.approx
            or part.approx
            or not whole.value
            or part.value > whole.value
        ):
            continue
        expected = 100.0 * part.value / whole.value
        if abs(expected - f.value) > 1.0:
            yield Finding(
                "rate-mismatch",
                "warning",
                f"{f.text} 与前面的数字不符：{part.text}÷{whole.text}≈{expected:.1f}%。",
                "核对比率或前面的数字。",
                **unit.location(offset + f.start, offset + f.end),
            )


def _stale(report: Report, unit: TextUnit) -> Iterator[Finding]:
    p = unit.paragraph
    if p is None or not unit.spans or not p.stale_figures or p.unchanged_from_last_year:
        return  # a paragraph still word for word last year's is one finding (conventions)
    last = report.last_year.year if report.last_year and report.last_year.year else None
    year = report.metadata.year
    for fig in dict.fromkeys(p.stale_figures):
        i = p.text.find(fig)
        if i < 0:
            continue
        was = f"{last}年报告中为“{fig}”" if last else f"去年报告中为“{fig}”"
        yield Finding(
            "figure-unchanged",
            "warning",
            f"数字“{fig}”还是去年报告的数值（{was}）。",
            f"更新为{year}年的数据；确实未变的，核实后保留。" if year else "更新为本年度的数据。",
            **unit.location(i, i + len(fig)),
        )


def check_figures(report: Report) -> Iterator[Finding]:
    for unit in text_units(report):
        if unit.is_heading or not unit.text:
            continue
        for a, b in sentences(unit.text):
            sent = unit.text[a:b]
            if not any(ch.isdigit() for ch in sent) and "百分之" not in sent:
                continue
            yield from _mediation(unit, sent, a)
            yield from _rates(unit, sent, a)
        yield from _funnel(unit)
        yield from _stale(report, unit)


def check_last_year(report: Report, statuses: dict[str, dict]) -> Iterator[Finding]:
    """An indicator's count equal to the one last year's report gave for it (rolled-forward
    drafts). Rates are left alone (100% 出庭应诉率 two years running is normal), and so are
    small counts; figures still standing in last year's wording are reported elsewhere."""
    last = report.last_year
    if last is None or not last.figures:
        return
    stale = {f for p in report.paragraphs() for f in p.stale_figures if f in p.text}
    for ind_id, st in statuses.items():
        before = last.figures.get(ind_id) or []
        seen = {(f.get("value"), f.get("unit")) for f in before}
        for fig in st["figures"]:
            if fig["unit"] == "%" or not fig["value"] or fig["value"] < 10 or fig["text"] in stale:
                continue
            if (fig["value"], fig["unit"]) in seen:
                was = "、".join(f["text"] for f in before[:4])
                yield Finding(
                    "figure-same-as-last-year",
                    "info",
                    f"{ind_id} 的数字“{fig['text']}”与{last.year or '去'}年报告相同（去年：{was}）。",
                    "核实这是本年度的数据。",
                    indicator=ind_id,
                )

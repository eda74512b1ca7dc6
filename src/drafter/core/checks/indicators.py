"""Indicator checks: required indicators the report does not cover, those covered without the
figure they call for, and (rolled-forward drafts) last year's plans this year's report is silent
on. Indicators marked 不适用 in the draft stay quiet."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.model.indicators import NOT_COVERAGE, first_evidence, indicators_in, load_catalog
from drafter.core.model.model import Report


def _first_evidence(report: Report) -> dict[str, dict]:
    """Location of the first passage that covers each indicator."""
    where: dict[str, dict] = {}
    for u in text_units(report):
        if u.section in NOT_COVERAGE:
            continue
        for ind_id, span in first_evidence(u.text).items():
            if ind_id not in where:
                where[ind_id] = u.location(*span)
    return where


def check_indicators(report: Report, statuses: dict[str, dict], kind: str) -> Iterator[Finding]:
    catalog = load_catalog()
    where: dict[str, dict] | None = None
    for ind_id, st in statuses.items():
        ind = catalog[ind_id]
        if st.get("level", ind.level_for(kind)) != "required":  # a requirements file may say
            continue
        cues = "、".join(c.replace("…", "……") for c in ind.cues[:3])
        if st["status"] == "missing":
            yield Finding(
                "indicator-missing",
                "warning",
                f"未写到必报事项 {ind_id}「{ind.name}」。",
                f"补写这方面的工作（如：{cues}）；确不适用的，在草稿中标为“不适用”并写明理由。",
                section="S3" if ind_id == "A2" else "S1",
                indicator=ind_id,
            )
        elif st["status"] == "no_figure":
            if where is None:
                where = _first_evidence(report)
            loc = where.get(ind_id, {"section": "S1"})
            units = "、".join(ind.figure_units)
            yield Finding(
                "indicator-no-figure",
                "info",
                f"{ind_id}「{ind.name}」写到了，但没有给出数字。",
                f"补上具体数字（单位：{units}）。",
                indicator=ind_id,
                **loc,
            )


def check_plans(report: Report, statuses: dict[str, dict]) -> Iterator[Finding]:
    """Last year's S4 promised work on an indicator that this year's report does not mention."""
    last = report.last_year
    if last is None or not last.plans:
        return
    catalog = load_catalog()
    told: set[str] = set()
    for plan in last.plans:
        for ind_id in indicators_in(plan):
            if ind_id in told or statuses.get(ind_id, {}).get("status") != "missing":
                continue
            told.add(ind_id)
            short = plan if len(plan) <= 40 else plan[:40] + "…"
            yield Finding(
                "plan-not-reported",
                "info",
                f"去年报告安排了{catalog[ind_id].name}（{ind_id}），今年的报告没有写到：“{short}”",
                "写明这项安排的落实情况，或说明未落实的原因。",
                section="S1",
                indicator=ind_id,
            )

"""Structure checks: the required sections S1–S4 (by heading or by content), their order,
and for a formal report its 主送机关 and closing (特此报告。)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.finding import Finding
from drafter.core.checks.units import text_units
from drafter.core.model.model import SECTION_IDS, Report
from drafter.core.reading.mapping import s3_content

SECTION_NAMES = {
    "S1": "上一年度推进法治政府建设的主要举措和成效",
    "S2": "存在的不足和原因",
    "S3": "党政主要负责人履行推进法治建设第一责任人职责情况",
    "S4": "下一年度推进法治政府建设的主要安排",
    "S5": "其他需要报告的情况",
}
REQUIRED = ("S1", "S2", "S3", "S4")
HINTS = {
    "S1": "按工作领域写明上一年度的主要举措和成效，尽量给出数字。",
    "S2": "单列一节，如实写明工作中存在的不足及其原因（《法治政府建设与责任落实督察工作规定》要求报告这一项）。",
    "S3": "单列一节，写明党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况。",
    "S4": "单列一节，写明下一年度推进法治政府建设的主要安排。",
}
# A paragraph that opens by naming shortcomings ("工作中还存在一些问题：…").
_S2_OPENING = re.compile(r"^.{0,30}(存在|仍有|还有|面临)[^。]{0,12}(问题|不足|短板|差距|困难)")
_S2_WORDS = re.compile(r"有待|不够|不足|不强|不高|不到位|薄弱|还需|仍需|尚未|欠缺|滞后")
_CLOSING = re.compile(r"特此报告")


def sections_found(report: Report) -> dict[str, bool]:
    """S1…S5: is there a section mapped to it with any words in it."""
    found = dict.fromkeys(SECTION_IDS, False)
    for sec in report.walk():
        if sec.heading.strip() or any(p.text.strip() for p in sec.paragraphs):
            found[sec.section] = True
    return found


def _has_body(report: Report, sid: str) -> bool:
    return any(
        p.kind == "body" and p.text.strip()
        for sec in report.walk()
        if sec.section == sid
        for p in sec.paragraphs
    )


def section_order(report: Report) -> list[str]:
    """Section ids in order of first appearance (sections with a heading)."""
    seen: list[str] = []
    for sec in report.walk():
        if sec.heading.strip() and sec.section not in seen:
            seen.append(sec.section)
    return seen


def check_structure(
    report: Report, found: dict[str, bool], from_file: bool = False
) -> Iterator[Finding]:
    """Findings about sections; updates ``found`` with sections recognised by content.

    ``from_file``: the report was read from a document, so its 落款 is what the document says
    (a draft's export signs with the organ name when no 落款 is set).
    """
    by_section = dict(found)
    units = [u for u in text_units(report) if not u.is_heading]
    if not found["S3"]:
        for u in units:
            if u.section != "S3" and s3_content(u.text):
                found["S3"] = True
                where = u.section or "开头部分"
                yield Finding(
                    "S3-inside",
                    "info",
                    f"党政主要负责人履行第一责任人职责情况写在{where}中，没有单列章节。",
                    "督察工作规定把这部分列为报告的第三项内容，建议单列一节。",
                    **u.location(),
                )
                break
    if not found["S2"]:
        for u in units:
            if _S2_OPENING.search(u.text) and len(_S2_WORDS.findall(u.text)) >= 2:
                found["S2"] = True
                yield Finding(
                    "S2-inside",
                    "info",
                    f"存在的不足写在{u.section or '开头部分'}中，没有单列章节。",
                    HINTS["S2"],
                    **u.location(),
                )
                break
    for sec in report.sections:
        if sec.section == "S4" and not sec.heading.strip() and found["S4"]:
            first = next((p for p in sec.paragraphs if p.text.strip()), None)
            yield Finding(
                "S4-no-heading",
                "info",
                "下一年度工作安排没有单独的标题，只在结尾段落中写到。",
                "建议加标题单列一节，如“下一年度推进法治政府建设的主要安排”。",
                section="S4",
                paragraph=first.id if first else None,
            )
            break
    for sid in REQUIRED:
        if (
            by_section[sid]
            and not _has_body(report, sid)
            and not any(sec.runin for sec in report.walk() if sec.section == sid)
        ):
            yield Finding(
                f"{sid}-empty",
                "warning",
                f"{sid}「{SECTION_NAMES[sid]}」只有标题，还没有内容。",
                HINTS[sid],
                section=sid,
            )
        if not found[sid]:
            yield Finding(
                f"{sid}-missing",
                "error",
                f"缺少必备内容：{sid}「{SECTION_NAMES[sid]}」。",
                HINTS[sid],
                section=sid,
            )
    order = section_order(report)
    if order != sorted(order):
        names = "、".join(order)
        yield Finding(
            "section-order",
            "warning",
            f"章节顺序（{names}）与规定顺序（S1、S2、S3、S4、S5）不一致。",
            "按《法治政府建设与责任落实督察工作规定》所列顺序排列：举措和成效、不足和原因、第一责任人履职情况、下一年度安排、其他情况。",
        )
    yield from _formal_parts(report, from_file)


def _formal_parts(report: Report, from_file: bool) -> Iterator[Finding]:
    meta = report.metadata
    if not (meta.recipient.strip() or meta.doc_number.strip()):
        return  # the published web version: title and body alone
    if not meta.recipient.strip():
        yield Finding(
            "recipient-missing",
            "warning",
            "报告有发文字号，但没有主送机关。",
            "在标题下一行顶格写主送机关，如“××市人民政府：”。",
        )
    if not meta.signature.strip() and (from_file or not meta.organ.strip()):
        yield Finding(
            "signature-missing",
            "warning",
            "正式报告缺少落款（发文机关署名）。",
            "在正文（结语）之后写发文机关全称或规范化简称。",
        )
    if not meta.date.strip():
        yield Finding(
            "date-missing",
            "warning",
            "正式报告缺少成文日期。",
            "在落款下写成文日期，如“2022年2月11日”。",
        )
    closing = meta.closing.strip() or ""
    if not _CLOSING.search(closing):
        tail = [p.text for p in list(report.paragraphs())[-3:]]
        if not any(_CLOSING.search(t) for t in tail):
            yield Finding(
                "closing-missing",
                "warning",
                "正式报告缺少结语（如“特此报告。”）。",
                "在正文最后另起一段写“特此报告。”。",
            )

"""A small hand-built report for the editing tests: S1 with work areas A and E, S2, S4."""

from __future__ import annotations

from drafter.core.model.model import Metadata, Paragraph, Report, Section


def build_report() -> Report:
    s1 = Section(
        "S1",
        heading="主要举措和成效",
        children=[
            Section(
                "S1",
                "A",
                heading="健全政府机构职能体系",
                paragraphs=[Paragraph("深化放管服改革。")],
            ),
            Section(
                "S1",
                "E",
                heading="健全行政决策制度体系",
                paragraphs=[
                    Paragraph("严格落实重大行政决策程序。", last_year_text="落实决策程序。"),
                    Paragraph("全年审查合法性文件48件。"),
                ],
            ),
        ],
    )
    s2 = Section("S2", heading="存在的不足和原因", paragraphs=[Paragraph("执法力量不足。")])
    s4 = Section("S4", heading="下一年度的主要安排", paragraphs=[Paragraph("继续深化改革。")])
    return Report(
        metadata=Metadata(organ="某区人民政府", year=2021),
        opening=[Paragraph("2021年，我区全面推进法治政府建设。")],
        sections=[s1, s2, s4],
    )


def texts(report: Report, key: str) -> list[str]:
    return [p.text for p in report.find(key).paragraphs]

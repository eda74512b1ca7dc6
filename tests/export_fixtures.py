"""Reports for the exporter's tests: drafts read from the five seeds, and a hand-built one.

Seed drafts come from the importer (core.reading.importer.read_report: imported as they are, no
roll-forward), so metadata the seed lacks (a title, a date) stays empty and the export
shows the blank "【填：…】" in its place.
"""

from __future__ import annotations

from functools import cache

from drafter.core.library.seeds import load_seeds
from drafter.core.model.model import Metadata, Paragraph, Report, Section
from drafter.core.reading.importer import read_report


@cache
def _seed_report(file: str) -> Report:
    seed = next(s for s in load_seeds() if s.file == file)
    return read_report(seed.path)


def seed_report(file: str) -> Report:
    """A fresh copy of the draft read from one seed."""
    return Report.from_dict(_seed_report(file).to_dict())


def seed_reports() -> list[tuple[str, Report]]:
    """(seed file, draft) for every seed."""
    return [(s.file, seed_report(s.file)) for s in load_seeds()]


BODY = (
    "2020年，我区以习近平新时代中国特色社会主义思想为指导，深入贯彻落实党的十九大和十九届"
    "二中、三中、四中、五中全会精神，坚持突出重点，创新举措，进一步转变政府职能，强化层级监督，"
    "规范行政行为，为高新区经济社会高质量发展提供了法治保障。"
)


def sample_report(**meta_changes) -> Report:
    """A complete report: every kind of heading, run-in leads, every 落款 element."""
    meta = Metadata(
        organ="渭南高新区管委会",
        organ_kind="gov",
        year=2020,
        title="渭南高新区管委会关于2020年度法治政府建设工作的报告",
        recipient="渭南市人民政府",
        doc_number="渭高新字〔2021〕1号",
        signer="薛清军",
        closing="特此报告。",
        signature="渭南高新技术产业开发区管理委员会",
        date="2021-01-22",
        note="联系人：王明，电话：0913-1234567",
        attachments=["2020年度法治政府建设统计表"],
        cc="渭南市司法局。",
        printer="渭南高新区管委会办公室",
        print_date="2021-01-22",
    )
    for k, v in meta_changes.items():
        setattr(meta, k, v)
    return Report(
        metadata=meta,
        opening=[Paragraph(BODY)],
        sections=[
            Section(
                "S1",
                heading="创新优化，全面履行政府职能",
                children=[
                    Section(
                        "S1",
                        area="B",
                        heading="持续深化行政审批制度改革。",
                        runin=True,
                        paragraphs=[Paragraph(BODY * 3), Paragraph(BODY * 2)],
                    ),
                    Section(
                        "S1",
                        area="C",
                        heading="加强规范性文件管理",
                        paragraphs=[
                            Paragraph("严格合法性审核", kind="heading", level=3),
                            Paragraph(BODY * 4, lead="落实审核制度。", level=4),
                            Paragraph("全年审核【填：数字】件。"),
                        ],
                    ),
                ],
            ),
            Section("S2", heading="存在的不足和原因", paragraphs=[Paragraph(BODY * 6)]),
        ],
    )


# Body text without punctuation: where its lines break does not depend on how a renderer
# treats a closing mark at the end of a line (LibreOffice lets it hang, Word does not).
PAD = "坚持依法行政推进政务公开强化监督问责"
# Characters that make five more body lines: 26 after the indent, then 28 a line.
FIVE_LINES = 26 + 28 * 4


def short_report(pad_chars: int = 0) -> Report:
    """A one-page report (title, 主送机关, opening, 结语, 附件, 落款, 附注: 16 of the 22
    lines), with a paragraph of pad_chars characters added to the body."""
    report = sample_report()
    report.sections = []
    if pad_chars:
        report.opening.append(Paragraph((PAD * (pad_chars // len(PAD) + 1))[:pad_chars]))
    return report

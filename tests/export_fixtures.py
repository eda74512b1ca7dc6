"""Reports for the exporter's tests: a hand-built one, and drafts made from the five seeds.

``seed_report_by_paragraphs`` is a deliberately simple stand-in for the importer (which
lands on another branch): it splits a seed's text into lines, takes numbered lines as
headings (numbers stripped, as the model stores them; "（一）xxx。rest" becomes a run-in
lead), a line ending in a colon before the body as the 主送机关, a trailing date line as the
成文日期 and the line above it as the 署名. It does not map sections: all of it sits in one
transparent S1 section, which is enough to lay the text out.
"""

from __future__ import annotations

import re
from pathlib import Path

from drafter.core.model import Metadata, Paragraph, Report, Section
from drafter.core.seeds import load_seeds

_CN = "一二三四五六七八九十"
_LEVELS = [
    (1, re.compile(rf"^[{_CN}]+、\s*(.*)$")),
    (2, re.compile(rf"^[（(][{_CN}]+[）)]\s*(.*)$")),
    (3, re.compile(r"^\d+[.．]\s*(.*)$")),
    (4, re.compile(r"^[（(]\d+[）)]\s*(.*)$")),
]
_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_RUNIN = re.compile(r"^([^。]{2,40}。)(.+)$")


def _half_to_full(text: str) -> str:
    return text.replace("(", "（").replace(")", "）").replace(",", "，").replace(":", "：")


def seed_report_by_paragraphs(path: Path, organ: str, year: int) -> Report:
    lines = [
        _half_to_full(x.strip()) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()
    ]
    meta = Metadata(organ=organ, year=year, closing="特此报告。")
    # A 版头 line: "渭高新字〔2021〕1号 签发人：薛清军".
    for i, line in enumerate(lines[:3]):
        hit = re.match(r"^(\S+〔\d{4}〕\d+号)\s*签发人：\s*(\S+)$", line)
        if hit:
            meta.doc_number, meta.signer = hit.group(1), hit.group(2)
            del lines[i]
            break
    # Title: a short line naming the report before the body starts (web debris and the
    # organ's name above it dropped), else made up.
    for i, line in enumerate(lines[:6]):
        if "报告" in line and len(line) <= 40 and not line.endswith("："):
            meta.title = line
            del lines[: i + 1]
            lines = [x for x in lines if not x.startswith(("文章来源", "来源："))]
            break
    else:
        meta.title = f"{organ}关于{year}年度法治政府建设情况的报告"
    for i, line in enumerate(lines[:4]):
        if line.endswith("：") and len(line) <= 30:
            meta.recipient = line.rstrip("：")
            del lines[i]
            break
    m = _DATE.match(lines[-1]) if lines else None
    if m:
        meta.date = f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
        lines.pop()
        if lines and len(lines[-1]) <= 30 and not lines[-1].endswith("。"):
            meta.signature = lines.pop()
    else:
        meta.date = f"{year + 1}-01-20"
    section = Section("S1")
    opening: list[Paragraph] = []
    for line in lines:
        level, words = 0, line
        for lv, rx in _LEVELS:
            hit = rx.match(line)
            if hit:
                level, words = lv, hit.group(1)
                break
        target = section.paragraphs if (level or section.paragraphs) else opening
        if not level:
            target.append(Paragraph(line))
            continue
        run = _RUNIN.match(words)
        if run and len(words) > 45:
            target.append(Paragraph(run.group(2), lead=run.group(1), level=level))
        else:
            target.append(Paragraph(words, kind="heading", level=level))
    return Report(metadata=meta, opening=opening, sections=[section])


def seed_reports() -> list[tuple[str, Report]]:
    """(seed file, draft) for every seed."""
    return [(s.file, seed_report_by_paragraphs(s.path, s.organ, s.year)) for s in load_seeds()]


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

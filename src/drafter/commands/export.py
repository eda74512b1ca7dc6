"""`drafter export DRAFT -o OUT.docx|OUT.html|OUT.txt [--header] [--no-page-numbers] [--seal]
[--record] [--font-set SET]`.

The suffix picks the kind: .docx the GB/T 9704 document, .html/.txt the 网页版 for
publication. What is left unfinished (blanks and where, last year's figures, sections left
out) goes to stderr, so nothing reaches a leader unnoticed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.core.errors import ExportError
from drafter.core.storage import load_draft
from drafter.core.writing.export_review import review
from drafter.core.writing.exporter import ExportOptions, export_docx
from drafter.core.writing.layout import FONT_SETS


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="导出符合 GB/T 9704 的 Word 文档（.docx），或网页版（.html/.txt）"
    )
    p.add_argument("draft", metavar="DRAFT", help="报告草稿文件（也可以是 .txt/.docx 报告）")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT.docx",
        help="导出的文件：.docx 为公文格式；.html 或 .txt 为网页版（仅标题和正文）",
    )
    p.add_argument("--header", action="store_true", help="加版头（发文机关标志、发文字号、签发人）")
    p.add_argument("--no-page-numbers", action="store_true", help="不加页码")
    p.add_argument("--seal", action="store_true", help="落款按加盖印章排版")
    p.add_argument("--record", action="store_true", help="加版记（抄送、印发机关和印发日期）")
    p.add_argument(
        "--font-set",
        choices=FONT_SETS,
        default="gb2312",
        help="字体方案：gb2312（仿宋_GB2312 等，默认）或 common（仿宋、楷体、华文中宋）",
    )
    p.add_argument("--bold-level3", action="store_true", help="三级标题（1.）加粗")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=run)


def _exists(path: str) -> bool:
    try:
        return Path(path).exists() and not Path(path).is_dir()  # a folder: export says so
    except OSError:
        return False  # a name the system refuses: the export says why


def read_draft(path: str):
    """A draft file; a .txt/.docx report is imported as it is (core.reading.importer.read_report)."""
    if path.lower().endswith((".txt", ".docx")):
        from drafter.core.reading.importer import read_report

        return read_report(path)
    return load_draft(path)


def run(args) -> int:
    from drafter.core.writing.web_export import SECRET_REMINDER, WEB_SUFFIXES, export_web

    if not args.force and _exists(args.output):
        raise ExportError(str(args.output), "文件已存在（加 --force 覆盖）")
    report = read_draft(args.draft)
    web = str(args.output).lower().endswith(WEB_SUFFIXES)
    options = ExportOptions(
        header=args.header,
        page_numbers=not args.no_page_numbers,
        seal=args.seal,
        record=args.record,
        font_set=args.font_set,
        bold_level3=args.bold_level3,
    )
    try:
        out = export_web(report, args.output) if web else export_docx(report, args.output, options)
    except ExportError as exc:
        if exc.source == str(args.output):
            raise
        # Something in the draft (a field named by exc.source): name the draft file.
        raise ExportError(args.draft, f"{exc.source}{exc.reason}") from None
    print(f"已导出 {out}")
    found = review(report, header=options.header and not web, record=options.record and not web)
    for line in found.warnings():
        print(f"注意：{line}", file=sys.stderr)
    for spot in found.blanks:
        print(f"  空白 {spot.describe()}", file=sys.stderr)
    if web:
        print(f"注意：{SECRET_REMINDER}", file=sys.stderr)
    return 0

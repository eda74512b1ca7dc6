"""`drafter import SOURCE -o DRAFT [--year YYYY] [--json] [--convert] [--force]`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.reading.importer import import_file
from drafter.core.reading.source_read import CONVERTIBLE, convert_with_libreoffice
from drafter.core.storage import save_draft


def register(sub) -> None:
    p = sub.add_parser("import", help="导入上一年度的报告（.docx 或 .txt）并滚动到新年度")
    p.add_argument("source", metavar="SOURCE", help=".docx 或 .txt 文件（也可以是上一年度的草稿）")
    p.add_argument("-o", "--output", required=True, metavar="DRAFT", help="草稿文件")
    p.add_argument("--year", type=int, metavar="YYYY", help="新报告的年度（默认：原报告年度 + 1）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出识别出的结构")
    p.add_argument(
        "--convert", action="store_true", help="用 LibreOffice 先把 .doc/.wps 转成 .docx"
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=run)


def run(args) -> int:
    src = Path(args.source)
    out = Path(args.output)
    if args.year is not None and not 1990 <= args.year <= 2100:
        raise DrafterError("--year", f"年度 {args.year} 不合理")
    if out.exists() and not args.force:
        raise DrafterError(str(out), "文件已存在（加 --force 覆盖）")
    converted: Path | None = None
    if args.convert and src.suffix.lower() in CONVERTIBLE:
        converted = convert_with_libreoffice(src)
    try:
        result = import_file(converted or src, year=args.year)
    finally:
        if converted:
            shutil.rmtree(converted.parent, ignore_errors=True)
    save_draft(result.report, out)
    if args.json:
        print(json.dumps(result.to_json_dict(), ensure_ascii=False, indent=1))
        return 0
    meta = result.report.metadata
    print(f"已导入 {src} → {out}")
    print(f"机关：{meta.organ or '（未识别）'}　年度：{result.year_from} → {result.year_to}")
    print(
        f"标题 {sum(1 for h in result.headings if h.level == 1)} 个，正文段落 {result.paragraphs} 段"
    )
    for h in result.headings:
        if h.level == 1:
            area = f".{h.area}" if h.area else ""
            print(f"  {h.section}{area}\t{h.text}")
    if result.debris:
        print(f"已删除网页杂项 {len(result.debris)} 行")
    for n in result.notes:
        print(f"提示：{n}")
    return 0

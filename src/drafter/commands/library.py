"""`drafter library list|add PATH|remove ID`: the phrase library's reports.

PATH may be one report or a folder of them (subfolders too): duplicates and unreadable files
are skipped, each named with its reason on stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from drafter.core.library.corpus import Library
from drafter.core.library.library_folder import add_folder, list_reports


def register(sub) -> None:
    p = sub.add_parser("library", help="管理范文资料库（示例报告和自己的往年报告）")
    actions = p.add_subparsers(dest="action", required=True, metavar="list|add|remove")
    ls = actions.add_parser("list", help="列出资料库中的报告（机关、年度、表述段数）")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    add = actions.add_parser("add", help="加入往年报告（.docx 或 .txt），或一个文件夹中的全部报告")
    add.add_argument("path", metavar="PATH")
    rm = actions.add_parser("remove", help="删除自己加入的报告（连同其表述）")
    rm.add_argument("id", metavar="ID")
    p.set_defaults(func=run)


def _year(year: int) -> str:
    return f"{year}年度" if year else "年度不详"


def _add_folder(lib: Library, folder: Path) -> int:
    def progress(done: int, total: int) -> None:
        print(f"\r正在加入报告：{done}/{total}", end="", file=sys.stderr, flush=True)

    result = add_folder(lib, folder, progress)
    print(file=sys.stderr)
    for e in result.added:
        print(f"已加入：{e.id}\t{e.organ}\t{_year(e.year)}\t{e.file}")
    for s in result.skipped:
        print(f"跳过：{s.path}：{s.reason}", file=sys.stderr)
    print(f"共加入 {len(result.added)} 份，跳过 {len(result.skipped)} 份。")
    return 0 if result.added or not result.skipped else 2


def run(args) -> int:
    lib = Library.open()
    if args.action == "add":
        if Path(args.path).is_dir():
            return _add_folder(lib, Path(args.path))
        e = lib.add(args.path)
        print(f"已加入：{e.id}\t{e.organ}\t{_year(e.year)}\t{e.file}")
        return 0
    if args.action == "remove":
        e = lib.remove(args.id)
        print(f"已删除：{e.id}\t{e.organ}\t{e.file}")
        return 0
    listed = list_reports(lib)
    if args.json:
        print(json.dumps([x.to_dict() for x in listed], ensure_ascii=False, indent=1))
        return 0
    for x in listed:
        e = x.entry
        origin = "示例" if e.is_seed else "自有"
        print(f"{e.id}\t{origin}\t{e.organ}\t{_year(e.year)}\t{x.passages} 段表述\t{e.file}")
    return 0

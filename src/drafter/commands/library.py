"""`drafter library list|add PATH|remove ID`: the phrase library's reports."""

from __future__ import annotations

import json

from drafter.core.library.corpus import Library


def register(sub) -> None:
    p = sub.add_parser("library", help="管理范文资料库（示例报告和自己的往年报告）")
    actions = p.add_subparsers(dest="action", required=True, metavar="list|add|remove")
    ls = actions.add_parser("list", help="列出资料库中的报告")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    add = actions.add_parser("add", help="加入一份往年报告（.docx 或 .txt）")
    add.add_argument("path", metavar="PATH")
    rm = actions.add_parser("remove", help="删除自己加入的报告")
    rm.add_argument("id", metavar="ID")
    p.set_defaults(func=run)


def run(args) -> int:
    lib = Library.open()
    if args.action == "add":
        e = lib.add(args.path)
        print(f"已加入：{e.id}\t{e.organ}\t{e.year or '年度不详'}\t{e.file}")
        return 0
    if args.action == "remove":
        e = lib.remove(args.id)
        print(f"已删除：{e.id}\t{e.organ}\t{e.file}")
        return 0
    entries = lib.entries()
    if args.json:
        print(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=1))
        return 0
    for e in entries:
        origin = "示例" if e.is_seed else "自有"
        print(f"{e.id}\t{origin}\t{e.organ}\t{e.year or '年度不详'}\t{e.file}")
    return 0

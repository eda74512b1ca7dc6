"""`drafter fix DRAFT [--only CODE ...] [--dry-run] [--json]`: repair what the check found.

Without --only every mechanical fix is made (punctuation, brackets, spaces, 文号, dates,
repeats, year ranges); the structural repairs (section-order, S3-inside) only when named.
The draft is saved atomically, its previous version kept as the backup; --dry-run saves
nothing. Only drafts: a source document (.docx, .txt, …) is imported first.
"""

from __future__ import annotations

import json
from pathlib import Path

from drafter.core.draft import Draft
from drafter.core.errors import DrafterError
from drafter.core.fixing import MECHANICAL, STRUCTURAL, fix_draft
from drafter.core.reading.importer import is_draft


def register(sub) -> None:
    p = sub.add_parser("fix", help="修正检查发现的标点、空格、文号、日期等问题（仅草稿）")
    p.add_argument("draft", metavar="DRAFT", help="草稿文件（.json）")
    p.add_argument(
        "--only",
        nargs="+",
        metavar="CODE",
        help="只修正这些问题代码（如 halfwidth-punct stray-space；section-order、S3-inside 调整结构）",
    )
    p.add_argument("--dry-run", action="store_true", help="只列出将做的修改，不保存")
    p.add_argument("--json", action="store_true", help="以 JSON 输出所做的修改")
    p.set_defaults(func=run)


def run(args) -> int:
    path = Path(args.draft)
    if not path.exists():
        raise DrafterError(str(path), "文件不存在")
    if path.is_dir() or not is_draft(path):
        raise DrafterError(
            str(path),
            f"不是草稿文件，请先导入（import it first）：drafter import {path.name} -o 报告.json",
        )
    unknown = [c for c in args.only or () if c not in MECHANICAL + STRUCTURAL]
    if unknown:
        raise DrafterError(
            "--only",
            f"不能自动修正的问题代码：{'、'.join(unknown)}"
            f"（可用：{' '.join(MECHANICAL + STRUCTURAL)}）",
        )
    draft = Draft.open(path)
    outcome = fix_draft(draft.apply, draft.report, draft.skeleton, args.only)
    if outcome.records and not args.dry_run:
        draft.save_to(path)
    if args.json:
        print(json.dumps([r.to_dict() for r in outcome.records], ensure_ascii=False, indent=1))
        return 0
    verb = "将修正" if args.dry_run else "已修正"
    if not outcome.counts:
        print(f"{path}：没有可以自动修正的问题。")
        return 0
    total = sum(outcome.counts.values())
    print(f"{path}：{verb} {total} 处" + ("（未保存）" if args.dry_run else "（原文件已备份）"))
    for code, n in sorted(outcome.counts.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {code}\t{n} 处")
    return 0

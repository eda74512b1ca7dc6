"""`drafter new -o DRAFT --org NAME --year YYYY [--kind gov|dept] [--skeleton ID]
[--requirements FILE]`."""

from __future__ import annotations

from pathlib import Path

from drafter.core.errors import DrafterError
from drafter.core.model.skeleton import new_report, skeleton_ids
from drafter.core.reading.front_matter import organ_kind
from drafter.core.storage import save_draft


def register(sub) -> None:
    p = sub.add_parser("new", help="新建报告草稿")
    p.add_argument("-o", "--output", required=True, metavar="DRAFT", help="草稿文件")
    p.add_argument("--org", required=True, metavar="NAME", help="机关名称")
    p.add_argument("--year", required=True, type=int, metavar="YYYY", help="报告年度")
    p.add_argument("--kind", choices=["gov", "dept"], default=None, help="政府或部门")
    p.add_argument("--skeleton", metavar="ID", help="报告结构（默认按年度选择）")
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.add_argument(
        "--requirements", metavar="FILE", help="按审核部门的要求文件（提纲）搭建报告结构"
    )
    p.set_defaults(func=run)


def run(args) -> int:
    out = Path(args.output)
    org = args.org.strip()
    if not org:
        raise DrafterError("--org", "机关名称不能为空")
    if not 1990 <= args.year <= 2100:
        raise DrafterError("--year", f"年度 {args.year} 不合理")
    if args.skeleton and args.skeleton not in skeleton_ids():
        raise DrafterError(args.skeleton, f"没有这个报告结构（可选：{'、'.join(skeleton_ids())}）")
    if out.exists() and not args.force:
        raise DrafterError(str(out), "文件已存在（加 --force 覆盖）")
    kind = args.kind or organ_kind(org)
    if args.requirements:
        from drafter.core.checks.requirements import load_requirements

        if args.skeleton:
            raise DrafterError("--skeleton", "与 --requirements 不能同时使用（提纲由要求文件给出）")
        req = load_requirements(args.requirements)
        report = req.new_report(org, args.year, kind)
        about = f"按“{req.name}”的提纲"
    else:
        report = new_report(org, args.year, kind, args.skeleton)
        about = f"结构 {report.skeleton}"
    save_draft(report, out)
    print(f"已创建 {out}（{report.metadata.year}年度，{about}）")
    return 0

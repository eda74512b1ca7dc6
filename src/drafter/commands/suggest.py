"""`drafter suggest TEXT [--section ID] [--draft DRAFT] [-n N] [--json]`: phrasing from the
library. Given the draft being written, its own source report and the text it already
holds are never suggested, and in S4 its S2 items find plans too."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.core.library.draft_context import DraftView
from drafter.core.library.retrieval import default_suggester, parse_section_id
from drafter.core.storage import load_draft


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"条数应为正整数：{value}")
    return n


def register(sub) -> None:
    p = sub.add_parser("suggest", help="从范文资料库推荐写法")
    p.add_argument("text", metavar="TEXT", help="正在写的内容或关键词")
    p.add_argument(
        "--section",
        metavar="ID",
        help="正在写的章节：S1…S5、S1.A…S1.J 或工作领域字母 A…J",
    )
    p.add_argument(
        "--draft",
        metavar="DRAFT",
        help="正在写的草稿：不推荐其来源报告和草稿中已有的内容",
    )
    p.add_argument("-n", type=_count, default=5, metavar="N", help="推荐条数（默认 5）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def run(args) -> int:
    section, area = parse_section_id(args.section)
    draft = DraftView.of(load_draft(args.draft)) if args.draft else None
    suggester = default_suggester()
    if not suggester.is_cached():
        print("正在建立范文资料库索引（首次使用或资料库有变化时需要）……", file=sys.stderr)
    results = suggester.suggest(args.text, section=section, area=area, n=args.n, draft=draft)
    if args.json:
        print(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1))
        return 0
    if not results:
        print("资料库中没有相关的写法。")
        return 0
    for i, r in enumerate(results, 1):
        where = f"{r.section}.{r.area}" if r.section and r.area else (r.section or "开头/结尾")
        print(f"{i}. [{where}] 来源：{r.source}（得分 {r.score:.2f}）")
        print(f"   {r.text}")
        print(f"   模板：{r.template}")
    return 0

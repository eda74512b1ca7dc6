"""`drafter skeletons [--json]`: the report skeletons available."""

from __future__ import annotations

import json

from drafter.core.model.skeleton import all_skeletons


def register(sub) -> None:
    p = sub.add_parser("skeletons", help="列出可用的报告结构")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def run(args) -> int:
    sks = all_skeletons()
    if args.json:
        out = []
        for sk in sks:
            out.append(
                {
                    "id": sk.id,
                    "name": sk.name,
                    "description": sk.description,
                    "gangyao": sk.gangyao,
                    "years": [sk.first_year, sk.last_year],
                    "sections": [
                        {
                            "id": s.id,
                            "title": s.title,
                            "required": s.required,
                            "indicators": list(s.indicators),
                            "areas": [
                                {"id": a.id, "title": a.title, "indicators": list(a.indicators)}
                                for a in s.areas
                            ],
                        }
                        for s in sk.sections
                    ],
                }
            )
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    for sk in sks:
        print(f"{sk.id}\t{sk.name}\t{sk.description}")
        for s in sk.sections:
            flag = "" if s.required else "（可选）"
            print(f"  {s.id} {s.title}{flag}")
            for a in s.areas:
                print(f"     {a.id} {a.title}")
    return 0

"""Heading numbering as written in a source document: gaps, repeats, a level skipped, mixed
"1." and "1、", half-width brackets ("(一)").

The model stores headings without their numbers (it computes them), so this check reads the
source's raw paragraphs; drafts made in drafter are numbered by the program and need no check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.core.checks.finding import Finding

_CN = "一二三四五六七八九十"
_NUM_PATTERNS = (
    (1, re.compile(rf"^([{_CN}]{{1,3}})\s*[、．]")),
    (2, re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]")),
    (3, re.compile(r"^(\d{1,2})\s*([.．、])")),
)
_AMOUNT = re.compile(r"\d*\s*(万|亿|%|％|个百分点|倍|元|件|项|人|个|家|户|次|小时|天)")
LEVEL_STYLE = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def _cn_value(s: str) -> int:
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    if "十" in s:
        head, _, tail = s.partition("十")
        return (digits.get(head, 1) if head else 1) * 10 + (digits.get(tail, 0) if tail else 0)
    return digits.get(s, 0)


def check_numbering(lines: list[str]) -> Iterator[Finding]:
    """Gaps, repeats, skipped levels and mixed "1." / "1、" in the source's heading numbers.

    Numbering may restart under each parent or run on through the document (both are used);
    a number fits when it is 1, the next under its parent, or the next overall.
    """
    in_parent: dict[int, int | None] = {1: None, 2: None, 3: None, 4: None}
    overall: dict[int, int] = {1: 0, 2: 0, 3: 0, 4: 0}
    seen_levels: set[int] = set()
    styles3: dict[str, str] = {}
    halfwidth: list[str] = []
    for raw in lines:
        line = raw.strip(" \t\u3000\ufeff")
        for level, rx in _NUM_PATTERNS:
            m = rx.match(line)
            if not m:
                continue
            value = _cn_value(m.group(1)) if level <= 2 else int(m.group(1))
            if level == 3:
                rest = line[m.end() :]
                decimal = m.group(2) in ".．" and rest[:1].isdigit()
                if decimal and (value != (in_parent[3] or 0) + 1 or _AMOUNT.match(rest)):
                    break  # "2.5亿元…": a number, not a heading
                styles3.setdefault("、" if m.group(2) == "、" else ".", line[:16])
            shown = line[: m.end()].strip()
            if level in (2, 4) and ("(" in shown or ")" in shown):
                halfwidth.append(shown)
            prev = in_parent[level]
            fits = value == 1 or value == (prev or 0) + 1 or value == overall[level] + 1
            if prev is not None and value == prev:
                yield _numbering("numbering-repeat", f"标题编号“{shown}”重复：{line[:20]}")
            elif not fits:
                want = (prev or 0) + 1
                yield _numbering(
                    "numbering-gap",
                    f"标题编号不连续：“{shown}”前应为第{want}项（{line[:20]}）。",
                )
            elif (
                level > 1
                and any(lv < level - 1 for lv in seen_levels)
                and (level - 1 not in seen_levels)
            ):
                yield Finding(
                    "numbering-level-skipped",
                    "info",
                    f"标题层级跳过了一级：“{shown}”直接出现在上一级“{LEVEL_STYLE[level - 2]}”之下"
                    f"（{line[:20]}）。",
                    "层次序数依次用“一、”“（一）”“1.”“（1）”。",
                )
            in_parent[level] = value
            overall[level] = max(overall[level], value)
            for lower in range(level + 1, 5):
                in_parent[lower] = None
                seen_levels.discard(lower)
            seen_levels.add(level)
            break
    if halfwidth:
        yield Finding(
            "numbering-halfwidth",
            "warning",
            f"标题编号用了半角括号（如“{halfwidth[0]}”），共 {len(halfwidth)} 处。",
            "标题序数用全角括号：“（一）”“（1）”。",
        )
    if len(styles3) > 1:
        yield _numbering(
            "numbering-mixed",
            f"第三层标题编号混用“1.”和“1、”（如“{styles3['.']}”与“{styles3['、']}”）。",
            "第三层序数统一写作“1.”。",
        )


def _numbering(code: str, message: str, hint: str = "") -> Finding:
    return Finding(code, "warning", message, hint or "按顺序连续编号，不重复、不跳号。")

"""Zeros written in words: "全年无行政复议案件", "未发生行政诉讼案件", "零投诉", "行政诉讼案件
为零" (0 件); "差评率为0" (0 %).

A zero is a figure like any other: the indicator whose words stand in the same clause takes it,
so a report that says it had no 复议 cases covers 行政复议 with the figure 0.
"""

from __future__ import annotations

import re

# "无" + a short noun phrase + the thing counted. Not 无法 (cannot), 无论 (whatever), 无纸化 …
_NONE = re.compile(
    r"(?:(?<![毫并从])无(?![法论需疑偿缝私限期效权证关意形纸差障人机])|未发生|没有发生|没有)"
    r"(?P<what>[^，。；,;：:！？!?、\s]{0,12}?(?:、[^，。；,;：:！？!?、\s]{1,12}?){0,3})"
    r"(?P<noun>案件|事件|事故|投诉|败诉|纠错案件)(?:发生)?"
)
# "零投诉", "零事故", "零差评"
_ZERO_WORD = re.compile(
    r"(?<![一二三四五六七八九十百千万\d.])零(?P<noun>投诉|事故|案件|差评|败诉|纠错)"
)
# "差评率为0", "纠错率为零", "案件数为0"; not "为0.5%" (an Arabic figure with a unit).
_IS_ZERO = re.compile(
    r"(?P<what>率|案件数?|件数|数量|起数|申请数?)(?:均|仍|也)?(?:为|是|保持)\s*(?:0|零)(?![\d.%％０-９])"
    r"(?!件|起|个|项|人|次)"
)


def zero_figures(text: str) -> list[tuple[str, float, str, int, int, str]]:
    """(text, 0.0, unit, start, end, "") for every zero written in words in text."""
    out = []
    for m in _NONE.finditer(text):
        out.append((m.group(0), 0.0, "件", m.start(), m.end(), ""))
    for m in _ZERO_WORD.finditer(text):
        out.append((m.group(0), 0.0, "件", m.start(), m.end(), ""))
    for m in _IS_ZERO.finditer(text):
        unit = "%" if m.group("what") == "率" else "件"
        start = m.end("what")  # "为0": the rate's name belongs to the clause, not the figure
        out.append((text[start : m.end()], 0.0, unit, start, m.end(), ""))
    return out
